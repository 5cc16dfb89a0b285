#!/usr/bin/env bash
# Installs the Debian 12 packages fieldguide needs, configures and builds it, then:
#   tools/setup.sh run    starts the app
#   tools/setup.sh test   runs every test (CTest)
# Run as root, or with sudo available. BUILD_DIR (default: build) is where it builds.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"
build="${BUILD_DIR:-build}"

packages=(cmake ninja-build g++ pkg-config qt6-base-dev qt6-svg-dev libqcustomplot-dev
          nlohmann-json3-dev libgl-dev libgif-dev fonts-dejavu-core xvfb xauth
          groff-base appstream desktop-file-utils dpkg-dev)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build" --parallel "$(nproc)"

case "$mode" in
    run)  exec "$build/app/fieldguide" ;;
    test) ctest --test-dir "$build" --output-on-failure --parallel "$(nproc)" ;;
    build) ;;
    *) echo "usage: tools/setup.sh [run|test|build]" >&2; exit 2 ;;
esac
