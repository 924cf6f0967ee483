#!/usr/bin/env bash
# Builds optimized and runs the benchmarks in tests/bench; each prints lines "name: value unit".
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/deps.sh"
build="${ICN_BUILD_DIR:-$root/build-bench}"
ICN_BUILD_DIR="$build" ICN_BUILD_TYPE=Release "$root/scripts/build.sh" -DICN_BUILD_TESTS=OFF -DICN_BUILD_BENCH=ON
for b in "$build"/tests/bench/bench_*; do
    [ -x "$b" ] || continue
    echo "== $(basename "$b")"
    QT_QPA_PLATFORM=offscreen "$b"
done
