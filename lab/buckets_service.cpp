// SKELETON (lab-buckets)
#include "lab/buckets_service.h"

#include <nlohmann/json.hpp>

namespace fg::lab {

Status BucketsService::handle(std::string_view op, const nlohmann::json& /*args*/,
                              nlohmann::json* /*result*/, const Progress& /*progress*/) {
    return Status::error("buckets." + std::string(op), "this lab is not built yet");
}

} // namespace fg::lab
