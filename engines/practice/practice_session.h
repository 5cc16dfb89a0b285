// A practice session: the exercises the app asks in a row, made from one seed so that a teacher
// can hand out "seed 1234" and every student gets the same questions. Question i (from 0) has the
// seed N + i, as line i of `fieldguide practice --seed N` does; its type is taken in turn from the
// topic's types in an order shuffled by N, so every type comes up as often as the count allows.
// Also the scenario a live diagram plays to show an exercise's step ("Show me").
#pragma once

#include "engines/practice/practice.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fg::practice {

// A topic the app offers: an engine's exercises, or all of them ("" engine).
struct Topic {
    const char* id;    // "hashslot", "kafka", "btree", "lsm", "downsample", or "mixed"
    const char* title; // "Redis Cluster", ...
};
// Every topic that has exercises, "mixed" last.
std::vector<Topic> topics();
// The types of a topic ("mixed": every type), in table order.
std::vector<const ExerciseType*> typesOf(std::string_view topic);

// A type's id as stored in progress and review: "engine/type".
std::string typeId(const ExerciseType& t);
const ExerciseType* findTypeId(std::string_view id);

constexpr int kMaxSessionCount = 100;

// `count` (1..kMaxSessionCount) exercises of `types` (not empty) at `level` from `seed`.
std::vector<Exercise> makeSession(const std::vector<const ExerciseType*>& types, Level level,
                                  int count, std::uint64_t seed);

// The engine's answer in plain words, one part per line ("Slot: 7437").
std::string answerText(const Exercise& e);

// A B-Tree written on one line, as the app shows and reads it: a node is its keys in brackets,
// followed by its children in parentheses when it has any: "[20] ([10] [30 40])".
std::string treeText(const nlohmann::json& tree);
// Reads treeText's notation (spaces or commas between keys) into {"keys", "children"}; nullopt
// and `error` set to what is wrong, and where, when it is not that notation.
std::optional<nlohmann::json> parseTreeText(std::string_view text, std::string& error);

// The live diagram ("btree", "hashslot", ...) and the scenario (docs/cli.md, "Scenarios") that
// plays what the exercise asks about, or nullopt when no diagram shows it.
struct ShowMe {
    std::string diagram;
    nlohmann::json scenario;
};
std::optional<ShowMe> showMe(const Exercise& e);

} // namespace fg::practice
