#!/usr/bin/env bash
# Regenerates the README gallery: the first page of each layout, rendered
# from the example that shows it best, as docs/gallery/<layout>.png, and
# the example cover letter as docs/gallery/letter.png.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
cargo build --release --quiet
mkdir -p docs/gallery
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for pair in classic:priya-raman modern:priya-raman compact:daniel-okafor notebook:mira-lindqvist academic:helena-brandt timeline:priya-raman banner:helena-brandt; do
  layout=${pair%%:*}
  profile=${pair#*:}
  "${CARGO_TARGET_DIR:-target}/release/vitae" render "profiles/$profile.toml" --layout "$layout" --format png --ppi 90 -o "$out/$layout.pdf" --quiet
  cp "$out/$layout-1.png" "docs/gallery/$layout.png"
done
# A cover letter, in the modern layout.
"${CARGO_TARGET_DIR:-target}/release/vitae" render profiles/priya-raman.toml --letter northwind --layout modern --format png --ppi 90 -o "$out/letter.pdf" --quiet
cp "$out/letter-1.png" docs/gallery/letter.png
# The HTML page (--format html) is photographed by its browser test:
#   VITAE_UPDATE_REFERENCES=1 cargo test --release --test it html::
ls -la docs/gallery
