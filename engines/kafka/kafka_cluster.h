// KafkaEngine: topics split into partitions, each a log with offsets, replicated over brokers;
// producers choosing partitions; consumer groups sharing partitions through an assignor, reading
// and committing offsets; a broker failing and a new leader elected from the in-sync replicas;
// the broker coming back, catching up, and leading again what it prefers to lead.
//
// Replica placement follows Kafka's rack-unaware rule (AdminUtils.assignReplicasToBrokers) with
// its random start index and shift fixed at 0, so with 3 brokers partition 0 is led by broker 0
// with a replica on broker 1, partition 1 by broker 1 with broker 2, and so on, as in the seed.
// Keyless records: "round-robin" is the Java producer up to 2.3 (a per-topic counter starting at
// a random value, over partitions that have a leader); "sticky" is KIP-480 (2.4+: one random
// partition until its batch of `batch_records` records is full, then another random one, not the
// same when there is a choice); "keyed" keeps keyless records sticky too (today's default).
// Randomness comes from the seeded Rng kept in the state, so a replay makes the same choices; the
// sticky picks may instead be given (KafkaParams::stickyDraws), as an exercise states them.
#pragma once

#include "engines/core/rng.h"
#include "engines/core/timeline.h"
#include "engines/kafka/assignors.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fg::kafka {

enum class Partitioner { Keyed, RoundRobin, Sticky };
enum class AssignorKind { Range, RoundRobin, Sticky, CooperativeSticky };

struct KafkaParams {
    std::map<std::string, int> topics{{"orders", 3}};
    int brokers = 3;
    int replication = 2;
    Partitioner partitioner = Partitioner::Sticky;
    AssignorKind assignor = AssignorKind::Range;
    int batchRecords = 4; // sticky: records per batch before switching partition
    std::uint64_t seed = 1;
    // Sticky: the draws of its first picks, each the position of the partition it picks among
    // the candidates (wrapping round past the last); later picks draw from the seeded Rng.
    std::vector<int> stickyDraws;
};

struct Record {
    std::int64_t offset = 0;
    std::optional<std::string> key;
    std::string value;
    bool operator==(const Record&) const = default;
};

struct PartitionState {
    std::string topic;
    int partition = 0;
    std::vector<int> replicas; // in preference order; replicas[0] is the preferred leader
    std::vector<int> isr;
    int leader = -1; // -1: offline
    // Offline: the replica that was in sync last (the leader that failed). Kafka never empties a
    // partition's ISR: that replica is the one elected when it returns.
    int lastInSync = -1;
    std::vector<Record> log;
    bool operator==(const PartitionState&) const = default;
};

struct GroupState {
    std::vector<Member> members;
    Assignment assignment;
    std::map<std::string, std::int64_t> committed; // "topic-p" -> next offset to read
    int generation = 0;
    bool operator==(const GroupState&) const = default;
};

struct KafkaStats {
    std::int64_t produced = 0, consumed = 0, rebalances = 0, partitionsMoved = 0, elections = 0,
                 rejected = 0;
    bool operator==(const KafkaStats&) const = default;
};

struct KafkaState {
    std::vector<PartitionState> partitions; // topic by topic, partition order
    std::vector<bool> brokerAlive;
    std::map<std::string, GroupState> groups;
    std::map<std::string, std::int64_t> roundRobinCounter; // topic -> next counter value
    std::map<std::string, int> stickyPartition;            // topic -> current sticky partition
    std::map<std::string, int> stickyBatch;                // topic -> records in the current batch
    std::size_t stickyDrawsUsed = 0;                       // KafkaParams::stickyDraws taken
    Rng rng;
    KafkaStats stats;
    bool operator==(const KafkaState&) const = default;

    const PartitionState* find(const std::string& topic, int partition) const;
    PartitionState* find(const std::string& topic, int partition);
    std::int64_t lag(const std::string& group, const PartitionState& p) const;
};

struct KafkaOp {
    enum class Kind { Produce, Join, Leave, FailBroker, RecoverBroker, Consume };
    Kind kind = Kind::Produce;
    std::string topic;               // produce
    std::optional<std::string> key;  // produce
    std::string value;               // produce
    int count = 1;                   // produce: this many records
    std::string group, consumer;     // join, leave, consume (consumer empty: whole group)
    std::vector<std::string> topics; // join: subscription (empty: every topic)
    int broker = -1;                 // fail-broker, recover-broker
    int max = -1;                    // consume: at most this many records per partition

    // The records it asks for, as a scenario's budget counts them (WorkBudget): its count for
    // produce, else 1.
    std::int64_t work() const { return kind == Kind::Produce ? count : 1; }

    // `count` records to `topic` (valued value-0, value-1... when more than one), with `key` or
    // without (then the partitioner picks).
    static KafkaOp produce(std::string topic, std::optional<std::string> key, std::string value,
                           int count = 1) {
        KafkaOp op;
        op.topic = std::move(topic);
        op.key = std::move(key);
        op.value = std::move(value);
        op.count = count;
        return op;
    }
    // `consumer` joins `group`, subscribed to `topics` (empty: every topic).
    static KafkaOp join(std::string group, std::string consumer,
                        std::vector<std::string> topics = {}) {
        KafkaOp op = member(Kind::Join, std::move(group), std::move(consumer));
        op.topics = std::move(topics);
        return op;
    }
    static KafkaOp leave(std::string group, std::string consumer) {
        return member(Kind::Leave, std::move(group), std::move(consumer));
    }
    // `consumer` (empty: every member of `group`) reads up to `max` records per partition (-1:
    // all) and commits.
    static KafkaOp consume(std::string group, std::string consumer = {}, int max = -1) {
        KafkaOp op = member(Kind::Consume, std::move(group), std::move(consumer));
        op.max = max;
        return op;
    }
    static KafkaOp failBroker(int broker) {
        KafkaOp op;
        op.kind = Kind::FailBroker;
        op.broker = broker;
        return op;
    }
    // A failed broker comes back.
    static KafkaOp recoverBroker(int broker) {
        KafkaOp op;
        op.kind = Kind::RecoverBroker;
        op.broker = broker;
        return op;
    }

private:
    static KafkaOp member(Kind kind, std::string group, std::string consumer) {
        KafkaOp op;
        op.kind = kind;
        op.group = std::move(group);
        op.consumer = std::move(consumer);
        return op;
    }
};

// What a step reports. Per kind (fields not listed keep their defaults):
//   produce            topic, partition, offset, broker (the leader that appended); key and hash
//                      (murmur2) when the record has a key.
//   produce-rejected   topic, key, hash; partition when one was chosen: no such topic, or the
//                      partition has no leader.
//   rebalance          group, assignment (after), count: partitions that changed owner.
//   revoke             as rebalance: the cooperative first round (members keep what stays).
//   assign             as rebalance: the cooperative second round.
//   consume            group, consumer, topic, partition, offset (committed after), count (read).
//   fail-broker        broker.
//   recover-broker     broker.
//   leader-election    topic, partition, broker: the new leader (after a failure, a return, or
//                      the controller's preferred-leader balancing).
//   partition-offline  topic, partition, broker -1: no in-sync replica left.
enum class StepKind {
    kProduce,
    kProduceRejected,
    kRebalance,
    kRevoke,
    kAssign,
    kConsume,
    kFailBroker,
    kRecoverBroker,
    kLeaderElection,
    kPartitionOffline,
};

// The kind's name in scenario JSON: "produce", "produce-rejected", "leader-election", ...
std::string_view kindName(StepKind kind);
// rebalance, revoke and assign: the steps that carry a group's assignment.
bool isRebalance(StepKind kind);

struct KafkaStep {
    StepKind kind = StepKind::kProduce;
    std::string text;
    std::string topic;
    int partition = -1;
    std::int64_t offset = -1;
    std::optional<std::string> key;
    std::int32_t hash = 0;
    int broker = -1;
    std::string group, consumer;
    Assignment assignment;
    int count = 0;
};

class KafkaEngine {
public:
    using State = KafkaState;
    using Op = KafkaOp;
    using Step = KafkaStep;

    explicit KafkaEngine(KafkaParams p) : p_(std::move(p)) {}
    const KafkaParams& params() const { return p_; }
    State initialState() const;
    void apply(State& s, const Op& op, StepSink<Step, State>& sink) const;

private:
    void produce(State& s, const Op& op, StepSink<Step, State>& sink) const;
    // The sticky partitioner's partition for a keyless record of `topic` (`avail`: its
    // partitions with a leader, of `n`); the reason in `why` when it is not null.
    int sticky(State& s, const std::string& topic, const std::vector<int>& avail, int n,
               std::string* why) const;
    // A sticky pick: a position below `among`, the next given draw or else from the Rng.
    int stickyDraw(State& s, std::size_t among) const;
    void rebalance(State& s, const std::string& group, const std::string& why,
                   StepSink<Step, State>& sink) const;
    void consume(State& s, const Op& op, StepSink<Step, State>& sink) const;
    void failBroker(State& s, int broker, StepSink<Step, State>& sink) const;
    void recoverBroker(State& s, int broker, StepSink<Step, State>& sink) const;
    // A partition gets `leader`, a narrated leader-election step saying `why`.
    void elect(State& s, PartitionState& p, int leader, const std::string& why,
               StepSink<Step, State>& sink) const;
    // The controller's auto leader balancing (auto.leader.rebalance.enable): preferred leaders
    // that are alive and in sync lead again.
    void balanceLeaders(State& s, StepSink<Step, State>& sink) const;

    KafkaParams p_;
};

std::string partitionerName(Partitioner p);
std::string assignorName(AssignorKind a);

} // namespace fg::kafka
