#include "engines/scenario/hashslot_scenario.h"

#include "engines/redis/key_slot.h"
#include "engines/scenario/run_timeline.h"
#include "engines/scenario/scenario_reader.h"

#include <nlohmann/json.hpp>

namespace fg {

using json = nlohmann::json;
using R = ScenarioReader;
using ClusterKind = redis::ClusterOp::Kind;

namespace {

// One op of a Redis Cluster scenario: its fields, checked; add-node hands out an id (nodeIds).
Status readClusterOp(const json& o, const std::string& path, const std::string& name,
                     std::int64_t& nodeIds, redis::ClusterOp& op) {
    if (name == "route") {
        op.kind = ClusterKind::Route;
        if (Status s = R::requiredString(o, path, "key", op.key); !s) {
            return s;
        }
        if (Status s = R::optionalString(o, path, "value", op.value); !s) {
            return s;
        }
    } else if (name == "add-node") {
        op.kind = ClusterKind::AddNode;
        ++nodeIds;
    } else if (name == "remove-node" || name == "fail-node") {
        op.kind = name == "remove-node" ? ClusterKind::RemoveNode : ClusterKind::FailNode;
        std::int64_t node = 0;
        if (Status s = R::requiredInteger(o, path, "node", 0, nodeIds - 1, node); !s) {
            return s;
        }
        op.node = static_cast<int>(node);
    } else if (name == "migrate") {
        op.kind = ClusterKind::Migrate;
        std::int64_t slot = 0, to = 0, keys = -1;
        if (Status s = R::requiredInteger(o, path, "slot", 0, redis::kSlots - 1, slot); !s) {
            return s;
        }
        if (Status s = R::requiredInteger(o, path, "to", 0, nodeIds - 1, to); !s) {
            return s;
        }
        if (Status s = R::integer(o, path, "keys", 0, 1'000'000'000, -1, keys); !s) {
            return s;
        }
        op.slot = static_cast<int>(slot);
        op.to = static_cast<int>(to);
        op.batch = static_cast<int>(keys);
    } else if (name == "client-map") {
        op.kind = ClusterKind::ClientMap;
        std::int64_t slot = 0, node = 0;
        if (Status s = R::requiredInteger(o, path, "slot", 0, redis::kSlots - 1, slot); !s) {
            return s;
        }
        if (Status s = R::requiredInteger(o, path, "node", 0, nodeIds - 1, node); !s) {
            return s;
        }
        op.slot = static_cast<int>(slot);
        op.node = static_cast<int>(node);
    } else {
        return Status::error(path + "/op", "unknown op \"" + name +
                                               "\": expected route, add-node, remove-node, "
                                               "migrate, fail-node or client-map");
    }
    return Status::ok();
}

} // namespace

Status parseHashslotScenario(const json& scenario, HashslotScenario& out) {
    json params;
    if (Status s = R::params(scenario, params); !s) {
        return s;
    }
    if (Status s = R::scenarioKeys(scenario); !s) {
        return s;
    }
    if (Status s = R::knownKeys(params, "/params", {"nodes", "replicas"}); !s) {
        return s;
    }
    std::int64_t masters = 0, replicas = 0;
    if (Status s = R::integer(params, "/params", "nodes", 1, 1000, 3, masters); !s) {
        return s;
    }
    if (Status s = R::integer(params, "/params", "replicas", 0, 5, 0, replicas); !s) {
        return s;
    }
    out.masters = static_cast<int>(masters);
    out.replicas = static_cast<int>(replicas);
    if (Status s = R::narrate(scenario, out.narrate); !s) {
        return s;
    }
    std::int64_t nodeIds = masters * (1 + replicas); // ids handed out so far
    WorkBudget budget(out.narrate);
    const Status read =
        R::readOps(scenario, budget, out.ops,
                   [&](const json& o, const std::string& path, const std::string& name,
                       redis::ClusterOp& op) { return readClusterOp(o, path, name, nodeIds, op); });
    if (!read) {
        return read;
    }
    out.work = budget.total();
    return budget.finish();
}

json hashslotStepJson(const redis::ClusterStep& st) {
    json j = {{"kind", std::string(redis::kindName(st.kind))}, {"text", st.text}};
    if (!st.key.empty() || st.kind == redis::StepKind::kRoute ||
        st.kind == redis::StepKind::kClusterDown) {
        j["key"] = st.key;
        j["slot"] = st.slot;
        j["crc16"] = st.crc16;
        j["node"] = st.node;
        j["first"] = st.first;
        if (st.redirect != redis::Redirect::kNone) {
            j["redirect"] = std::string(redis::redirectName(st.redirect));
        }
        if (!st.hashTag.empty()) {
            j["hash_tag"] = st.hashTag;
        }
        if (!st.replies.empty()) {
            json replies = json::array();
            for (const auto& r : st.replies) {
                replies.push_back({{"node", r.node},
                                   {"reply", std::string(redis::redirectName(r.redirect))},
                                   {"to", r.to}});
            }
            j["replies"] = std::move(replies);
        }
        return j;
    }
    if (st.slot >= 0) {
        j["slot"] = st.slot;
    }
    if (st.node >= 0) {
        j["node"] = st.node;
    }
    if (st.from >= 0) {
        j["from"] = st.from;
    }
    if (st.to >= 0) {
        j["to"] = st.to;
    }
    if (!st.ranges.empty()) {
        json r = json::array();
        for (const auto& [a, b] : st.ranges) {
            r.push_back({a, b});
        }
        j["slots"] = r;
    }
    if (redis::isMigration(st.kind)) {
        j["keys_moved"] = st.keysMoved;
    }
    return j;
}

json hashslotStateJson(const redis::ClusterState& s) {
    json nodes = json::array();
    for (const auto& n : s.nodes) {
        json ranges = json::array();
        int count = 0;
        for (int sl = 0; sl < redis::kSlots; ++sl) {
            if (s.owner[static_cast<std::size_t>(sl)] != n.id) {
                continue;
            }
            ++count;
            if (!ranges.empty() && ranges.back()[1].get<int>() + 1 == sl) {
                ranges.back()[1] = sl;
            } else {
                ranges.push_back({sl, sl});
            }
        }
        json node = {{"id", n.id},
                     {"role", n.replicaOf < 0 ? "master" : "replica"},
                     {"alive", n.alive},
                     {"removed", n.removed},
                     {"slots", ranges},
                     {"slot_count", count},
                     {"keys", s.keysOn(n.id)}};
        if (n.replicaOf >= 0) {
            node["replica_of"] = n.replicaOf;
        }
        nodes.push_back(node);
    }
    int stale = 0;
    for (int sl = 0; sl < redis::kSlots; ++sl) {
        stale +=
            s.clientOwner[static_cast<std::size_t>(sl)] != s.owner[static_cast<std::size_t>(sl)];
    }
    json j = {{"nodes", nodes}, {"client_stale_slots", stale}};
    j["migration"] = s.migration ? json{{"slot", s.migration->slot},
                                        {"from", s.migration->from},
                                        {"to", s.migration->to}}
                                 : json(nullptr);
    return j;
}

json hashslotStatsJson(const redis::ClusterState& s) {
    json perNode = json::object();
    for (const auto& n : s.nodes) {
        if (!n.removed) {
            perNode[std::to_string(n.id)] = s.keysOn(n.id);
        }
    }
    return {{"routes", s.stats.routes},
            {"moved", s.stats.moved},
            {"ask", s.stats.ask},
            {"clusterdown", s.stats.clusterDown},
            {"keys", s.keyNode.size()},
            {"keys_per_node", perNode},
            {"keys_migrated", s.stats.keysMigrated},
            {"slots_migrated", s.stats.slotsMigrated},
            {"failovers", s.stats.failovers}};
}

Status runHashslotScenario(const json& scenario, json& result) {
    HashslotScenario sc;
    if (Status s = parseHashslotScenario(scenario, sc); !s) {
        return s;
    }
    const redis::ClusterEngine engine(sc.masters, sc.replicas);
    json out = {{"engine", "hashslot"}};
    const redis::ClusterState fin =
        runTimeline(engine, engine.initialState(), sc.ops, sc.narrate, hashslotStepJson, out);
    out["state"] = hashslotStateJson(fin);
    out["stats"] = hashslotStatsJson(fin);
    result = std::move(out);
    return Status::ok();
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
        case K::ClientMap:
            ops.push_back({{"op", "client-map"}, {"slot", op.slot}, {"node", op.node}});
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
    return writeScenarioDocument("hashslot", {{"nodes", s.masters}, {"replicas", s.replicas}}, ops,
                                 s.narrate);
}

} // namespace fg
