// showMe(): the scenario a live diagram plays to show what an exercise asks about. The inputs
// are the exercise's `given`, so the diagram's narration of the last operation is the engine's
// own account of the answer.
#include "engines/kafka/kafka_cluster.h"
#include "engines/practice/practice_session.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace fg::practice {

namespace {

using json = nlohmann::json;

std::string title(const Exercise& e) {
    return "Practice, seed " + std::to_string(e.seed);
}

json op(const char* name) {
    return json{{"op", name}};
}

std::optional<ShowMe> btree(const Exercise& e) {
    json ops = json::array();
    for (const auto& k : e.given["keys"]) {
        ops.push_back(op("insert"));
        ops.back()["key"] = k;
    }
    const char* last = e.type == "insert" ? "insert" : e.type == "delete" ? "delete" : "search";
    const char* field = e.type == "insert" ? "insert" : e.type == "delete" ? "delete" : "find";
    if (!e.given.contains(field)) {
        return std::nullopt;
    }
    ops.push_back(op(last));
    ops.back()["key"] = e.given[field];
    return ShowMe{"btree",
                  {{"engine", "btree"},
                   {"title", title(e)},
                   {"params", {{"order", e.given["order"]}}},
                   {"ops", std::move(ops)}}};
}

// moved-or-ask: the slot's keys written, the migration (all its keys, or the first `moved` of
// them: the engine moves them in key order, as the exercise's did), the client's map as the
// exercise has it, then the GET.
std::optional<ShowMe> movedOrAsk(const Exercise& e) {
    const auto& g = e.given;
    const auto& m = g["migration"];
    json ops = json::array();
    for (const char* part : {"moved", "not_moved"}) {
        for (const auto& k : m[part]) {
            ops.push_back(op("route"));
            ops.back()["key"] = k;
            ops.back()["value"] = "v";
        }
    }
    json migrate = op("migrate");
    migrate["slot"] = m["slot"];
    migrate["to"] = m["to"];
    if (m["status"] == "migrating") {
        migrate["keys"] = m["moved"].size();
    }
    ops.push_back(std::move(migrate));
    // The scenario's client loaded its map before the migration, so it names the old owner for
    // the slot; the exercise's client may name another master.
    if (g["slot"] == m["slot"] && g["client_asks"] != m["from"]) {
        ops.push_back(op("client-map"));
        ops.back()["slot"] = m["slot"];
        ops.back()["node"] = g["client_asks"];
    }
    ops.push_back(op("route"));
    ops.back()["key"] = g["key"];
    return ShowMe{"hashslot",
                  {{"engine", "hashslot"},
                   {"title", title(e)},
                   {"params", {{"nodes", g["masters"].size()}}},
                   {"ops", std::move(ops)}}};
}

std::optional<ShowMe> hashslot(const Exercise& e) {
    if (e.type == "moved-or-ask") {
        return movedOrAsk(e);
    }
    if (e.type != "slot-of-key" && e.type != "owner-of-key") {
        return std::nullopt;
    }
    const json nodes = e.given.contains("masters") ? json(e.given["masters"]) : json(3);
    json route = op("route");
    route["key"] = e.given["key"];
    return ShowMe{"hashslot",
                  {{"engine", "hashslot"},
                   {"title", title(e)},
                   {"params", {{"nodes", nodes}}},
                   {"ops", json::array({route})}}};
}

// sticky-keyless: one topic on three brokers, one replica each (a broker down leaves its
// partitions without a leader), the exercise's draws given to the partitioner. Nullopt when the
// offline partitions are not those of one broker.
std::optional<json> stickyKeyless(const Exercise& e) {
    const auto& g = e.given;
    kafka::KafkaParams p;
    p.topics = {{"events", g["partitions"].get<int>()}};
    p.replication = 1;
    json ops = json::array();
    if (!g["offline"].empty()) {
        const kafka::KafkaState s = kafka::KafkaEngine(p).initialState();
        const int broker = s.partitions.at(g["offline"][0].get<std::size_t>()).leader;
        for (const auto& part : s.partitions) {
            const bool off = std::find(g["offline"].begin(), g["offline"].end(), part.partition) !=
                             g["offline"].end();
            if (off != (part.leader == broker)) {
                return std::nullopt;
            }
        }
        ops.push_back(op("fail-broker"));
        ops.back()["broker"] = broker;
    }
    json produce = op("produce");
    produce["topic"] = "events";
    produce["count"] = g["records"];
    ops.push_back(std::move(produce));
    return json{{"params",
                 {{"topics", {{"events", g["partitions"]}}},
                  {"brokers", p.brokers},
                  {"replication", 1},
                  {"partitioner", "sticky"},
                  {"batch_records", g["batch_records"]},
                  {"sticky_draws", g["draws"]}}},
                {"ops", std::move(ops)}};
}

// The members' joins, in an order that the engine's assignor turns into `before` (the sticky
// assignors remember the joins before; range and roundrobin do not), or nullopt.
std::optional<std::vector<std::string>> joinOrder(const Exercise& e, kafka::AssignorKind kind) {
    kafka::KafkaParams p;
    p.topics = e.given["topics"].get<std::map<std::string, int>>();
    p.assignor = kind;
    const kafka::KafkaEngine engine(p);
    std::vector<std::string> members;
    for (const auto& [member, parts] : e.given["before"].items()) {
        members.push_back(member);
    }
    std::sort(members.begin(), members.end());
    do {
        kafka::KafkaState s = engine.initialState();
        SilentSink<kafka::KafkaStep, kafka::KafkaState> silent;
        for (const auto& id : members) {
            engine.apply(s, kafka::KafkaOp::join("practice", id), silent);
        }
        json before = json::object();
        for (const auto& [member, parts] : s.groups.at("practice").assignment) {
            before[member] = json::array();
            for (const auto& tp : parts) {
                before[member].push_back(tp.name());
            }
        }
        if (before == json(e.given["before"])) {
            return members;
        }
    } while (std::next_permutation(members.begin(), members.end()));
    return std::nullopt;
}

// rebalance: the members join as they did, then the change, under the exercise's assignor.
std::optional<json> rebalance(const Exercise& e) {
    std::optional<kafka::AssignorKind> kind;
    for (const auto k : {kafka::AssignorKind::Range, kafka::AssignorKind::RoundRobin,
                         kafka::AssignorKind::Sticky, kafka::AssignorKind::CooperativeSticky}) {
        kind = kafka::assignorName(k) == e.given["assignor"] ? std::optional(k) : kind;
    }
    const auto order = kind ? joinOrder(e, *kind) : std::nullopt;
    if (!order) {
        return std::nullopt;
    }
    json ops = json::array();
    for (const auto& id : *order) {
        ops.push_back(op("join"));
        ops.back()["group"] = "practice";
        ops.back()["consumer"] = id;
    }
    const auto& change = e.given["change"];
    const bool joins = change.contains("joins");
    ops.push_back(op(joins ? "join" : "leave"));
    ops.back()["group"] = "practice";
    ops.back()["consumer"] = change[joins ? "joins" : "leaves"];
    return json{{"params", {{"topics", e.given["topics"]}, {"assignor", e.given["assignor"]}}},
                {"ops", std::move(ops)}};
}

std::optional<ShowMe> kafka(const Exercise& e) {
    json scenario = {{"engine", "kafka"}, {"title", title(e)}};
    if (e.type == "partition-of-key") {
        json produce = op("produce");
        produce["topic"] = "orders";
        produce["key"] = e.given["key"];
        // A keyed record goes by murmur2 whatever the keyless partitioner (left as the page's
        // default: "keyed" is not one of the page's choices, and its label then disagreed).
        scenario["params"] = {{"topics", {{"orders", e.given["partitions"]}}}};
        scenario["ops"] = json::array({produce});
    } else if (e.type == "assignment") {
        json ops = json::array();
        for (const auto& c : e.given["consumers"]) {
            ops.push_back(op("join"));
            ops.back()["group"] = "practice";
            ops.back()["consumer"] = c;
        }
        scenario["params"] = {{"topics", e.given["topics"]}, {"assignor", e.given["assignor"]}};
        scenario["ops"] = std::move(ops);
    } else if (const auto built = e.type == "sticky-keyless" ? stickyKeyless(e)
                                  : e.type == "rebalance"    ? rebalance(e)
                                                             : std::nullopt) {
        scenario["params"] = (*built)["params"];
        scenario["ops"] = (*built)["ops"];
    } else {
        return std::nullopt;
    }
    return ShowMe{"kafka", std::move(scenario)};
}

} // namespace

std::optional<ShowMe> showMe(const Exercise& e) {
    if (e.engine == "btree") {
        return btree(e);
    }
    if (e.engine == "hashslot") {
        return hashslot(e);
    }
    if (e.engine == "kafka") {
        return kafka(e);
    }
    return std::nullopt;
}

} // namespace fg::practice
