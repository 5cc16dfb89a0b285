// The engine inside fg::Timeline: step back is exact (textbook and B+-tree), runs are
// deterministic, node ids are stable, and changing a parameter (the variant too) rebuilds the same
// keys under the new setting.
#include "engines/btree/btree_rebuild.h"
#include "tests/engines/btree/btree_test_support.h"
#include "tests/suite_main.h"

#include <QTest>
#include <map>
#include <set>

using namespace fg::btree;
using namespace fg::btree::test;

namespace {

// A small scenario touching every op and every repair: splits, duplicates, borrows, merges, shrink.
std::vector<Op> smallScenario() {
    std::vector<Op> ops;
    for (const Key k : {50, 20, 80, 10, 30, 60, 90, 40, 70, 25, 35, 15, 5, 85, 95, 65}) {
        ops.push_back(Op::insert(k));
    }
    ops.push_back(Op::insert(30));
    ops.push_back(Op::search(35));
    ops.push_back(Op::search(36));
    ops.push_back(Op::range(12, 66));
    ops.push_back(Op::insertRandom(8, 5, 1, 100));
    for (const Key k : {20, 50, 10, 5, 15, 25, 99, 30, 35, 40}) {
        ops.push_back(Op::remove(k));
    }
    return ops;
}

// The small scenario, then every key it may hold removed: the tree drains back to one leaf.
std::vector<Op> drainedScenario() {
    std::vector<Op> ops = smallScenario();
    for (Key k = 1; k <= 100; ++k) {
        ops.push_back(Op::remove((k * 37) % 101));
    }
    return ops;
}

void checkStepBack(const Params& p, const std::vector<Op>& ops = smallScenario()) {
    const BTreeEngine engine(p);
    const fg::Timeline<BTreeEngine> timeline(engine, engine.emptyState(), ops, 4);
    Recorder fresh;
    State s = engine.emptyState();
    for (const Op& op : ops) {
        engine.apply(s, op, fresh);
    }
    QCOMPARE(timeline.size(), fresh.steps.size());
    for (std::size_t i = timeline.size(); i-- > 0;) {
        QVERIFY2(timeline.stateAfter(i) == fresh.states[i], std::to_string(i).c_str());
        QVERIFY(timeline.step(i) == fresh.steps[i]);
    }
    QVERIFY(timeline.finalState() == s);
}

} // namespace

class TestBtreeTimeline : public QObject {
    Q_OBJECT
private slots:
    void stepBackIsExactUnderInsertThenSplit() { checkStepBack(Params::withOrder(3)); }

    void stepBackIsExactUnderPreemptiveSplit() { checkStepBack(Params::withMinDegree(2)); }

    void stepBackIsExactInABPlusTree() {
        for (const Params& p : {Params::bplusWithOrder(3), Params::bplusWithOrder(4, 90),
                                Params::bplusWithOrder(3, 90, false)}) {
            checkStepBack(p, drainedScenario());
        }
    }

    // A long insert-random op (more keys than Timeline::kUnitsPerCheckpoint, so checkpoints
    // inside it), ops before and after it: the state reached by a jump to a step, at random
    // places, every 20,011 steps and at the ends, backwards, is the state a replay from the start
    // has there (every variant's insert; test_timeline jumps to every step of a toy engine).
    void aStepReachedByAJumpEqualsTheReplayedState() {
        for (const Params& p :
             {Params::withOrder(4), Params::withMinDegree(3), Params::bplusWithOrder(5, 90)}) {
            std::vector<Op> ops = {Op::insert(7), Op::insertRandom(20'000, 3, 1, 50'000),
                                   Op::search(4242), Op::insertRandom(9'000, 4, 1, 50'000),
                                   Op::remove(7)};
            const BTreeEngine engine(p);
            const fg::Timeline<BTreeEngine> t(engine, engine.emptyState(), ops);
            QVERIFY(t.checkpointCount() >= 4); // before op 0, and inside the long ops
            std::set<std::size_t> wanted = {0, 1, 2, t.size() - 2, t.size() - 1};
            fg::Rng rng(5);
            for (int n = 0; n < 80; ++n) {
                wanted.insert(std::size_t(rng.uniform(0, std::int64_t(t.size()) - 1)));
            }
            std::map<std::size_t, State> replayed; // from the start, no checkpoint
            t.replay([&](std::size_t i, const Step&, const State& after) {
                if (wanted.contains(i) || i % 20'011 < 2) {
                    replayed.emplace(i, after);
                }
            });
            for (auto it = replayed.rbegin(); it != replayed.rend(); ++it) {
                QVERIFY2(t.stateAfter(it->first) == it->second, std::to_string(it->first).c_str());
            }
        }
    }

    void theScenarioExercisesEveryBPlusRepair() {
        const fg::Timeline<BTreeEngine> t = rebuild(drainedScenario(), Params::bplusWithOrder(3));
        std::set<StepKind> kinds;
        for (const Step& st : t.steps()) {
            kinds.insert(st.kind);
        }
        for (const StepKind k :
             {StepKind::kLeafSplit, StepKind::kSplit, StepKind::kNewRoot, StepKind::kPromote,
              StepKind::kDuplicate, StepKind::kLeafBorrow, StepKind::kLeafMerge, StepKind::kBorrow,
              StepKind::kMerge, StepKind::kShrink, StepKind::kRangeDone}) {
            QVERIFY2(kinds.contains(k), std::string(kindName(k)).c_str());
        }
        QVERIFY(!kinds.contains(StepKind::kReplace)); // a B+-tree never swaps in a predecessor
    }

    // A tester: after "Remove 2 from the leaf, leaving [1 3]" the counters said "Keys: 3" (the
    // count changed after the step was reported). At every step of both delete strategies the
    // key count is the number of keys in the tree.
    void theKeyCountIsRightAtEveryStep() {
        for (const Params& p :
             {Params::withOrder(3), Params::withOrder(4), Params::withMinDegree(2),
              Params::bplusWithOrder(3), Params::bplusWithOrder(4, 90, false)}) {
            const fg::Timeline<BTreeEngine> t = rebuild(smallScenario(), p);
            for (std::size_t i = 0; i < t.size(); ++i) {
                const State s = t.stateAfter(i);
                std::size_t keys = 0;
                std::vector<NodeId> todo{s.root};
                while (!todo.empty()) {
                    const NodeId x = todo.back();
                    todo.pop_back();
                    keys += s.bplus && !s.nodes.leaf(x) ? 0 : s.nodes.keys(x).size();
                    if (!s.nodes.leaf(x)) {
                        const auto ch = s.nodes.children(x);
                        todo.insert(todo.end(), ch.begin(), ch.end());
                    }
                }
                QVERIFY2(std::size_t(s.stats.keys) == keys,
                         qPrintable(QStringLiteral("step %1 (%2): %3 keys counted, %4 in the tree")
                                        .arg(i + 1)
                                        .arg(QString::fromStdString(t.step(i).text))
                                        .arg(s.stats.keys)
                                        .arg(keys)));
            }
        }
    }

    void theScenarioExercisesEveryRepair() {
        const fg::Timeline<BTreeEngine> t =
            rebuild(smallScenario(), Params::withOrder(3)); // guards the two tests above
        std::set<StepKind> kinds;
        for (const Step& st : t.steps()) {
            kinds.insert(st.kind);
        }
        for (const StepKind k : {StepKind::kSplit, StepKind::kNewRoot, StepKind::kPromote,
                                 StepKind::kDuplicate, StepKind::kBorrow, StepKind::kMerge,
                                 StepKind::kShrink, StepKind::kReplace, StepKind::kRangeDone}) {
            QVERIFY2(kinds.contains(k), std::string(kindName(k)).c_str());
        }
    }

    void runsAreDeterministic() {
        const auto a = rebuild(smallScenario(), Params::withOrder(4));
        const auto b = rebuild(smallScenario(), Params::withOrder(4));
        QVERIFY(a.steps() == b.steps());
        QVERIFY(a.finalState() == b.finalState());
    }

    void splitsMakeOneNewIdAndRetiredIdsNeverReturn() {
        const Params p = Params::withOrder(3);
        Recorder rec;
        const BTreeEngine engine(p);
        State s = engine.emptyState();
        for (const Op& op : smallScenario()) {
            engine.apply(s, op, rec);
        }
        std::set<NodeId> retired;
        std::size_t issued = 1;
        for (std::size_t i = 0; i < rec.steps.size(); ++i) {
            const Step& st = rec.steps[i];
            const State& after = rec.states[i];
            if (st.kind == StepKind::kSplit) {
                QCOMPARE(st.other, static_cast<NodeId>(issued)); // the one new id
                QVERIFY(after.nodes.live(st.node));              // the left half kept its id
            }
            issued = after.nodes.idsIssued();
            for (NodeId id = 0; id < issued; ++id) {
                if (after.nodes.live(id)) {
                    QVERIFY(!retired.contains(id));
                } else {
                    retired.insert(id);
                }
            }
        }
        QVERIFY(!retired.empty());
    }

    void changingTheOrderRebuildsTheSameKeys() {
        const std::vector<Op> ops = smallScenario();
        const auto base = rebuild(ops, Params::withOrder(4));
        const std::vector<Key> keys = inorderKeys(base.finalState());
        for (const Params& p :
             {Params::withOrder(3), Params::withOrder(7), Params::withOrder(64),
              Params::withMinDegree(2), Params::withMinDegree(3), Params::bplusWithOrder(4),
              Params::bplusWithOrder(3, 90), Params::bplusWithOrder(64, 90, false)}) {
            const auto other = rebuild(base.ops(), p);
            QCOMPARE(inorderKeys(other.finalState()), keys);
            QVERIFY(checkInvariants(other.finalState(), p));
            QVERIFY(rebuildState(base.ops(), p) == other.finalState());
        }
        QCOMPARE(rebuild(ops, Params::withOrder(64)).finalState().stats.height, 1);
        QVERIFY(rebuild(ops, Params::withOrder(3)).finalState().stats.height > 2);
    }
};

FG_TEST_APPLESS_MAIN(TestBtreeTimeline)
#include "test_btree_timeline.moc"
