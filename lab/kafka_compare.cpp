// compareKafka (kafka_lab.h): the Kafka lab's comparison rows, each difference with its reason.
#include "engines/kafka/assignors.h"
#include "lab/kafka_lab.h"

#include <algorithm>
#include <map>
#include <set>

namespace fg::lab {

namespace {

using kafka::KafkaOp;

// "orders-1 x5, orders-2 x1": consecutive records on one partition as a run.
std::vector<std::pair<int, int>> runsOf(const std::vector<const KafkaRecordRow*>& rows, bool real) {
    std::vector<std::pair<int, int>> out;
    for (const KafkaRecordRow* r : rows) {
        const int p = real ? r->realPartition : r->modelPartition;
        if (!out.empty() && out.back().first == p) {
            ++out.back().second;
        } else {
            out.emplace_back(p, 1);
        }
    }
    return out;
}

std::string runsText(const std::string& topic, const std::vector<std::pair<int, int>>& runs) {
    std::string out;
    for (const auto& [p, n] : runs) {
        out += (out.empty() ? "" : ", ") +
               (p < 0 ? std::string("not delivered") : topic + "-" + std::to_string(p)) + " x" +
               std::to_string(n);
    }
    return out;
}

std::vector<int> sizes(const std::vector<std::pair<int, int>>& runs) {
    std::vector<int> out;
    for (const auto& r : runs) {
        out.push_back(r.second);
    }
    return out;
}

void keyedRows(KafkaLabRun& run) {
    run.keyed = 0;
    run.keyedAgree = 0;
    const KafkaRecordRow* differs = nullptr;
    int delivered = 0, appended = 0;
    for (const KafkaRecordRow& r : run.records) {
        delivered += r.realPartition >= 0;
        appended += r.modelPartition >= 0;
        if (!r.keyed()) {
            continue;
        }
        ++run.keyed;
        if (r.samePartition()) {
            ++run.keyedAgree;
        } else if (!differs) {
            differs = &r;
        }
    }
    KafkaComparisonRow keyed{"Keyed records on the same partition",
                             std::to_string(run.keyedAgree) + " of " + std::to_string(run.keyed),
                             std::to_string(run.keyed) + " of " + std::to_string(run.keyed),
                             run.keyedAgree == run.keyed, ""};
    if (differs) {
        keyed.why = "Key \"" + *differs->key + "\" went to partition " +
                    std::to_string(differs->realPartition) + " in the mock cluster and " +
                    std::to_string(differs->modelPartition) +
                    " in the model: a record that is not delivered (its leader is down) has no "
                    "partition on the real side, while the model's new leader took it.";
    } else {
        keyed.why = "Both hash the key with murmur2 (librdkafka's murmur2_random partitioner is "
                    "the Java client's): the partition is decided by the key alone.";
    }
    run.rows.push_back(std::move(keyed));
    const auto total = std::to_string(run.records.size());
    KafkaComparisonRow all{"Records stored", std::to_string(delivered) + " of " + total,
                           std::to_string(appended) + " of " + total, delivered == appended, ""};
    if (!all.agree) {
        all.why = "The mock cluster does not move a partition's leadership when its leader's "
                  "broker is down, so the producer's records to it time out; the model elects a "
                  "new leader from the in-sync replicas, as Apache Kafka's controller does.";
    }
    run.rows.push_back(std::move(all));
}

void keylessRows(const KafkaScenario& scenario, KafkaLabRun& run) {
    for (std::size_t i = 0; i < scenario.ops.size(); ++i) {
        const KafkaOp& op = scenario.ops[i];
        if (op.kind != KafkaOp::Kind::Produce || op.key) {
            continue;
        }
        std::vector<const KafkaRecordRow*> rows;
        for (const KafkaRecordRow& r : run.records) {
            if (r.op == static_cast<int>(i)) {
                rows.push_back(&r);
            }
        }
        const auto real = runsOf(rows, true), model = runsOf(rows, false);
        // "Keyless records of op 1 (5), batch by batch" was hard to read (a tester).
        KafkaComparisonRow row{
            "Op " + std::to_string(i) + ": " + std::to_string(rows.size()) +
                (rows.size() == 1 ? " record" : " records") + " without a key, batch by batch",
            runsText(op.topic, real), runsText(op.topic, model), sizes(real) == sizes(model), ""};
        row.why = "Which partition a batch goes to is a random pick on both sides; what matters "
                  "is where a batch ends. librdkafka keeps keyless records on one partition for "
                  "sticky.partitioning.linger.ms (10 ms), and these were queued within a few "
                  "milliseconds; " +
                  (scenario.params.partitioner == kafka::Partitioner::RoundRobin
                       ? std::string("the model's round-robin partitioner (the Java client up "
                                     "to 2.3) sends each record to the next partition.")
                       : "the model moves on after batch_records (" +
                             std::to_string(scenario.params.batchRecords) +
                             ") records, as the Java client does when a batch is full.");
        run.rows.push_back(std::move(row));
    }
}

std::string assignmentLine(const std::vector<KafkaMemberView>& members, const std::string& group) {
    std::string out;
    for (const KafkaMemberView& m : members) {
        if (m.group != group) {
            continue;
        }
        std::string tps;
        for (const std::string& tp : m.partitions) {
            tps += (tps.empty() ? "" : ", ") + tp;
        }
        out += (out.empty() ? "" : "; ") + m.consumer + ": " + (tps.empty() ? "nothing" : tps);
    }
    return out.empty() ? "no members" : out;
}

std::map<std::string, std::string> byConsumer(const std::vector<KafkaMemberView>& members,
                                              const std::string& group) {
    std::map<std::string, std::string> out;
    for (const KafkaMemberView& m : members) {
        if (m.group == group) {
            std::string tps;
            for (const std::string& tp : m.partitions) {
                tps += tp + " ";
            }
            out[m.consumer] = tps;
        }
    }
    return out;
}

// The model's assignor run on the real members, named by the coordinator's member ids: does the
// model agree once it orders the members as the broker did?
bool agreesInBrokerOrder(const KafkaScenario& scenario, const std::vector<KafkaMemberView>& real,
                         const std::vector<KafkaMemberView>& previous, const std::string& group) {
    std::map<std::string, std::set<std::string>> subscriptions; // consumer -> topics
    for (const KafkaOp& op : scenario.ops) {
        if (op.kind == KafkaOp::Kind::Join && op.group == group) {
            auto& t = subscriptions[op.consumer];
            for (const auto& [topic, n] : scenario.params.topics) {
                if (op.topics.empty() ||
                    std::find(op.topics.begin(), op.topics.end(), topic) != op.topics.end()) {
                    t.insert(topic);
                }
            }
        }
    }
    std::vector<kafka::Member> members;
    std::map<std::string, std::string> idOf;
    for (const KafkaMemberView& m : real) {
        if (m.group == group) {
            members.push_back({m.memberId, subscriptions[m.consumer]});
            idOf[m.consumer] = m.memberId;
        }
    }
    kafka::Assignment before;
    for (const KafkaMemberView& m : previous) {
        if (m.group == group && idOf.count(m.consumer)) {
            for (const std::string& tp : m.partitions) {
                const auto dash = tp.rfind('-');
                before[idOf[m.consumer]].push_back(
                    {tp.substr(0, dash), std::stoi(tp.substr(dash + 1))});
            }
        }
    }
    const auto& p = scenario.params;
    const kafka::Assignment a = p.assignor == kafka::AssignorKind::Range
                                    ? kafka::assignRange(members, p.topics)
                                : p.assignor == kafka::AssignorKind::RoundRobin
                                    ? kafka::assignRoundRobin(members, p.topics)
                                    : kafka::assignSticky(members, p.topics, before);
    for (const KafkaMemberView& m : real) {
        if (m.group != group) {
            continue;
        }
        std::vector<std::string> names;
        if (const auto it = a.find(m.memberId); it != a.end()) {
            for (const auto& tp : it->second) {
                names.push_back(tp.name());
            }
        }
        if (names != m.partitions) {
            return false;
        }
    }
    return true;
}

// Partitions of `group` whose reader changed from `before` to `after` (a partition nobody read
// before does not count: nothing moved).
int moved(const std::vector<KafkaMemberView>& before, const std::vector<KafkaMemberView>& after,
          const std::string& group) {
    std::map<std::string, std::string> owner;
    for (const KafkaMemberView& m : before) {
        if (m.group == group) {
            for (const std::string& tp : m.partitions) {
                owner[tp] = m.consumer;
            }
        }
    }
    int n = 0;
    for (const KafkaMemberView& m : after) {
        if (m.group == group) {
            for (const std::string& tp : m.partitions) {
                const auto it = owner.find(tp);
                n += it != owner.end() && it->second != m.consumer;
            }
        }
    }
    return n;
}

std::map<std::string, std::size_t> counts(const std::vector<KafkaMemberView>& members,
                                          const std::string& group) {
    std::map<std::string, std::size_t> out;
    for (const KafkaMemberView& m : members) {
        if (m.group == group) {
            out[m.consumer] = m.partitions.size();
        }
    }
    return out;
}

void groupRows(const KafkaScenario& scenario, KafkaLabRun& run) {
    std::vector<KafkaMemberView> previous, previousModel;
    for (const KafkaMoment& m : run.moments) {
        const KafkaOp& op = scenario.ops[static_cast<std::size_t>(m.op)];
        if (op.kind != KafkaOp::Kind::Join && op.kind != KafkaOp::Kind::Leave) {
            continue;
        }
        KafkaComparisonRow row{
            op.group + " after " + m.opText, assignmentLine(m.real.members, op.group),
            assignmentLine(m.model.members, op.group),
            byConsumer(m.real.members, op.group) == byConsumer(m.model.members, op.group), ""};
        const bool sticky = scenario.params.assignor == kafka::AssignorKind::Sticky ||
                            scenario.params.assignor == kafka::AssignorKind::CooperativeSticky;
        const int realMoved = moved(previous, m.real.members, op.group);
        const int modelMoved = moved(previousModel, m.model.members, op.group);
        if (sticky && !row.agree) {
            // Which partitions a member keeps is a free choice: both must balance the group and
            // move as few partitions as they can.
            row.agree = counts(m.real.members, op.group) == counts(m.model.members, op.group) &&
                        realMoved == modelMoved;
        }
        std::string ids;
        for (const KafkaMemberView& v : m.real.members) {
            if (v.group == op.group) {
                ids += (ids.empty() ? "" : ", ") + v.consumer + " = " + v.memberId;
            }
        }
        if (sticky && row.agree &&
            byConsumer(m.real.members, op.group) != byConsumer(m.model.members, op.group)) {
            row.why = "Both give each member as many partitions and move as few (" +
                      std::to_string(realMoved) +
                      "): which ones a member keeps is the assignor's free choice, and "
                      "librdkafka's sticky assignor chose others than the model.";
        } else if (sticky && !row.agree) {
            row.why = "librdkafka's sticky assignor moved " + std::to_string(realMoved) +
                      " partitions, the model " + std::to_string(modelMoved) + " (member ids " +
                      ids + ").";
        } else if (!row.agree) {
            row.why = agreesInBrokerOrder(scenario, m.real.members, previous, op.group)
                          ? "The assignor orders members by the ids the coordinator gave (" + ids +
                                "), the model by the consumers' names; given the coordinator's "
                                "order the model's assignor gives the same assignment."
                          : "The assignors differ here (member ids " + ids +
                                "): librdkafka's own implementation, not Kafka's Java one.";
        } else if (!ids.empty()) {
            row.why = "Member ids from the coordinator: " + ids + ".";
        }
        run.rows.push_back(std::move(row));
        previous = m.real.members;
        previousModel = m.model.members;
    }
}

// Every partition's leader once a broker is back: the model gives each partition back to its
// preferred leader (the controller's balance check); the mock never moved them.
KafkaComparisonRow leadersBackRow(const KafkaMoment& m) {
    std::string real, model;
    const auto leader = [](int b) {
        return b < 0 ? std::string("offline") : "broker " + std::to_string(b);
    };
    for (std::size_t i = 0; i < m.model.partitions.size(); ++i) {
        const auto& md = m.model.partitions[i];
        const std::string name = md.topic + "-" + std::to_string(md.partition);
        model += (model.empty() ? "" : ", ") + name + ": " + leader(md.leader);
        if (i < m.real.partitions.size()) {
            real += (real.empty() ? "" : ", ") + name + ": " + leader(m.real.partitions[i].leader);
        }
    }
    KafkaComparisonRow row{"Leaders after " + m.opText, real, model, real == model, ""};
    row.why = row.agree ? "The mock never moved a leader; Kafka's controller gives each "
                          "partition back to its preferred leader (its first replica) once that "
                          "broker is back in sync (auto.leader.rebalance.enable, every 300 s)."
                        : "librdkafka's mock cluster keeps the leaders it was given through a "
                          "broker's failure and return; Kafka's controller elects new ones and "
                          "later gives them back to their preferred leaders.";
    return row;
}

void brokerRows(const KafkaScenario& scenario, KafkaLabRun& run) {
    std::vector<KafkaPartitionView> before;
    for (const KafkaMoment& m : run.moments) {
        const KafkaOp& op = scenario.ops[static_cast<std::size_t>(m.op)];
        if (op.kind == KafkaOp::Kind::FailBroker) {
            if (before.empty()) {
                before = m.real.partitions; // the mock moves no leader: its leaders are as before
            }
            std::string real, model;
            for (std::size_t i = 0; i < before.size() && i < m.model.partitions.size(); ++i) {
                if (before[i].leader != op.broker) {
                    continue;
                }
                const auto& r = i < m.real.partitions.size() ? m.real.partitions[i] : before[i];
                const auto& md = m.model.partitions[i];
                const std::string name = md.topic + "-" + std::to_string(md.partition);
                real += (real.empty() ? "" : ", ") + name + ": broker " + std::to_string(r.leader);
                model += (model.empty() ? "" : ", ") + name + ": " +
                         (md.leader < 0 ? std::string("offline")
                                        : "broker " + std::to_string(md.leader));
            }
            KafkaComparisonRow row{
                "Leaders after " + m.opText, real.empty() ? "no partition led by it" : real,
                model.empty() ? "no partition led by it" : model, real == model, ""};
            if (!row.agree) {
                row.why = "librdkafka's mock cluster does not elect a new leader when a broker "
                          "goes down (Apache Kafka's controller would, from the in-sync "
                          "replicas): the client's metadata still names broker " +
                          std::to_string(op.broker) + ".";
            }
            run.rows.push_back(std::move(row));
        } else if (op.kind == KafkaOp::Kind::RecoverBroker) {
            run.rows.push_back(leadersBackRow(m));
        }
        before = m.real.partitions;
    }
}

// Each partition's replicas at the start, as the client's metadata shows them and as the model
// placed them (the tester saw "ISR B0,B1,B2" beside "ISR B0,B1" and no row saying why).
void replicaRows(KafkaLabRun& run) {
    if (run.moments.empty()) {
        return;
    }
    const auto counts = [](const std::vector<KafkaPartitionView>& parts) {
        std::set<std::size_t> n;
        for (const KafkaPartitionView& p : parts) {
            n.insert(p.replicas.size());
        }
        std::string text;
        for (const std::size_t c : n) {
            text += (text.empty() ? "" : " or ") + std::to_string(c);
        }
        return text.empty() ? std::string("none") : text + " per partition";
    };
    const KafkaMoment& first = run.moments.front();
    KafkaComparisonRow row{"Replicas of each partition", counts(first.real.partitions),
                           counts(first.model.partitions), false, ""};
    row.agree = row.real == row.model;
    if (!row.agree) {
        row.why = "librdkafka's mock cluster places a partition's replicas by its own default "
                  "replication factor (one on every broker here), not by the factor the topic "
                  "is created with; the model places the scenario's replication factor, as "
                  "Apache Kafka does. Leaders are set alike, so what is read and written agrees.";
    }
    run.rows.push_back(std::move(row));
}

} // namespace

void compareKafka(const KafkaScenario& scenario, KafkaLabRun& run) {
    run.rows.clear();
    keyedRows(run);
    replicaRows(run);
    keylessRows(scenario, run);
    groupRows(scenario, run);
    brokerRows(scenario, run);
    int agree = 0;
    for (const KafkaComparisonRow& r : run.rows) {
        agree += r.agree;
    }
    run.summary = "agree: " + std::to_string(run.keyedAgree) + " of " + std::to_string(run.keyed) +
                  " keyed records on the same partition; " + std::to_string(agree) + " of " +
                  std::to_string(run.rows.size()) + " comparisons";
}

} // namespace fg::lab
