#!/usr/bin/env bash
# Batch throughput and memory: renders N distinct profiles (the examples with
# a number added to each name, so no two documents are the same) with -j1 and
# -j2, and reports PDFs/s and the peak RSS of the whole process.
# Usage: scripts/bench-batch.sh [N] [RUNS]     (defaults: 40 profiles, 5 runs)
set -euo pipefail
count=${1:-40}
runs=${2:-5}
source "$(dirname "$0")/bench-common.sh"

examples=("$repo"/profiles/*.toml)
for ((i = 0; i < count; i++)); do
  src=${examples[i % ${#examples[@]}]}
  name=$(sed -n 's/^name = "\(.*\)"$/\1/p' "$src" | head -1)
  sed "0,/^name = \"$name\"/s//name = \"$name $i\"/" "$src" > "$work/p$(printf %04d "$i").toml"
done

echo "$count distinct profiles, $(nproc) cores, $runs runs each"
for jobs in 1 2; do
  python3 - "$vitae" "$work" "$jobs" "$runs" "$count" <<'PY'
import resource, statistics, subprocess, sys, time
vitae, folder, jobs, runs, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
times = []
for _ in range(runs):
    out = f"{folder}/out-{jobs}"
    subprocess.run(["rm", "-rf", out], check=True)
    started = time.perf_counter()
    subprocess.run([vitae, "render", folder, "-o", out, "-j", jobs, "-q"], check=True, stderr=subprocess.DEVNULL)
    times.append(time.perf_counter() - started)
median = statistics.median(times)
peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"-j{jobs}: median {median:.3f} s = {count / median:.1f} PDFs/s; peak RSS {peak_mib:.0f} MiB")
PY
done
