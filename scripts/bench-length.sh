#!/usr/bin/env bash
# How render time grows with profile length: the work history of
# profiles/priya-raman.toml repeated 1, 2, 4 and 8 times (about 1, 2, 4 and 8
# pages in classic), each rendered as one whole `vitae render` process.
# Usage: scripts/bench-length.sh [RUNS]   (default 15)
set -euo pipefail
runs=${1:-15}
source "$(dirname "$0")/bench-common.sh"
src="$repo/profiles/priya-raman.toml"
head=$(sed -n '1,/^\[\[work\]\]/p' "$src" | sed '$d')
body=$(sed -n '/^\[\[work\]\]/,/^\[\[education\]\]/p' "$src" | sed '$d')
tail=$(sed -n '/^\[\[education\]\]/,$p' "$src")
for copies in 1 2 4 8; do
  { echo "$head"; for ((i = 0; i < copies; i++)); do echo "$body"; done; echo "$tail"; } > "$work/p$copies.toml"
  "$vitae" render "$work/p$copies.toml" -q
  pages=$(python3 -c "import re,sys; print(len(re.findall(rb'/Type\s*/Page[^s]', open(sys.argv[1],'rb').read())))" "$work/p$copies.pdf")
  hyperfine -N --warmup 2 --runs "$runs" --export-json "$work/t.json" "$vitae render $work/p$copies.toml -o $work/out.pdf -q" >/dev/null 2>&1
  python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print(f'{sys.argv[2]}× work history: {sys.argv[3]} pages, median {r[\"median\"]*1000:.1f} ms')" "$work/t.json" "$copies" "$pages"
done
