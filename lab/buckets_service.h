// The time-buckets lab as the helper program serves it to the app's Lab > Time buckets page:
// "buckets.run" {scenario: a downsample scenario, as `fieldguide run` takes it} -> the run as
// `fieldguide lab buckets` prints it (docs/cli.md), with progress sentences on the way;
// "buckets.stop" stops the PostgreSQL server the first run started (kept for the runs after it:
// its initdb is most of a run's time) and removes its folder; each run's RRD folder is removed
// before the run answers. A scenario that is not one, or over the lab's budgets, is refused
// before anything runs.
#pragma once

#include "lab/lab_service.h"

#include <memory>

namespace fg::lab {

class PgLab;

class BucketsService : public LabService {
public:
    BucketsService();
    ~BucketsService() override;
    Status handle(std::string_view op, const nlohmann::json& args, nlohmann::json* result,
                  const Progress& progress) override;
    void stop() override;

private:
    std::unique_ptr<PgLab> server_;
};

} // namespace fg::lab
