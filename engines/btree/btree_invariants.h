// The structural promises of a B-tree, checked from the outside: used by the property tests after
// every op, and cheap enough for a debug assertion on teaching-sized trees.
#pragma once

#include "engines/btree/btree_params.h"
#include "engines/btree/btree_state.h"
#include "engines/core/status.h"

#include <string>
#include <vector>

namespace fg::btree {

// Ok when, reachable from the root: keys ascend strictly within each node and across subtrees;
// every non-root node holds p.minKeys()..p.maxKeys() keys, the root at most maxKeys (at least 1
// when inner); every inner node has keys+1 live children; all leaves sit at depth stats.height;
// no node is reached twice; stats.nodes and stats.keys match the tree, and no live node is
// unreachable. Otherwise an error naming the node ("node 7") and the broken rule.
Status checkInvariants(const State& state, const Params& p);

// Every key in ascending order.
std::vector<Key> inorderKeys(const State& state);

// The tree level by level in the reference's notation: "[4] / [2] [6,8] / [1] [3] [5] [7] [9,10]".
std::string shapeOf(const State& state);

} // namespace fg::btree
