// Scenario: the JSON a teacher prepares, a student saves from the app and a test feeds in
// (../shared/cli.md, "Scenarios"). run() reads `engine`, hands the scenario to that engine's
// reader, and returns the result JSON { engine, steps, state, stats }. This is the only place
// that knows every engine's name.
#pragma once

#include "core/status.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace fg::scenario {

// The engine names a scenario may give, in the contract's order.
const std::vector<std::string>& engineNames();

// REQUIRES: nothing of `scenario` (any JSON value is checked). On success `result` holds the
// engine's result; on failure the Status names the JSON path and what was expected.
Status run(const nlohmann::json& scenario, nlohmann::json& result);

// Parses scenario text; a syntax error names the line and column.
Status parse(const std::string& text, const std::string& source, nlohmann::json& out);

} // namespace fg::scenario
