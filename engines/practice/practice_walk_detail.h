// What the walkthroughs of practice_walk.h share: a step's frame, numbers and lists said in plain
// text, and each type's walkthrough (practice_walk.cpp: routing and tiers;
// practice_walk_rebalance.cpp: kafka rebalance; practice_walk_storage.cpp: the LSM-tree;
// practice_walk_series.cpp: buckets and Gorilla). Internal to the practice module. Each walker
// REQUIRES an exercise of its type as the maker made it (the given's shape of docs/cli.md).
#pragma once

#include "engines/practice/practice_detail.h"
#include "engines/practice/practice_walk.h"

#include <cstdint>
#include <string>
#include <vector>

namespace fg::practice::walk {

using ojson = nlohmann::ordered_json;
using detail::num;

inline WalkStep step(std::string text, std::vector<std::string> marks = {},
                     ojson settles = ojson::object()) {
    return WalkStep{std::move(text), std::move(marks), std::move(settles)};
}

// Items joined by ", " ("none" for none).
std::string listed(const std::vector<std::string>& items);
// Numbers joined by ", ".
std::string listed(const std::vector<std::int64_t>& items);
// Items as said: "a", "a and b", "a, b and c".
std::string spoken(const std::vector<std::string>& items);
// A value as a student writes it: 12, 12.5, -3.25; a long fraction to two decimals, "about 3.33".
std::string valueText(double v);

std::vector<WalkStep> movedOrAsk(const Exercise& e);
std::vector<WalkStep> stickyKeyless(const Exercise& e);
std::vector<WalkStep> rebalance(const Exercise& e);
std::vector<WalkStep> tierOfQuery(const Exercise& e);
std::vector<WalkStep> getReads(const Exercise& e);
std::vector<WalkStep> compaction(const Exercise& e);
std::vector<WalkStep> tombstoneDrop(const Exercise& e);
std::vector<WalkStep> bucket(const Exercise& e);
std::vector<WalkStep> gorillaBits(const Exercise& e);

} // namespace fg::practice::walk
