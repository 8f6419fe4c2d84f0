# Sourced by the bench-*.sh scripts: builds vitae in release mode and sets
# `repo` (the checkout), `vitae` (the binary, honouring CARGO_TARGET_DIR)
# and `work` (a temporary folder, removed on exit).
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cargo build --release --quiet --manifest-path "$repo/Cargo.toml"
# VITAE=path/to/vitae benchmarks another build (e.g. the previous release).
vitae="${VITAE:-${CARGO_TARGET_DIR:-$repo/target}/release/vitae}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
