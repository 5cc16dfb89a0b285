// The LSM lab (issue 17): an LSM scenario's operations through a real RocksDB (RocksLab) and
// through the model (engines/lsm) in step, with both trees kept at every moment one of them
// flushed or compacted, every get's path in each, and the comparison at the end.
#pragma once

#include "engines/core/status.h"
#include "engines/scenario/lsm_scenario.h"
#include "lab/rocks_data.h"

#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <string>

namespace fg::lab {

// The most operations a lab run takes, and the most flushes they may ask for: each flush waits
// for RocksDB to write a file and settle, a few milliseconds (20 ms more in universal compaction,
// when RocksDB declines to compact: lsm_lab.cpp), so 500 flushes take 3 to 12 s.
inline constexpr std::int64_t kMaxLsmLabOps = 10'000;
inline constexpr std::int64_t kMaxLsmLabFlushes = 500;
// The most moments a run keeps (each holds both trees): the rest are counted, not kept.
inline constexpr std::size_t kMaxLsmLabMoments = 1'000;

// Refuses, before anything runs, a scenario over the budgets above (a sentence naming the limit).
Status checkLsmLabBudget(const LsmScenario& scenario);

// Reads a scenario for the lab: of the engine "lsm" (else an error at /engine), valid as
// `fieldguide run` takes it, and within the lab's budgets (whether the scenario is narrated or
// not: the lab's own limits are the ones it names).
Status parseLsmLabScenario(const nlohmann::json& json, LsmScenario* out);

// Runs `scenario` through RocksDB (in a lab folder of its own, removed at the end) and the model;
// `progress` (when given) hears a sentence now and then. REQUIRES: checkLsmLabBudget passed.
Status runLsmLab(const LsmScenario& scenario, LsmLabRun* run,
                 const std::function<void(const std::string&)>& progress = {});

} // namespace fg::lab
