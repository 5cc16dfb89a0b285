// Search reports the path read and the keys compared; range walks in order and reports the nodes
// it visits and the keys it returns. Tree: order 4 with 1..10,
// [4] / [2] [6,8] / [1] [3] [5] [7] [9,10].
#include "tests/engines/btree/btree_test_support.h"
#include "tests/suite_main.h"

#include <QTest>

using namespace fg::btree;
using namespace fg::btree::test;

namespace {

State oneToTen() {
    return insertAll(Params::withOrder(4), iota(1, 10));
}

// The id of the node holding exactly `keys`, found by a walk from the root.
NodeId nodeWith(const State& s, const std::vector<Key>& keys) {
    std::vector<NodeId> todo{s.root};
    while (!todo.empty()) {
        const NodeId id = todo.back();
        todo.pop_back();
        const auto ks = s.nodes.keys(id);
        if (std::vector<Key>(ks.begin(), ks.end()) == keys) {
            return id;
        }
        const auto cs = s.nodes.children(id);
        todo.insert(todo.end(), cs.begin(), cs.end());
    }
    return kNoNode;
}

} // namespace

class TestBtreeSearchRange : public QObject {
    Q_OBJECT
private slots:
    void searchReportsPathAndComparedKeys() {
        State s = oneToTen();
        const auto reads = s.stats.pageReads;
        const auto steps = stepsOf(Params::withOrder(4), s, Op::search(7));
        QCOMPARE(kindsOf(steps),
                 (std::vector<StepKind>{StepKind::kDescend, StepKind::kDescend, StepKind::kFound}));
        const Step& found = steps.back();
        QCOMPARE(found.path, (std::vector<NodeId>{s.root, nodeWith(s, {6, 8}), nodeWith(s, {7})}));
        QCOMPARE(found.compared, (std::vector<Key>{4, 6, 8, 7}));
        QCOMPARE(found.node, nodeWith(s, {7}));
        QCOMPARE(steps[1].compared, (std::vector<Key>{6, 8}));
        QCOMPARE(steps[1].other, nodeWith(s, {7}));
        QCOMPARE(s.stats.pageReads - reads, std::int64_t{3});
    }

    void searchStopsAtAnInnerNodeHoldingTheKey() {
        State s = oneToTen();
        const auto steps = stepsOf(Params::withOrder(4), s, Op::search(4));
        QCOMPARE(kindsOf(steps), (std::vector<StepKind>{StepKind::kFound}));
        QCOMPARE(steps[0].path, (std::vector<NodeId>{s.root}));
        QCOMPARE(steps[0].text, std::string("Found 4 in the root [4] (1 node read)."));
    }

    void searchForAMissingKeyEndsInALeaf() {
        State s = oneToTen();
        const auto steps = stepsOf(Params::withOrder(4), s, Op::search(11));
        QCOMPARE(steps.back().kind, StepKind::kNotFound);
        QCOMPARE(steps.back().node, nodeWith(s, {9, 10}));
        QCOMPARE(steps.back().compared, (std::vector<Key>{4, 6, 8, 9, 10}));
    }

    void searchOfAnEmptyTreeReadsTheRoot() {
        State s = BTreeEngine(Params::withOrder(4)).emptyState();
        const auto steps = stepsOf(Params::withOrder(4), s, Op::search(1));
        QCOMPARE(kindsOf(steps), (std::vector<StepKind>{StepKind::kNotFound}));
        QCOMPARE(s.stats.pageReads, std::int64_t{1});
    }

    void rangeReturnsKeysInOrderAndTheNodesVisited() {
        State s = oneToTen();
        const auto reads = s.stats.pageReads;
        const auto steps = stepsOf(Params::withOrder(4), s, Op::range(3, 7));
        const Step& done = steps.back();
        QCOMPARE(done.kind, StepKind::kRangeDone);
        QCOMPARE(done.keys, (std::vector<Key>{3, 4, 5, 6, 7}));
        // Down into [2] and its leaf [3], back up for 4, down [6,8] into [5] and [7]; [1] and
        // [9,10] are never read.
        QCOMPARE(done.path,
                 (std::vector<NodeId>{s.root, nodeWith(s, {2}), nodeWith(s, {3}),
                                      nodeWith(s, {6, 8}), nodeWith(s, {5}), nodeWith(s, {7})}));
        QCOMPARE(s.stats.pageReads - reads, std::int64_t{6});
    }

    void rangeVisitsReturnTheKeysInWalkOrder() {
        State s = oneToTen();
        const auto steps = stepsOf(Params::withOrder(4), s, Op::range(2, 9));
        std::vector<Key> walked;
        for (const Step& st : steps) {
            if (st.kind == StepKind::kRangeVisit) {
                walked.insert(walked.end(), st.keys.begin(), st.keys.end());
            }
        }
        QCOMPARE(walked, iota(2, 9));
        QCOMPARE(steps.back().keys, walked);
    }

    void rangeEndingOnAnInnerKeySkipsTheBranchAfterIt() {
        State s = oneToTen();
        const auto steps = stepsOf(Params::withOrder(4), s, Op::range(5, 6));
        QCOMPARE(steps.back().keys, (std::vector<Key>{5, 6}));
        QCOMPARE(steps.back().path,
                 (std::vector<NodeId>{s.root, nodeWith(s, {6, 8}), nodeWith(s, {5})}));
    }

    void emptyRangeReadsNothing() {
        State s = oneToTen();
        const auto reads = s.stats.pageReads;
        const auto steps = stepsOf(Params::withOrder(4), s, Op::range(7, 3));
        QCOMPARE(kindsOf(steps), (std::vector<StepKind>{StepKind::kRangeDone}));
        QVERIFY(steps.back().keys.empty());
        QCOMPARE(s.stats.pageReads, reads);
    }
};

FG_TEST_APPLESS_MAIN(TestBtreeSearchRange)
#include "test_btree_search_range.moc"
