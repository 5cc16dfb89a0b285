// The downsample engine at the JSON edge (docs/cli.md, engine `downsample`): params `tiers`
// ([{ "name", "resolution_s", "retention_s", "block_s" }, ...], the first raw at 1 s; default:
// raw kept 2 hours in 30-minute blocks, 1m kept 1 day in 6-hour blocks, 1h kept 30 days in 7-day
// blocks); ops `ingest` (`points`: [[timestamp_ms, value], ...], or `generate`: { "from", "to"
// (ms), "every_s", "seed", "shape": sine | random-walk | constant }), `advance` (`by_s`, or `to`
// in ms), `query` (`from`, `to` in ms, optional `agg`).
#pragma once

#include "engines/core/status.h"
#include "engines/timeseries/tiered_store.h"

#include <cstdint>
#include <nlohmann/json_fwd.hpp>

namespace fg {

struct DownsampleScenario {
    std::vector<timeseries::Tier> tiers;
    std::vector<timeseries::TieredOp> ops;
    bool narrate = true;
    std::int64_t work = 0; // keys, records or ops it asks for in all (WorkBudget)
};

Status parseDownsampleScenario(const nlohmann::json& scenario, DownsampleScenario& out);
Status runDownsampleScenario(const nlohmann::json& scenario, nlohmann::json& result);

nlohmann::json downsampleStepJson(const timeseries::TieredStep& step);
nlohmann::json downsampleStateJson(const timeseries::TieredStore& store,
                                   const timeseries::TieredState& state);

// The scenario as the contract's JSON again (what the app saves): reading it back gives the same
// ops, so the same run.
nlohmann::json writeDownsampleScenario(const DownsampleScenario& s);

} // namespace fg
