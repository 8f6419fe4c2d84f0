#!/usr/bin/env bash
# Exercises .pre-commit-hooks.yaml with the real pre-commit client (from PyPI)
# in a temporary git repository: the first commit fails after writing the PDF,
# the second (with the PDF added) passes; --check then passes in "CI".
# Usage: scripts/test-pre-commit.sh [PIP-SPEC]   e.g. 'pre-commit==4.3.0'
# (.ci/run runs it with the newest pre-commit and with one older than 4.4,
# where `language: system` was renamed `unsupported`.)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
fail() { echo "test-pre-commit: FAIL: $*" >&2; exit 1; }

# The binary the integration tests use: after `cargo test --release` (as in
# .ci/run) this builds nothing. `cargo build --release` would compile Typst
# again, since dev-dependencies change the features of shared crates.
cargo test --release --no-run --quiet --manifest-path "$repo/Cargo.toml"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet "${1:-pre-commit}"
export PATH="${CARGO_TARGET_DIR:-$repo/target}/release:$work/venv/bin:$PATH"
export PRE_COMMIT_HOME="$work/cache"
echo "pre-commit $(pre-commit --version | cut -d' ' -f2), vitae at $(command -v vitae)"

# The hooks are read from a commit: use a snapshot of the working tree, so the
# script also tests uncommitted changes to .pre-commit-hooks.yaml.
hooks="$work/hooks-repo"
git clone --quiet "$repo" "$hooks"
cp "$repo/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" -c user.email=ci@vitae.test -c user.name=ci commit --quiet --allow-empty -am "hooks under test"
rev=$(git -C "$hooks" rev-parse HEAD)

cd "$work" && git init --quiet cvs && cd cvs
git config user.email ci@vitae.test && git config user.name ci
mkdir profiles && cp "$repo/profiles/sam-export.toml" profiles/
printf 'name = "not a profile"\n' > Cargo.toml   # other TOML files are left alone
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: vitae
YAML
pre-commit install --install-hooks >/dev/null
git add .

# 1. The first commit renders the PDF and fails so that it can be added.
if git commit --quiet -m "add profile" >"$work/first.log" 2>&1; then
  cat "$work/first.log"; fail "the first commit should fail after writing the PDF"
fi
[ -s profiles/sam-export.pdf ] || fail "the hook did not write profiles/sam-export.pdf"
grep -q "add them to your commit" "$work/first.log" || { cat "$work/first.log"; fail "no hint to add the PDF"; }

# 2. With the PDF added, the commit passes and nothing is rewritten.
before=$(stat -c %Y profiles/sam-export.pdf)
git add profiles/sam-export.pdf
git commit --quiet -m "add profile" >"$work/second.log" 2>&1 || { cat "$work/second.log"; fail "the second commit should pass"; }
[ "$(stat -c %Y profiles/sam-export.pdf)" = "$before" ] || fail "the PDF was rewritten"

# 3. An edit makes the PDF stale: --check (what CI runs) fails, the hook updates it.
sed -i 's/Product-minded engineer/Product-minded staff engineer/' profiles/sam-export.toml
if vitae render profiles/ --check --quiet 2>/dev/null; then fail "--check should fail on a stale PDF"; fi
git add profiles/sam-export.toml
if git commit --quiet -m "edit" >/dev/null 2>&1; then fail "the commit with a stale PDF should fail"; fi
git add profiles/sam-export.pdf
git commit --quiet -m "edit" || fail "the commit with the updated PDF should pass"
vitae render profiles/ --check --quiet || fail "--check should pass after the hook updated the PDF"

echo "test-pre-commit: 3 passed, 0 failed"
