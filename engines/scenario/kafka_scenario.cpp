#include "engines/scenario/kafka_scenario.h"

#include "engines/scenario/run_timeline.h"
#include "engines/scenario/scenario_reader.h"

#include <nlohmann/json.hpp>

namespace fg {

using json = nlohmann::json;
using R = ScenarioReader;
using KafkaKind = kafka::KafkaOp::Kind;

namespace {

Status readChoice(const json& obj, const std::string& path, const char* key,
                  const std::vector<std::string>& names, int fallback, int& out) {
    const auto it = obj.find(key);
    if (it == obj.end()) {
        out = fallback;
        return Status::ok();
    }
    std::string all;
    for (const auto& n : names) {
        all += (all.empty() ? "" : ", ") + n;
    }
    if (it->is_string()) {
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (it->get<std::string>() == names[i]) {
                out = static_cast<int>(i);
                return Status::ok();
            }
        }
    }
    return Status::error(path + "/" + key, "expected one of: " + all);
}

// "sticky_draws": the sticky partitioner's first picks, each a position among its candidates.
Status readStickyDraws(const json& params, std::vector<int>& out) {
    const auto it = params.find("sticky_draws");
    if (it == params.end()) {
        return Status::ok();
    }
    if (!it->is_array() || it->size() > 100'000) {
        return Status::error("/params/sticky_draws",
                             "expected a list of at most 100,000 draws, like [2, 0, 1]");
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
        const json& d = (*it)[i];
        if (!d.is_number_integer() || d.get<std::int64_t>() < 0 || d.get<std::int64_t>() > 999) {
            return Status::error("/params/sticky_draws/" + std::to_string(i),
                                 "expected a whole number from 0 to 999: the position of the "
                                 "partition picked among the candidates");
        }
        out.push_back(d.get<int>());
    }
    return Status::ok();
}

} // namespace

namespace {

// One op of a Kafka scenario: its fields, checked against the topics and brokers of params p.
Status readKafkaOp(const json& o, const std::string& path, const std::string& name,
                   const kafka::KafkaParams& p, kafka::KafkaOp& op) {
    std::int64_t v = 0;
    if (name == "produce") {
        op.kind = KafkaKind::Produce;
        if (Status s = R::requiredString(o, path, "topic", op.topic); !s) {
            return s;
        }
        if (!p.topics.count(op.topic)) {
            return Status::error(path + "/topic",
                                 "no topic \"" + op.topic + "\" in /params/topics");
        }
        if (Status s = R::optionalString(o, path, "key", op.key); !s) {
            return s;
        }
        std::optional<std::string> value;
        if (Status s = R::optionalString(o, path, "value", value); !s) {
            return s;
        }
        op.value = value.value_or("record");
        if (Status s = R::integer(o, path, "count", 1, 10'000'000, 1, v); !s) {
            return s;
        }
        op.count = static_cast<int>(v);
    } else if (name == "join" || name == "leave") {
        op.kind = name == "join" ? KafkaKind::Join : KafkaKind::Leave;
        if (Status s = R::requiredName(o, path, "group", op.group); !s) {
            return s;
        }
        if (Status s = R::requiredName(o, path, "consumer", op.consumer); !s) {
            return s;
        }
        if (o.contains("topics")) {
            if (!o["topics"].is_array()) {
                return Status::error(path + "/topics", "expected a list of topic names");
            }
            for (std::size_t t = 0; t < o["topics"].size(); ++t) {
                const json& name2 = o["topics"][t];
                if (!name2.is_string() || !p.topics.count(name2.get<std::string>())) {
                    return Status::error(path + "/topics/" + std::to_string(t),
                                         "expected a topic named in /params/topics");
                }
                op.topics.push_back(name2.get<std::string>());
            }
        }
    } else if (name == "fail-broker" || name == "recover-broker") {
        op.kind = name == "fail-broker" ? KafkaKind::FailBroker : KafkaKind::RecoverBroker;
        if (Status s = R::requiredInteger(o, path, "broker", 0, p.brokers - 1, v); !s) {
            return s;
        }
        op.broker = static_cast<int>(v);
    } else if (name == "consume") {
        op.kind = KafkaKind::Consume;
        if (Status s = R::requiredName(o, path, "group", op.group); !s) {
            return s;
        }
        std::optional<std::string> consumer;
        if (Status s = R::optionalString(o, path, "consumer", consumer); !s) {
            return s;
        }
        op.consumer = consumer.value_or("");
        if (Status s = R::integer(o, path, "max", 0, INT32_MAX, -1, v); !s) {
            return s;
        }
        op.max = static_cast<int>(v);
    } else {
        return Status::error(path + "/op", "unknown op \"" + name +
                                               "\": expected produce, join, leave, "
                                               "fail-broker, recover-broker or consume");
    }
    return Status::ok();
}

} // namespace

Status parseKafkaScenario(const json& scenario, KafkaScenario& out) {
    json params;
    if (Status s = R::params(scenario, params); !s) {
        return s;
    }
    if (Status s = R::scenarioKeys(scenario); !s) {
        return s;
    }
    if (Status s = R::knownKeys(params, "/params",
                                {"topics", "brokers", "replication", "partitioner", "assignor",
                                 "batch_records", "seed", "sticky_draws"});
        !s) {
        return s;
    }
    auto& p = out.params;
    if (params.contains("topics")) {
        const json& t = params["topics"];
        if (!t.is_object() || t.empty()) {
            return Status::error("/params/topics", "expected topics and their partition counts, "
                                                   "like { \"orders\": 3 }");
        }
        p.topics.clear();
        for (auto it = t.begin(); it != t.end(); ++it) {
            if (!it.value().is_number_integer() || it.value().get<std::int64_t>() < 1 ||
                it.value().get<std::int64_t>() > 1000) {
                return Status::error("/params/topics/" + it.key(),
                                     "expected a number of partitions from 1 to 1000");
            }
            p.topics[it.key()] = it.value().get<int>();
        }
    }
    std::int64_t v = 0;
    if (Status s = R::integer(params, "/params", "brokers", 1, 50, 3, v); !s) {
        return s;
    }
    p.brokers = static_cast<int>(v);
    if (Status s =
            R::integer(params, "/params", "replication", 1, p.brokers, std::min(2, p.brokers), v);
        !s) {
        return s;
    }
    p.replication = static_cast<int>(v);
    if (Status s = R::integer(params, "/params", "batch_records", 1, 1'000'000, 4, v); !s) {
        return s;
    }
    p.batchRecords = static_cast<int>(v);
    if (Status s = R::integer(params, "/params", "seed", 0, INT64_MAX, 1, v); !s) {
        return s;
    }
    p.seed = static_cast<std::uint64_t>(v);
    if (Status s = readStickyDraws(params, p.stickyDraws); !s) {
        return s;
    }
    int choice = 0;
    if (Status s = readChoice(params, "/params", "partitioner", {"keyed", "round-robin", "sticky"},
                              2, choice);
        !s) {
        return s;
    }
    p.partitioner = static_cast<kafka::Partitioner>(choice);
    if (Status s = readChoice(params, "/params", "assignor",
                              {"range", "roundrobin", "sticky", "cooperative-sticky"}, 0, choice);
        !s) {
        return s;
    }
    p.assignor = static_cast<kafka::AssignorKind>(choice);
    if (Status s = R::narrate(scenario, out.narrate); !s) {
        return s;
    }
    WorkBudget budget(out.narrate);
    const Status read =
        R::readOps(scenario, budget, out.ops,
                   [&](const json& o, const std::string& path, const std::string& name,
                       kafka::KafkaOp& op) { return readKafkaOp(o, path, name, p, op); });
    if (!read) {
        return read;
    }
    out.work = budget.total();
    return budget.finish();
}

namespace {

json assignmentJson(const kafka::Assignment& a) {
    json j = json::object();
    for (const auto& [member, tps] : a) {
        json l = json::array();
        for (const auto& tp : tps) {
            l.push_back(tp.name());
        }
        j[member] = l;
    }
    return j;
}

} // namespace

json kafkaStepJson(const kafka::KafkaStep& st) {
    json j = {{"kind", std::string(kafka::kindName(st.kind))}, {"text", st.text}};
    if (!st.topic.empty()) {
        j["topic"] = st.topic;
    }
    if (st.partition >= 0) {
        j["partition"] = st.partition;
    }
    if (st.offset >= 0) {
        j["offset"] = st.offset;
    }
    if (st.key) {
        j["key"] = *st.key;
        j["murmur2"] = st.hash;
    }
    if (st.broker >= 0 || st.kind == kafka::StepKind::kLeaderElection ||
        st.kind == kafka::StepKind::kFailBroker || st.kind == kafka::StepKind::kRecoverBroker) {
        j["broker"] = st.broker;
    }
    if (!st.group.empty()) {
        j["group"] = st.group;
    }
    if (!st.consumer.empty()) {
        j["consumer"] = st.consumer;
    }
    if (kafka::isRebalance(st.kind)) {
        j["assignment"] = assignmentJson(st.assignment);
        j["moved"] = st.count;
    }
    if (st.kind == kafka::StepKind::kConsume) {
        j["records"] = st.count;
    }
    return j;
}

json kafkaStateJson(const kafka::KafkaState& s, bool withLogs) {
    json parts = json::object();
    for (const auto& p : s.partitions) {
        json log = json::array();
        if (withLogs) {
            for (const auto& r : p.log) {
                json rec = {{"offset", r.offset}, {"value", r.value}};
                rec["key"] = r.key ? json(*r.key) : json(nullptr);
                log.push_back(rec);
            }
        }
        json pj = {{"leader", p.leader},
                   {"replicas", p.replicas},
                   {"isr", p.isr},
                   {"log_end_offset", p.log.size()}};
        if (withLogs) {
            pj["log"] = log;
        }
        parts[p.topic + "-" + std::to_string(p.partition)] = pj;
    }
    json groups = json::object();
    for (const auto& [name, g] : s.groups) {
        json members = json::array();
        for (const auto& m : g.members) {
            members.push_back(m.id);
        }
        json lag = json::object();
        json committed = json::object();
        for (const auto& p : s.partitions) {
            const std::string tp = p.topic + "-" + std::to_string(p.partition);
            lag[tp] = s.lag(name, p);
            const auto c = g.committed.find(tp);
            committed[tp] = c == g.committed.end() ? 0 : c->second;
        }
        groups[name] = {{"members", members},
                        {"generation", g.generation},
                        {"assignment", assignmentJson(g.assignment)},
                        {"committed", committed},
                        {"lag", lag}};
    }
    json brokers = json::array();
    for (std::size_t b = 0; b < s.brokerAlive.size(); ++b) {
        brokers.push_back({{"id", b}, {"alive", static_cast<bool>(s.brokerAlive[b])}});
    }
    return {{"brokers", brokers}, {"partitions", parts}, {"groups", groups}};
}

json kafkaStatsJson(const kafka::KafkaState& s) {
    return {{"produced", s.stats.produced},
            {"consumed", s.stats.consumed},
            {"rejected", s.stats.rejected},
            {"rebalances", s.stats.rebalances},
            {"partitions_moved", s.stats.partitionsMoved},
            {"leader_elections", s.stats.elections}};
}

Status runKafkaScenario(const json& scenario, json& result) {
    KafkaScenario sc;
    if (Status s = parseKafkaScenario(scenario, sc); !s) {
        return s;
    }
    const kafka::KafkaEngine engine(sc.params);
    json out = {{"engine", "kafka"}};
    const kafka::KafkaState fin =
        runTimeline(engine, engine.initialState(), sc.ops, sc.narrate, kafkaStepJson, out);
    std::size_t records = 0;
    for (const auto& p : fin.partitions) {
        records += p.log.size();
    }
    out["state"] = kafkaStateJson(fin, sc.narrate || records <= 1000);
    out["stats"] = kafkaStatsJson(fin);
    result = std::move(out);
    return Status::ok();
}

json writeKafkaScenario(const KafkaScenario& s) {
    const auto& p = s.params;
    json topics = json::object();
    for (const auto& [t, n] : p.topics) {
        topics[t] = n;
    }
    json params = {{"topics", topics},
                   {"brokers", p.brokers},
                   {"replication", p.replication},
                   {"partitioner", kafka::partitionerName(p.partitioner)},
                   {"assignor", kafka::assignorName(p.assignor)},
                   {"batch_records", p.batchRecords},
                   {"seed", p.seed}};
    if (!p.stickyDraws.empty()) {
        params["sticky_draws"] = p.stickyDraws;
    }
    json ops = json::array();
    using K = kafka::KafkaOp::Kind;
    for (const auto& op : s.ops) {
        switch (op.kind) {
        case K::Produce: {
            json o = {
                {"op", "produce"}, {"topic", op.topic}, {"value", op.value}, {"count", op.count}};
            if (op.key) {
                o["key"] = *op.key;
            }
            ops.push_back(o);
            break;
        }
        case K::Join:
        case K::Leave: {
            json o = {{"op", op.kind == K::Join ? "join" : "leave"},
                      {"group", op.group},
                      {"consumer", op.consumer}};
            if (!op.topics.empty()) {
                o["topics"] = op.topics;
            }
            ops.push_back(o);
            break;
        }
        case K::FailBroker:
        case K::RecoverBroker:
            ops.push_back({{"op", op.kind == K::FailBroker ? "fail-broker" : "recover-broker"},
                           {"broker", op.broker}});
            break;
        case K::Consume: {
            json o = {{"op", "consume"}, {"group", op.group}};
            if (!op.consumer.empty()) {
                o["consumer"] = op.consumer;
            }
            if (op.max >= 0) {
                o["max"] = op.max;
            }
            ops.push_back(o);
            break;
        }
        }
    }
    return writeScenarioDocument("kafka", params, ops, s.narrate);
}

} // namespace fg
