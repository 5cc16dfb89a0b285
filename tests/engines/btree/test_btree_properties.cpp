// Random op sequences (seeded; orders 3..10 and 64; both split rules; the B+-tree with and
// without rightmost fill and merges on delete) against std::set. After every op: every invariant
// holds, the keys equal the oracle's (a B+-tree's also walked along its leaf chain), search and
// range answer as the oracle does, and the bulk run (no narration) holds exactly the same state as
// the narrated one.
#include "engines/core/rng.h"
#include "tests/engines/btree/btree_test_support.h"
#include "tests/suite_main.h"

#include <QTest>
#include <set>

using namespace fg::btree;
using namespace fg::btree::test;

namespace {

struct Mix {
    int ops;          // how many random ops
    Key keySpace;     // keys drawn from [0, keySpace)
    std::int64_t pre; // keys inserted by one insert-random op first (to grow tall trees)
};

// The oracle's answer to a range query.
std::vector<Key> oracleRange(const std::set<Key>& s, Key from, Key to) {
    if (from > to) {
        return {};
    }
    return {s.lower_bound(from), s.upper_bound(to)};
}

Op randomOp(fg::Rng& rng, Key space) {
    const auto roll = rng.uniform(0, 99);
    const Key k = rng.uniform(0, space - 1);
    if (roll < 45) {
        return Op::insert(k);
    }
    if (roll < 80) {
        return Op::remove(k);
    }
    if (roll < 90) {
        return Op::search(k);
    }
    if (roll < 97) {
        return Op::range(k, k + rng.uniform(-2, space / 8));
    }
    return Op::insertRandom(rng.uniform(0, 20), rng.next(), 0, space - 1);
}

// Applies `op` to the oracle and returns what a search or range must report.
void applyToOracle(std::set<Key>& oracle, const Op& op) {
    switch (op.kind) {
    case OpKind::kInsert:
        oracle.insert(op.key);
        break;
    case OpKind::kRemove:
        oracle.erase(op.key);
        break;
    case OpKind::kInsertRandom: {
        fg::Rng draw(op.seed);
        for (std::int64_t i = 0; i < op.count; ++i) {
            oracle.insert(draw.uniform(op.min, op.max));
        }
        break;
    }
    default:
        break;
    }
}

// Runs one seeded sequence; returns an empty string or the first failure.
std::string runSequence(const Params& p, std::uint64_t seed, const Mix& mix) {
    const BTreeEngine engine(p);
    State loud = engine.emptyState();
    State quiet = engine.emptyState();
    fg::SilentSink<Step, State> silent;
    std::set<Key> oracle;
    fg::Rng rng(seed);
    std::vector<Op> ops;
    if (mix.pre > 0) {
        ops.push_back(Op::insertRandom(mix.pre, seed, 0, mix.keySpace - 1));
    }
    for (int i = 0; i < mix.ops; ++i) {
        ops.push_back(randomOp(rng, mix.keySpace));
    }
    for (std::size_t i = 0; i < ops.size(); ++i) {
        const Op& op = ops[i];
        const std::string at = "op " + std::to_string(i) + ": ";
        Recorder rec(false);
        engine.apply(loud, op, rec);
        engine.apply(quiet, op, silent);
        applyToOracle(oracle, op);
        if (const fg::Status st = checkInvariants(loud, p); !st) {
            return at + st.message();
        }
        if (!(loud == quiet)) {
            return at + "the bulk run differs from the narrated run";
        }
        if (inorderKeys(loud) != std::vector<Key>(oracle.begin(), oracle.end())) {
            return at + "keys differ from the oracle";
        }
        if (p.bplus() && leafChainKeys(loud) != std::vector<Key>(oracle.begin(), oracle.end())) {
            return at + "the leaf chain's keys differ from the oracle";
        }
        if (op.kind == OpKind::kSearch) {
            const bool found = rec.steps.back().kind == StepKind::kFound;
            if (found != oracle.contains(op.key)) {
                return at + "search for " + std::to_string(op.key) + " disagrees";
            }
        }
        if (op.kind == OpKind::kRange &&
            rec.steps.back().keys != oracleRange(oracle, op.from, op.to)) {
            return at + "range " + std::to_string(op.from) + ".." + std::to_string(op.to) +
                   " disagrees";
        }
    }
    return {};
}

void runMany(const Params& p, int seeds, const Mix& mix) {
    for (int seed = 1; seed <= seeds; ++seed) {
        const std::string failure = runSequence(p, static_cast<std::uint64_t>(seed), mix);
        if (!failure.empty()) {
            const std::string what = "order " + std::to_string(p.order) +
                                     (p.preemptive() ? " preemptive" : "") +
                                     (p.bplus() ? " B+ fill " + std::to_string(p.rightmostFill) +
                                                      (p.mergeOnDelete ? "" : " no merge")
                                                : "") +
                                     ", seed " + std::to_string(seed) + ", " + failure;
            QFAIL(what.c_str());
        }
    }
}

} // namespace

class TestBtreeProperties : public QObject {
    Q_OBJECT
private slots:
    void insertThenSplitSmallOrdersMatchTheOracle() {
        for (int m = 3; m <= 10; ++m) {
            runMany(Params::withOrder(m), 25, {400, 200, 0});
        }
    }

    void insertThenSplitOrder64MatchesTheOracle() {
        runMany(Params::withOrder(64), 3, {1500, 40000, 8000});
    }

    void preemptiveSmallDegreesMatchTheOracle() {
        for (int t = 2; t <= 5; ++t) {
            runMany(Params::withMinDegree(t), 25, {400, 200, 0});
        }
    }

    void preemptiveDegree32MatchesTheOracle() {
        runMany(Params::withMinDegree(32), 3, {1500, 40000, 8000});
    }

    void bplusSmallOrdersMatchTheOracle() {
        for (int m = 3; m <= 10; ++m) {
            for (const Params& p :
                 {Params::bplusWithOrder(m), Params::bplusWithOrder(m, 90),
                  Params::bplusWithOrder(m, 0, false), Params::bplusWithOrder(m, 90, false),
                  Params::bplusWithOrder(m, 10), Params::bplusWithOrder(m, 100)}) {
                runMany(p, 12, {400, 200, 0});
            }
        }
    }

    void bplusOrder64MatchesTheOracle() {
        runMany(Params::bplusWithOrder(64), 2, {1500, 40000, 8000});
        runMany(Params::bplusWithOrder(64, 90), 2, {1500, 40000, 8000});
        runMany(Params::bplusWithOrder(64, 90, false), 2, {1500, 40000, 8000});
    }

    // Ascending runs are what rightmost_fill is for: many rightmost splits, then deletes.
    void bplusAscendingRunsMatchTheOracle() {
        for (const Params& p : {Params::bplusWithOrder(3, 90), Params::bplusWithOrder(5, 90),
                                Params::bplusWithOrder(64, 90)}) {
            const BTreeEngine engine(p);
            State s = engine.emptyState();
            fg::SilentSink<Step, State> silent;
            std::set<Key> oracle;
            for (Key k = 0; k < 3000; ++k) {
                engine.apply(s, Op::insert(k), silent);
                oracle.insert(k);
            }
            for (Key k = 0; k < 3000; k += 3) {
                engine.apply(s, Op::remove((k * 7919) % 3000), silent);
                oracle.erase((k * 7919) % 3000);
            }
            const fg::Status st = checkInvariants(s, p);
            QVERIFY2(st, st.message().c_str());
            QVERIFY(leafChainKeys(s) == std::vector<Key>(oracle.begin(), oracle.end()));
        }
    }

    void order64DrainsThroughInnerMerges() {
        for (const Params& p : {Params::withOrder(64), Params::withMinDegree(32),
                                Params::bplusWithOrder(64), Params::bplusWithOrder(64, 90)}) {
            const BTreeEngine engine(p);
            State s = engine.emptyState();
            fg::SilentSink<Step, State> silent;
            engine.apply(s, Op::insertRandom(8000, 3, 0, 39999), silent);
            std::vector<Key> keys = inorderKeys(s);
            std::set<Key> oracle(keys.begin(), keys.end());
            QCOMPARE(s.stats.height, 3);
            fg::Rng rng(4);
            for (std::size_t i = keys.size(); i > 1; --i) { // Fisher-Yates with the project's Rng
                std::swap(keys[i - 1], keys[static_cast<std::size_t>(rng.uniform(0, i - 1))]);
            }
            for (const Key k : keys) {
                engine.apply(s, Op::remove(k), silent);
                oracle.erase(k);
                const fg::Status st = checkInvariants(s, p);
                QVERIFY2(st, st.message().c_str());
                QVERIFY(inorderKeys(s) == std::vector<Key>(oracle.begin(), oracle.end()));
            }
            QCOMPARE(s.stats.height, 1);
            QVERIFY(s.stats.merges > 100);
        }
    }

    // The checker is the oracle of every test above, so it must reject what it promises to.
    void invariantCheckerRejectsBrokenTrees() {
        const Params p = Params::withOrder(4);
        QVERIFY(checkInvariants(twoLevels(p, {5}, {{1, 2}, {6, 7}}), p));
        QVERIFY(!checkInvariants(twoLevels(p, {5}, {{2, 1}, {6, 7}}), p));    // unsorted node
        QVERIFY(!checkInvariants(twoLevels(p, {5}, {{1, 6}, {7, 8}}), p));    // 6 left of 5
        QVERIFY(!checkInvariants(twoLevels(p, {5}, {{}, {6, 7}}), p));        // leaf under minimum
        QVERIFY(!checkInvariants(twoLevels(p, {5}, {{1, 2, 3, 4}, {6}}), p)); // over maximum
        State wrongCount = twoLevels(p, {5}, {{1, 2}, {6, 7}});
        ++wrongCount.stats.keys;
        QVERIFY(!checkInvariants(wrongCount, p));
        State wrongHeight = twoLevels(p, {5}, {{1, 2}, {6, 7}});
        wrongHeight.stats.height = 3; // leaves are at depth 2
        QVERIFY(!checkInvariants(wrongHeight, p));
        State orphan = twoLevels(p, {5}, {{1, 2}, {6, 7}});
        orphan.nodes.add(true);
        ++orphan.stats.nodes;
        QVERIFY(!checkInvariants(orphan, p));
    }

    void tallTreesShrinkBackToEmpty() {
        for (const Params& p :
             {Params::withOrder(3), Params::withOrder(4), Params::withMinDegree(2),
              Params::bplusWithOrder(3), Params::bplusWithOrder(4, 90)}) {
            State s = insertAll(p, iota(0, 2999));
            QVERIFY(s.stats.height >= 6);
            const BTreeEngine engine(p);
            fg::SilentSink<Step, State> silent;
            for (Key k = 0; k < 3000; ++k) {
                engine.apply(s, Op::remove((k * 7919) % 3000), silent); // a permutation of 0..2999
            }
            QVERIFY(checkInvariants(s, p));
            QCOMPARE(s.stats.keys, std::int64_t{0});
            QCOMPARE(s.stats.nodes, std::int64_t{1});
            QCOMPARE(s.stats.height, 1);
        }
    }
};

FG_TEST_APPLESS_MAIN(TestBtreeProperties)
#include "test_btree_properties.moc"
