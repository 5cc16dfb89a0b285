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
// no node is reached twice; stats.nodes, stats.keys and stats.leaves match the tree, and no live
// node is unreachable. In a B+-tree (state.bplus) a leaf may also hold its lower bound, the
// separator left of it, a non-root leaf holds p.minLeafKeys()..maxKeys keys, only leaf keys are
// counted, and each leaf links to the next leaf to its right (the last to none); a textbook
// tree's leaves link to none. Otherwise an error naming the node ("node 7") and the broken rule.
Status checkInvariants(const State& state, const Params& p);

// Every key in ascending order (a B+-tree's: its leaf keys, not the separators).
std::vector<Key> inorderKeys(const State& state);

// The keys met walking the leaf chain from the leftmost leaf: a B+-tree's keys in order when its
// links are right; a textbook tree's leftmost leaf alone.
std::vector<Key> leafChainKeys(const State& state);

// The tree level by level in the reference's notation: "[4] / [2] [6,8] / [1] [3] [5] [7] [9,10]".
std::string shapeOf(const State& state);

} // namespace fg::btree
