#!/usr/bin/env bash
# A long fuzz run: the `fuzz::` properties (arbitrary bytes, TOML-shaped
# text, generated profiles through the whole pipeline, and the linear-time
# properties of the markup parser and the profile loader), in rounds of
# 2,000 cases each, until MINUTES have passed. Usage: scripts/fuzz.sh [MINUTES]
# A failing round's output is kept in target/fuzz-failure-N.log; proptest
# saves the failing seed under tests/proptest-regressions/.
set -uo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-30}
cargo test --release --test it --no-run >/dev/null 2>&1 || { echo "build failed"; exit 1; }
end=$(( $(date +%s) + minutes * 60 ))
round=0; failed=0
while [ "$(date +%s)" -lt "$end" ]; do
  round=$((round + 1))
  start=$(date +%s)
  if PROPTEST_CASES=2000 cargo test --release --test it fuzz:: -- --test-threads 1 >"target/fuzz-round.log" 2>&1; then
    echo "round $round: passed in $(( $(date +%s) - start )) s"
  else
    failed=$((failed + 1))
    cp target/fuzz-round.log "target/fuzz-failure-$round.log"
    echo "round $round: FAILED (target/fuzz-failure-$round.log)"
  fi
done
echo "$round rounds, $failed failed"
[ "$failed" -eq 0 ]
