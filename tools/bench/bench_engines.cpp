// Engine throughputs (a benchmark, not a test), each against a baseline on the same input: a
// million keys through `slot` and `partition` (against a plain loop that splits the same lines
// and prints a number), a month of one-second points through `downsample` (against reading the
// CSV alone), Gorilla encode and decode (against copying the raw points), an LSM tree under a
// million puts and gets (against std::map), the sticky assignor at scale (against range), and
// the B-Tree vs LSM-tree workload (against the five separate runs it used to make).
// Prints rows of the benchmark table (bench_table.h).
// Run: cmake --build build --target bench_engines && build/tools/bench_engines
#include "engines/cli/commands.h"
#include "engines/cli/key_input.h"
#include "engines/concepts/workload_compare.h"
#include "engines/core/rng.h"
#include "engines/kafka/assignors.h"
#include "engines/lsm/lsm_tree.h"
#include "engines/timeseries/gorilla.h"
#include "tools/bench/bench_table.h"

#include <chrono>
#include <cstring>
#include <map>
#include <sstream>
#include <string>

namespace {

template <class F>
double bestMs(int runs, F&& f) {
    double best = 1e300;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        f();
        const auto t1 = std::chrono::steady_clock::now();
        best = std::min(best, std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    return best;
}

} // namespace

int main() {
    std::string keys;
    for (std::int64_t i = 0; i < 1'000'000; ++i) {
        keys += "user:" + std::to_string(i * 7919) + "\n";
    }
    for (const char* cmd : {"slot", "partition"}) {
        const double ms = bestMs(3, [&] {
            std::istringstream in(keys);
            std::ostringstream out, err;
            const fg::cli::Args args = std::string(cmd) == "slot"
                                           ? fg::cli::Args{"--nodes", "3"}
                                           : fg::cli::Args{"--partitions", "12"};
            fg::cli::dispatch(cmd, args, {in, out, err});
        });
        const double plain = bestMs(3, [&] {
            std::istringstream in(keys);
            std::ostringstream out;
            fg::cli::OutBuffer buffer(out);
            fg::cli::forEachKey({}, in, [&](std::string_view key) {
                buffer.appendInt(static_cast<long long>(key.size()));
                buffer.push('\n');
            });
        });
        fg::bench::row("engines", std::string("`") + cmd + "`: 1,000,000 keys, stream in and out",
                       fg::bench::ms(ms) + " (" + fg::bench::perItem(ms * 1e6 / 1e6) + " a key)",
                       "plain loop (split lines, print the length): " + fg::bench::ms(plain));
    }

    std::string csv = "timestamp_ms,value\n";
    for (std::int64_t i = 0; i < 2'592'000; ++i) {
        csv += std::to_string(1'700'000'000'000LL + i * 1000) + "," +
               std::to_string(40 + (i * 37) % 200 / 10.0) + "\n";
    }
    const double ds = bestMs(3, [&] {
        std::istringstream in(csv);
        std::ostringstream out, err;
        fg::cli::downsample({"--step", "60"}, {in, out, err});
    });
    const double parse = bestMs(3, [&] {
        std::istringstream in(csv);
        std::vector<fg::timeseries::Point> points;
        (void)fg::timeseries::readSeriesCsv(in, "bench", points);
    });
    fg::bench::row("engines", "`downsample`: 2,592,000 points (30 days at 1 s), 1-minute buckets",
                   fg::bench::ms(ds), "reading the CSV alone: " + fg::bench::ms(parse));

    std::vector<fg::timeseries::Point> pts;
    for (std::int64_t i = 0; i < 1'000'000; ++i) {
        pts.push_back({1'700'000'000'000LL + i * 1000, 40 + double((i * 37) % 200) / 10.0});
    }
    fg::timeseries::GorillaBlock block;
    const double enc = bestMs(3, [&] { (void)fg::timeseries::gorillaEncode(pts, block); });
    std::vector<fg::timeseries::Point> back;
    const double dec =
        bestMs(3, [&] { (void)fg::timeseries::gorillaDecode(block.bits, block.points, back); });
    std::vector<unsigned char> raw;
    const double copy = bestMs(3, [&] {
        raw.assign(pts.size() * 16, 0);
        for (std::size_t i = 0; i < pts.size(); ++i) {
            std::memcpy(raw.data() + 16 * i, &pts[i].t, 8);
            std::memcpy(raw.data() + 16 * i + 8, &pts[i].v, 8);
        }
    });
    char bytes[64];
    std::snprintf(bytes, sizeof bytes, "%.2f bytes a point", double(block.bits.bits()) / 8.0 / 1e6);
    fg::bench::row("engines", "Gorilla: 1,000,000 points encoded / decoded",
                   fg::bench::ms(enc) + " / " + fg::bench::ms(dec) + " (" + bytes + ")",
                   "copying the raw 16 bytes a point: " + fg::bench::ms(copy));

    auto lsmKey = [](int i) { return std::to_string((i * 2654435761u) % 5'000'000); };
    std::map<std::string, std::string> map;
    const double mapPut = bestMs(1, [&] {
        for (int i = 0; i < 1'000'000; ++i) {
            map[lsmKey(i)] = "value";
        }
    });
    std::size_t found = 0;
    const double mapGet = bestMs(1, [&] {
        for (int i = 0; i < 1'000'000; ++i) {
            found += map.count(lsmKey(i));
        }
    });
    if (found != 1'000'000) {
        return 1;
    }
    for (bool tiered : {false, true}) {
        fg::lsm::LsmState s;
        const fg::lsm::LsmEngine e({1000, 4, 10, 10, tiered});
        fg::SilentSink<fg::lsm::LsmStep, fg::lsm::LsmState> silent;
        fg::Rng rng(3); // uniform keys, as a scenario's put-random draws them
        const double put = bestMs(1, [&] {
            for (int i = 0; i < 1'000'000; ++i) {
                e.apply(s, {fg::lsm::LsmOp::Kind::Put, lsmKey(i), "value"}, silent);
            }
        });
        const double get = bestMs(1, [&] {
            for (int i = 0; i < 100'000; ++i) {
                e.apply(s, {fg::lsm::LsmOp::Kind::Get, std::to_string(5'000'000 + i), ""}, silent);
            }
        });
        const std::string name = tiered ? "size-tiered" : "leveled";
        char wa[96];
        std::snprintf(wa, sizeof wa, "write amplification %.2f",
                      double(s.stats.diskBytesWritten) / double(s.stats.userBytes));
        fg::bench::row("engines", "LSM (" + name + "): 1,000,000 puts, memtable 1,000",
                       fg::bench::ms(put, 0) + " (" + wa + ")",
                       "std::map inserts: " + fg::bench::ms(mapPut));
        char fp[64];
        std::snprintf(fp, sizeof fp, "bloom false positives %.3f%%",
                      100.0 * double(s.stats.bloomFalsePositives) / 100'000.0);
        fg::bench::row("engines", "LSM (" + name + "): 100,000 gets of absent keys",
                       fg::bench::ms(get) + " (" + fp + ")");
        // A get of every key put, in the order they were put: each one finds its key.
        const fg::lsm::LsmStats before = s.stats;
        const double hit = bestMs(1, [&] {
            for (int i = 0; i < 1'000'000; ++i) {
                e.apply(s, {fg::lsm::LsmOp::Kind::Get, lsmKey(i), ""}, silent);
            }
        });
        char tables[64];
        std::snprintf(tables, sizeof tables, "%.2f tables read a get",
                      double(s.stats.tablesRead - before.tablesRead) / 1e6);
        fg::bench::row("engines", "LSM (" + name + "): 1,000,000 gets of present keys",
                       fg::bench::perItem(hit * 1e6 / 1e6) + " a get (" + tables + ")",
                       "std::map::find: " + fg::bench::perItem(mapGet * 1e6 / 1e6));
    }

    std::vector<fg::kafka::Member> members;
    for (int i = 0; i < 100; ++i) {
        members.push_back({"consumer-" + std::to_string(i), {"events"}});
    }
    fg::kafka::Assignment prev;
    const double sticky = bestMs(3, [&] {
        prev = fg::kafka::assignSticky(members, {{"events", 1000}}, {});
    });
    members.pop_back();
    const double again = bestMs(3, [&] {
        (void)fg::kafka::assignSticky(members, {{"events", 1000}}, prev);
    });
    const double range = bestMs(3, [&] {
        (void)fg::kafka::assignRange(members, {{"events", 1000}});
    });
    fg::bench::row("engines",
                   "Kafka sticky assignor: 100 consumers, 1,000 partitions; again after one leaves",
                   fg::bench::ms(sticky, 2) + " / " + fg::bench::ms(again, 2),
                   "range assignor: " + fg::bench::ms(range, 2));

    // B-Tree vs LSM-tree (the comparison diagram): 200,000 random inserts, 5 points of 2,000
    // lookups, one pass; against the five separate runs (of 40,000 ... 200,000) it replaced.
    fg::concepts::WorkloadParams w;
    w.inserts = 200'000;
    const double curve = bestMs(1, [&] { (void)fg::concepts::runWorkloadCurve(w); });
    const double separate = bestMs(1, [&] {
        for (int i = 1; i <= 5; ++i) {
            fg::concepts::WorkloadParams one = w;
            one.inserts = w.inserts * i / 5;
            one.points = 1;
            (void)fg::concepts::runWorkloadCurve(one);
        }
    });
    fg::bench::row("engines", "B-Tree vs LSM-tree: 200,000 random inserts, 5 points (one pass)",
                   fg::bench::ms(curve, 0), "five separate runs: " + fg::bench::ms(separate, 0));
    return 0;
}
