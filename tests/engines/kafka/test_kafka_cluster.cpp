// Producing, replicas and leaders, consumer lag, fan-out groups and step back: Kafka's documented
// behaviour for the legacy round-robin partitioner (DefaultPartitionerTest) and the KIP-480 sticky
// partitioner, replica placement as AdminUtils places it, and leader election from the ISR.
#include "engines/core/recording_sink.h"
#include "engines/core/timeline.h"
#include "engines/kafka/kafka_cluster.h"
#include "tests/suite_main.h"

#include <QTest>
#include <algorithm>

using namespace fg::kafka;

namespace {

KafkaOp produce(const std::string& topic, std::optional<std::string> key = std::nullopt,
                int count = 1) {
    return KafkaOp::produce(topic, std::move(key), "v", count);
}

std::vector<std::size_t> sizes(const KafkaState& s) {
    std::vector<std::size_t> n;
    for (const auto& p : s.partitions) {
        n.push_back(p.log.size());
    }
    return n;
}

void run(const KafkaEngine& e, KafkaState& s, const std::vector<KafkaOp>& ops) {
    fg::SilentSink<KafkaStep, KafkaState> silent;
    for (const auto& op : ops) {
        e.apply(s, op, silent);
    }
}

} // namespace

class TestKafkaCluster : public QObject {
    Q_OBJECT
private slots:
    void replicasArePlacedAsAdminUtilsPlacesThem() {
        KafkaParams p;
        p.topics = {{"orders", 4}};
        const auto s = KafkaEngine(p).initialState();
        // Seed's picture: P0 leader B0 replica B1, P1 B1/B2, P2 B2/B0; P3 wraps with a shift.
        QVERIFY((s.partitions[0].replicas == std::vector<int>{0, 1}));
        QVERIFY((s.partitions[1].replicas == std::vector<int>{1, 2}));
        QVERIFY((s.partitions[2].replicas == std::vector<int>{2, 0}));
        QVERIFY((s.partitions[3].replicas == std::vector<int>{0, 2}));
        QCOMPARE(s.partitions[1].leader, 1);
    }

    void legacyRoundRobinSpreadsEvenly() {
        KafkaParams p;
        p.partitioner = Partitioner::RoundRobin;
        const KafkaEngine e(p);
        auto s = e.initialState();
        run(e, s, {produce("orders", std::nullopt, 30)});
        QVERIFY((sizes(s) == std::vector<std::size_t>{10, 10, 10})); // DefaultPartitionerTest
    }

    void legacyRoundRobinSkipsAPartitionWithoutLeader() {
        KafkaParams p;
        p.partitioner = Partitioner::RoundRobin;
        p.replication = 1;
        const KafkaEngine e(p);
        auto s = e.initialState();
        run(e, s, {KafkaOp::failBroker(1), produce("orders", std::nullopt, 100)});
        QCOMPARE(s.partitions[1].leader, -1);
        QVERIFY((sizes(s) == std::vector<std::size_t>{50, 0, 50}));
    }

    void stickyFillsABatchThenSwitches() {
        KafkaParams p;
        p.batchRecords = 5;
        const KafkaEngine e(p);
        auto s = e.initialState();
        std::vector<int> seq;
        for (int i = 0; i < 20; ++i) {
            run(e, s, {produce("orders")});
            seq.push_back(s.stickyPartition.at("orders"));
        }
        for (int batch = 0; batch < 4; ++batch) {
            for (int i = 1; i < 5; ++i) {
                QCOMPARE(seq[std::size_t(batch * 5 + i)], seq[std::size_t(batch * 5)]);
            }
            if (batch > 0) { // a new batch goes to another partition
                QVERIFY(seq[std::size_t(batch * 5)] != seq[std::size_t(batch * 5 - 1)]);
            }
        }
    }

    void sameKeySamePartitionInOrder() {
        const KafkaEngine e(KafkaParams{});
        auto s = e.initialState();
        run(e, s, {produce("orders", "user-1", 5), produce("orders", "user-2", 3)});
        const auto& p2 = s.partitions[2]; // murmur2: user-1 and user-2 both go to 2 of 3
        QCOMPARE(p2.log.size(), std::size_t(8));
        for (std::size_t i = 0; i < p2.log.size(); ++i) {
            QCOMPARE(p2.log[i].offset, std::int64_t(i));
        }
    }

    void aFailedLeaderIsReplacedFromTheIsr() {
        const KafkaEngine e(KafkaParams{});
        auto s = e.initialState();
        run(e, s, {produce("orders", "k", 3), KafkaOp::failBroker(0)});
        QCOMPARE(s.partitions[0].leader, 1); // replicas [0, 1]
        QVERIFY((s.partitions[0].isr == std::vector<int>{1}));
        QCOMPARE(s.partitions[2].leader, 2);
        // A tester: after broker 0 failed, orders-2 (led by broker 2) still listed it in its
        // ISR. From the step that says the broker failed, no partition lists it.
        {
            auto fresh = e.initialState();
            run(e, fresh, {produce("orders", "k", 3)});
            const fg::Timeline<KafkaEngine> t(e, fresh, {KafkaOp::failBroker(0)});
            QVERIFY(t.size() >= 2);
            QCOMPARE(t.step(0).kind, StepKind::kFailBroker);
            // A sentence's first word has its capital ("broker 0 fails" did not).
            QVERIFY2(t.step(0).text.rfind("Broker 0 fails", 0) == 0, t.step(0).text.c_str());
            for (std::size_t i = 0; i < t.size(); ++i) {
                for (const auto& p : t.stateAfter(i).partitions) {
                    QVERIFY2(std::find(p.isr.begin(), p.isr.end(), 0) == p.isr.end(),
                             qPrintable(QStringLiteral("step %1: %2-%3 lists broker 0")
                                            .arg(i)
                                            .arg(QString::fromStdString(p.topic))
                                            .arg(p.partition)));
                }
            }
        }
        run(e, s, {KafkaOp::failBroker(1)}); // partition 0 has no in-sync replica left
        QCOMPARE(s.partitions[0].leader, -1);
        const auto before = s.stats.rejected;
        run(e, s, {produce("orders", "user-1")}); // to partition 2, led by broker 2: fine
        QCOMPARE(s.stats.rejected, before);
    }

    // A returning broker catches up (rejoins every ISR), takes back what it prefers to lead at
    // the controller's balance check, and nothing else moves.
    void aRecoveredBrokerRejoinsTheIsrAndLeadsAgain() {
        const KafkaEngine e(KafkaParams{});
        auto s = e.initialState();
        run(e, s, {produce("orders", "k", 3), KafkaOp::failBroker(0)});
        const fg::Timeline<KafkaEngine> t(e, s, {KafkaOp::recoverBroker(0)});
        QCOMPARE(t.size(), std::size_t(2)); // back, then orders-0 (preferred B0) led by B0 again
        QCOMPARE(t.step(0).kind, StepKind::kRecoverBroker);
        QCOMPARE(t.step(0).broker, 0);
        const auto& back = t.stateAfter(0);
        QVERIFY(back.brokerAlive[0]);
        QVERIFY((back.partitions[0].isr == std::vector<int>{1, 0})); // appended: it caught up
        QCOMPARE(back.partitions[0].leader, 1);                      // not yet balanced
        QVERIFY((back.partitions[2].isr == std::vector<int>{2, 0}));
        QCOMPARE(t.step(1).kind, StepKind::kLeaderElection);
        QCOMPARE(t.step(1).partition, 0);
        QCOMPARE(t.step(1).broker, 0);
        const auto& done = t.stateAfter(1);
        for (const auto& p : done.partitions) { // every preferred leader leads again
            QCOMPARE(p.leader, p.replicas.front());
        }
        QCOMPARE(done.stats.elections, s.stats.elections + 1);
        QCOMPARE(done.partitions[0].log, s.partitions[0].log); // no record moved or lost
        // Recovering a broker that is up changes nothing.
        auto again = done;
        run(e, again, {KafkaOp::recoverBroker(0), KafkaOp::recoverBroker(2)});
        QVERIFY(again == done);
    }

    // Kafka never empties a partition's ISR: the last in-sync replica is the one elected when it
    // returns; another replica coming back first cannot lead (it may miss committed records).
    void anOfflinePartitionWaitsForItsLastInSyncReplica() {
        const KafkaEngine e(KafkaParams{});
        auto s = e.initialState();
        // orders-0 (replicas [0, 1]): B0 fails (B1 leads), then B1 fails: offline.
        run(e, s, {KafkaOp::failBroker(0), KafkaOp::failBroker(1)});
        QCOMPARE(s.partitions[0].leader, -1);
        run(e, s, {KafkaOp::recoverBroker(0)});
        QCOMPARE(s.partitions[0].leader, -1); // B0 fell behind: unclean election is off
        QVERIFY(s.partitions[0].isr.empty());
        QCOMPARE(s.partitions[2].leader, 2); // orders-2 ([2, 0]): B2 keeps it, B0 back in sync
        QVERIFY((s.partitions[2].isr == std::vector<int>{2, 0}));
        const fg::Timeline<KafkaEngine> t(e, s, {KafkaOp::recoverBroker(1)});
        std::vector<std::pair<StepKind, int>> steps;
        for (const auto& st : t.steps()) {
            steps.emplace_back(st.kind, st.partition);
        }
        // B1 leads orders-0 again (last in sync; B0 catches up from it), then the balance check
        // gives orders-0 to B0 (preferred) and orders-1 ([1, 2], led by B2) back to B1.
        QVERIFY((steps == std::vector<std::pair<StepKind, int>>{{StepKind::kRecoverBroker, -1},
                                                                {StepKind::kLeaderElection, 0},
                                                                {StepKind::kLeaderElection, 0},
                                                                {StepKind::kLeaderElection, 1}}));
        QCOMPARE(t.step(1).broker, 1);
        QVERIFY((t.stateAfter(1).partitions[0].isr == std::vector<int>{1, 0}));
        const auto& done = t.stateAfter(t.size() - 1);
        for (const auto& p : done.partitions) {
            QCOMPARE(p.leader, p.replicas.front());
            QCOMPARE(p.isr.size(), std::size_t(2));
        }
    }

    void groupsFanOutAndTrackLag() {
        const KafkaEngine e(KafkaParams{});
        auto s = e.initialState();
        run(e, s,
            {produce("orders", std::nullopt, 12), KafkaOp::join("analytics", "A"),
             KafkaOp::join("emails", "E"), KafkaOp::consume("analytics")});
        for (const auto& p : s.partitions) {
            QCOMPARE(s.lag("analytics", p), std::int64_t(0));
            QCOMPARE(s.lag("emails", p), std::int64_t(p.log.size())); // reads independently
        }
        QCOMPARE(s.stats.consumed, std::int64_t(12));
    }

    void cooperativeStickyRebalancesInTwoRounds() {
        KafkaParams p;
        p.assignor = AssignorKind::CooperativeSticky;
        const KafkaEngine e(p);
        const fg::Timeline<KafkaEngine> t(e, e.initialState(),
                                          {KafkaOp::join("g", "C0"), KafkaOp::join("g", "C1")});
        std::vector<StepKind> kinds;
        for (const auto& st : t.steps()) {
            kinds.push_back(st.kind);
        }
        QVERIFY((kinds == std::vector<StepKind>{StepKind::kRebalance, StepKind::kRevoke,
                                                StepKind::kAssign}));
        QVERIFY(t.step(1).assignment.at("C1").empty()); // nothing handed over in round one
        QCOMPARE(t.finalState().groups.at("g").assignment.at("C1").size(), std::size_t(1));
    }

    // Kafka's CooperativeStickyAssignor holds back, for a second rebalance, only the partitions
    // that pass from one member of the group to another: assign() removes from the sticky result
    // its partitionsTransferringOwnership, which computePartitionsTransferringOwnership limits to
    // partitions added to one member and revoked from another member's ownedPartitions (apache/
    // kafka, clients/src/main/java/org/apache/kafka/clients/consumer/
    // CooperativeStickyAssignor.java; the constrained builder of consumer/internals/
    // AbstractStickyAssignor.java records a partition there only when allRevokedPartitions holds
    // it). A member that left sends no ownedPartitions, so its partitions go to their new owners
    // in the first rebalance. Here C0 leaves while C1 (topic b only) takes a partition of b from
    // C2: C0's partitions of topic a go to C2 at once, the one moving from C2 to C1 waits.
    void cooperativeStickyHandsALeaversPartitionsOutInTheFirstRound() {
        KafkaParams p;
        p.topics = {{"a", 3}, {"b", 4}};
        p.assignor = AssignorKind::CooperativeSticky;
        const KafkaEngine e(p);
        const std::vector<KafkaOp> joins{KafkaOp::join("g", "C0"), KafkaOp::join("g", "C1", {"b"}),
                                         KafkaOp::join("g", "C2")};
        std::vector<KafkaOp> ops = joins;
        ops.push_back(KafkaOp::leave("g", "C0"));
        const fg::Timeline<KafkaEngine> before(e, e.initialState(), joins);
        const fg::Timeline<KafkaEngine> t(e, e.initialState(), ops);
        const Assignment& was = before.finalState().groups.at("g").assignment;
        const Assignment& after = t.finalState().groups.at("g").assignment;
        QCOMPARE(t.steps().back().kind, StepKind::kAssign);
        const Assignment& first = t.step(t.size() - 2).assignment;
        QCOMPARE(t.step(t.size() - 2).kind, StepKind::kRevoke);
        const auto ownerIn = [](const Assignment& a, const TopicPartition& tp) {
            for (const auto& [m, tps] : a) {
                if (std::find(tps.begin(), tps.end(), tp) != tps.end()) {
                    return m;
                }
            }
            return std::string();
        };
        QVERIFY(!was.at("C0").empty());
        for (const auto& tp : was.at("C0")) { // the leaver's: handed out in the first round
            QVERIFY2(!ownerIn(first, tp).empty(), tp.name().c_str());
            QCOMPARE(ownerIn(first, tp), ownerIn(after, tp));
        }
        int waiting = 0;
        for (const auto& [m, tps] : after) {
            for (const auto& tp : tps) {
                const std::string from = ownerIn(was, tp);
                if (from != "C0" && from != m) { // passes between members that stay: waits
                    QCOMPARE(ownerIn(first, tp), std::string());
                    ++waiting;
                }
            }
        }
        QVERIFY(waiting > 0);
    }

    // Given draws (an exercise's) pick the sticky partitioner's partitions: each the position
    // among the partitions with a leader, without the one just filled, wrapping round past the
    // last; then the seeded Rng draws again.
    void givenStickyDrawsPickByPosition() {
        KafkaParams p;
        p.topics = {{"orders", 4}};
        p.batchRecords = 2;
        p.stickyDraws = {2, 0, 5};
        const KafkaEngine e(p);
        const fg::Timeline<KafkaEngine> t(e, e.initialState(),
                                          {produce("orders", std::nullopt, 8)});
        std::vector<int> partitions;
        for (const auto& st : t.steps()) {
            partitions.push_back(st.partition);
        }
        // [0 1 2 3] draw 2: 2; [0 1 3] draw 0: 0; [1 2 3] draw 5 (5 mod 3 = 2): 3.
        QCOMPARE(std::vector<int>(partitions.begin(), partitions.begin() + 6),
                 (std::vector<int>{2, 2, 0, 0, 3, 3}));
        QVERIFY(partitions[6] != 3 && partitions[6] == partitions[7]);
        QVERIFY(t.step(4).text.find("draw 5") != std::string::npos);
    }

    // A consumer that never joined has nothing to leave: Kafka's coordinator answers
    // UNKNOWN_MEMBER_ID and the group keeps its assignment (a tester's C9 "left" and the group
    // rebalanced). A member's leave still rebalances.
    void aNonMemberLeavingChangesNothing() {
        const KafkaEngine e(KafkaParams{});
        const std::vector<KafkaOp> joined{KafkaOp::join("g", "C0"), KafkaOp::join("g", "C1")};
        std::vector<KafkaOp> ops = joined;
        ops.push_back(KafkaOp::leave("g", "C9"));
        ops.push_back(KafkaOp::leave("other", "C0"));
        const fg::Timeline<KafkaEngine> before(e, e.initialState(), joined);
        const fg::Timeline<KafkaEngine> after(e, e.initialState(), ops);
        QCOMPARE(after.size(), before.size());
        QCOMPARE(after.finalState().stats.rebalances, before.finalState().stats.rebalances);
        QVERIFY(after.finalState().groups.at("g").assignment ==
                before.finalState().groups.at("g").assignment);
        ops.push_back(KafkaOp::leave("g", "C1"));
        const fg::Timeline<KafkaEngine> left(e, e.initialState(), ops);
        QCOMPARE(left.finalState().stats.rebalances, before.finalState().stats.rebalances + 1);
        QVERIFY(!left.finalState().groups.at("g").assignment.count("C1"));
    }

    void stepBackIsExact() {
        KafkaParams p;
        p.assignor = AssignorKind::Sticky;
        const KafkaEngine e(p);
        std::vector<KafkaOp> ops = {produce("orders", std::nullopt, 9),
                                    KafkaOp::join("g", "C0"),
                                    produce("orders", "x", 2),
                                    KafkaOp::join("g", "C1"),
                                    KafkaOp::failBroker(2),
                                    produce("orders", std::nullopt, 7),
                                    KafkaOp::leave("g", "C0")};
        const fg::Timeline<KafkaEngine> t(e, e.initialState(), ops, 2);
        fg::RecordingSinkFor<KafkaEngine> c;
        auto s = e.initialState();
        c.run(e, s, ops);
        QCOMPARE(c.states.size(), t.size());
        for (std::size_t i = t.size(); i-- > 0;) {
            QVERIFY(t.stateAfter(i) == c.states[i]);
        }
    }
};

FG_TEST_APPLESS_MAIN(TestKafkaCluster)
#include "test_kafka_cluster.moc"
