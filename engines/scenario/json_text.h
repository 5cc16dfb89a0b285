// Parsing JSON text at the edge: a syntax error becomes a Status naming the source, the line and
// the column ("lesson.json:12:5") and what the parser expected, instead of an exception.
#pragma once

#include "engines/core/status.h"

#include <cstddef>
#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

namespace fg {

Status parseJsonText(const std::string& text, const std::string& source, nlohmann::json& out);

// A scenario too large to hold as one document (a million ops): parseJsonHeader checks the whole
// text as parseJsonText does (the same errors, keys given twice inside an op included) but leaves
// each element of the top-level "ops" array out of `header` (there "ops" is []). forEachJsonOp
// then hands each element over in order, as a document of its own with its index, until visit
// fails (that Status is returned). REQUIRES for forEachJsonOp: text that parseJsonHeader took.
Status parseJsonHeader(const std::string& text, const std::string& source, nlohmann::json& header);
using JsonOpVisit = std::function<Status(const nlohmann::json& op, std::size_t index)>;
Status forEachJsonOp(const std::string& text, const JsonOpVisit& visit);

// "line:col" of byte `at` of `text` (1-based; columns count characters, not UTF-8 bytes).
std::string textPlace(std::string_view text, std::size_t at);

} // namespace fg
