#!/usr/bin/env bash
# What page budgets, variants and imports cost, whole process: an example
# without and with `pages = 1`, a profile that cannot fit (the error path),
# one variant, every variant of the example, and a RenderCV import.
# Usage: scripts/bench-fit.sh [RUNS]     (default: 30 runs; needs hyperfine)
set -euo pipefail
runs=${1:-30}
source "$(dirname "$0")/bench-common.sh"
cp "$repo"/profiles/priya-raman.toml "$repo"/profiles/mira-lindqvist.toml "$work/"

# Twelve jobs of six bullets: no squeeze fits that on one page.
{
  printf '[basics]\nname = "Long Story"\n\n[theme]\npages = 1\n'
  for i in $(seq 0 11); do
    printf '\n[[work]]\nname = "Company %s"\nposition = "Engineer"\nhighlights = [\n' "$i"
    for j in $(seq 0 5); do
      printf '  "Delivered project %s.%s, which took a long sentence to describe properly.",\n' "$i" "$j"
    done
    printf ']\n'
  done
} > "$work/long.toml"

cd "$work"
hyperfine -N -i --warmup 3 --runs "$runs" \
  -n "priya, no budget" "$vitae render priya-raman.toml -o a.pdf -q" \
  -n "priya, pages=1 (fits at spacing 70 %)" "$vitae render priya-raman.toml -o b.pdf -q --theme pages=1" \
  -n "mira, pages=1 (fits at spacing 90 %)" "$vitae render mira-lindqvist.toml -o c.pdf -q --theme pages=1" \
  -n "cannot fit: the error" "$vitae render long.toml -o d.pdf -q" \
  -n "priya --variant risk" "$vitae render priya-raman.toml --variant risk -o e.pdf -q" \
  -n "priya --all-variants -j1" "$vitae render priya-raman.toml --all-variants -o out/ -q -j1"
hyperfine -N --warmup 3 --runs "$runs" --prepare "rm -f $work/cv.toml" \
  -n "import RenderCV" "$vitae import $repo/tests/rendercv/full.yaml -o $work/cv.toml"
