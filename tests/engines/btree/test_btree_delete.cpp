// Removal keeps every invariant: borrow from a sibling, else merge, and shrink an emptied root.
// Bottom-up under the insert-then-split rule (hand-checked trees), top-down under the preemptive
// rule (CLRS 3e Fig. 18.8's deletions of F, M, G, D and B, as recalled in engine-reference.md).
#include "tests/engines/btree/btree_test_support.h"
#include "tests/suite_main.h"

#include <QTest>

using namespace fg::btree;
using namespace fg::btree::test;

namespace {

// Applies ops silently and returns the state; checks the invariants after each.
State run(const Params& p, State s, const std::vector<Op>& ops) {
    const BTreeEngine engine(p);
    fg::SilentSink<Step, State> silent;
    for (const Op& op : ops) {
        engine.apply(s, op, silent);
        const fg::Status st = checkInvariants(s, p);
        if (!st) {
            QTest::qFail(st.message().c_str(), __FILE__, __LINE__);
            return s;
        }
    }
    return s;
}

std::vector<Op> removes(const std::vector<Key>& keys) {
    std::vector<Op> ops;
    for (const Key k : keys) {
        ops.push_back(Op::remove(k));
    }
    return ops;
}

// CLRS Fig. 18.8 (a): the figure's inserts applied to its starting tree, t = 3.
State clrsDeleteFigure() {
    State s = clrsInsertFigure();
    return run(Params::withMinDegree(3), s,
               {Op::insert(L('B')), Op::insert(L('Q')), Op::insert(L('L')), Op::insert(L('F'))});
}

const Params kOrder3 = Params::withOrder(3);

} // namespace

class TestBtreeDelete : public QObject {
    Q_OBJECT
private slots:
    void removeFromALeafWithKeysToSpare() {
        State s = insertAll(kOrder3, iota(1, 10));
        const auto writes = s.stats.pageWrites;
        const auto steps = stepsOf(kOrder3, s, Op::remove(10));
        QCOMPARE(kindsOf(steps), (std::vector<StepKind>{StepKind::kDescend, StepKind::kDescend,
                                                        StepKind::kRemoveLeaf}));
        QCOMPARE(shapeOf(s), std::string("[4] / [2] [6,8] / [1] [3] [5] [7] [9]"));
        QCOMPARE(s.stats.pageWrites - writes, std::int64_t{1});
    }

    void underflowBorrowsFromTheRightSibling() {
        State s = insertAll(kOrder3, iota(1, 10));
        const auto steps = stepsOf(kOrder3, s, Op::remove(7));
        QCOMPARE(kindsOf(steps), (std::vector<StepKind>{StepKind::kDescend, StepKind::kDescend,
                                                        StepKind::kRemoveLeaf, StepKind::kUnderflow,
                                                        StepKind::kBorrow}));
        QCOMPARE(shapeOf(s), std::string("[4] / [2] [6,9] / [1] [3] [5] [8] [10]"));
        QCOMPARE(steps.back().moved, std::optional<Key>(8));
        QCOMPARE(s.stats.borrows, std::int64_t{1});
    }

    void underflowBorrowsFromTheLeftSibling() {
        std::vector<Op> ops;
        for (Key k = 10; k <= 100; k += 10) {
            ops.push_back(Op::insert(k));
        }
        ops.push_back(Op::insert(75));
        ops.push_back(Op::remove(100));
        ops.push_back(Op::remove(90));
        const State s = run(kOrder3, BTreeEngine(kOrder3).emptyState(), ops);
        QCOMPARE(shapeOf(s), std::string("[40] / [20] [60,75] / [10] [30] [50] [70] [80]"));
    }

    void underflowMergesWhenNoSiblingCanSpare() {
        State s = insertAll(kOrder3, iota(1, 10));
        const auto nodes = s.stats.nodes;
        const auto writes = s.stats.pageWrites;
        const auto steps = stepsOf(kOrder3, s, Op::remove(5));
        QCOMPARE(steps.back().kind, StepKind::kMerge);
        QCOMPARE(steps.back().moved, std::optional<Key>(6));
        QVERIFY(!s.nodes.live(steps.back().other));
        QCOMPARE(shapeOf(s), std::string("[4] / [2] [8] / [1] [3] [6,7] [9,10]"));
        QCOMPARE(s.stats.nodes, nodes - 1);
        QCOMPARE(s.stats.merges, std::int64_t{1});
        QCOMPARE(s.stats.pageWrites - writes, std::int64_t{3}); // survivor, retired node, parent
    }

    void mergePrefersTheLeftSibling() {
        const State s = run(kOrder3, insertAll(kOrder3, iota(1, 10)), removes({10, 9}));
        QCOMPARE(shapeOf(s), std::string("[4] / [2] [6] / [1] [3] [5] [7,8]"));
    }

    void mergesCascadeAndTheRootShrinks() {
        State s = insertAll(kOrder3, iota(1, 7));
        const auto steps = stepsOf(kOrder3, s, Op::remove(1));
        QCOMPARE(kindsOf(steps), (std::vector<StepKind>{StepKind::kDescend, StepKind::kDescend,
                                                        StepKind::kRemoveLeaf, StepKind::kUnderflow,
                                                        StepKind::kMerge, StepKind::kUnderflow,
                                                        StepKind::kMerge, StepKind::kShrink}));
        QCOMPARE(shapeOf(s), std::string("[4,6] / [2,3] [5] [7]"));
        QCOMPARE(s.stats.height, 2);
        QVERIFY(checkInvariants(s, kOrder3));
    }

    void innerKeyIsReplacedByItsPredecessor() {
        State s = insertAll(kOrder3, iota(1, 10));
        const auto steps = stepsOf(kOrder3, s, Op::remove(4));
        QCOMPARE(kindsOf(steps),
                 (std::vector<StepKind>{StepKind::kReplace, StepKind::kUnderflow, StepKind::kMerge,
                                        StepKind::kUnderflow, StepKind::kBorrow}));
        QCOMPARE(steps[0].moved, std::optional<Key>(3));
        QCOMPARE(shapeOf(s), std::string("[6] / [3] [8] / [1,2] [5] [7] [9,10]"));
    }

    void removingAMissingKeyChangesNothing() {
        State s = insertAll(kOrder3, iota(1, 10));
        const State before = s;
        const auto steps = stepsOf(kOrder3, s, Op::remove(42));
        QCOMPARE(steps.back().kind, StepKind::kNotFound);
        QVERIFY(s.nodes == before.nodes);
        QCOMPARE(s.stats.pageWrites, before.stats.pageWrites);
    }

    void removingEveryKeyLeavesAnEmptyLeafRoot() {
        const State s = run(kOrder3, insertAll(kOrder3, iota(1, 30)), removes(iota(1, 30)));
        QCOMPARE(shapeOf(s), std::string("[]"));
        QCOMPARE(s.stats.height, 1);
        QCOMPARE(s.stats.nodes, std::int64_t{1});
        QCOMPARE(s.stats.keys, std::int64_t{0});
    }

    void clrsFigureDeletions() {
        const Params p = Params::withMinDegree(3);
        State s = clrsDeleteFigure();
        QCOMPARE(shapeOf(s), letters("[P] / [C,G,M] [T,X] / [A,B] [D,E,F] [J,K,L] [N,O] [Q,R,S] "
                                     "[U,V] [Y,Z]"));
        s = run(p, s, {Op::remove(L('F'))}); // case 1: from a leaf
        QCOMPARE(shapeOf(s), letters("[P] / [C,G,M] [T,X] / [A,B] [D,E] [J,K,L] [N,O] [Q,R,S] "
                                     "[U,V] [Y,Z]"));
        s = run(p, s, {Op::remove(L('M'))}); // case 2a: the predecessor L takes M's place
        QCOMPARE(shapeOf(s), letters("[P] / [C,G,L] [T,X] / [A,B] [D,E] [J,K] [N,O] [Q,R,S] "
                                     "[U,V] [Y,Z]"));
        s = run(p, s, {Op::remove(L('G'))}); // case 2c: [D,E] G [J,K] merge, then G goes
        QCOMPARE(shapeOf(s), letters("[P] / [C,L] [T,X] / [A,B] [D,E,J,K] [N,O] [Q,R,S] "
                                     "[U,V] [Y,Z]"));
        s = run(p, s, {Op::remove(L('D'))}); // case 3b: [C,L] P [T,X] merge, the root shrinks
        QCOMPARE(shapeOf(s), letters("[C,L,P,T,X] / [A,B] [E,J,K] [N,O] [Q,R,S] [U,V] [Y,Z]"));
        s = run(p, s, {Op::remove(L('B'))}); // case 3a: [A,B] borrows C, E goes up
        QCOMPARE(shapeOf(s), letters("[E,L,P,T,X] / [A,C] [J,K] [N,O] [Q,R,S] [U,V] [Y,Z]"));
    }

    void clrsMergeBeforeDescentNarratesMergeThenShrink() {
        const Params p = Params::withMinDegree(3);
        State s = run(p, clrsDeleteFigure(), removes({L('F'), L('M'), L('G')}));
        const auto steps = stepsOf(p, s, Op::remove(L('D')));
        QCOMPARE(kindsOf(steps),
                 (std::vector<StepKind>{StepKind::kMerge, StepKind::kShrink, StepKind::kDescend,
                                        StepKind::kRemoveLeaf}));
        QCOMPARE(steps[0].moved, std::optional<Key>(L('P')));
    }

    void clrsSuccessorReplacesWhenOnlyTheRightChildCanSpare() {
        const Params p = Params::withMinDegree(2);
        State s = twoLevels(p, {5}, {{3}, {7, 8}});
        const auto steps = stepsOf(p, s, Op::remove(5));
        QCOMPARE(steps.back().kind, StepKind::kReplace);
        QCOMPARE(steps.back().moved, std::optional<Key>(7));
        QCOMPARE(shapeOf(s), std::string("[7] / [3] [8]"));
        QVERIFY(checkInvariants(s, p));
    }
};

FG_TEST_APPLESS_MAIN(TestBtreeDelete)
#include "test_btree_delete.moc"
