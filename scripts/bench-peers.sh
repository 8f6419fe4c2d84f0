#!/usr/bin/env bash
# vitae side by side with its peers, on the same content:
#   - vitae:          vitae render profiles/priya-raman.toml (classic layout)
#   - typst CLI:      the same layout and the same data (vitae --format json),
#                     compiled by `typst compile` 0.15.1 with its default font
#                     discovery (system fonts + --font-path fonts/), and with
#                     --ignore-system-fonts
#   - RenderCV:       the same content in RenderCV's YAML
#                     (scripts/peers/priya-raman.rendercv.yaml), classic theme, PDF only
# Prints medians (hyperfine), ratios to vitae, and peak RSS.
#
# Installs what is missing under target/peers/: RenderCV from PyPI in a venv,
# and typst-cli 0.15.1 with `cargo install` (about 10 minutes the first time).
# RenderCV's themes import the Typst package @preview/fontawesome, which
# Typst would download; there is no network here, so a stand-in package with
# the same `fa-icon` function (drawing blank boxes) is placed in the package
# cache. Icons are a few glyphs; the comparison is otherwise like for like.
#
# Usage: scripts/bench-peers.sh [RUNS]   (default 20)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-20}
peers="$repo/target/peers"
mkdir -p "$peers"
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }

cargo build --release --quiet --manifest-path "$repo/Cargo.toml"
vitae="${CARGO_TARGET_DIR:-$repo/target}/release/vitae"

if [ ! -x "$peers/venv/bin/rendercv" ]; then
  python3 -m venv "$peers/venv"
  # RenderCV 2.3 imports click without declaring it.
  "$peers/venv/bin/pip" install --quiet "rendercv[full]" click
fi
typst="$peers/typst/bin/typst"
if [ ! -x "$typst" ]; then
  cargo install typst-cli --version 0.15.1 --locked --root "$peers/typst"
fi

export XDG_CACHE_HOME="$peers/cache"
stub="$XDG_CACHE_HOME/typst/packages/preview/fontawesome/0.5.0"
mkdir -p "$stub"
printf '[package]\nname = "fontawesome"\nversion = "0.5.0"\nentrypoint = "lib.typ"\n' > "$stub/typst.toml"
printf '#let fa-icon(name, size: 1em, ..args) = box(width: size, height: size)\n' > "$stub/lib.typ"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$repo/profiles/priya-raman.toml" "$work/priya.toml"
cp "$repo/scripts/peers/priya-raman.rendercv.yaml" "$work/priya.yaml"
# The typst CLI project: vitae's layout, vitae's helpers, vitae's data.
mkdir -p "$work/project/@vitae"
cp "$repo/layouts/classic/main.typ" "$work/project/"
cp "$repo/layouts/vitae.typ" "$work/project/@vitae/"
"$vitae" render "$work/priya.toml" --format json -o "$work/project/profile.pdf" --quiet

cd "$work"
echo "machine: $(nproc) cores, $(uname -m); vitae $("$vitae" --version | cut -d' ' -f2), $("$typst" --version | head -1), RenderCV $("$peers/venv/bin/pip" show rendercv | sed -n 's/^Version: //p')"
hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/times.json" --style none \
  -n vitae "$vitae render priya.toml -o vitae.pdf --quiet" \
  -n "typst compile (system fonts)" "$typst compile --root project --font-path $repo/fonts project/main.typ typst.pdf" \
  -n "typst compile (--ignore-system-fonts)" "$typst compile --root project --font-path $repo/fonts --ignore-system-fonts project/main.typ typst.pdf" \
  -n RenderCV "$peers/venv/bin/rendercv render priya.yaml --dont-generate-png --dont-generate-html --dont-generate-markdown" \
  >/dev/null

python3 - "$work/times.json" "$vitae" "$typst" "$peers/venv/bin/rendercv" "$repo/fonts" <<'PY'
import json, resource, subprocess, sys
times, vitae, typst, rendercv, fonts = sys.argv[1:]
commands = {
    "vitae": [vitae, "render", "priya.toml", "-o", "vitae.pdf", "--quiet"],
    "typst compile (system fonts)": [typst, "compile", "--root", "project", "--font-path", fonts, "project/main.typ", "typst.pdf"],
    "typst compile (--ignore-system-fonts)": [typst, "compile", "--root", "project", "--font-path", fonts, "--ignore-system-fonts", "project/main.typ", "typst.pdf"],
    "RenderCV": [rendercv, "render", "priya.yaml", "--dont-generate-png", "--dont-generate-html", "--dont-generate-markdown"],
}
def peak_rss_mib(cmd):
    # Run in a fresh Python child so RUSAGE_CHILDREN sees only this command.
    code = "import resource,subprocess,sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    return int(subprocess.run([sys.executable, "-c", code, *cmd], capture_output=True, text=True, check=True).stdout) / 1024
results = {r["command"]: r for r in json.load(open(times))["results"]}
base = results["vitae"]["median"]
print(f"{'tool':40} {'median':>10} {'vs vitae':>9} {'peak RSS':>9}")
for name, r in results.items():
    print(f"{name:40} {r['median']*1000:8.1f} ms {r['median']/base:8.1f}× {peak_rss_mib(commands[name]):6.0f} MiB")
PY
