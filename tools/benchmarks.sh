#!/usr/bin/env bash
# Builds and runs every benchmark and prints their figures with the machine they ran on:
#   tools/benchmarks.sh            (BUILD_DIR, default build; the build must be configured)
# Benchmarks are not tests: they print numbers for the README and the issue notes.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${BUILD_DIR:-build}"
cmake --build "$build" --target benchmarks fieldguide >/dev/null
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
echo "# fieldguide benchmarks, $(date -u +%Y-%m-%d)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'),"\
     "$(free -g | awk '/Mem:/ {print $2}') GiB RAM, Qt platform $QT_QPA_PLATFORM"
for b in bench_ui_launch bench_ui_frames bench_ui_export bench_btree bench_engines; do
    echo
    echo "## $b"
    "$build/tools/$b" 2> >(grep -v XDG_RUNTIME_DIR >&2)
done
