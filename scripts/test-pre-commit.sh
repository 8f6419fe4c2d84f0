#!/usr/bin/env bash
# Pastes the README's two .pre-commit-config.yaml snippets into new git
# repositories and commits with the real pre-commit client (from PyPI):
#   1. `repo: local`, exactly as written;
#   2. this repository at the README's `rev:` tag, from a clean clone (only the
#      placeholder URL is replaced by the clone's path);
#   3. this working tree's .pre-commit-hooks.yaml (uncommitted changes too).
# Each time the first commit fails after writing the PDF, the second (with the
# PDF added) passes, and after an edit --check fails until the hook updated it.
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

# The README's yaml blocks after "**Pre-commit hook.**", numbered from 1.
snippet() {
  awk -v want="$1" '
    /^\*\*Pre-commit hook\.\*\*/ { on = 1 }
    on && /^```yaml/ { n++; inside = (n == want); next }
    inside && /^```/ { exit }
    inside { print }
  ' "$repo/README.md"
}

# One repository of profiles with `config` as its .pre-commit-config.yaml.
scenario() {
  local name=$1 config=$2
  local cvs="$work/cvs-$name"
  git init --quiet "$cvs"
  cd "$cvs"
  git config user.email ci@vitae.test && git config user.name ci
  mkdir profiles && cp "$repo/profiles/sam-export.toml" profiles/
  printf 'name = "not a profile"\n' > Cargo.toml   # other TOML files are left alone
  printf '%s\n' "$config" > .pre-commit-config.yaml
  pre-commit install --install-hooks >/dev/null || fail "$name: pre-commit could not install the hooks"
  git add .

  # 1. The first commit renders the PDF and fails so that it can be added.
  if git commit --quiet -m "add profile" >"$work/first.log" 2>&1; then
    cat "$work/first.log"; fail "$name: the first commit should fail after writing the PDF"
  fi
  [ -s profiles/sam-export.pdf ] || { cat "$work/first.log"; fail "$name: the hook did not write profiles/sam-export.pdf"; }
  grep -q "add them to your commit" "$work/first.log" || { cat "$work/first.log"; fail "$name: no hint to add the PDF"; }

  # 2. With the PDF added, the commit passes and nothing is rewritten.
  local before
  before=$(stat -c %Y profiles/sam-export.pdf)
  git add profiles/sam-export.pdf
  git commit --quiet -m "add profile" >"$work/second.log" 2>&1 || { cat "$work/second.log"; fail "$name: the second commit should pass"; }
  [ "$(stat -c %Y profiles/sam-export.pdf)" = "$before" ] || fail "$name: the PDF was rewritten"

  # 3. An edit makes the PDF stale: --check (what CI runs) fails, the hook updates it.
  sed -i 's/Product-minded engineer/Product-minded staff engineer/' profiles/sam-export.toml
  if vitae render profiles/ --check --quiet 2>/dev/null; then fail "$name: --check should fail on a stale PDF"; fi
  git add profiles/sam-export.toml
  if git commit --quiet -m "edit" >/dev/null 2>&1; then fail "$name: the commit with a stale PDF should fail"; fi
  git add profiles/sam-export.pdf
  git commit --quiet -m "edit" || fail "$name: the commit with the updated PDF should pass"
  vitae render profiles/ --check --quiet || fail "$name: --check should pass after the hook updated the PDF"
  echo "test-pre-commit: $name: passed"
}

# 1. The local snippet, exactly as pasted.
local_snippet=$(snippet 1)
grep -q "repo: local" <<<"$local_snippet" || fail "README: the first snippet is not the repo: local one"
scenario pasted-local "$local_snippet"

# 2. The tagged snippet, from a clean clone: its rev must be a real tag.
tagged_snippet=$(snippet 2)
rev=$(sed -n 's/^ *rev: *\([^ #]*\).*/\1/p' <<<"$tagged_snippet")
[ "$rev" = "v$(sed -n 's/^version = "\(.*\)"/\1/p' "$repo/Cargo.toml" | head -1)" ] \
  || fail "README: rev $rev is not v + the version in Cargo.toml"
clone="$work/clean-clone"
git clone --quiet "$repo" "$clone"
if [ -z "$(git -C "$repo" tag --list)" ]; then
  # A CI checkout may fetch no tags at all: tag the clone so the snippet
  # still runs as pasted (tests/it/conventions.rs checks the tag in a full clone).
  echo "test-pre-commit: this checkout has no tags; tagging the clone's HEAD as $rev"
  git -C "$clone" -c user.email=ci@vitae.test -c user.name=ci tag -a "$rev" -m "$rev"
fi
git -C "$clone" rev-parse --quiet --verify "refs/tags/$rev" >/dev/null \
  || fail "README: rev $rev is not a tag of this repository (git tag -a $rev)"
scenario pasted-tagged "$(sed "s|^\( *- repo:\) .*|\1 $clone|" <<<"$tagged_snippet")"

# 3. This working tree's hooks (a snapshot commit, so uncommitted edits count).
hooks="$work/hooks-repo"
git clone --quiet "$repo" "$hooks"
cp "$repo/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" -c user.email=ci@vitae.test -c user.name=ci commit --quiet --allow-empty -am "hooks under test"
scenario working-tree "repos:
  - repo: $hooks
    rev: $(git -C "$hooks" rev-parse HEAD)
    hooks:
      - id: vitae"

echo "test-pre-commit: 3 passed, 0 failed"
