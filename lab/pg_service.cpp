#include "lab/pg_service.h"

#include <nlohmann/json.hpp>

namespace fg::lab {

// SKELETON: helper "lab-pg" writes the ops.
struct PgService::State {};

PgService::PgService() : state_(std::make_unique<State>()) {}
PgService::~PgService() {
    stop();
}

Status PgService::handle(std::string_view op, const nlohmann::json&, nlohmann::json*,
                         const Progress&) {
    return Status::error(std::string(op), "not written yet");
}

void PgService::stop() {}

} // namespace fg::lab
