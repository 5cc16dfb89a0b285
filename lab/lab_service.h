// What the Lab's helper program (`fieldguide-lab --serve`, lab/lab_serve.h) asks of a lab: one
// request at a time, by name, with JSON arguments, answered with a JSON result or a Status whose
// message is a sentence for the student. A service may report progress while it works ("Starting
// PostgreSQL 15..."), which the helper passes on to the app as it comes.
#pragma once

#include "engines/core/status.h"

#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

namespace fg::lab {

using Progress = std::function<void(const std::string& sentence)>;

class LabService {
public:
    virtual ~LabService() = default;
    // `op` without its prefix ("start" for "pg.start"). An op the service does not know is a
    // Status error naming it. Bad arguments are a Status error, never an exception.
    virtual Status handle(std::string_view op, const nlohmann::json& args, nlohmann::json* result,
                          const Progress& progress) = 0;
    // Stops what the service started (servers, folders); called on "<prefix>.stop", on end of
    // input and before the helper exits. Safe to call twice.
    virtual void stop() = 0;
};

} // namespace fg::lab
