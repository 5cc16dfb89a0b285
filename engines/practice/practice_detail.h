// Small helpers the exercise makers share (engines/practice/*.cpp): an exercise's frame, seeded
// draws and sizes that grow with the level. Internal to the practice module.
#pragma once

#include "engines/core/rng.h"
#include "engines/practice/practice.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace fg::practice::detail {

inline Exercise start(const char* engine, const char* type, std::uint64_t seed, Level level) {
    Exercise e;
    e.engine = engine;
    e.type = type;
    e.seed = seed;
    e.level = level;
    return e;
}

inline int pick(Rng& r, int lo, int hi) {
    return static_cast<int>(r.uniform(lo, hi));
}
template <class T, std::size_t N>
const T& pickOf(Rng& r, const T (&items)[N]) {
    return items[static_cast<std::size_t>(r.uniform(0, static_cast<std::int64_t>(N) - 1))];
}
// A size that grows with the level: a number drawn from the level's span (no draw for a span of
// one number).
struct Span {
    int lo, hi;
};
inline int sized(Rng& r, Level level, Span easy, Span medium, Span hard) {
    const Span s = level == Level::Easy ? easy : level == Level::Medium ? medium : hard;
    return s.lo == s.hi ? s.lo : pick(r, s.lo, s.hi);
}

inline std::string num(std::int64_t n) {
    return std::to_string(n);
}

// Grading (practice_grade.cpp).
// A whole number given as JSON (7437 or 7437.0), or nullopt.
std::optional<std::int64_t> wholeNumber(const nlohmann::json& v);
// One whole-number field of the answer ("slot", "bits"): a difference added to `g` when the
// submission has none or another.
void gradeNumber(const nlohmann::ordered_json& answer, const nlohmann::json& submitted,
                 const char* field, Grading& g);
// One B-Tree field of the answer ("tree"): the same keys in every node and the same children, a
// leaf's "children" empty or left out; else a difference naming the node.
void gradeTree(const nlohmann::ordered_json& answer, const nlohmann::json& submitted,
               const char* field, Grading& g);
// Items sorted and joined by ", " ("nothing" for none), for a difference sentence.
std::string listText(std::vector<std::string> items);

} // namespace fg::practice::detail
