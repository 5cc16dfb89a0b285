#!/usr/bin/env bash
# Fuzzes the engines' input edges and the course content with libFuzzer (clang, ASan + UBSan):
#   tools/fuzz.sh [SECONDS]   each target runs SECONDS (default 60) from its seeds in fuzz/corpus
# (content: also the shipped chapters, content/chapters);
# new interesting inputs go to build-fuzz/corpus-<target>. A crash leaves crash-* files in
# build-fuzz: fix it, then copy the input into fuzz/regressions/<target>/ (replayed by
# test_fuzz_regressions in every test run).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
# clang 14 (Debian 12's clang), and libclang-rt-14-dev: libFuzzer and the sanitizers' runtimes,
# only recommended by clang, so not pulled in by --no-install-recommends.
missing=()
for p in clang libclang-rt-14-dev; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || {
            echo "tools/fuzz.sh: missing ${missing[*]}; as root, run:" >&2
            echo "  su -c 'apt-get update && apt-get install -y --no-install-recommends ${missing[*]}'" >&2
            exit 1
        }
        sudo=(sudo)
    fi
    "${sudo[@]}" apt-get update
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        "${missing[@]}"
fi
cmake -S fuzz -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ >/dev/null
cmake --build build-fuzz --parallel "$(nproc)"
for target in scenario csv keys content; do
    mkdir -p "build-fuzz/corpus-$target"
    max_len=65536
    seeds=("../fuzz/corpus/$target")
    env=()
    if [ "$target" = content ]; then
        # Chapters run up to ~60 KB; the shipped ones seed it as they are. Leaks inside
        # fontconfig (not our code) are suppressed, each with its reason in the file.
        max_len=131072
        seeds+=(../content/chapters)
        env=(LSAN_OPTIONS="suppressions=$PWD/fuzz/lsan-content.supp")
    fi
    echo "== fuzz_$target for ${seconds}s"
    (cd build-fuzz && env "${env[@]}" "./fuzz_$target" -max_total_time="$seconds" \
        -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 "corpus-$target" "${seeds[@]}")
done
