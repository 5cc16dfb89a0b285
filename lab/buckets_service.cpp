#include "lab/buckets_service.h"

#include "lab/buckets_lab.h"
#include "lab/pg_lab.h"

#include <nlohmann/json.hpp>

namespace fg::lab {

BucketsService::BucketsService() = default;

BucketsService::~BucketsService() {
    stop();
}

void BucketsService::stop() {
    server_.reset(); // ~PgLab stops the server and removes its folder
}

Status BucketsService::handle(std::string_view op, const nlohmann::json& args,
                              nlohmann::json* result, const Progress& progress) {
    if (op != "run") {
        return Status::error("buckets." + std::string(op),
                             "the time-buckets lab knows buckets.run and buckets.stop");
    }
    const auto scenario = args.is_object() ? args.find("scenario") : args.end();
    DownsampleScenario parsed;
    if (Status s =
            parseBucketsLabScenario(scenario == args.end() ? nlohmann::json() : *scenario, &parsed);
        !s) {
        return s;
    }
    BucketsLabRun run;
    BucketsLabOptions options;
    options.server = &server_;
    if (Status s = runBucketsLab(parsed, &run, options, progress); !s) {
        return s;
    }
    *result = toJson(run);
    return Status::ok();
}

} // namespace fg::lab
