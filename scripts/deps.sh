#!/usr/bin/env bash
# Installs the Debian 12 packages ICN Desk builds and tests with, when any is missing.
# Nothing else is downloaded: every dependency is a Debian package.
set -euo pipefail

packages=(
    cmake ninja-build g++ pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6sql6-sqlite libqt6charts6-dev libqt6svg6-dev libqt6opengl6-dev libgl-dev qt6-qpa-plugins
    libssl-dev libsqlite3-dev libsecp256k1-dev libsodium-dev libqrencode-dev python3-mnemonic
)
# Optional extras: clang for the libFuzzer targets; Xvfb and ImageMagick for screenshots.
if [ "${1:-}" = "--with-extras" ]; then
    packages+=(clang xvfb xauth imagemagick)
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "Installing missing Debian packages: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
