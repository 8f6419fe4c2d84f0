// Loads HTML pages made by `vitae render --format html` in Debian's
// chromium, as a phone (375 px) and a desktop (1280 px) would, light and
// dark, and prints one JSON line per page for tests/it/html.rs to judge:
//
//   { "page", "text", "problems": [...], "overflow": {"375": px, ...} }
//
// `text` is the rendered DOM's innerText at desktop width; `problems` are
// console errors and warnings, uncaught errors and failed requests;
// `overflow` is how far the page scrolls sideways at each width (0 is
// right). With --screenshots DIR it also saves <name>-<width>.png there:
// the first screen of the page, as a visitor sees it.
//
// Setup: apt-get install chromium && npm ci --prefix scripts/browser

import { chromium } from "playwright-core";
import path from "node:path";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
let screenshots = null;
const at = args.indexOf("--screenshots");
if (at >= 0) {
  screenshots = args[at + 1];
  args.splice(at, 2);
}

// The flags that keep chromium quiet on a machine with no network.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

const widths = [375, 1280];
for (const file of args) {
  const result = { page: file, text: "", problems: [], overflow: {} };
  for (const colorScheme of ["light", "dark"]) {
    for (const width of widths) {
      const context = await browser.newContext({
        viewport: { width, height: 900 },
        colorScheme,
      });
      const page = await context.newPage();
      const where = `${colorScheme}, ${width} px`;
      page.on("console", (message) => {
        if (message.type() === "error" || message.type() === "warning") {
          result.problems.push(`console ${message.type()} (${where}): ${message.text()}`);
        }
      });
      page.on("pageerror", (error) => result.problems.push(`error (${where}): ${error.message}`));
      page.on("requestfailed", (request) =>
        result.problems.push(`request failed (${where}): ${request.url()}`),
      );
      await page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: "load" });
      const measured = await page.evaluate(() => ({
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        text: document.body.innerText,
      }));
      if (colorScheme === "light") {
        result.overflow[width] = measured.overflow;
        if (width === 1280) result.text = measured.text;
        if (screenshots) {
          const name = path.basename(file, ".html");
          await page.screenshot({
            path: path.join(screenshots, `${name}-${width}.png`),
            fullPage: false,
          });
        }
      }
      await context.close();
    }
  }
  console.log(JSON.stringify(result));
}
await browser.close();
