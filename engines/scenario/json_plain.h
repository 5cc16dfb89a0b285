// A quick reading of a big scenario's text, for the common case: the header parsed by nlohmann
// alone (the ops spliced out) and each op read straight from the text, instead of three passes of
// the full parser over a million ops (issue 18: `fieldguide run` of 1,000,000 ops took 2.2 s, most
// of it lexing the same 30 MB three times).
//
// The quick reading takes only text it can vouch for, a strict subset of JSON: the root an object
// whose keys are plain, its "ops" given once, an array whose elements are scalars or flat objects
// (plain strings: printable ASCII, no escapes; integers of at most 18 digits; true, false, null;
// distinct keys). Anything else (an escape, a fraction, a nested list in an op, a byte order mark,
// a syntax error anywhere) is not its business: findPlainOps says no and the caller reads the
// text with nlohmann's parser, which then gives the result and the error messages as it always did.
#pragma once

#include <cstddef>
#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string_view>

namespace fg {

// The top-level "ops" array: text[begin] is '[' and text[end - 1] its ']'.
struct PlainOps {
    std::size_t begin = 0;
    std::size_t end = 0;
};

// Where the ops array lies when the whole of `text` is in the subset above (its header, outside
// the ops, is only checked for its shape: nlohmann parses it next), else nullopt.
std::optional<PlainOps> findPlainOps(std::string_view text);

// Hands each element of the top-level "ops" array of `text` (valid JSON: parseJsonHeader took it)
// to `visit`, as the json value nlohmann would build, with its index, while the elements are in
// the subset above: `visited` says how many were handed over, `done` whether that was all of them
// (or `visit` said stop); when not, the caller reads the rest with nlohmann. It does not check
// the rest of the text again.
using PlainOpVisit = std::function<bool(const nlohmann::json& op, std::size_t index)>;
struct PlainWalk {
    std::size_t visited = 0;
    bool done = false;
};
PlainWalk walkPlainOps(std::string_view text, const PlainOpVisit& visit);

} // namespace fg
