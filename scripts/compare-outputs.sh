#!/usr/bin/env bash
# Renders every example in every layout, budgets, variants, png and json; prints sha256 of each output.
# usage: scripts/compare-outputs.sh BIN OUTDIR  (writes OUTDIR.sha; diff two of them)
set -u
bin=$1; out=$2; rm -rf "$out"; mkdir -p "$out"
cd "$(dirname "$0")/.."
for p in profiles/*.toml; do
  s=$(basename "$p" .toml)
  for l in classic compact modern notebook; do
    "$bin" render "$p" --layout $l -o "$out/$s-$l.pdf" -q 2>>"$out/stderr.txt"
    for n in 1 2; do "$bin" render "$p" --layout $l --theme pages=$n -o "$out/$s-$l-p$n.pdf" -q 2>>"$out/stderr.txt"; done
  done
  "$bin" render "$p" -o "$out/$s.pdf" -q 2>>"$out/stderr.txt"
  "$bin" render "$p" --format png -o "$out/$s-png.pdf" -q 2>>"$out/stderr.txt"
  "$bin" render "$p" --format json -o "$out/$s-json.pdf" -q 2>>"$out/stderr.txt"
  mkdir -p "$out/var-$s"; "$bin" render "$p" --all-variants -o "$out/var-$s/" -q 2>>"$out/stderr.txt"
  "$bin" export "$p" --to json-resume > "$out/$s.export.json" 2>>"$out/stderr.txt"
done
SOURCE_DATE_EPOCH=1700000000 "$bin" render profiles/priya-raman.toml -o "$out/sde.pdf" -q 2>>"$out/stderr.txt"
(cd "$out" && find . -type f ! -name stderr.txt | sort | xargs sha256sum) > "$out.sha"
wc -l < "$out.sha"
