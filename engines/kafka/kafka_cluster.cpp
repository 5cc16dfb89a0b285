#include "engines/kafka/kafka_cluster.h"

#include "engines/core/counted.h"
#include "engines/kafka/broker_names.h"
#include "engines/kafka/murmur2.h"

#include <algorithm>
#include <set>

namespace fg::kafka {

std::string_view kindName(StepKind kind) {
    switch (kind) {
    case StepKind::kProduce:
        return "produce";
    case StepKind::kProduceRejected:
        return "produce-rejected";
    case StepKind::kRebalance:
        return "rebalance";
    case StepKind::kRevoke:
        return "revoke";
    case StepKind::kAssign:
        return "assign";
    case StepKind::kConsume:
        return "consume";
    case StepKind::kFailBroker:
        return "fail-broker";
    case StepKind::kRecoverBroker:
        return "recover-broker";
    case StepKind::kLeaderElection:
        return "leader-election";
    case StepKind::kPartitionOffline:
        return "partition-offline";
    }
    return "?";
}

bool isRebalance(StepKind kind) {
    return kind == StepKind::kRebalance || kind == StepKind::kRevoke || kind == StepKind::kAssign;
}

std::string partitionerName(Partitioner p) {
    switch (p) {
    case Partitioner::Keyed:
        return "keyed";
    case Partitioner::RoundRobin:
        return "round-robin";
    case Partitioner::Sticky:
        break;
    }
    return "sticky";
}

std::string assignorName(AssignorKind a) {
    switch (a) {
    case AssignorKind::Range:
        return "range";
    case AssignorKind::RoundRobin:
        return "roundrobin";
    case AssignorKind::Sticky:
        return "sticky";
    case AssignorKind::CooperativeSticky:
        break;
    }
    return "cooperative-sticky";
}

const PartitionState* KafkaState::find(const std::string& topic, int partition) const {
    for (const auto& p : partitions) {
        if (p.topic == topic && p.partition == partition) {
            return &p;
        }
    }
    return nullptr;
}

PartitionState* KafkaState::find(const std::string& topic, int partition) {
    return const_cast<PartitionState*>(std::as_const(*this).find(topic, partition));
}

std::int64_t KafkaState::lag(const std::string& group, const PartitionState& p) const {
    const auto g = groups.find(group);
    std::int64_t committed = 0;
    if (g != groups.end()) {
        if (const auto c = g->second.committed.find(p.topic + "-" + std::to_string(p.partition));
            c != g->second.committed.end()) {
            committed = c->second;
        }
    }
    return static_cast<std::int64_t>(p.log.size()) - committed;
}

namespace {

std::string list(const std::vector<TopicPartition>& tps) {
    if (tps.empty()) {
        return "nothing";
    }
    std::string out;
    for (std::size_t i = 0; i < tps.size(); ++i) {
        out += (i ? ", " : "") + tps[i].name();
    }
    return out;
}

std::string assignmentText(const Assignment& a) {
    std::string out;
    for (const auto& [member, tps] : a) {
        out += (out.empty() ? "" : "; ") + member + " reads " + list(tps);
    }
    return out.empty() ? "no members" : out;
}

// The first cooperative round's partitions that no member owned before ("" when none): they
// need no revocation, so they are handed out at once.
std::string unownedText(const Assignment& previous, const Assignment& first) {
    std::set<TopicPartition> owned;
    for (const auto& [m, tps] : previous) {
        owned.insert(tps.begin(), tps.end());
    }
    std::vector<TopicPartition> unowned;
    for (const auto& [m, tps] : first) {
        for (const auto& tp : tps) {
            if (!owned.count(tp)) {
                unowned.push_back(tp);
            }
        }
    }
    std::sort(unowned.begin(), unowned.end());
    if (unowned.empty()) {
        return {};
    }
    const bool one = unowned.size() == 1;
    return "Nobody owns " + list(unowned) + " now (a member that left read " +
           (one ? "it" : "them") + ", or nobody did), so nothing has to be revoked first: " +
           (one ? "it goes to its new owner" : "they go to their new owners") + " at once. ";
}

// The partitions a sticky pick chose among, in order ("0, 2, 3"); every partition of `n` when
// none had a leader.
std::string candidatesText(const std::vector<int>& choices, int n) {
    std::string out;
    const int count = choices.empty() ? n : static_cast<int>(choices.size());
    for (int i = 0; i < count; ++i) {
        out += (i ? ", " : "") +
               std::to_string(choices.empty() ? i : choices[static_cast<std::size_t>(i)]);
    }
    return "partitions " + out;
}

std::vector<int> available(const KafkaState& s, const std::string& topic) {
    std::vector<int> out;
    for (const auto& p : s.partitions) {
        if (p.topic == topic && p.leader >= 0) {
            out.push_back(p.partition);
        }
    }
    return out;
}

} // namespace

KafkaState KafkaEngine::initialState() const {
    KafkaState s;
    s.rng = Rng(p_.seed);
    s.brokerAlive.assign(static_cast<std::size_t>(p_.brokers), true);
    const int rf = std::clamp(p_.replication, 1, p_.brokers);
    for (const auto& [topic, count] : p_.topics) {
        int shift = 0;
        for (int p = 0; p < count; ++p) {
            // AdminUtils.assignReplicasToBrokers, rack-unaware, start index and shift 0.
            if (p > 0 && p % p_.brokers == 0) {
                ++shift;
            }
            PartitionState ps;
            ps.topic = topic;
            ps.partition = p;
            const int first = p % p_.brokers;
            ps.replicas.push_back(first);
            for (int j = 0; j < rf - 1; ++j) {
                ps.replicas.push_back((first + 1 + (shift + j) % std::max(1, p_.brokers - 1)) %
                                      p_.brokers);
            }
            ps.isr = ps.replicas;
            ps.leader = first;
            s.partitions.push_back(std::move(ps));
        }
        // Kafka <= 2.3 started each topic's counter at a random value.
        s.roundRobinCounter[topic] = static_cast<std::int64_t>(s.rng.next() & 0x7fffffff);
    }
    return s;
}

void KafkaEngine::apply(State& s, const Op& op, StepSink<Step, State>& sink) const {
    switch (op.kind) {
    case Op::Kind::Produce:
        for (int i = 0; i < std::max(1, op.count); ++i) {
            Op one = op;
            if (op.count > 1) {
                one.value = op.value + "-" + std::to_string(i);
            }
            produce(s, one, sink);
        }
        return;
    case Op::Kind::Join: {
        auto& g = s.groups[op.group];
        const bool present = std::any_of(g.members.begin(), g.members.end(),
                                         [&](const Member& m) { return m.id == op.consumer; });
        if (!present) {
            Member m{op.consumer, {}};
            for (const auto& [topic, count] : p_.topics) {
                if (op.topics.empty() ||
                    std::find(op.topics.begin(), op.topics.end(), topic) != op.topics.end()) {
                    m.topics.insert(topic);
                }
            }
            g.members.push_back(std::move(m));
        }
        rebalance(s, op.group, op.consumer + " joins", sink);
        return;
    }
    case Op::Kind::Leave: {
        // A consumer that is not a member has nothing to leave: the coordinator answers
        // UNKNOWN_MEMBER_ID and the group does not rebalance (a tester's C9, never joined,
        // "left" and moved partitions).
        const auto g0 = s.groups.find(op.group);
        if (g0 == s.groups.end() ||
            std::none_of(g0->second.members.begin(), g0->second.members.end(),
                         [&](const Member& m) { return m.id == op.consumer; })) {
            return;
        }
        auto& g = g0->second;
        std::erase_if(g.members, [&](const Member& m) { return m.id == op.consumer; });
        g.assignment.erase(op.consumer);
        rebalance(s, op.group, op.consumer + " leaves", sink);
        return;
    }
    case Op::Kind::FailBroker:
        failBroker(s, op.broker, sink);
        return;
    case Op::Kind::RecoverBroker:
        recoverBroker(s, op.broker, sink);
        return;
    case Op::Kind::Consume:
        consume(s, op, sink);
        return;
    }
}

void KafkaEngine::produce(State& s, const Op& op, StepSink<Step, State>& sink) const {
    const auto topicIt = p_.topics.find(op.topic);
    const int n = topicIt == p_.topics.end() ? 0 : topicIt->second;
    Step st;
    st.kind = StepKind::kProduce;
    st.topic = op.topic;
    st.key = op.key;
    std::string why;
    int partition = -1;
    if (n == 0) {
        ++s.stats.rejected;
        if (sink.narrate()) {
            st.kind = StepKind::kProduceRejected;
            st.text = "There is no topic " + op.topic + ".";
            sink.report(std::move(st), s);
        }
        return;
    }
    if (op.key) {
        st.hash = murmur2(*op.key);
        partition = toPositive(st.hash) % n; // all partitions count, available or not
        if (sink.narrate()) {
            why = "Key \"" + *op.key + "\": murmur2 = " + std::to_string(st.hash) +
                  ", toPositive = " + std::to_string(toPositive(st.hash)) + ", mod " +
                  std::to_string(n) + " = partition " + std::to_string(partition) + ".";
        }
    } else {
        const auto avail = available(s, op.topic);
        if (p_.partitioner == Partitioner::RoundRobin) {
            std::int64_t& counter = s.roundRobinCounter[op.topic];
            const std::int64_t c = counter++;
            const int positive = toPositive(static_cast<std::int32_t>(c));
            partition = avail.empty() ? positive % n
                                      : avail[static_cast<std::size_t>(positive) % avail.size()];
            if (sink.narrate()) {
                why = "No key: round-robin (Kafka up to 2.3) sends it to the next available "
                      "partition, " +
                      std::to_string(partition) + ".";
            }
        } else {
            partition = sticky(s, op.topic, avail, n, sink.narrate() ? &why : nullptr);
        }
    }
    PartitionState* ps = s.find(op.topic, partition);
    st.partition = partition;
    if (!ps || ps->leader < 0) {
        ++s.stats.rejected;
        if (sink.narrate()) {
            st.kind = StepKind::kProduceRejected;
            st.text = why + " Partition " + std::to_string(partition) +
                      " has no leader (no in-sync replica is alive): the write fails and the "
                      "producer retries.";
            sink.report(std::move(st), s);
        }
        return;
    }
    const auto offset = static_cast<std::int64_t>(ps->log.size());
    ps->log.push_back({offset, op.key, op.value});
    ++s.stats.produced;
    if (sink.narrate()) {
        st.offset = offset;
        st.broker = ps->leader;
        st.text = why + " Leader " + b(ps->leader) + " appends it to " + op.topic + "-" +
                  std::to_string(partition) + " at offset " + std::to_string(offset) + ".";
        sink.report(std::move(st), s);
    }
}

int KafkaEngine::sticky(State& s, const std::string& topic, const std::vector<int>& avail, int n,
                        std::string* why) const {
    int& current = s.stickyPartition.try_emplace(topic, -1).first->second;
    int& inBatch = s.stickyBatch[topic];
    const bool stillAvailable = std::find(avail.begin(), avail.end(), current) != avail.end();
    if (current >= 0 && inBatch < p_.batchRecords && stillAvailable) {
        if (why) {
            *why = "No key: the sticky partitioner keeps filling the batch on partition " +
                   std::to_string(current) + " (" + std::to_string(inBatch + 1) + " of " +
                   std::to_string(p_.batchRecords) + ").";
        }
        ++inBatch;
        return current;
    }
    std::vector<int> choices = avail;
    if (choices.size() > 1 && current >= 0) {
        std::erase(choices, current); // a new batch goes to another partition
    }
    const int previous = current;
    const bool given = s.stickyDrawsUsed < p_.stickyDraws.size();
    const int draw = stickyDraw(s, choices.empty() ? static_cast<std::size_t>(n) : choices.size());
    current = choices.empty() ? draw : choices[static_cast<std::size_t>(draw)];
    inBatch = 1;
    if (why) {
        *why = previous < 0 ? "No key: the sticky partitioner (Kafka 2.4+) picks partition " +
                                  std::to_string(current) + " at random and fills a batch there."
                            : "No key: the batch is full, so the sticky partitioner moves to "
                              "another partition, " +
                                  std::to_string(current) + ".";
        if (given) {
            *why += " (Its draw " + std::to_string(p_.stickyDraws[s.stickyDrawsUsed - 1]) +
                    " counts from 0 along " + candidatesText(choices, n) + ".)";
        }
    }
    return current;
}

int KafkaEngine::stickyDraw(State& s, std::size_t among) const {
    if (s.stickyDrawsUsed < p_.stickyDraws.size()) {
        const auto d = static_cast<std::size_t>(p_.stickyDraws[s.stickyDrawsUsed++]);
        return static_cast<int>(d % among);
    }
    return static_cast<int>(s.rng.uniform(0, static_cast<std::int64_t>(among) - 1));
}

void KafkaEngine::rebalance(State& s, const std::string& group, const std::string& why,
                            StepSink<Step, State>& sink) const {
    auto& g = s.groups[group];
    const Assignment previous = g.assignment;
    Assignment target;
    switch (p_.assignor) {
    case AssignorKind::Range:
        target = assignRange(g.members, p_.topics);
        break;
    case AssignorKind::RoundRobin:
        target = assignRoundRobin(g.members, p_.topics);
        break;
    case AssignorKind::Sticky:
    case AssignorKind::CooperativeSticky:
        target = assignSticky(g.members, p_.topics, previous);
        break;
    }
    int moved = 0;
    std::map<TopicPartition, std::string> before;
    for (const auto& [m, tps] : previous) {
        for (const auto& tp : tps) {
            before[tp] = m;
        }
    }
    for (const auto& [m, tps] : target) {
        for (const auto& tp : tps) {
            const auto it = before.find(tp);
            moved += it != before.end() && it->second != m;
        }
    }
    ++s.stats.rebalances;
    s.stats.partitionsMoved += moved;
    if (p_.assignor == AssignorKind::CooperativeSticky && moved > 0) {
        // Round 1: members keep what does not move and give up the rest, and what nobody owns
        // (a leaver's partitions) goes to its new owner at once; round 2 hands over the rest.
        g.assignment = cooperativeFirstRound(previous, target);
        ++g.generation;
        if (sink.narrate()) {
            Step st;
            st.kind = StepKind::kRevoke;
            st.group = group;
            st.assignment = g.assignment;
            st.count = moved;
            st.text = why + ": first rebalance of group " + group +
                      " (cooperative): members keep "
                      "reading what stays theirs and revoke the " +
                      (moved == 1 ? std::string("1 partition that moves. ")
                                  : counted(moved, "partition", "partitions") + " that move. ") +
                      unownedText(previous, g.assignment) + assignmentText(g.assignment) + ".";
            sink.report(std::move(st), s);
        }
        ++s.stats.rebalances;
    }
    g.assignment = target;
    ++g.generation;
    if (sink.narrate()) {
        Step st;
        st.kind = p_.assignor == AssignorKind::CooperativeSticky && moved > 0
                      ? StepKind::kAssign
                      : StepKind::kRebalance;
        st.group = group;
        st.assignment = target;
        st.count = moved;
        st.text =
            (st.kind == StepKind::kAssign ? "Second rebalance: the revoked partitions go to their "
                                            "new owners. "
                                          : why + ": group " + group + " rebalances with the " +
                                                assignorName(p_.assignor) + " assignor. ") +
            assignmentText(target) + ".";
        sink.report(std::move(st), s);
    }
}

void KafkaEngine::consume(State& s, const Op& op, StepSink<Step, State>& sink) const {
    auto g = s.groups.find(op.group);
    if (g == s.groups.end()) {
        return;
    }
    for (const auto& [member, tps] : g->second.assignment) {
        if (!op.consumer.empty() && member != op.consumer) {
            continue;
        }
        for (const auto& tp : tps) {
            const PartitionState* ps = s.find(tp.topic, tp.partition);
            if (!ps) {
                continue;
            }
            std::int64_t& committed = g->second.committed[tp.name()];
            const auto end = static_cast<std::int64_t>(ps->log.size());
            const std::int64_t take =
                op.max < 0 ? end - committed : std::min<std::int64_t>(op.max, end - committed);
            if (take <= 0) {
                continue;
            }
            if (ps->leader < 0) {
                continue; // no leader to fetch from
            }
            const std::int64_t from = committed;
            committed += take;
            s.stats.consumed += take;
            if (sink.narrate()) {
                Step st;
                st.kind = StepKind::kConsume;
                st.group = op.group;
                st.consumer = member;
                st.topic = tp.topic;
                st.partition = tp.partition;
                st.offset = committed;
                st.count = static_cast<int>(take);
                st.text = member + " (group " + op.group + ") reads " + std::to_string(take) +
                          (take == 1 ? " record" : " records") + " of " + tp.name() + ", offsets " +
                          std::to_string(from) + " to " + std::to_string(committed - 1) +
                          ", in order, and commits offset " + std::to_string(committed) +
                          "; its lag there is now " + std::to_string(end - committed) + ".";
                sink.report(std::move(st), s);
            }
        }
    }
}

} // namespace fg::kafka
