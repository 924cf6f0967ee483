#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds ICN Desk with warnings as errors and runs every test
# through CTest on the offscreen Qt platform. The public test vectors are read from
# ../shared/data/vectors (or $ICN_VECTORS_DIR); without them only the embedded known answers run.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
vectors="${ICN_VECTORS_DIR:-$root/../shared/data/vectors}"
"$root/scripts/deps.sh"
ICN_BUILD_DIR="${ICN_BUILD_DIR:-$root/build-test}" "$root/scripts/build.sh" \
    -DICN_WERROR=ON -DICN_BUILD_TESTS=ON -DICN_BUILD_BENCH=ON -DICN_VECTORS_DIR="$vectors"
cd "${ICN_BUILD_DIR:-$root/build-test}"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure --parallel "$(nproc)" --timeout 900
