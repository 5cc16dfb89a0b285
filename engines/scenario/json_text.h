// Parsing JSON text at the edge: a syntax error becomes a Status naming the source, the line and
// the column ("lesson.json:12:5") and what the parser expected, instead of an exception.
#pragma once

#include "engines/core/status.h"

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

namespace fg {

Status parseJsonText(const std::string& text, const std::string& source, nlohmann::json& out);

// "line:col" of byte `at` of `text` (1-based; columns count characters, not UTF-8 bytes).
std::string textPlace(std::string_view text, std::size_t at);

} // namespace fg
