// The hashslot engine at the JSON edge (docs/cli.md, engine `hashslot`): params `nodes`
// (masters, 1..1000, default 3) and `replicas` (per master, 0..5, default 0); ops `route` (`key`,
// optional `value`), `add-node`, `remove-node` (`node`), `migrate` (`slot`, `to`, optional `keys`:
// how many keys to move now, leaving the slot MIGRATING), `fail-node` (`node`), `client-map`
// (`slot`, `node`: the client's map names that node for the slot).
#pragma once

#include "engines/core/status.h"
#include "engines/redis/cluster.h"

#include <cstdint>
#include <nlohmann/json_fwd.hpp>

namespace fg {

struct HashslotScenario {
    int masters = 3;
    int replicas = 0;
    std::vector<redis::ClusterOp> ops;
    bool narrate = true;
    std::int64_t work = 0; // keys, records or ops it asks for in all (WorkBudget)
};

Status parseHashslotScenario(const nlohmann::json& scenario, HashslotScenario& out);
Status runHashslotScenario(const nlohmann::json& scenario, nlohmann::json& result);

nlohmann::json hashslotStepJson(const redis::ClusterStep& step);
nlohmann::json hashslotStateJson(const redis::ClusterState& state);
nlohmann::json hashslotStatsJson(const redis::ClusterState& state);

// The scenario as the contract's JSON again (what the app saves): reading it back gives the same
// ops, so the same run.
nlohmann::json writeHashslotScenario(const HashslotScenario& s);

} // namespace fg
