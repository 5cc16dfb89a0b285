// The CLRS variant (min_degree t, "split": "preemptive"): full nodes split on the way down.
// Expected trees from engine-reference.md 3.4.
#include "tests/engines/btree/btree_test_support.h"
#include "tests/suite_main.h"

#include <QTest>

using namespace fg::btree;
using namespace fg::btree::test;

class TestBtreePreemptive : public QObject {
    Q_OBJECT
private slots:
    void minDegree2OneToTenMatchesTheReference() {
        const Params p = Params::withMinDegree(2);
        QCOMPARE(shapeOf(insertAll(p, iota(1, 3))), std::string("[1,2,3]"));
        QCOMPARE(shapeOf(insertAll(p, iota(1, 4))), std::string("[2] / [1] [3,4]"));
        QCOMPARE(shapeOf(insertAll(p, iota(1, 6))), std::string("[2,4] / [1] [3] [5,6]"));
        QCOMPARE(shapeOf(insertAll(p, iota(1, 8))), std::string("[2,4,6] / [1] [3] [5] [7,8]"));
        // The full root [2,4,6] splits on the way down to 9, one insert earlier than order 4.
        QCOMPARE(shapeOf(insertAll(p, iota(1, 9))),
                 std::string("[4] / [2] [6] / [1] [3] [5] [7,8,9]"));
        QCOMPARE(shapeOf(insertAll(p, iota(1, 10))),
                 std::string("[4] / [2] [6,8] / [1] [3] [5] [7] [9,10]"));
    }

    void minDegree3OneToTenMatchesTheReference() {
        QCOMPARE(shapeOf(insertAll(Params::withMinDegree(3), iota(1, 10))),
                 std::string("[3,6] / [1,2] [4,5] [7,8,9,10]"));
    }

    void minDegree2MixedKeysMatchTheReference() {
        QCOMPARE(shapeOf(insertAll(Params::withMinDegree(2), {10, 20, 5, 6, 12, 30, 7, 17})),
                 std::string("[10,20] / [5,6,7] [12,17] [30]"));
    }

    void minDegree2AgiyMatchesTheThirdPartyVector() {
        QCOMPARE(shapeOf(insertAll(Params::withMinDegree(2), {L('A'), L('G'), L('I'), L('Y')})),
                 letters("[G] / [A] [I,Y]"));
    }

    void clrsFigureInsertsSplitOnTheWayDown() {
        const Params p = Params::withMinDegree(3);
        const BTreeEngine engine(p);
        fg::SilentSink<Step, State> silent;
        State s = clrsInsertFigure();
        QVERIFY(checkInvariants(s, p));
        engine.apply(s, Op::insert(L('B')), silent);
        QCOMPARE(shapeOf(s), letters("[G,M,P,X] / [A,B,C,D,E] [J,K] [N,O] [R,S,T,U,V] [Y,Z]"));
        engine.apply(s, Op::insert(L('Q')), silent);
        QCOMPARE(shapeOf(s), letters("[G,M,P,T,X] / [A,B,C,D,E] [J,K] [N,O] [Q,R,S] [U,V] [Y,Z]"));
        engine.apply(s, Op::insert(L('L')), silent);
        QCOMPARE(shapeOf(s), letters("[P] / [G,M] [T,X] / [A,B,C,D,E] [J,K,L] [N,O] [Q,R,S] "
                                     "[U,V] [Y,Z]"));
        engine.apply(s, Op::insert(L('F')), silent);
        QCOMPARE(shapeOf(s), letters("[P] / [C,G,M] [T,X] / [A,B] [D,E,F] [J,K,L] [N,O] [Q,R,S] "
                                     "[U,V] [Y,Z]"));
        QVERIFY(checkInvariants(s, p));
    }

    void fullRootSplitsBeforeTheDescent() {
        const Params p = Params::withMinDegree(2);
        State s = insertAll(p, {1, 2, 3});
        const auto steps = stepsOf(p, s, Op::insert(4));
        QCOMPARE(kindsOf(steps),
                 (std::vector<StepKind>{StepKind::kSplit, StepKind::kNewRoot, StepKind::kDescend,
                                        StepKind::kInsertLeaf}));
        QCOMPARE(steps[0].text,
                 std::string("The root [1 2 3] is full (3 keys, the most for t = 2), so it splits "
                             "before the descent goes in: [1] stays, [3] goes to a new node and 2 "
                             "moves up."));
        QCOMPARE(s.stats.pageWrites - 3, std::int64_t{3}); // the halves and the new root
    }

    void duplicateSplitsNothing() {
        const Params p = Params::withMinDegree(2);
        State s = insertAll(p, {1, 2, 3});
        const State before = s;
        const auto steps = stepsOf(p, s, Op::insert(2));
        QCOMPARE(kindsOf(steps), (std::vector<StepKind>{StepKind::kDuplicate}));
        QVERIFY(s.nodes == before.nodes);
        QCOMPARE(s.stats.splits, std::int64_t{0});
    }
};

FG_TEST_APPLESS_MAIN(TestBtreePreemptive)
#include "test_btree_preemptive.moc"
