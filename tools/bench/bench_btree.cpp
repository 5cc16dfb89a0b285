// bench_btree: 1,000,000 seeded random inserts into an order-64 B-tree in bulk mode, against
// std::set on the same keys; then the same million through the scenario path (narrate false).
// The contract: the engine within 3x of std::set. Prints one line per measurement (best of three
// runs) and exits 1 when the bound is missed.
//   build/tools/bench_btree [COUNT]
#include "btree/btree.h"
#include "core/rng.h"
#include "scenario/btree_scenario.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <set>
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

void line(const char* what, double seconds, std::int64_t n, std::int64_t result) {
    std::printf("%-52s %8.1f ms  %7.1f ns/insert  (%lld)\n", what, seconds * 1e3,
                seconds * 1e9 / static_cast<double>(n), static_cast<long long>(result));
}

} // namespace

int main(int argc, char** argv) {
    const std::int64_t n = argc > 1 ? std::atoll(argv[1]) : 1'000'000;
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
    line("std::set<int64_t>, pre-drawn keys", set, n, result);

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
    line("B-tree order 64, bulk, one insert op per key", tree, n, result);
    const double clrs = best(perKey(Params::withMinDegree(32)), &result);
    line("B-tree min_degree 32 preemptive, one op per key", clrs, n, result);

    // One insert-random op: the engine draws the same keys itself.
    const double random = best(
        [&] {
            const BTreeEngine engine(Params::withOrder(64));
            State s = engine.emptyState();
            engine.apply(s, Op::insertRandom(n, kSeed, kMin, kMax), silent);
            return s.stats.keys;
        },
        &result);
    line("B-tree order 64, one insert-random op (draws too)", random, n, result);

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
    line("scenario path, insert-random, narrate false", viaScenario, n, result);

    const double ratio = tree / set;
    std::printf("B-tree / std::set = %.2f (contract: at most 3.00)\n", ratio);
    return ratio <= 3.0 ? 0 : 1;
}
