// Scenario: the JSON a teacher prepares, a student saves from the app and a test feeds in
// (docs/cli.md, "Scenarios"). run() reads `engine`, hands the scenario to that engine's
// reader, and returns the result JSON { engine, steps, state, stats }. The table behind run() and
// engineNames() (scenario.cpp) is the one list of engines: an engine is added there. The live
// diagrams do not list engines again: each row of the diagram registry
// (widgets/diagrams/diagram_registry.cpp) names the one engine it draws, and its test checks that
// name against engineNames().
#pragma once

#include "engines/core/status.h"

#include <cstddef>
#include <iosfwd>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace fg::scenario {

// The largest scenario file the CLI and the app read: 64 MiB (10,000,000 points of a downsample
// scenario fit; a file of endless bytes is stopped there, not read until memory runs out).
inline constexpr std::size_t kMaxScenarioBytes = std::size_t{64} << 20;

// Reads all of `in` into `text`, up to kMaxScenarioBytes; more is an error naming `source`.
Status readText(std::istream& in, const std::string& source, std::string& text);

// The engine names a scenario may give, in the contract's order.
const std::vector<std::string>& engineNames();

// One line per engine, "<indent>name        op, op, ...\n", in the contract's order (the help of
// `fieldguide run`).
std::string engineList(const std::string& indent);

// REQUIRES: nothing of `scenario` (any JSON value is checked). On success `result` holds the
// engine's result; on failure the Status names the JSON path and what was expected.
Status run(const nlohmann::json& scenario, nlohmann::json& result);

// Reads and parses the scenario file at `path` ("-": `standardInput`): the one reader of scenario
// files, used by `run`, `export` and the app. Fails naming the file when it cannot be opened, is
// larger than kMaxScenarioBytes, or is not JSON (with the line and column); a read error is a
// Status::failure.
Status readFile(const std::string& path, std::istream& standardInput, nlohmann::json& out);

// Parses scenario text; a syntax error names the line and column.
Status parse(const std::string& text, const std::string& source, nlohmann::json& out);

// A scenario file as `fieldguide run` reads it, one op at a time where its engine can (btree):
// readText reads the file at `path` ("-": `standardInput`) as readFile does, without parsing;
// parseHeader checks the text as parse does (the same errors) but leaves the ops out of `header`;
// runText then runs it as run() runs the whole document, with the same result and errors.
Status readText(const std::string& path, std::istream& standardInput, std::string& text);
Status parseHeader(const std::string& text, const std::string& source, nlohmann::json& header);
Status runText(const std::string& text, const std::string& source, const nlohmann::json& header,
               nlohmann::json& result);

} // namespace fg::scenario
