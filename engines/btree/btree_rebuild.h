// Changing a parameter rebuilds the same keys under the new setting. The ops are the record of
// what the user did, so the tree under other params is those ops replayed by a new engine: the
// keys it holds are the same (insert-random draws from its own seed, not from the tree), only the
// shape, the steps and the costs change.
#pragma once

#include "engines/btree/btree.h"
#include "engines/core/timeline.h"

#include <vector>

namespace fg::btree {

// The narrated timeline of `ops` under `params`. REQUIRES: params valid (see BTreeEngine).
Timeline<BTreeEngine> rebuild(const std::vector<Op>& ops, Params params);

// The same replay in bulk mode: only the final state.
State rebuildState(const std::vector<Op>& ops, Params params);

} // namespace fg::btree
