#include "lab/lsm_service.h"

#include "engines/scenario/lsm_scenario.h"
#include "lab/lsm_lab.h"

#include <nlohmann/json.hpp>

namespace fg::lab {

Status LsmService::handle(std::string_view op, const nlohmann::json& args, nlohmann::json* result,
                          const Progress& progress) {
    if (op != "run") {
        return Status::error(std::string("lsm.") + std::string(op),
                             "the RocksDB lab knows lsm.run and lsm.stop");
    }
    const auto scenario = args.is_object() ? args.find("scenario") : args.end();
    LsmScenario parsed;
    if (Status s =
            parseLsmLabScenario(scenario == args.end() ? nlohmann::json() : *scenario, &parsed);
        !s) {
        return s;
    }
    if (progress) {
        progress("Running " + std::to_string(parsed.ops.size()) +
                 " operations through RocksDB and the model...");
    }
    LsmLabRun run;
    if (Status s = runLsmLab(parsed, &run, progress); !s) {
        return s;
    }
    *result = toJson(run);
    return Status::ok();
}

} // namespace fg::lab
