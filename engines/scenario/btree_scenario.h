// The btree engine at the JSON edge (docs/cli.md, engine `btree`).
//
// A scenario names params (`order` 3..64, or `min_degree` 2..32 with "split": "preemptive"; or
// "variant": "bplus" with `order` and optional `rightmost_fill` and `merge_on_delete`, a B+-tree)
// and a list of ops (insert, search, delete, range, insert-random). Parsing reports the first
// problem as a Status naming its JSON path ("/params/order", "/ops/3/key") and what was expected
// there; it never throws. The result is { "engine", "steps" (left out when "narrate" is false),
// "state", "stats" }, state.root being the tree as nested { "id", "keys", "children" }, and a
// B+-tree's leaves naming the next leaf ("next": its id, or null).
#pragma once

#include "engines/btree/btree.h"
#include "engines/core/status.h"

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace fg {

struct BtreeScenario {
    btree::Params params;
    std::vector<btree::Op> ops;
    bool narrate = true;
    std::int64_t work = 0; // keys, records or ops it asks for in all (WorkBudget)
};

// Fills `out` from a scenario, or returns the first problem found.
Status parseBtreeScenario(const nlohmann::json& scenario, BtreeScenario& out);

// Parses and runs a scenario, filling `result` as described above. On error `result` is untouched.
// In bulk mode (narrate false) a tree of more than 10,000 keys is left out of state (stats stay).
Status runBtreeScenario(const nlohmann::json& scenario, nlohmann::json& result);

// The same for a scenario too large to hold as one document: `header` is its text's header
// (parseJsonHeader: "ops" left empty), the ops read from `text` one at a time, so a million ops
// never stand as a million JSON objects. Narrated, they are all read and counted before any runs;
// in bulk, read, counted and run in one pass, the run thrown away if an op is broken or the
// budget is passed (the same error as the whole document's; the budget's work at most is spent).
Status runBtreeScenarioText(const std::string& text, const nlohmann::json& header,
                            nlohmann::json& result);

// One step as the result's "steps" array writes it: kind, text, and the kind's data fields.
nlohmann::json btreeStepJson(const btree::Step& step);
// { "order", "split", ["min_degree"], ["variant", ["rightmost_fill"], "merge_on_delete"],
// ["root"] }; root only when `withTree`; the B+-tree's fields only for one.
nlohmann::json btreeStateJson(const btree::State& state, const btree::Params& params,
                              bool withTree);
nlohmann::json btreeStatsJson(const btree::Stats& stats);

// The scenario as the contract's JSON again (what the app saves): reading it back gives the same
// ops, so the same run.
nlohmann::json writeBtreeScenario(const BtreeScenario& s);

} // namespace fg
