// The time-buckets lab as the helper program serves it to the app's Lab > Time buckets page:
// "buckets.run" {scenario: a downsample scenario, as `fieldguide run` takes it} -> the run as
// `fieldguide lab buckets` prints it (docs/cli.md), with progress sentences on the way;
// "buckets.stop" (nothing is left to stop: each run starts its own PostgreSQL server and RRD
// folder and removes both before it answers). A scenario that is not one, or over the lab's
// budgets, is refused before anything runs.
#pragma once

#include "lab/lab_service.h"

namespace fg::lab {

class BucketsService : public LabService {
public:
    Status handle(std::string_view op, const nlohmann::json& args, nlohmann::json* result,
                  const Progress& progress) override;
    void stop() override {}
};

} // namespace fg::lab
