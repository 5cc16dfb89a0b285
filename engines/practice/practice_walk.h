// Walkthroughs: the engine's work on a practice exercise, one step at a time, for the types whose
// state the exercise builds itself rather than a plain run of the engine: hashslot moved-or-ask;
// kafka sticky-keyless, rebalance; lsm get-reads, compaction, tombstone-drop; downsample bucket,
// gorilla-bits, tier-of-query. The Practice page lists the steps under "What the engine did" and,
// where no live diagram replays the exercise (showMe() gives nullopt), plays them on the picture.
// Each step says in plain words what the engine looks at and decides, names what the exercise's
// picture outlines meanwhile, and carries the part of the answer it settles. The steps re-derive
// the answer from the exercise's `given` alone by following the rule (with the engines' own
// functions where they exist), so their settled answer grades right.
#pragma once

#include "engines/practice/practice.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace fg::practice {

// clang-format off
struct WalkStep {
    std::string text;                // one or two plain sentences: what the engine looks at and decides
    std::vector<std::string> marks;  // what the picture outlines during this step (vocabulary below)
    nlohmann::ordered_json settles;  // the part of the answer this step settles, in the answer's own
                                     // form (object; may be empty): {"reads": ["#7"]}, {"found": "value"}
};
// clang-format on
// The steps, in order; empty for the other seven types (a live diagram plays them: showMe()).
std::vector<WalkStep> walkthrough(const Exercise& e);
// The answer the steps settle, merged in order: objects merged key by key (recursively), arrays
// appended, anything else replaced. The tests grade it: it must be the engine's answer.
nlohmann::json settledAnswer(const std::vector<WalkStep>& steps);

// Marks, the vocabulary the app's picture understands: get-reads "memtable" and "#<id>" (a table);
// bucket "bucket:<start_ms>" (a non-empty bucket) and "point:<i>" (an index into given.points);
// gorilla-bits "point:<i>"; rebalance partition names ("clicks-1") and member ids ("C2"). The
// other types mark nothing.

} // namespace fg::practice
