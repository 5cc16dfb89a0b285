// Practice: exercises the engines make and answer (issue 15). Each exercise type turns a seed and
// a level into the inputs of one question ("given") and the engine's own answer to it ("answer"),
// so the answer is never written by hand and a seed gives the same exercise on every machine (a
// teacher hands out "seed 1234"). `fieldguide practice` prints them as JSON lines (docs/cli.md).
//
// Levels: easy questions are small and plain (three masters, one topic, a few keys into an order-3
// tree); medium ones larger; hard ones pick the tricky cases (hash tags such as "{}" or "a{b}{c}",
// member ids that sort as text, "C10" < "C2", inserts that split several nodes, negative values
// and gaps in a series).
#pragma once

#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace fg::practice {

enum class Level { Easy, Medium, Hard };

const char* levelName(Level level);
// "easy", "medium" or "hard"; false for anything else.
bool parseLevel(std::string_view name, Level& out);

// One part of an answer, as the app asks for it (the Practice page builds its inputs from these,
// and the submitted JSON object from what the student enters). `name` is the answer's key.
struct AnswerField {
    enum class Kind {
        Number,     // a whole number: {"slot": 7437}
        Choice,     // one of `options`, as written: {"reply": "ASK"}; a number when the options
                    // are "0", "1", ... and `numeric` is set: {"master": 2}
        NumberList, // whole numbers, in order: {"promoted": [40, 20]}
        WordList,   // words from `options`, each at most once; in order when `ordered`
        PerMember,  // for each of `options` (members) a list of `words`: {"assignment": {...}}
        Tree,       // a B-Tree as nested {"keys": [...], "children": [...]}
        Buckets     // rows of [start_ms, value]: {"buckets": [[t, v], ...]}
    };
    std::string name;
    Kind kind = Kind::Number;
    std::string label;                // what the app writes beside the input, in plain words
    std::vector<std::string> options; // Choice, WordList: the words to choose from; PerMember:
                                      // the members
    std::vector<std::string> words;   // PerMember: the words placed on the members
    bool ordered = false;             // WordList: the order matters
    bool numeric = false;             // Choice: the answer is the option's index as a number
    // Number, NumberList: the values that can be right at all (a slot is 0 to 16383); the app
    // refuses one outside them as a typing slip instead of grading it.
    std::int64_t min = std::numeric_limits<std::int64_t>::min(),
                 max = std::numeric_limits<std::int64_t>::max();
};

// A field of `kind` named `name`, labelled `label` (options, words and flags left empty).
AnswerField answerField(std::string name, AnswerField::Kind kind, std::string label);
// The same, for numbers that can only be `min` to `max`.
AnswerField numberField(std::string name, AnswerField::Kind kind, std::string label,
                        std::int64_t min, std::int64_t max);

struct Exercise {
    std::string engine; // "hashslot", "kafka", "btree", "lsm", "downsample"
    std::string type;   // "slot-of-key", ...
    std::uint64_t seed = 0;
    Level level = Level::Medium;
    std::string prompt; // the question as shown, in plain words
    nlohmann::ordered_json given;
    nlohmann::ordered_json answer;
    // The answer's parts, in the order the app asks them (not printed by `fieldguide practice`).
    std::vector<AnswerField> fields;
};

struct ExerciseType {
    const char* engine;
    const char* type;
    const char* what; // one line for `fieldguide practice --list`
    Exercise (*make)(std::uint64_t seed, Level level);
};

// Every type, in the order `--list` prints them.
const std::vector<ExerciseType>& exerciseTypes();
// The type `type` of `engine`, or null.
const ExerciseType* findExerciseType(std::string_view engine, std::string_view type);

// The exercise as one JSON object: engine, type, seed, level, prompt, given, answer.
nlohmann::ordered_json exerciseJson(const Exercise& exercise);

// A submitted answer against the engine's: right when it is the same answer in any form that
// means the same (7437 or 7437.0; a member's partitions in any order; a leaf with or without its
// empty "children"; a bucket's average rounded to two decimals, as a student writes it).
// Otherwise each difference in a plain sentence, naming the part ("C1", "bucket 2").
struct Grading {
    bool right = false;
    std::vector<std::string> differences;
};
Grading grade(const Exercise& exercise, const nlohmann::json& submitted);

} // namespace fg::practice
