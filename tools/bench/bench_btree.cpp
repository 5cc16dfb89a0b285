// bench_btree: 1,000,000 seeded random inserts into an order-64 B-tree in bulk mode (and into the
// B+-tree variant), against std::set on the same keys; then the same million through the scenario
// path (narrate false).
// First, what a page keeps of the app's 100,000-key preset (its timeline: every step and sentence),
// at order 64 and at order 3, the smallest: the time to build it and the memory it holds; and the
// time to reach a step of it (the state after the step: what a seek, a step back or a frame
// costs), at random places and step by step both ways, against a replay from the start.
// The contract: the engine (both variants) within 3x of std::set. Prints rows of the benchmark
// table (bench_table.h; best of three runs) and exits 1 when the bound is missed.
//   build/tools/bench_btree [COUNT]
#include "engines/btree/btree.h"
#include "engines/core/rng.h"
#include "engines/core/timeline.h"
#include "engines/scenario/btree_scenario.h"
#include "tools/bench/bench_table.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <set>
#include <string>
#include <vector>

namespace {

using fg::btree::BTreeEngine;
using fg::btree::Key;
using fg::btree::Op;
using fg::btree::Params;
using fg::btree::State;
using fg::btree::Step;

constexpr std::uint64_t kSeed = 42;
constexpr Key kMin = 0;
constexpr Key kMax = 999'999'999'999; // a wide span: nearly every draw is a new key

// Best wall time of three runs, in seconds. `run` returns a value that is printed to keep it live.
double best(const std::function<std::int64_t()>& run, std::int64_t* out) {
    double fastest = 1e30;
    for (int i = 0; i < 3; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        *out = run();
        const auto t1 = std::chrono::steady_clock::now();
        fastest = std::min(fastest, std::chrono::duration<double>(t1 - t0).count());
    }
    return fastest;
}

// The process's resident memory now, in MiB (Linux: /proc/self/status), or -1.
double residentMiB() {
#ifdef __GLIBC__
    malloc_trim(0); // what was freed goes back to the system, not counted as held
#endif
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);) {
        if (line.rfind("VmRSS:", 0) == 0) {
            return std::atof(line.c_str() + 6) / 1024;
        }
    }
    return -1;
}

// The timeline of the B-Tree page's "A real index" preset at `order`: its build time and the
// memory it holds once built (the resident growth while it is alive).
void presetTimeline(int order) {
    const double before = residentMiB();
    const auto t0 = std::chrono::steady_clock::now();
    const fg::Timeline<BTreeEngine> t(
        BTreeEngine(Params::withOrder(order)), BTreeEngine(Params::withOrder(order)).emptyState(),
        {Op::insertRandom(100'000, 64, 1, 9'999'999), Op::search(4'242'424)});
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const double held = residentMiB() - before;
    char mib[48];
    std::snprintf(mib, sizeof mib, "%.0f MiB", held);
    fg::bench::row(
        "engines",
        "B-Tree page, 100,000-key preset at order " + std::to_string(order) + ": " +
            fg::bench::count(static_cast<long long>(t.size())) + " steps kept",
        fg::bench::ms(s * 1e3, 0) + " to build, " + mib + " held",
        std::to_string(static_cast<long long>(held * 1024 * 1024 / static_cast<double>(t.size()))) +
            " bytes a step");
}

// Stops a narrated run at step `wanted` (throws Reached): reaching a step by a replay from the
// start, as every step of one long op was reached before checkpoints inside it.
struct Reached {};
class StopAt final : public fg::StepSink<Step, State> {
public:
    explicit StopAt(std::size_t wanted) : wanted_(wanted) {}
    bool narrate() const override { return true; }
    void report(Step, const State& after) override {
        if (seen_++ == wanted_) {
            reached = after.stats.keys;
            throw Reached();
        }
    }
    std::int64_t reached = 0;

private:
    std::size_t wanted_;
    std::size_t seen_ = 0;
};

// "median / worst" of the times in `ms` (with the 99th percentile between them when asked),
// sorted in place.
std::string medianAndWorst(std::vector<double>& ms, bool p99 = false) {
    std::sort(ms.begin(), ms.end());
    return fg::bench::ms(ms[ms.size() / 2], 2) + " / " +
           (p99 ? fg::bench::ms(ms[ms.size() * 99 / 100], 2) + " / " : "") +
           fg::bench::ms(ms.back(), 2);
}

double msSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// Reaching a step of the 100,000-key preset at order 64: 300 random steps, then 200 steps one
// after another forwards from a random place and 200 backwards from the last one; against a
// replay from the start to 30 of the random steps. The first jump after the build is timed
// apart (the page makes it on its worker thread, with the build).
void presetSeeks() {
    const BTreeEngine engine(Params::withOrder(64));
    const std::vector<Op> ops = {Op::insertRandom(100'000, 64, 1, 9'999'999),
                                 Op::search(4'242'424)};
    const fg::Timeline<BTreeEngine> t(engine, engine.emptyState(), ops);
    fg::Rng rng(11);
    std::vector<std::size_t> at;
    for (int i = 0; i < 300; ++i) {
        at.push_back(static_cast<std::size_t>(rng.uniform(0, std::int64_t(t.size()) - 1)));
    }
    const auto from = static_cast<std::size_t>(rng.uniform(0, std::int64_t(t.size()) - 201));
    for (std::size_t i = 0; i < 200; ++i) {
        at.push_back(from + i);
    }
    for (std::size_t i = 0; i < 200; ++i) {
        at.push_back(t.size() - 1 - i);
    }
    auto t0 = std::chrono::steady_clock::now();
    std::vector<std::int64_t> keys = {t.stateAfter(t.size() - 1).stats.keys};
    const double first = msSince(t0);
    std::vector<double> seek, replay;
    for (const std::size_t i : at) { // keys: at each step reached, both ways must agree
        t0 = std::chrono::steady_clock::now();
        keys.push_back(t.stateAfter(i).stats.keys);
        seek.push_back(msSince(t0));
    }
    bool agree = true;
    for (std::size_t n = 0; n < 30; ++n) {
        t0 = std::chrono::steady_clock::now();
        State s = engine.emptyState();
        StopAt stop(at[n]);
        try {
            for (const Op& op : ops) {
                engine.apply(s, op, stop);
            }
        } catch (const Reached&) {
        }
        agree = agree && stop.reached == keys[n + 1];
        replay.push_back(msSince(t0));
    }
    fg::bench::row("engines",
                   "B-Tree page, 100,000-key preset: reaching a step (" +
                       fg::bench::count(static_cast<long long>(t.checkpointCount())) +
                       " checkpoints), 300 at random, 200 forwards, 200 back: median / p99 / worst",
                   medianAndWorst(seek, true) + " (the first after the build: " +
                       fg::bench::ms(first, 2) + ")" + (agree ? "" : " (NOT the replayed state)"),
                   "a replay from the start, 30 of them: " + medianAndWorst(replay));
}

std::string figure(double seconds, std::int64_t n) {
    return fg::bench::ms(seconds * 1e3, 0) + " (" +
           fg::bench::perItem(seconds * 1e9 / static_cast<double>(n)) + " an insert)";
}

} // namespace

int main(int argc, char** argv) {
    const std::int64_t n = argc > 1 ? std::atoll(argv[1]) : 1'000'000;
    // First, in a fresh heap: memory the runs below freed would be counted as reused.
    presetTimeline(3);
    presetTimeline(64);
    presetSeeks();
    std::vector<Key> keys;
    keys.reserve(static_cast<std::size_t>(n));
    fg::Rng rng(kSeed);
    for (std::int64_t i = 0; i < n; ++i) {
        keys.push_back(rng.uniform(kMin, kMax));
    }
    fg::SilentSink<Step, State> silent;
    std::int64_t result = 0;

    // The same keys, already drawn: only the data structures are timed.
    const double set = best(
        [&] {
            std::set<Key> s;
            for (const Key k : keys) {
                s.insert(k);
            }
            return static_cast<std::int64_t>(s.size());
        },
        &result);
    const std::string baseline = "std::set, same keys: " + figure(set, n);
    const std::string count = fg::bench::count(n) + " random inserts";

    auto perKey = [&](Params p) {
        return [&, p] {
            const BTreeEngine engine(p);
            State s = engine.emptyState();
            for (const Key k : keys) {
                engine.apply(s, Op::insert(k), silent);
            }
            return s.stats.keys;
        };
    };
    const double tree = best(perKey(Params::withOrder(64)), &result);
    fg::bench::row("engines", "B-Tree order 64: " + count + ", one op a key", figure(tree, n),
                   baseline);
    const double bplus = best(perKey(Params::bplusWithOrder(64)), &result);
    fg::bench::row("engines", "B+-tree order 64: " + count + ", one op a key", figure(bplus, n),
                   baseline);
    const double postgres = best(perKey(Params::bplusWithOrder(64, 90, false)), &result);
    fg::bench::row("engines",
                   "B+-tree order 64, rightmost_fill 0.9, no merge (as PostgreSQL): " + count,
                   figure(postgres, n), baseline);
    const double clrs = best(perKey(Params::withMinDegree(32)), &result);
    fg::bench::row("engines", "B-Tree min_degree 32, preemptive (CLRS): " + count, figure(clrs, n),
                   baseline);

    // One insert-random op: the engine draws the same keys itself.
    const double random = best(
        [&] {
            const BTreeEngine engine(Params::withOrder(64));
            State s = engine.emptyState();
            engine.apply(s, Op::insertRandom(n, kSeed, kMin, kMax), silent);
            return s.stats.keys;
        },
        &result);
    fg::bench::row("engines", "B-Tree order 64: one insert-random op (draws the keys too)",
                   figure(random, n), baseline);

    const nlohmann::json scenario = {
        {"engine", "btree"},
        {"narrate", false},
        {"params", {{"order", 64}}},
        {"ops",
         {{{"op", "insert-random"}, {"count", n}, {"seed", kSeed}, {"min", kMin}, {"max", kMax}}}}};
    const double viaScenario = best(
        [&] {
            nlohmann::json out;
            if (!fg::runBtreeScenario(scenario, out)) {
                return std::int64_t{-1};
            }
            return out["stats"]["keys"].get<std::int64_t>();
        },
        &result);
    fg::bench::row("engines", "B-Tree scenario, insert-random, narrate false (as `fieldguide run`)",
                   figure(viaScenario, n), baseline);
    const double ratio = std::max(tree, bplus) / set;
    if (ratio > 3.0 || result < 0) {
        std::fprintf(stderr, "bench_btree: the B-Tree took %.2fx std::set's time (bound: 3x)\n",
                     ratio);
        return 1;
    }
    return 0;
}
