#!/usr/bin/env bash
# Builds and runs every benchmark and prints one Markdown table (the README's speed table) with
# the machine it ran on:
#   tools/benchmarks.sh            (BUILD_DIR, default build; the build must be configured)
# Benchmarks are not tests: they print numbers for the README and the issue notes. Rows come from
# the benchmark programs (tools/bench/bench_*.cpp, bench_table.h) and from whole `fieldguide`
# processes on large generated inputs (time and peak memory, with GNU time when installed).
# The soak (200,000 steps per diagram, about an hour) is separate: build/tools/bench_ui_soak.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${BUILD_DIR:-build}"
cmake --build "$build" --target benchmarks fieldguide >/dev/null
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
fieldguide="$build/app/fieldguide"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "# fieldguide benchmarks, $(date -u +%Y-%m-%d), $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'),"\
     "$(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(. /etc/os-release && echo "$PRETTY_NAME"),"\
     "Qt $(qtpaths6 --qt-version 2>/dev/null || echo 6), platform $QT_QPA_PLATFORM; load average"\
     "at the start $(cut -d' ' -f1 /proc/loadavg)."
echo
echo "| area | what is measured | figure | baseline |"
echo "|---|---|---|---|"

# Whole processes, as a user runs them: seconds and peak resident memory.
process_row() { # WHAT INPUT -- COMMAND...
    local what="$1" input="$2"
    shift 3
    local start end secs rss="-"
    if [ -x /usr/bin/time ]; then
        start=$(date +%s.%N)
        rss=$(/usr/bin/time -f '%M' "$@" <"$input" 2>&1 >/dev/null | tail -1)
        end=$(date +%s.%N)
        rss="$((rss / 1024)) MB peak"
    else
        start=$(date +%s.%N)
        "$@" <"$input" >/dev/null
        end=$(date +%s.%N)
    fi
    secs=$(awk "BEGIN { print $end - $start }")
    printf '| command line | %s | %.2f s (%s) | |\n' "$what" "$secs" "$rss"
}
awk 'BEGIN { for (i = 0; i < 1000000; i++) print "user:" i * 7919 }' >"$work/keys.txt"
awk 'BEGIN { srand(7); print "timestamp_ms,value";
             for (i = 0; i < 10000000; i++) printf "%.0f,%.3f\n", 1700000000000 + i * 1000, 20 + 10 * rand() }' \
    >"$work/points.csv"
echo '{"engine":"btree","narrate":false,"params":{"order":64},"ops":[{"op":"insert-random",
  "count":1000000,"seed":7,"min":0,"max":1000000000000}]}' >"$work/btree.json"
process_row '`fieldguide slot --nodes 3`: 1,000,000 keys on stdin' "$work/keys.txt" -- "$fieldguide" slot --nodes 3
process_row '`fieldguide partition --partitions 12`: 1,000,000 keys' "$work/keys.txt" -- "$fieldguide" partition --partitions 12
process_row '`fieldguide downsample --step 3600`: 10,000,000 points (180 MB of CSV)' "$work/points.csv" -- "$fieldguide" downsample --step 3600 -
# Issue 18's CSV row: 30 days of 1-second points (52 MB) into minutes, the median of 5 runs of
# fieldguide (the file named, and on standard input from a pipe) and of a plain C loop on the
# same file (tools/bench/bench_csv_baseline.cpp).
awk 'BEGIN { srand(7); print "timestamp_ms,value";
             for (i = 0; i < 2592000; i++) printf "%.0f,%.3f\n", 1700000000000 + i * 1000, 20 + 10 * rand() }' \
    >"$work/month.csv"
median5() { # COMMAND... (its output thrown away): the median of 5 wall-clock times, in seconds
    local t
    for _ in 1 2 3 4 5; do
        t=$( { /usr/bin/env time -f '%e' "$@" >/dev/null; } 2>&1 | tail -1)
        echo "$t"
    done | sort -n | sed -n 3p
}
csv_file=$(median5 "$fieldguide" downsample --step 60 "$work/month.csv")
csv_pipe=$(median5 sh -c "cat '$work/month.csv' | '$fieldguide' downsample --step 60 -")
csv_c=$(median5 "$build/tools/bench_csv_baseline" "$work/month.csv" 60)
printf '| command line | `fieldguide downsample --step 60 FILE`: 2,592,000 points (52 MB), median of 5 | %s s (from a pipe: %s s) | a plain C loop (fgets, strtoll, strtod): %s s |\n' \
    "$csv_file" "$csv_pipe" "$csv_c"
process_row '`fieldguide compress`: the same 10,000,000 points' "$work/points.csv" -- "$fieldguide" compress -
process_row '`fieldguide run`: a 1,000,000-key B-Tree (insert-random, bulk)' "$work/btree.json" -- "$fieldguide" run -
# Issue 18's run row: 1,000,000 individual insert ops (30 MB of JSON), read op by op.
awk 'BEGIN { print "{\"engine\":\"btree\",\"narrate\":false,\"params\":{\"order\":64},\"ops\":[";
             for (i = 0; i < 1000000; i++) printf "%s{\"op\":\"insert\",\"key\":%d}\n", (i ? "," : ""), (i * 7919) % 1000003;
             print "]}" }' >"$work/ops.json"
process_row '`fieldguide run`: 1,000,000 insert ops (30 MB of JSON, bulk)' "$work/ops.json" -- "$fieldguide" run -

# The Lab (whole processes, a real server started in a temporary folder and stopped each run):
# the default time-bucket scenario through PostgreSQL's date_bin and RRDtool (goal: under 3 s,
# once a timed test), and 100,000 random keys through a PostgreSQL B-Tree index read back page
# by page. Left out where PostgreSQL 15 is not installed.
if [ -x /usr/lib/postgresql/15/bin/initdb ]; then
    lab_buckets=$(median5 "$fieldguide" lab buckets content/scenarios/downsample.json)
    printf '| Lab | `fieldguide lab buckets` on the default scenario (2,880 points; PostgreSQL started and stopped), median of 5 | %s s | goal: under 3 s |\n' "$lab_buckets"
    lab_btree=$(median5 "$fieldguide" lab btree --random 100000)
    printf '| Lab | `fieldguide lab btree --random 100000` (PostgreSQL started, the index read page by page, stopped), median of 5 | %s s | |\n' "$lab_btree"
fi

for b in bench_btree bench_engines bench_ui_launch bench_ui_frames bench_ui_export; do
    "$build/tools/$b" 2> >(grep -v -e XDG_RUNTIME_DIR -e propagateSizeHints >&2)
done
