// What a pdf.js-based résumé parser sees in a PDF: text items as pdf.js
// returns them, whitespace-only items dropped (parsers drop them), items
// grouped into lines and merged when closer than a typical character, the
// way open-source parsers rebuild lines. Prints one line per row, items
// separated by " | ".
//
//   npm install --prefix scripts/ats   (once: pdfjs-dist)
//   node scripts/ats/lines.mjs me.pdf
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { readFileSync } from "node:fs";

const data = new Uint8Array(readFileSync(process.argv[2]));
const doc = await getDocument({ data, verbosity: 0 }).promise;
let items = [];
for (let p = 1; p <= doc.numPages; p++) {
  const page = await doc.getPage(p);
  const content = await page.getTextContent();
  for (const it of content.items) {
    items.push({ text: it.str, x: it.transform[4], y: it.transform[5], width: it.width, height: it.height, font: it.fontName, eol: it.hasEOL, page: p });
  }
}
// Parsers drop whitespace-only items.
items = items.filter((it) => it.eol || it.text.trim() !== "");
// The typical character width: of the most common font and height.
const key = (it) => `${it.font}/${Math.round(it.height)}`;
const counts = new Map();
for (const it of items) if (it.text) counts.set(key(it), (counts.get(key(it)) ?? 0) + it.text.length);
const common = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
let chars = 0, width = 0;
for (const it of items) if (key(it) === common) { chars += it.text.length; width += it.width; }
const typical = chars ? width / chars : 5;
// Lines end where pdf.js marks an end of line.
const lines = [[]];
for (const it of items) {
  if (it.text) lines[lines.length - 1].push(it);
  if (it.eol && lines[lines.length - 1].length) lines.push([]);
}
for (const line of lines) {
  const merged = [];
  for (const it of line) {
    const left = merged[merged.length - 1];
    if (left && left.page === it.page && Math.abs(left.y - it.y) < 1 && it.x - (left.x + left.width) <= typical) {
      left.text += it.text;
      left.width = it.x + it.width - left.x;
    } else {
      merged.push({ ...it });
    }
  }
  if (merged.length) console.log(merged.map((m) => m.text).join(" | "));
}
