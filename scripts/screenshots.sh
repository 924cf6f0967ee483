#!/usr/bin/env bash
# Renders a PNG of every page, the marketplace's states, quick search and each booking wizard step
# (offscreen platform, QWidget::grab) into <build>/screenshots or the folder given, from a real
# demo database: `icnctl init --demo` (the demo network with 12 months of simulated market history
# up to 2026-11) in a temporary data folder, where the tour gives the wallet the demo SP's account
# and books a few clusters with it. Nothing outside the temporary folder is touched.
#   scripts/screenshots.sh [out-dir]
# Builds icn-desk and icnctl into $ICN_BUILD_DIR (default build/) first.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${ICN_BUILD_DIR:-$root/build}"
out="${1:-$build/screenshots}"
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${ICN_BUILD_TYPE:-RelWithDebInfo}"
fi
cmake --build "$build" --target icn-desk icnctl
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
"$build/app/icnctl" init --demo --data-dir "$data/icn-desk"
QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" "$build/app/icn-desk" --data-dir "$data/icn-desk" --screenshot-dir "$out"
echo "Screenshots written to $out"
