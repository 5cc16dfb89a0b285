// The LSM tree against a std::map over random puts, deletes, gets, flushes and compactions, with
// both strategies: every get agrees with the map, leveled levels never overlap, tombstones
// shadow older values until nothing older is left; and step back is exact.
#include "core/rng.h"
#include "core/timeline.h"
#include "lsm/lsm_tree.h"

#include <QTest>

using namespace fg::lsm;
using Kind = LsmOp::Kind;

namespace {

struct Collect : fg::StepSink<LsmStep, LsmState> {
    std::vector<LsmStep> steps;
    std::vector<LsmState> states;
    bool narrate() const override { return true; }
    void report(LsmStep st, const LsmState& s) override {
        steps.push_back(std::move(st));
        states.push_back(s);
    }
};

LsmOp op(Kind k, std::string key = {}, std::string value = {}) {
    return {k, std::move(key), std::move(value)};
}

bool levelsDoNotOverlap(const LsmState& s) {
    const KeyLess less;
    for (int l = 1; l < s.levels(); ++l) {
        const auto tabs = s.level(l);
        for (std::size_t i = 1; i < tabs.size(); ++i) {
            if (!less(tabs[i - 1]->maxKey(), tabs[i]->minKey())) {
                return false;
            }
        }
    }
    return true;
}

} // namespace

class TestLsmTree : public QObject {
    Q_OBJECT
private slots:
    void theMemtableFlushesAtItsLimit() {
        const LsmEngine e({3, 4, 10, 10, false});
        auto s = e.initialState();
        Collect c;
        e.apply(s, op(Kind::Put, "a", "1"), c);
        e.apply(s, op(Kind::Put, "b", "2"), c);
        QCOMPARE(s.tables.size(), std::size_t(0));
        e.apply(s, op(Kind::Put, "c", "3"), c);
        QCOMPARE(s.tables.size(), std::size_t(1));
        QVERIFY(s.memtable.empty());
        QCOMPARE(c.steps.back().kind, std::string("flush"));
    }

    void aGetProbesNewestFirstAndSkipsByRangeAndBloom() {
        const LsmEngine e({2, 10, 10, 10, false});
        auto s = e.initialState();
        Collect c;
        for (const char* k : {"a", "b", "c", "d", "x", "y"}) {
            e.apply(s, op(Kind::Put, k, std::string("v") + k), c);
        }
        e.apply(s, op(Kind::Put, "a", "newer"), c);
        e.apply(s, op(Kind::Get, "a"), c);
        const LsmStep& g = c.steps.back();
        QVERIFY(g.found);
        QCOMPARE(*g.value, std::string("newer")); // the memtable has the newest version
        QCOMPARE(g.probed.front().result, std::string("hit"));
        e.apply(s, op(Kind::Get, "c"), c);
        const LsmStep& h = c.steps.back();
        // memtable miss, table [x y] skipped by range, [c d] hit, [a b] never looked at
        QCOMPARE(h.probed.size(), std::size_t(3));
        QCOMPARE(h.probed[1].result, std::string("skipped-range"));
        QCOMPARE(h.probed[2].result, std::string("hit"));
    }

    void aTombstoneShadowsUntilNothingOlderIsLeft() {
        const LsmEngine e({2, 2, 10, 10, false});
        auto s = e.initialState();
        Collect c;
        e.apply(s, op(Kind::Put, "k", "old"), c);
        e.apply(s, op(Kind::Put, "z", "1"), c); // flush: [k z]
        e.apply(s, op(Kind::Delete, "k"), c);
        QVERIFY(!LsmEngine::lookup(s, "k", false)); // shadowed while only in the memtable
        e.apply(s, op(Kind::Flush), c);             // L0 has 2 tables: compaction to L1
        QVERIFY(!LsmEngine::lookup(s, "k", false));
        std::int64_t tombstones = 0;
        for (const auto& t : s.tables) {
            tombstones += t.tombstones();
        }
        QCOMPARE(tombstones, std::int64_t(0)); // it merged with the value it shadowed: both gone
        QCOMPARE(s.stats.tombstonesDropped, std::int64_t(1));
    }

    void randomOpsAgreeWithAMap_data() {
        QTest::addColumn<bool>("tiered");
        QTest::newRow("leveled") << false;
        QTest::newRow("tiered") << true;
    }
    void randomOpsAgreeWithAMap() {
        QFETCH(bool, tiered);
        for (std::uint64_t seed = 1; seed <= 25; ++seed) {
            fg::Rng rng(seed);
            const LsmParams p{int(rng.uniform(1, 6)), int(rng.uniform(2, 5)),
                              int(rng.uniform(2, 4)), 10, tiered};
            const LsmEngine e(p);
            auto s = e.initialState();
            std::map<std::string, std::string> oracle;
            fg::SilentSink<LsmStep, LsmState> silent;
            for (int i = 0; i < 400; ++i) {
                const std::string key = std::to_string(rng.uniform(0, 60));
                const auto r = rng.uniform(0, 99);
                if (r < 55) {
                    const std::string v = "v" + std::to_string(i);
                    e.apply(s, op(Kind::Put, key, v), silent);
                    oracle[key] = v;
                } else if (r < 75) {
                    e.apply(s, op(Kind::Delete, key), silent);
                    oracle.erase(key);
                } else if (r < 95) {
                    Collect c;
                    e.apply(s, op(Kind::Get, key), c);
                    const auto it = oracle.find(key);
                    QCOMPARE(c.steps.back().found, it != oracle.end());
                    if (it != oracle.end()) {
                        QCOMPARE(*c.steps.back().value, it->second);
                    }
                } else if (r < 98) {
                    e.apply(s, op(Kind::Flush), silent);
                } else {
                    e.apply(s, op(Kind::Compact), silent);
                }
                if (!tiered) {
                    QVERIFY(levelsDoNotOverlap(s));
                }
                for (const auto& t : s.tables) { // tables sorted, one version per key
                    for (std::size_t k = 1; k < t.entries.size(); ++k) {
                        QVERIFY(KeyLess()(t.entries[k - 1].key, t.entries[k].key));
                    }
                }
            }
            for (int k = 0; k <= 60; ++k) {
                const auto it = oracle.find(std::to_string(k));
                const auto got = LsmEngine::lookup(s, std::to_string(k), tiered);
                QCOMPARE(got.has_value(), it != oracle.end());
            }
        }
    }

    void stepBackIsExact() {
        const LsmEngine e({3, 2, 2, 10, false});
        std::vector<LsmOp> ops;
        fg::Rng rng(5);
        for (int i = 0; i < 60; ++i) {
            ops.push_back(op(i % 7 == 3   ? Kind::Delete
                             : i % 5 == 0 ? Kind::Get
                                          : Kind::Put,
                             std::to_string(rng.uniform(0, 20)), "v" + std::to_string(i)));
        }
        const fg::Timeline<LsmEngine> t(e, e.initialState(), ops, 4);
        Collect c;
        auto s = e.initialState();
        for (const auto& o : ops) {
            e.apply(s, o, c);
        }
        QCOMPARE(c.states.size(), t.size());
        for (std::size_t i = 0; i < t.size(); ++i) {
            QVERIFY(t.stateAfter(i) == c.states[i]);
        }
    }
};

QTEST_APPLESS_MAIN(TestLsmTree)
#include "test_lsm_tree.moc"
