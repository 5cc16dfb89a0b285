// The LSM lab (RocksDB beside the model) as the helper program serves it to the app's
// Lab > RocksDB page: "lsm.run" {scenario: an LSM scenario, as `fieldguide run` takes it} ->
// the run as `fieldguide lab lsm` prints it (docs/cli.md), with progress sentences on the way;
// "lsm.stop" (nothing to stop: each run opens and removes its own database). A scenario that is
// not one, or over the lab's budgets, is refused before anything runs.
#pragma once

#include "lab/lab_service.h"

namespace fg::lab {

class LsmService : public LabService {
public:
    Status handle(std::string_view op, const nlohmann::json& args, nlohmann::json* result,
                  const Progress& progress) override;
    void stop() override {}
};

} // namespace fg::lab
