// Quorums checked against cases worked out by hand. N = 3 replicas {0, 1, 2}, coordinator 0:
//   R=1, W=1: the write reaches {0}; the read sets are {0}, {1}, {2}; {1} and {2} miss it: 2 stale.
//   R=2, W=2: the write reaches {0, 1}; the read sets {0,1}, {0,2}, {1,2} all meet it: 0 stale.
//   R=1, W=2: write {0, 1}; read set {2} misses it: 1 stale (R + W = 3 = N is not enough).
// N = 5, W = 2: stale read sets for R = 1..5 are C(3, R) = 3, 3, 1, 0, 0.
#include "engines/concepts/quorum.h"
#include "tests/suite_main.h"

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

    // Issue 13 (17): with replica 0 down, replica 0 was still called the coordinator. A down
    // node cannot take a request: the client's driver sends it to a replica that is up (the
    // first one round the ring from the preferred one); with none up, there is no coordinator.
    void aDownNodeNeverCoordinates() {
        QCOMPARE(simulateQuorum(params(3, 2, 2)).coordinator, 0);
        const auto zeroDown = simulateQuorum(params(3, 2, 2, {true, false, false}));
        QCOMPARE(zeroDown.coordinator, 1);
        QCOMPARE(zeroDown.writeSet, std::vector<int>({1, 2}));
        QCOMPARE(simulateQuorum(params(5, 1, 1, {true, true, false, true})).coordinator, 2);
        auto fromThree = params(5, 1, 1, {false, false, false, true, true});
        fromThree.coordinator = 3;
        QCOMPARE(simulateQuorum(fromThree).coordinator, 0); // round the ring past the end
        const auto allDown = simulateQuorum(params(3, 1, 1, {true, true, true}));
        QCOMPARE(allDown.coordinator, -1);
        QVERIFY(!allDown.writeAvailable && !allDown.readAvailable);
        // Whatever is down, the coordinator is up (every pattern of N = 1..6).
        for (int n = 1; n <= 6; ++n) {
            for (std::uint32_t mask = 0; mask < (1u << n); ++mask) {
                std::vector<bool> failed;
                for (int i = 0; i < n; ++i) {
                    failed.push_back(((mask >> i) & 1u) != 0);
                }
                const auto res = simulateQuorum(params(n, 1, 1, failed));
                if (res.alive == 0) {
                    QCOMPARE(res.coordinator, -1);
                } else {
                    QVERIFY(res.coordinator >= 0 && res.coordinator < n);
                    QVERIFY(!failed[std::size_t(res.coordinator)]);
                }
            }
        }
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

FG_TEST_APPLESS_MAIN(TestQuorum)
#include "test_quorum.moc"
