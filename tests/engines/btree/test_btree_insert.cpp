// Insert under the contract's split rule (insert into the leaf, split at m keys around index
// (m-1)/2): the reference's worked examples (engine-reference.md 3.4), the steps, and the costs.
#include "tests/engines/btree/btree_test_support.h"
#include "tests/suite_main.h"

#include <QTest>

using namespace fg::btree;
using namespace fg::btree::test;

class TestBtreeInsert : public QObject {
    Q_OBJECT
private slots:
    void order3OneToTenMatchesTheReference() {
        const Params p = Params::withOrder(3);
        QCOMPARE(shapeOf(insertAll(p, iota(1, 3))), std::string("[2] / [1] [3]"));
        QCOMPARE(shapeOf(insertAll(p, iota(1, 5))), std::string("[2,4] / [1] [3] [5]"));
        QCOMPARE(shapeOf(insertAll(p, iota(1, 7))), std::string("[4] / [2] [6] / [1] [3] [5] [7]"));
        QCOMPARE(shapeOf(insertAll(p, iota(1, 9))),
                 std::string("[4] / [2] [6,8] / [1] [3] [5] [7] [9]"));
        QCOMPARE(shapeOf(insertAll(p, iota(1, 10))),
                 std::string("[4] / [2] [6,8] / [1] [3] [5] [7] [9,10]"));
    }

    void order4PromotesTheLowerMedian() {
        const Params p = Params::withOrder(4);
        QCOMPARE(shapeOf(insertAll(p, iota(1, 4))), std::string("[2] / [1] [3,4]"));
        QCOMPARE(shapeOf(insertAll(p, iota(1, 6))), std::string("[2,4] / [1] [3] [5,6]"));
        QCOMPARE(shapeOf(insertAll(p, iota(1, 8))), std::string("[2,4,6] / [1] [3] [5] [7,8]"));
        // No split yet at 9: the leaf holds 3 keys, the most order 4 allows (contrast with CLRS).
        QCOMPARE(shapeOf(insertAll(p, iota(1, 9))), std::string("[2,4,6] / [1] [3] [5] [7,8,9]"));
        QCOMPARE(shapeOf(insertAll(p, iota(1, 10))),
                 std::string("[4] / [2] [6,8] / [1] [3] [5] [7] [9,10]"));
    }

    void order5OneToTenMatchesGallesMaxDegree5() {
        QCOMPARE(shapeOf(insertAll(Params::withOrder(5), iota(1, 10))),
                 std::string("[3,6] / [1,2] [4,5] [7,8,9,10]"));
    }

    void order6SplitsTwoLeftThreeRight() {
        QCOMPARE(shapeOf(insertAll(Params::withOrder(6), iota(1, 6))),
                 std::string("[3] / [1,2] [4,5,6]"));
    }

    void order3MixedKeysMatchTheReference() {
        QCOMPARE(shapeOf(insertAll(Params::withOrder(3), {10, 20, 5, 6, 12, 30, 7, 17})),
                 std::string("[10] / [6] [20] / [5] [7] [12,17] [30]"));
    }

    void aFullOrder64NodeIsSummarisedNotListed() {
        // The order-64 leaf holds 63 keys when the 64th arrives: the sentence names its first
        // keys, its last and how many, not 63 numbers (issue 13: a wall of numbers on screen).
        const Params p = Params::withOrder(64);
        State s = insertAll(p, iota(1, 63));
        const auto steps = stepsOf(p, s, Op::insert(64));
        QVERIFY(kindsOf(steps) == (std::vector{StepKind::kInsertLeaf, StepKind::kOverflow,
                                               StepKind::kSplit, StepKind::kNewRoot}));
        for (const Step& st : steps) {
            QVERIFY2(st.text.size() < 200, st.text.c_str());
            QVERIFY2(st.text.find(" 40 ") == std::string::npos, st.text.c_str());
        }
        QVERIFY2(steps[0].text.find("[1 2 3 ... 63] (63 keys)") != std::string::npos,
                 steps[0].text.c_str());
        // A short node is still listed whole.
        State small = insertAll(Params::withOrder(4), {10, 20});
        const auto few = stepsOf(Params::withOrder(4), small, Op::insert(30));
        QVERIFY2(few.back().text.find("[10 20 30]") != std::string::npos, few.back().text.c_str());
    }

    // The first key of an empty tree: "into the root leaf [], making [10]" read as a typo.
    void theFirstKeyGoesIntoTheEmptyRoot() {
        State empty = insertAll(Params::withOrder(4), {});
        const auto steps = stepsOf(Params::withOrder(4), empty, Op::insert(10));
        QCOMPARE(steps.front().text,
                 std::string("Insert 10 into the empty root leaf, making [10]."));
        State one = insertAll(Params::withOrder(4), {10});
        QCOMPARE(stepsOf(Params::withOrder(4), one, Op::insert(20)).front().text,
                 std::string("Insert 20 into the root leaf [10], making [10 20]."));
    }

    void duplicateInsertChangesNothing() {
        const Params p = Params::withOrder(4);
        State s = insertAll(p, iota(1, 10));
        const State before = s;
        const auto steps = stepsOf(p, s, Op::insert(7));
        QCOMPARE(steps.back().kind, StepKind::kDuplicate);
        QCOMPARE(steps.back().key, Key{7});
        QCOMPARE(steps.size(), std::size_t{3}); // two descents, then the one step saying so
        QVERIFY(s.nodes == before.nodes);
        QCOMPARE(s.stats.pageWrites, before.stats.pageWrites);
        QCOMPARE(s.stats.keys, before.stats.keys);
        QCOMPARE(s.stats.splits, before.stats.splits);
    }

    void overflowNarratesTheSplitInOneSentence() {
        const Params p = Params::withOrder(4);
        State s = insertAll(p, {10, 20, 30});
        const auto steps = stepsOf(p, s, Op::insert(40));
        QCOMPARE(kindsOf(steps), (std::vector<StepKind>{StepKind::kInsertLeaf, StepKind::kOverflow,
                                                        StepKind::kSplit, StepKind::kNewRoot}));
        QCOMPARE(steps[1].text, std::string("Leaf [10 20 30 40] overflows: order 4 allows at most "
                                            "3 keys, so it splits around 20."));
        QCOMPARE(steps[1].keys, (std::vector<Key>{10, 20, 30, 40}));
        QCOMPARE(steps[1].moved, std::optional<Key>(20));
    }

    void splitKeepsTheLeftIdAndMakesOneNewId() {
        const Params p = Params::withOrder(4);
        State s = insertAll(p, {10, 20, 30});
        const NodeId leaf = s.root;
        const auto issued = static_cast<NodeId>(s.nodes.idsIssued());
        const auto steps = stepsOf(p, s, Op::insert(40));
        const Step& split = steps[2];
        QCOMPARE(split.node, leaf);
        QCOMPARE(split.other, issued);
        QCOMPARE(split.keys, (std::vector<Key>{10}));
        QCOMPARE(split.otherKeys, (std::vector<Key>{30, 40}));
        QCOMPARE(split.moved, std::optional<Key>(20));
        const Step& root = steps[3];
        QCOMPARE(root.node, issued + 1);
        QCOMPARE(root.keys, (std::vector<Key>{20}));
        QCOMPARE(s.root, issued + 1);
        QCOMPARE(s.nodes.child(s.root, 0), leaf);
        QCOMPARE(s.nodes.child(s.root, 1), issued);
    }

    void splitIntoAnExistingParentPromotes() {
        const Params p = Params::withOrder(4);
        State s = insertAll(p, iota(1, 5));
        const NodeId root = s.root;
        const auto steps = stepsOf(p, s, Op::insert(6));
        QCOMPARE(kindsOf(steps), (std::vector<StepKind>{StepKind::kDescend, StepKind::kInsertLeaf,
                                                        StepKind::kOverflow, StepKind::kSplit,
                                                        StepKind::kPromote}));
        QCOMPARE(steps[3].parent, root);
        QCOMPARE(steps[4].node, root);
        QCOMPARE(steps[4].keys, (std::vector<Key>{2, 4}));
        QCOMPARE(steps[4].moved, std::optional<Key>(4));
    }

    void splitsCascadeToANewRoot() {
        const Params p = Params::withOrder(4);
        State s = insertAll(p, iota(1, 9));
        const auto steps = stepsOf(p, s, Op::insert(10));
        QCOMPARE(kindsOf(steps), (std::vector<StepKind>{StepKind::kDescend, StepKind::kInsertLeaf,
                                                        StepKind::kOverflow, StepKind::kSplit,
                                                        StepKind::kPromote, StepKind::kOverflow,
                                                        StepKind::kSplit, StepKind::kNewRoot}));
        QCOMPARE(steps[5].keys, (std::vector<Key>{2, 4, 6, 8}));
        QCOMPARE(s.stats.height, 3);
    }

    void pageWritesCountEachModifiedNodeOncePerOp() {
        const Params p = Params::withOrder(4);
        const BTreeEngine engine(p);
        fg::SilentSink<Step, State> silent;
        State s = insertAll(p, {1, 2, 3});
        QCOMPARE(s.stats.pageWrites, std::int64_t{3}); // one leaf write each
        engine.apply(s, Op::insert(4), silent);        // leaf splits: both halves and a new root
        QCOMPARE(s.stats.pageWrites, std::int64_t{6});
        s = insertAll(p, iota(1, 9));
        const auto before = s.stats.pageWrites;
        engine.apply(s, Op::insert(10), silent); // leaf and parent split: 2 + 2 halves, new root
        QCOMPARE(s.stats.pageWrites - before, std::int64_t{5});
    }

    void statsCountTheTree() {
        const State s = insertAll(Params::withOrder(4), iota(1, 10));
        QCOMPARE(s.stats.height, 3);
        QCOMPARE(s.stats.nodes, std::int64_t{8}); // 1 + 2 + 5
        QCOMPARE(s.stats.keys, std::int64_t{10});
        QCOMPARE(s.stats.splits, std::int64_t{5});
        QCOMPARE(s.stats.merges, std::int64_t{0});
    }

    void bulkAndNarratedRunsBuildTheSameState() {
        const Params p = Params::withOrder(5);
        const BTreeEngine engine(p);
        State quiet = engine.emptyState();
        State loud = engine.emptyState();
        fg::SilentSink<Step, State> silent;
        Recorder rec;
        const Op op = Op::insertRandom(300, 11, 1, 500);
        engine.apply(quiet, op, silent);
        engine.apply(loud, op, rec);
        QVERIFY(quiet == loud);
        QVERIFY(rec.steps.size() > 300);
    }

    void insertRandomDrawsSeededKeysInRange() {
        const Params p = Params::withOrder(4);
        State a = BTreeEngine(p).emptyState();
        const auto steps = stepsOf(p, a, Op::insertRandom(50, 7, -20, 20));
        QCOMPARE(steps.front().kind, StepKind::kRandomKeys);
        QCOMPARE(steps.front().keys.size(), std::size_t{50});
        for (const Key k : steps.front().keys) {
            QVERIFY(k >= -20 && k <= 20);
        }
        State b = BTreeEngine(p).emptyState();
        fg::SilentSink<Step, State> silent;
        BTreeEngine(p).apply(b, Op::insertRandom(50, 7, -20, 20), silent);
        QVERIFY(a == b);
        std::vector<Key> distinct = steps.front().keys;
        std::sort(distinct.begin(), distinct.end());
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        QCOMPARE(inorderKeys(a), distinct);
    }
};

FG_TEST_APPLESS_MAIN(TestBtreeInsert)
#include "test_btree_insert.moc"
