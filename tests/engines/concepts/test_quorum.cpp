// Quorums checked against cases worked out by hand. N = 3 replicas {0, 1, 2}, coordinator 0:
//   R=1, W=1: the write reaches {0}; the read sets are {0}, {1}, {2}; {1} and {2} miss it: 2 stale.
//   R=2, W=2: the write reaches {0, 1}; the read sets {0,1}, {0,2}, {1,2} all meet it: 0 stale.
//   R=1, W=2: write {0, 1}; read set {2} misses it: 1 stale (R + W = 3 = N is not enough).
// N = 5, W = 2: stale read sets for R = 1..5 are C(3, R) = 3, 3, 1, 0, 0.
#include "engines/concepts/quorum.h"

#include <QTest>

using namespace fg::concepts;

namespace {

QuorumParams params(int n, int r, int w, std::vector<bool> failed = {}) {
    QuorumParams p;
    p.n = n;
    p.r = r;
    p.w = w;
    p.failed = std::move(failed);
    return p;
}

} // namespace

class TestQuorum : public QObject {
    Q_OBJECT
private slots:
    void oneAndOneHasStaleReadSets() {
        const auto res = simulateQuorum(params(3, 1, 1));
        QVERIFY(res.valid);
        QCOMPARE(res.writeSet, std::vector<int>({0}));
        QCOMPARE(res.readSets, 3);
        QCOMPARE(res.staleReadSets, 2);
        QCOMPARE(res.staleAliveReadSets, 2);
        QCOMPARE(res.replicas[0], ReplicaState::Fresh);
        QCOMPARE(res.replicas[1], ReplicaState::Stale);
    }

    void majorityQuorumsAlwaysOverlap() {
        const auto res = simulateQuorum(params(3, 2, 2));
        QCOMPARE(res.writeSet, std::vector<int>({0, 1}));
        QCOMPARE(res.readSets, 3);
        QCOMPARE(res.staleReadSets, 0);
        QVERIFY(!res.overlap.empty());
        QVERIFY(!res.readStale);
    }

    void sumEqualToNIsNotEnough() {
        const auto res = simulateQuorum(params(3, 1, 2));
        QCOMPARE(res.staleReadSets, 1);
    }

    void staleSetsPerR() {
        QCOMPARE(staleReadSetsByR(5, 2), std::vector<std::int64_t>({3, 3, 1, 0, 0}));
    }

    // R + W > N exactly when no write set and read set are disjoint, for every N up to 7.
    void overlapRuleIsComputed() {
        for (int n = 1; n <= 7; ++n) {
            for (int r = 1; r <= n; ++r) {
                for (int w = 1; w <= n; ++w) {
                    const std::int64_t disjoint = disjointQuorumPairs(n, r, w);
                    QCOMPARE(disjoint == 0, r + w > n);
                    // Hand count: a write set of W leaves N-W replicas, C(N-W, R) read sets
                    // avoid it, for each of the C(N, W) write sets.
                    QCOMPARE(disjoint, choose(n, w) * choose(n - w, r));
                }
            }
        }
    }

    // The first W replicas up from the coordinator: with 1 down, N=3, W=2 writes {0, 2}.
    void writeSkipsFailedReplicas() {
        const auto res = simulateQuorum(params(3, 2, 2, {false, true, false}));
        QVERIFY(res.writeAvailable);
        QVERIFY(res.readAvailable);
        QCOMPARE(res.writeSet, std::vector<int>({0, 2}));
        QCOMPARE(res.readSet, std::vector<int>({0, 2}));
        QCOMPARE(res.replicas[1], ReplicaState::Failed);
        QCOMPARE(res.blockedReadSets, 2); // {0,1} and {1,2}
        QVERIFY(!res.readStale);
    }

    void tooFewReplicasUpIsUnavailable() {
        const auto res = simulateQuorum(params(3, 2, 2, {true, true, false}));
        QVERIFY(!res.writeAvailable);
        QVERIFY(!res.readAvailable);
        QVERIFY(res.writeSet.empty());
        QVERIFY(res.readSet.empty());
        const auto one = simulateQuorum(params(3, 1, 3, {false, false, true}));
        QVERIFY(!one.writeAvailable);
        QVERIFY(one.readAvailable);
        QCOMPARE(one.readSet.size(), std::size_t(1));
    }

    void readIsSeededAndCanBeStale() {
        int stale = 0;
        for (std::uint64_t seed = 1; seed <= 60; ++seed) {
            auto p = params(3, 1, 1);
            p.seed = seed;
            const auto a = simulateQuorum(p), b = simulateQuorum(p);
            QCOMPARE(a.readSet, b.readSet);
            QCOMPARE(a.readStale, a.readSet != std::vector<int>({0}));
            stale += a.readStale ? 1 : 0;
        }
        QVERIFY(stale > 20 && stale < 60); // about 2 in 3
    }

    void outOfRangeIsInvalid() {
        QVERIFY(!simulateQuorum(params(3, 4, 1)).valid);
        QVERIFY(!simulateQuorum(params(0, 1, 1)).valid);
    }
};

QTEST_APPLESS_MAIN(TestQuorum)
#include "test_quorum.moc"
