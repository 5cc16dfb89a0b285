#!/usr/bin/env bash
# Installs the Debian 12 packages fieldguide needs, configures and builds it, then:
#   tools/setup.sh run    starts the app (needs a graphical session)
#   tools/setup.sh test   runs every test (CTest); warnings are errors (FIELDGUIDE_WERROR)
#   tools/setup.sh build  only builds
# Installing packages needs root, or a user who may use sudo; without either it says what to run.
# BUILD_DIR (default: build) is where it builds. CMake configures that folder once; after that
# the build itself re-runs CMake when a CMakeLists.txt changes.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"
build="${BUILD_DIR:-build}"
case "$mode" in
    run | test | build) ;;
    *) echo "usage: tools/setup.sh [run|test|build]" >&2; exit 2 ;;
esac

# libxkbcommon-dev: Qt's CMake files look for it (keyboard support of the xcb/wayland plugins)
# and say "Could NOT find XKB" without it; fieldguide does not need it, but it is 50 KB.
packages=(cmake ninja-build g++ pkg-config qt6-base-dev qt6-svg-dev libqcustomplot-dev
          nlohmann-json3-dev libgl-dev libgif-dev libxkbcommon-dev fonts-dejavu-core xvfb xauth
          groff-base appstream desktop-file-utils dpkg-dev)
# Translations (issue 19): lupdate writes the UI's strings for translators at each build
# (qt6-l10n-tools has the tools, qt6-tools-dev the Qt6LinguistTools CMake package that finds them).
packages+=(qt6-l10n-tools qt6-tools-dev)
# Start-up (issue 18): fontconfig's own header, to read its configuration on a thread of its own
# while Qt starts (app/main.cpp); Qt links the library already.
packages+=(libfontconfig-dev)
# Qt's own translations (qtbase_de.qm...): the window in another language (--lang) has Qt's dialog
# buttons in it too, and test_app_translations checks that it does (1.6 MB download).
packages+=(qt6-translations-l10n)
# The Lab (issue 16): real PostgreSQL 15 and Redis servers beside the models; the client libraries
# are linked, the servers started by `fieldguide lab` and by the tests (tests/lab).
packages+=(postgresql-15 libpq-dev redis-server redis-tools libhiredis-dev)
# The Lab's LSM-tree (issue 17): RocksDB, embedded (no server).
packages+=(librocksdb-dev)
# The Lab's Kafka (librdkafka's real client and its mock cluster) and time buckets (RRDtool).
packages+=(librdkafka-dev librrd-dev)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if ! command -v sudo >/dev/null; then
            cat >&2 <<EOF
tools/setup.sh: these Debian packages are missing, and installing them needs root:
  ${missing[*]}
Install them as root (su asks for the root password), then run tools/setup.sh $mode again:
  su -c 'apt-get update && apt-get install -y --no-install-recommends ${missing[*]}'
(or run this script as root, or ask whoever administers this machine to install them).
EOF
            exit 1
        fi
        sudo=(sudo)
    fi
    echo "tools/setup.sh: installing ${#missing[@]} Debian packages: ${missing[*]}"
    "${sudo[@]}" apt-get update
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        "${missing[@]}"
fi

# Configure only a folder that is not configured yet (or, for `test`, was configured without
# warnings as errors); Ninja re-runs CMake by itself when a CMakeLists.txt changes.
# The "default" preset of CMakePresets.json (optimized, line tables only: a crash's backtrace names
# functions, files and lines; unity build), into $build.
configure=(--preset default)
[ "$mode" = test ] && configure+=(-DFIELDGUIDE_WERROR=ON)
if [ ! -f "$build/build.ninja" ] || [ ! -f "$build/CMakeCache.txt" ] ||
    { [ "$mode" = test ] && ! grep -q '^FIELDGUIDE_WERROR:BOOL=ON$' "$build/CMakeCache.txt"; }; then
    cmake "${configure[@]}" -B "$build"
fi
cmake --build "$build" --parallel "$(nproc)"

case "$mode" in
    run)
        if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
            cat >&2 <<EOF
tools/setup.sh: built $build/app/fieldguide, but there is no graphical session here (neither
DISPLAY nor WAYLAND_DISPLAY is set): start it from a terminal on your desktop. Without one, the
command line works: $build/app/fieldguide --help
EOF
            exit 1
        fi
        exec "$build/app/fieldguide"
        ;;
    test) ctest --test-dir "$build" --output-on-failure --parallel "$(nproc)" ;;
    build) ;;
esac
