// Engine throughput figures for the issue notes (a benchmark, not a test): a million keys through
// `slot` and `partition`, a month of one-second points through `downsample`, Gorilla encode and
// decode, an LSM tree under a million puts and a million gets, and the sticky assignor at scale.
// Run: cmake --build build --target bench_engines && build/tools/bench_engines
#include "cli/commands.h"
#include "core/rng.h"
#include "kafka/assignors.h"
#include "lsm/lsm_tree.h"
#include "timeseries/gorilla.h"

#include <chrono>
#include <cstdio>
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
        std::printf("%-10s 1,000,000 keys from a stream: %8.1f ms (%.0f ns/key)\n", cmd, ms,
                    ms * 1e6 / 1e6);
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
    std::printf("downsample 2,592,000 points (30 days at 1 s) into 1-minute buckets: %8.1f ms\n",
                ds);

    std::vector<fg::timeseries::Point> pts;
    for (std::int64_t i = 0; i < 1'000'000; ++i) {
        pts.push_back({1'700'000'000'000LL + i * 1000, 40 + double((i * 37) % 200) / 10.0});
    }
    fg::timeseries::GorillaBlock block;
    const double enc = bestMs(3, [&] { (void)fg::timeseries::gorillaEncode(pts, block); });
    std::vector<fg::timeseries::Point> back;
    const double dec =
        bestMs(3, [&] { (void)fg::timeseries::gorillaDecode(block.bits, block.points, back); });
    std::printf("gorilla 1,000,000 points: encode %6.1f ms, decode %6.1f ms, %.3f bytes/point\n",
                enc, dec, double(block.bits.bits()) / 8.0 / 1e6);

    for (bool tiered : {false, true}) {
        fg::lsm::LsmState s;
        const fg::lsm::LsmEngine e({1000, 4, 10, 10, tiered});
        fg::SilentSink<fg::lsm::LsmStep, fg::lsm::LsmState> silent;
        fg::Rng rng(3); // uniform keys, as a scenario's put-random draws them
        const double put = bestMs(1, [&] {
            for (int i = 0; i < 1'000'000; ++i) {
                e.apply(s,
                        {fg::lsm::LsmOp::Kind::Put, std::to_string((i * 2654435761u) % 5'000'000),
                         "value"},
                        silent);
            }
        });
        const double get = bestMs(1, [&] {
            for (int i = 0; i < 100'000; ++i) {
                e.apply(s, {fg::lsm::LsmOp::Kind::Get, std::to_string(5'000'000 + i), ""}, silent);
            }
        });
        std::printf(
            "lsm %-7s 1,000,000 puts: %7.1f ms, write amplification %.2f; 100,000 absent gets: "
            "%6.1f ms, bloom false positives %.3f%%\n",
            tiered ? "tiered" : "leveled", put,
            double(s.stats.diskBytesWritten) / double(s.stats.userBytes), get,
            100.0 * double(s.stats.bloomFalsePositives) / 100'000.0);
        // A get of every key put, in the order they were put: each one finds its key.
        const fg::lsm::LsmStats before = s.stats;
        const double hit = bestMs(1, [&] {
            for (int i = 0; i < 1'000'000; ++i) {
                e.apply(
                    s,
                    {fg::lsm::LsmOp::Kind::Get, std::to_string((i * 2654435761u) % 5'000'000), ""},
                    silent);
            }
        });
        std::printf(
            "lsm %-7s 1,000,000 gets of present keys: %7.1f ms (%.2f us/get), %.3f tables "
            "read, %.3f skipped by range, %.3f by bloom per get, %lld false positives\n",
            tiered ? "tiered" : "leveled", hit, hit * 1e3 / 1e6,
            double(s.stats.tablesRead - before.tablesRead) / 1e6,
            double(s.stats.rangeSkips - before.rangeSkips) / 1e6,
            double(s.stats.bloomSkips - before.bloomSkips) / 1e6,
            static_cast<long long>(s.stats.bloomFalsePositives - before.bloomFalsePositives));
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
    std::printf("sticky assignor, 100 consumers x 1000 partitions: %.2f ms fresh, %.2f ms after "
                "one leaves\n",
                sticky, again);
    return 0;
}
