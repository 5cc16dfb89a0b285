// KafkaEngine's brokers (engines/kafka/kafka_cluster.h): one failing, its partitions' leaders
// elected again from their in-sync replicas; one coming back, catching up, and the controller's
// balance check giving each partition back to its preferred leader.
#include "engines/kafka/broker_names.h"
#include "engines/kafka/kafka_cluster.h"

#include <algorithm>

namespace fg::kafka {

namespace {

bool inSync(const PartitionState& p, int broker) {
    return std::find(p.isr.begin(), p.isr.end(), broker) != p.isr.end();
}

// The step that says `broker` failed or came back: "Broker 0" and `rest`.
void reportBroker(const KafkaState& s, StepKind kind, int broker, const char* rest,
                  StepSink<KafkaStep, KafkaState>& sink) {
    if (!sink.narrate()) {
        return;
    }
    KafkaStep st;
    st.kind = kind;
    st.broker = broker;
    st.text = B(broker) + rest;
    sink.report(std::move(st), s);
}

// The step about partition `p`: "orders-0" and `rest` (a leader elected, the partition offline).
void reportPartition(const KafkaState& s, const PartitionState& p, StepKind kind, int broker,
                     const std::string& rest, StepSink<KafkaStep, KafkaState>& sink) {
    if (!sink.narrate()) {
        return;
    }
    KafkaStep st;
    st.kind = kind;
    st.topic = p.topic;
    st.partition = p.partition;
    st.broker = broker;
    st.text = p.topic + "-" + std::to_string(p.partition) + rest;
    sink.report(std::move(st), s);
}

} // namespace

void KafkaEngine::failBroker(State& s, int broker, StepSink<Step, State>& sink) const {
    if (broker < 0 || broker >= static_cast<int>(s.brokerAlive.size()) ||
        !s.brokerAlive[static_cast<std::size_t>(broker)]) {
        return;
    }
    s.brokerAlive[static_cast<std::size_t>(broker)] = false;
    // The controller takes a dead broker out of every partition's in-sync replicas at once
    // (KRaft: when it fences the broker; ZooKeeper mode: the replica goes offline), not only
    // those of the partitions it led (a tester saw "ISR B2,B0" after B0 failed).
    for (auto& p : s.partitions) {
        std::erase(p.isr, broker);
    }
    reportBroker(s, StepKind::kFailBroker, broker,
                 " fails and leaves the in-sync replicas of every partition. Partitions it led "
                 "need a new leader from their in-sync replicas.",
                 sink);
    for (auto& p : s.partitions) {
        if (p.leader != broker) {
            continue;
        }
        const auto next = std::find_if(p.replicas.begin(), p.replicas.end(), [&](int r) {
            return inSync(p, r) && s.brokerAlive[static_cast<std::size_t>(r)];
        }); // the first live in-sync replica, in preference order
        if (next != p.replicas.end()) {
            elect(s, p, *next,
                  ", an in-sync replica, becomes the leader; it has every committed record, so "
                  "nothing is lost.",
                  sink);
            continue;
        }
        p.leader = -1;
        p.lastInSync = broker;
        ++s.stats.elections;
        reportPartition(s, p, StepKind::kPartitionOffline, -1,
                        " has no in-sync replica left: it is offline until a replica returns "
                        "(unclean leader election is off by default).",
                        sink);
    }
}

// Kafka's broker comes back empty-handed for what it missed: each of its replicas fetches from
// the partition's leader until it has caught up, and the leader adds it to the in-sync replicas
// again. A partition that went offline with it as its last in-sync replica gets it as leader (it
// has every committed record); a partition offline for another replica stays offline (unclean
// leader election is off). Then the controller's balancing gives leadership back.
void KafkaEngine::recoverBroker(State& s, int broker, StepSink<Step, State>& sink) const {
    if (broker < 0 || broker >= static_cast<int>(s.brokerAlive.size()) ||
        s.brokerAlive[static_cast<std::size_t>(broker)]) {
        return;
    }
    s.brokerAlive[static_cast<std::size_t>(broker)] = true;
    const auto alive = [&](int r) { return s.brokerAlive[static_cast<std::size_t>(r)]; };
    for (auto& p : s.partitions) { // it catches up where a leader has the records
        if (p.leader >= 0 && !inSync(p, broker) &&
            std::find(p.replicas.begin(), p.replicas.end(), broker) != p.replicas.end()) {
            p.isr.push_back(broker);
        }
    }
    reportBroker(s, StepKind::kRecoverBroker, broker,
                 " is back. Its copies fetch the records they missed from each partition's "
                 "leader and, once caught up, rejoin the in-sync replicas; it leads nothing yet.",
                 sink);
    for (auto& p : s.partitions) {
        if (p.leader >= 0 || p.lastInSync != broker) {
            continue;
        }
        p.isr = {broker};
        for (int r : p.replicas) { // the others catch up from their new leader
            if (r != broker && alive(r)) {
                p.isr.push_back(r);
            }
        }
        elect(s, p, broker,
              ", its last in-sync replica, is back and leads it again: the partition is online.",
              sink);
    }
    balanceLeaders(s, sink);
}

void KafkaEngine::elect(State& s, PartitionState& p, int leader, const std::string& why,
                        StepSink<Step, State>& sink) const {
    p.leader = leader;
    p.lastInSync = -1;
    ++s.stats.elections;
    reportPartition(s, p, StepKind::kLeaderElection, leader, ": " + b(leader) + why, sink);
}

// Kafka's controller (KRaft) checks every leader.imbalance.check.interval.seconds (300 s) with
// auto.leader.rebalance.enable on (the default): each partition led by another while its
// preferred leader (its first replica) is alive and in sync gets that leader back.
void KafkaEngine::balanceLeaders(State& s, StepSink<Step, State>& sink) const {
    for (auto& p : s.partitions) {
        if (p.replicas.empty() || p.leader < 0 || p.leader == p.replicas.front()) {
            continue;
        }
        const int preferred = p.replicas.front();
        if (s.brokerAlive[static_cast<std::size_t>(preferred)] && inSync(p, preferred)) {
            elect(s, p, preferred,
                  ", its preferred leader, leads it again at the controller's next balance check "
                  "(auto.leader.rebalance.enable, every 300 s by default).",
                  sink);
        }
    }
}

} // namespace fg::kafka
