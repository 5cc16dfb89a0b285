// showMe(): the scenario a live diagram plays to show what an exercise asks about. The inputs
// are the exercise's `given`, so the diagram's narration of the last operation is the engine's
// own account of the answer.
#include "engines/practice/practice_session.h"

#include <nlohmann/json.hpp>

namespace fg::practice {

namespace {

using json = nlohmann::json;

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
                   {"title", "Practice, seed " + std::to_string(e.seed)},
                   {"params", {{"order", e.given["order"]}}},
                   {"ops", std::move(ops)}}};
}

std::optional<ShowMe> hashslot(const Exercise& e) {
    if (e.type != "slot-of-key" && e.type != "owner-of-key") {
        return std::nullopt;
    }
    const json nodes = e.given.contains("masters") ? json(e.given["masters"]) : json(3);
    json route = op("route");
    route["key"] = e.given["key"];
    return ShowMe{"hashslot",
                  {{"engine", "hashslot"},
                   {"title", "Practice, seed " + std::to_string(e.seed)},
                   {"params", {{"nodes", nodes}}},
                   {"ops", json::array({route})}}};
}

std::optional<ShowMe> kafka(const Exercise& e) {
    json scenario = {{"engine", "kafka"}, {"title", "Practice, seed " + std::to_string(e.seed)}};
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
