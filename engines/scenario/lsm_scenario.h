// The lsm engine at the JSON edge (docs/cli.md, engine `lsm`): params `memtable_entries`
// (default 4), `l0_trigger` (4), `level_ratio` (10), `bloom_bits_per_key` (10), `strategy`
// (leveled or tiered; leveled). Ops: `put` (`key`, `value`), `delete` (`key`), `get` (`key`),
// `flush`, `compact`, and `put-random` (`count`, `seed`, optional `min`, `max`: whole-number keys).
// Keys may be given as text or whole numbers.
#pragma once

#include "engines/core/status.h"
#include "engines/lsm/lsm_tree.h"

#include <cstdint>
#include <nlohmann/json_fwd.hpp>

namespace fg {

struct LsmScenario {
    lsm::LsmParams params;
    std::vector<lsm::LsmOp> ops;
    bool narrate = true;
    std::int64_t work = 0; // keys, records or ops it asks for in all (WorkBudget)
};

Status parseLsmScenario(const nlohmann::json& scenario, LsmScenario& out);
Status runLsmScenario(const nlohmann::json& scenario, nlohmann::json& result);

nlohmann::json lsmStepJson(const lsm::LsmStep& step);
nlohmann::json lsmStateJson(const lsm::LsmState& state);
nlohmann::json lsmStatsJson(const lsm::LsmState& state);

// The scenario as the contract's JSON again (what the app saves): reading it back gives the same
// ops, so the same run.
nlohmann::json writeLsmScenario(const LsmScenario& s);

} // namespace fg
