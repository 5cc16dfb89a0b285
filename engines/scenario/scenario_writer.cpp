#include "engines/scenario/scenario_writer.h"

#include <nlohmann/json.hpp>

namespace fg {

using json = nlohmann::json;

namespace {

json frame(const char* engine, json params, json ops, bool narrate) {
    json j = {{"engine", engine}, {"params", std::move(params)}, {"ops", std::move(ops)}};
    if (!narrate) {
        j["narrate"] = false;
    }
    return j;
}

} // namespace

json writeBtreeScenario(const BtreeScenario& s) {
    json params = s.params.preemptive()
                      ? json{{"min_degree", s.params.minDegree()}, {"split", "preemptive"}}
                      : json{{"order", s.params.order}};
    json ops = json::array();
    using K = btree::OpKind;
    for (const auto& op : s.ops) {
        switch (op.kind) {
        case K::kInsert:
            ops.push_back({{"op", "insert"}, {"key", op.key}});
            break;
        case K::kSearch:
            ops.push_back({{"op", "search"}, {"key", op.key}});
            break;
        case K::kRemove:
            ops.push_back({{"op", "delete"}, {"key", op.key}});
            break;
        case K::kRange:
            ops.push_back({{"op", "range"}, {"from", op.from}, {"to", op.to}});
            break;
        case K::kInsertRandom:
            ops.push_back({{"op", "insert-random"},
                           {"count", op.count},
                           {"seed", op.seed},
                           {"min", op.min},
                           {"max", op.max}});
            break;
        }
    }
    return frame("btree", params, ops, s.narrate);
}

json writeLsmScenario(const LsmScenario& s) {
    const auto& p = s.params;
    json params = {{"memtable_entries", p.memtableEntries},
                   {"l0_trigger", p.l0Trigger},
                   {"level_ratio", p.levelRatio},
                   {"bloom_bits_per_key", p.bloomBitsPerKey},
                   {"strategy", p.tiered ? "tiered" : "leveled"}};
    json ops = json::array();
    using K = lsm::LsmOp::Kind;
    for (const auto& op : s.ops) {
        switch (op.kind) {
        case K::Put:
            ops.push_back({{"op", "put"}, {"key", op.key}, {"value", op.value}});
            break;
        case K::Delete:
            ops.push_back({{"op", "delete"}, {"key", op.key}});
            break;
        case K::Get:
            ops.push_back({{"op", "get"}, {"key", op.key}});
            break;
        case K::Flush:
            ops.push_back({{"op", "flush"}});
            break;
        case K::Compact:
            ops.push_back({{"op", "compact"}});
            break;
        }
    }
    return frame("lsm", params, ops, s.narrate);
}

json writeHashslotScenario(const HashslotScenario& s) {
    json ops = json::array();
    using K = redis::ClusterOp::Kind;
    for (const auto& op : s.ops) {
        switch (op.kind) {
        case K::Route: {
            json o = {{"op", "route"}, {"key", op.key}};
            if (op.value) {
                o["value"] = *op.value;
            }
            ops.push_back(o);
            break;
        }
        case K::AddNode:
            ops.push_back({{"op", "add-node"}});
            break;
        case K::RemoveNode:
            ops.push_back({{"op", "remove-node"}, {"node", op.node}});
            break;
        case K::FailNode:
            ops.push_back({{"op", "fail-node"}, {"node", op.node}});
            break;
        case K::Migrate: {
            json o = {{"op", "migrate"}, {"slot", op.slot}, {"to", op.to}};
            if (op.batch >= 0) {
                o["keys"] = op.batch;
            }
            ops.push_back(o);
            break;
        }
        }
    }
    return frame("hashslot", {{"nodes", s.masters}, {"replicas", s.replicas}}, ops, s.narrate);
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
            ops.push_back({{"op", "fail-broker"}, {"broker", op.broker}});
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
    return frame("kafka", params, ops, s.narrate);
}

json writeDownsampleScenario(const DownsampleScenario& s) {
    json tiers = json::array();
    for (const auto& t : s.tiers) {
        tiers.push_back({{"name", t.name},
                         {"resolution_s", t.resolutionMs / 1000},
                         {"retention_s", t.retentionMs / 1000},
                         {"block_s", t.blockMs / 1000}});
    }
    json ops = json::array();
    using K = timeseries::TieredOp::Kind;
    for (const auto& op : s.ops) {
        switch (op.kind) {
        case K::Ingest:
            if (op.generate) {
                const auto& g = *op.generate;
                ops.push_back({{"op", "ingest"},
                               {"generate",
                                {{"from", g.from},
                                 {"to", g.to},
                                 {"every_s", g.everyMs / 1000},
                                 {"seed", g.seed},
                                 {"shape", g.shape}}}});
            } else {
                json pts = json::array();
                for (const auto& p : op.points) {
                    pts.push_back({p.t, p.v});
                }
                ops.push_back({{"op", "ingest"}, {"points", pts}});
            }
            break;
        case K::Advance:
            ops.push_back(op.toMs ? json{{"op", "advance"}, {"to", *op.toMs}}
                                  : json{{"op", "advance"}, {"by_s", op.byMs / 1000}});
            break;
        case K::Query:
            ops.push_back({{"op", "query"},
                           {"from", op.from},
                           {"to", op.to},
                           {"agg", timeseries::aggName(op.agg)}});
            break;
        }
    }
    return frame("downsample", {{"tiers", tiers}}, ops, s.narrate);
}

} // namespace fg
