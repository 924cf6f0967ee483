#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang (libFuzzer + ASan + UBSan) in build-fuzz and
# runs each fuzz_* for a short time, starting from its seed corpus in tests/fuzz/corpus/<name>/.
# New interesting inputs go to build-fuzz/corpus/<name>/, crashes to build-fuzz/artifacts/.
#
# Usage: scripts/fuzz.sh [fuzz_name...]      (all fuzzers when none is named)
# Environment: ICN_FUZZ_SECONDS (per fuzzer, default 20), ICN_FUZZ_BUILD_DIR (default build-fuzz).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${ICN_FUZZ_BUILD_DIR:-$root/build-fuzz}"
seconds="${ICN_FUZZ_SECONDS:-20}"

"$root/scripts/deps.sh"
if ! command -v clang++ >/dev/null 2>&1; then
    echo "Installing clang for the libFuzzer targets"
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        sudo="sudo"
    fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends clang
fi

CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DICN_BUILD_FUZZERS=ON -DICN_BUILD_TESTS=OFF -DICN_BUILD_BENCH=OFF
if ! grep -q '^CMAKE_CXX_COMPILER:[A-Z]*=.*clang' "$build/CMakeCache.txt"; then
    echo "fuzz.sh: $build was configured with another compiler; remove it and run again" >&2
    exit 2
fi
cmake --build "$build" --target icn_fuzzers -j "$(nproc)"

if [ $# -gt 0 ]; then
    fuzzers=("$@")
else
    fuzzers=()
    for f in "$build"/tests/fuzz/fuzz_*; do
        [ -f "$f" ] && [ -x "$f" ] && fuzzers+=("$(basename "$f")")
    done
fi

failed=()
mkdir -p "$build/artifacts"
for name in "${fuzzers[@]}"; do
    work="$build/corpus/$name"
    seeds="$root/tests/fuzz/corpus/$name"
    mkdir -p "$work"
    dirs=("$work")
    [ -d "$seeds" ] && dirs+=("$seeds")
    echo "== $name (${seconds}s)"
    # The first corpus folder receives new inputs; the seed folder in the repository stays untouched.
    if "$build/tests/fuzz/$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
        -print_final_stats=1 -artifact_prefix="$build/artifacts/$name-" "${dirs[@]}" >"$build/$name.log" 2>&1; then
        grep -E '^(stat::number_of_executed_units|stat::new_units_added|Done)' "$build/$name.log" || true
    else
        failed+=("$name")
        tail -n 40 "$build/$name.log"
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz.sh: failures in: ${failed[*]} (inputs in $build/artifacts/)" >&2
    exit 1
fi
echo "fuzz.sh: all fuzzers ran without a finding"
