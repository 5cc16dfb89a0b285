#include "lab/kafka_lab.h"

#include "engines/core/recording_sink.h"
#include "lab/kafka_mock.h"
#include "lab/stop_request.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace fg::lab {

namespace {

using kafka::KafkaOp;

std::string opText(const KafkaOp& op) {
    switch (op.kind) {
    case KafkaOp::Kind::Produce:
        return "produce " +
               (op.count > 1 ? std::to_string(op.count) + " records" : std::string("a record")) +
               (op.key ? " with key " + *op.key : std::string(" without a key")) + " to " +
               op.topic;
    case KafkaOp::Kind::Join:
        return op.consumer + " joins " + op.group;
    case KafkaOp::Kind::Leave:
        return op.consumer + " leaves " + op.group;
    case KafkaOp::Kind::FailBroker:
        return "broker " + std::to_string(op.broker) + " fails";
    case KafkaOp::Kind::RecoverBroker:
        return "broker " + std::to_string(op.broker) + " comes back";
    case KafkaOp::Kind::Consume:
        return op.group + (op.consumer.empty() ? "" : "/" + op.consumer) + " consumes";
    }
    return {};
}

KafkaSide modelSide(const kafka::KafkaState& s,
                    const std::vector<std::pair<std::string, std::string>>& joinOrder) {
    KafkaSide out;
    out.brokersUp = s.brokerAlive;
    for (const kafka::PartitionState& p : s.partitions) {
        out.partitions.push_back({p.topic, p.partition, p.leader, p.replicas, p.isr});
    }
    for (const auto& [group, consumer] : joinOrder) {
        const auto g = s.groups.find(group);
        if (g == s.groups.end()) {
            continue;
        }
        const auto& ms = g->second.members;
        if (std::none_of(ms.begin(), ms.end(),
                         [&](const kafka::Member& x) { return x.id == consumer; })) {
            continue; // it left
        }
        KafkaMemberView m{group, consumer, consumer, {}};
        if (const auto a = g->second.assignment.find(consumer); a != g->second.assignment.end()) {
            std::vector<kafka::TopicPartition> tps = a->second;
            std::sort(tps.begin(), tps.end()); // as the real side lists them
            for (const kafka::TopicPartition& tp : tps) {
                m.partitions.push_back(tp.name());
            }
        }
        out.members.push_back(std::move(m));
    }
    return out;
}

// The model's own sentences for an op (its narration), joined.
std::string modelText(const std::vector<kafka::KafkaStep>& steps, std::size_t limit = 6) {
    std::string out;
    for (std::size_t i = 0; i < steps.size() && i < limit; ++i) {
        out += (out.empty() ? "" : " ") + steps[i].text;
    }
    if (steps.size() > limit) {
        out += " (and " + std::to_string(steps.size() - limit) + " more steps)";
    }
    return out;
}

std::string seconds(double s) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f s", s);
    return buf;
}

// Where the real producer put the records of one produce op, in a sentence.
std::string producedText(const std::vector<KafkaRecordRow>& rows, std::size_t first) {
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> spans; // "orders-1" -> offsets
    int failed = 0;
    std::string error;
    for (std::size_t i = first; i < rows.size(); ++i) {
        const KafkaRecordRow& r = rows[i];
        if (r.realPartition < 0) {
            ++failed;
            error = r.realError;
            continue;
        }
        auto& span = spans
                         .try_emplace(r.topic + "-" + std::to_string(r.realPartition), r.realOffset,
                                      r.realOffset)
                         .first->second;
        span.first = std::min(span.first, r.realOffset);
        span.second = std::max(span.second, r.realOffset);
    }
    std::string out = "The producer's delivery reports: ";
    bool firstSpan = true;
    for (const auto& [name, span] : spans) {
        out += (firstSpan ? "" : ", ") + name + " at offset " + std::to_string(span.first) +
               (span.second > span.first ? " to " + std::to_string(span.second) : "");
        firstSpan = false;
    }
    if (spans.empty()) {
        out += "nothing delivered";
    }
    out += ".";
    if (failed > 0) {
        out += " " + std::to_string(failed) + " not delivered: " + error + ".";
    }
    return out;
}

std::string assignmentText(const KafkaSide& side, const std::string& group) {
    std::string out;
    for (const KafkaMemberView& m : side.members) {
        if (m.group != group) {
            continue;
        }
        std::string tps;
        for (const std::string& tp : m.partitions) {
            tps += (tps.empty() ? "" : ", ") + tp;
        }
        out += (out.empty() ? "" : "; ") + m.consumer + " (member id " + m.memberId + ") reads " +
               (tps.empty() ? "nothing" : tps);
    }
    return out.empty() ? "no members left" : out;
}

std::string leadersText(const KafkaSide& side, int broker) {
    std::string out;
    for (const KafkaPartitionView& p : side.partitions) {
        if (p.leader == broker) {
            out += (out.empty() ? "" : ", ") + p.topic + "-" + std::to_string(p.partition);
        }
    }
    return out;
}

// A broker no fail-broker op names (the last such), to coordinate the groups.
int coordinatorFor(const KafkaScenario& scenario) {
    std::vector<bool> fails(static_cast<std::size_t>(scenario.params.brokers), false);
    for (const KafkaOp& op : scenario.ops) {
        if (op.kind == KafkaOp::Kind::FailBroker) {
            fails[static_cast<std::size_t>(op.broker)] = true;
        }
    }
    for (int b = scenario.params.brokers - 1; b >= 0; --b) {
        if (!fails[static_cast<std::size_t>(b)]) {
            return b;
        }
    }
    return 0;
}

} // namespace

Status checkKafkaLabBudget(const KafkaScenario& scenario) {
    const auto& p = scenario.params;
    const auto ops = static_cast<std::int64_t>(scenario.ops.size());
    auto refuse = [](const std::string& where, const std::string& what, std::int64_t limit,
                     std::int64_t has) {
        return Status::error(where, "the Kafka lab takes at most " + std::to_string(limit) + " " +
                                        what + " (this scenario has " + std::to_string(has) + ")");
    };
    if (ops > kMaxKafkaLabOps) {
        return refuse("/ops", "operations", kMaxKafkaLabOps, ops);
    }
    if (p.brokers > kMaxKafkaLabBrokers) {
        return refuse("/params/brokers", "brokers (each a listener of the mock cluster)",
                      kMaxKafkaLabBrokers, p.brokers);
    }
    std::int64_t partitions = 0, records = 0, changes = 0;
    for (const auto& [topic, count] : p.topics) {
        partitions += count;
    }
    if (partitions > kMaxKafkaLabPartitions) {
        return refuse("/params/topics", "partitions over all topics", kMaxKafkaLabPartitions,
                      partitions);
    }
    for (std::size_t i = 0; i < scenario.ops.size(); ++i) {
        const KafkaOp& op = scenario.ops[i];
        records += op.kind == KafkaOp::Kind::Produce ? op.count : 0;
        changes += op.kind == KafkaOp::Kind::Join || op.kind == KafkaOp::Kind::Leave;
        if ((op.key && op.key->size() > kMaxKafkaLabKeyBytes) ||
            op.value.size() > kMaxKafkaLabKeyBytes) {
            return Status::error("/ops/" + std::to_string(i),
                                 "the Kafka lab takes keys and values of at most " +
                                     std::to_string(kMaxKafkaLabKeyBytes) + " bytes");
        }
    }
    if (records > kMaxKafkaLabRecords) {
        return refuse("/ops", "records produced", kMaxKafkaLabRecords, records);
    }
    if (changes > kMaxKafkaLabGroupChanges) {
        return refuse("/ops",
                      "joins and leaves (each waits 0.5 to 3 s for the mock cluster's "
                      "coordinator)",
                      kMaxKafkaLabGroupChanges, changes);
    }
    return Status::ok();
}

Status parseKafkaLabScenario(const nlohmann::json& json, KafkaScenario* out) {
    if (!json.is_object() || json.value("engine", std::string()) != "kafka") {
        return Status::error("/engine", "the Kafka lab runs scenarios of the engine \"kafka\"");
    }
    nlohmann::json bulk = json;
    bulk["narrate"] = false;
    if (Status s = parseKafkaScenario(bulk, *out); !s) {
        return s;
    }
    return checkKafkaLabBudget(*out);
}

namespace {

struct Runner {
    const KafkaScenario& scenario;
    KafkaLabRun& run;
    KafkaMock& mock;
    const Progress& progress;
    std::vector<std::pair<std::string, std::string>> joinOrder; // (group, consumer)
    std::set<std::pair<std::string, std::string>> present;      // members now, on the real side

    // The op on the real side; its sentence into `text`.
    Status real(const KafkaOp& op, std::size_t firstRow, std::string* text);
    void say(const std::string& s) const {
        if (progress) {
            progress(s);
        }
    }
};

Status Runner::real(const KafkaOp& op, std::size_t firstRow, std::string* text) {
    switch (op.kind) {
    case KafkaOp::Kind::Produce:
        if (Status s = mock.produce(run.records, firstRow, run.records.size() - firstRow); !s) {
            return s;
        }
        *text = producedText(run.records, firstRow);
        return Status::ok();
    case KafkaOp::Kind::Join:
    case KafkaOp::Kind::Leave: {
        const bool join = op.kind == KafkaOp::Kind::Join;
        const bool first = join && std::none_of(present.begin(), present.end(),
                                                [&](const auto& m) { return m.first == op.group; });
        say(op.consumer + (join ? " joins " : " leaves ") + op.group +
            (first ? ": the mock cluster's coordinator waits " +
                         std::to_string(KafkaMock::firstJoinWaitMs()) +
                         " ms for members to join, as a real broker's "
                         "group.initial.rebalance.delay.ms does..."
                   : ": the mock cluster's coordinator waits " +
                         std::to_string(mock.laterChangeWaitMs()) +
                         " ms (session.timeout.ms less 1 s) for every member to rejoin..."));
        Status s =
            join ? mock.join(op.group, op.consumer, op.topics) : mock.leave(op.group, op.consumer);
        if (!s) {
            return s;
        }
        if (join) {
            present.emplace(op.group, op.consumer);
        } else {
            present.erase({op.group, op.consumer});
        }
        *text = op.consumer + (join ? " joined " : " left ") + op.group + ". ";
        return Status::ok();
    }
    case KafkaOp::Kind::FailBroker:
        if (Status s = mock.failBroker(op.broker); !s) {
            return s;
        }
        *text = "Broker " + std::to_string(op.broker) + " (the mock's broker id " +
                std::to_string(op.broker + 1) + ") is down. ";
        return Status::ok();
    case KafkaOp::Kind::RecoverBroker:
        if (Status s = mock.recoverBroker(op.broker); !s) {
            return s;
        }
        *text = "Broker " + std::to_string(op.broker) + " (the mock's broker id " +
                std::to_string(op.broker + 1) + ") is up again. ";
        return Status::ok();
    case KafkaOp::Kind::Consume:
        *text = "The lab's consumers read assignments, not records: consume runs in the model "
                "only.";
        return Status::ok();
    }
    return Status::ok();
}

// The records of a produce op, each with where the model put it (its steps: one per record,
// produced or rejected).
void addRecordRows(const KafkaOp& op, int index, const std::vector<kafka::KafkaStep>& steps,
                   std::vector<KafkaRecordRow>& rows) {
    for (int r = 0; r < std::max(1, op.count); ++r) {
        KafkaRecordRow row;
        row.op = index;
        row.topic = op.topic;
        row.key = op.key;
        row.value = op.count > 1 ? op.value + "-" + std::to_string(r) : op.value;
        if (const auto at = static_cast<std::size_t>(r); at < steps.size()) {
            const bool stored = steps[at].kind == kafka::StepKind::kProduce;
            row.modelPartition = stored ? steps[at].partition : -1;
            row.modelOffset = stored ? steps[at].offset : -1;
        }
        rows.push_back(std::move(row));
    }
}

} // namespace

namespace {

// The mock cluster's own stalls, not the scenario's: its group coordinator sometimes never
// completes a rebalance, or answers no metadata for seconds (librdkafka 2.0.2's mock, measured
// in about one run in five of the test suite's larger scenarios).
bool mockStalled(const Status& s) {
    return s.where().rfind("group ", 0) == 0 || s.where() == "metadata";
}

Status runKafkaLabOnce(const KafkaScenario& scenario, KafkaLabRun* run, const Progress& progress) {
    const auto started = std::chrono::steady_clock::now();
    std::unique_ptr<KafkaMock> mock;
    if (Status s = KafkaMock::open(scenario.params, coordinatorFor(scenario), &mock); !s) {
        return s;
    }
    run->version = KafkaMock::version();
    run->bootstraps = mock->bootstraps();
    run->settings = mock->settings();
    const kafka::KafkaEngine engine(scenario.params);
    kafka::KafkaState model = engine.initialState();
    Runner runner{scenario, *run, *mock, progress, {}, {}};
    for (std::size_t i = 0; i < scenario.ops.size(); ++i) {
        if (stopRequested()) { // the Lab closed (its quit signal): end at once
            return Status::error({}, kStoppedSentence);
        }
        const KafkaOp& op = scenario.ops[i];
        RecordingSink<kafka::KafkaStep, kafka::KafkaState> steps(false);
        engine.apply(model, op, steps);
        const std::size_t firstRow = run->records.size();
        if (op.kind == KafkaOp::Kind::Produce) {
            addRecordRows(op, static_cast<int>(i), steps.steps, run->records);
        }
        if (op.kind == KafkaOp::Kind::Join &&
            std::find(runner.joinOrder.begin(), runner.joinOrder.end(),
                      std::pair(op.group, op.consumer)) == runner.joinOrder.end()) {
            runner.joinOrder.emplace_back(op.group, op.consumer);
        }
        KafkaMoment m;
        m.op = static_cast<int>(i);
        m.opText = opText(op);
        const auto t0 = std::chrono::steady_clock::now();
        if (Status s = runner.real(op, firstRow, &m.realText); !s) {
            return s;
        }
        m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (Status s = mock->side(&m.real); !s) {
            return s;
        }
        if (op.kind == KafkaOp::Kind::Join || op.kind == KafkaOp::Kind::Leave) {
            m.realText +=
                "After " + seconds(m.seconds) + ": " + assignmentText(m.real, op.group) + ".";
        } else if (op.kind == KafkaOp::Kind::FailBroker) {
            const std::string led = leadersText(m.real, op.broker);
            m.realText += led.empty() ? "The client's metadata shows no partition led by it."
                                      : "The client's metadata still names it the leader of " +
                                            led + ": the mock cluster elects no new leader.";
        } else if (op.kind == KafkaOp::Kind::RecoverBroker) {
            const std::string led = leadersText(m.real, op.broker);
            m.realText += led.empty() ? "The client's metadata shows no partition led by it."
                                      : "The client's metadata shows it leading " + led + ".";
        }
        m.model = modelSide(model, runner.joinOrder);
        m.modelText = modelText(steps.steps);
        run->moments.push_back(std::move(m));
        progress.part(momentPart(*run, run->moments.size() - 1, firstRow));
    }
    mock.reset();
    run->seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    compareKafka(scenario, *run);
    return Status::ok();
}

} // namespace

Status runKafkaLab(const KafkaScenario& scenario, KafkaLabRun* run, const Progress& progress) {
    // A stall of the mock cluster is met as a client meets a broker's trouble: the run is made
    // again, on a fresh cluster, up to kMockAttempts times; the settings say so.
    std::vector<std::string> retried;
    Status s;
    for (int attempt = 1; attempt <= kMockAttempts; ++attempt) {
        *run = {};
        s = runKafkaLabOnce(scenario, run, progress);
        if (s || !mockStalled(s) || attempt == kMockAttempts) {
            break;
        }
        retried.push_back("Run " + std::to_string(attempt) + " was made again: " + s.message() +
                          " (librdkafka's mock cluster stalls so now and then; a fresh one "
                          "was started).");
        if (progress) {
            progress("librdkafka's mock cluster stalled (" + s.message() +
                     "): running again on a fresh one...");
        }
    }
    if (s) {
        run->settings.insert(run->settings.end(), retried.begin(), retried.end());
    }
    return s;
}

} // namespace fg::lab
