#include "lab/redis_service.h"

#include <nlohmann/json.hpp>

namespace fg::lab {

// SKELETON: helper "lab-redis" writes the ops.
struct RedisService::State {};

RedisService::RedisService() : state_(std::make_unique<State>()) {}
RedisService::~RedisService() {
    stop();
}

Status RedisService::handle(std::string_view op, const nlohmann::json&, nlohmann::json*,
                            const Progress&) {
    return Status::error(std::string(op), "not written yet");
}

void RedisService::stop() {}

} // namespace fg::lab
