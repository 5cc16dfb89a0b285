// What the Lab's helper program (`fieldguide-lab --serve`, lab/lab_serve.h) asks of a lab: one
// request at a time, by name, with JSON arguments, answered with a JSON result or a Status whose
// message is a sentence for the student. A service may report progress while it works ("Starting
// PostgreSQL 15..."), and pieces of its answer ahead of it (a moment of a long run, for the page
// to draw at once), which the helper passes on to the app as they come.
#pragma once

#include "engines/core/status.h"

#include <concepts>
#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace fg::lab {

// Called with a sentence, as a std::function of one; part() hands on a piece of the answer.
class Progress : public std::function<void(const std::string& sentence)> {
public:
    using Say = std::function<void(const std::string& sentence)>;
    using Part = std::function<void(const nlohmann::json& piece)>;

    Progress() = default;
    template <class F>
    requires(!std::same_as<std::decay_t<F>, Progress> && std::constructible_from<Say, F>)
        Progress(F&& say)
        : Say(std::forward<F>(say)) {} // NOLINT: a sentence callback is a Progress
    Progress(Say say, Part part) : Say(std::move(say)), part_(std::move(part)) {}

    // A piece of the answer, when someone listens for pieces.
    void part(const nlohmann::json& piece) const {
        if (part_) {
            part_(piece);
        }
    }

private:
    Part part_;
};

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
