// SKELETON (lab-kafka)
#include "lab/kafka_service.h"

#include <nlohmann/json.hpp>

namespace fg::lab {

Status KafkaService::handle(std::string_view op, const nlohmann::json& /*args*/,
                            nlohmann::json* /*result*/, const Progress& /*progress*/) {
    return Status::error("kafka." + std::string(op), "this lab is not built yet");
}

} // namespace fg::lab
