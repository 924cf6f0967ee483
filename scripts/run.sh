#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds ICN Desk and starts it on the demo network.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/deps.sh"
"$root/scripts/build.sh" -DICN_BUILD_TESTS=OFF -DICN_BUILD_BENCH=OFF
exec "${ICN_BUILD_DIR:-$root/build}/app/icn-desk" --demo "$@"
