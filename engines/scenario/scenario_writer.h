// Writing scenarios back as the contract's JSON (docs/cli.md, "Scenarios"), so the app can
// save what a student built and a teacher can hand it on. Reading what is written gives the same
// scenario: the same ops, so the same run (tests check both).
#pragma once

#include "engines/scenario/btree_scenario.h"
#include "engines/scenario/downsample_scenario.h"
#include "engines/scenario/hashslot_scenario.h"
#include "engines/scenario/kafka_scenario.h"
#include "engines/scenario/lsm_scenario.h"

#include <nlohmann/json_fwd.hpp>

namespace fg {

nlohmann::json writeBtreeScenario(const BtreeScenario& s);
nlohmann::json writeLsmScenario(const LsmScenario& s);
nlohmann::json writeHashslotScenario(const HashslotScenario& s);
nlohmann::json writeKafkaScenario(const KafkaScenario& s);
nlohmann::json writeDownsampleScenario(const DownsampleScenario& s);

} // namespace fg
