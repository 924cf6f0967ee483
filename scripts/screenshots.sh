#!/usr/bin/env bash
# Renders a PNG of every page, the marketplace's states, quick search and each booking wizard step
# on the demo data (offscreen platform, QWidget::grab), into <build>/screenshots or the folder given.
#   scripts/screenshots.sh [out-dir]
# Builds icn-desk into $ICN_BUILD_DIR (default build/) first.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${ICN_BUILD_DIR:-$root/build}"
out="${1:-$build/screenshots}"
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${ICN_BUILD_TYPE:-RelWithDebInfo}"
fi
cmake --build "$build" --target icn-desk
QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" "$build/app/icn-desk" --fake --screenshot-dir "$out"
echo "Screenshots written to $out"
