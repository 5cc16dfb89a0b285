#!/usr/bin/env bash
# Fuzzes the engines' input edges with libFuzzer (clang, ASan + UBSan):
#   tools/fuzz.sh [SECONDS]   each target runs SECONDS (default 60) from its seeds in fuzz/corpus;
# new interesting inputs go to build-fuzz/corpus-<target>. A crash leaves crash-* files in
# build-fuzz: fix it, then copy the input into fuzz/regressions/<target>/ (replayed by
# test_fuzz_regressions in every test run).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
command -v clang++ >/dev/null || { sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo;
    $sudo apt-get install -y --no-install-recommends clang; }
cmake -S fuzz -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ >/dev/null
cmake --build build-fuzz --parallel "$(nproc)"
for target in scenario csv keys; do
    mkdir -p "build-fuzz/corpus-$target"
    echo "== fuzz_$target for ${seconds}s"
    (cd build-fuzz && "./fuzz_$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
        -rss_limit_mb=2048 "corpus-$target" "../fuzz/corpus/$target")
done
