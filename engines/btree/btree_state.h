// State: one B-tree as it stands between two steps, and what building it has cost so far.
//
// Plain data, copied whole by Timeline checkpoints. Stats count what a disk-based index pays:
// a page read for each distinct node an op visits and a page write for each distinct node it
// modifies (a split writes both halves and the parent: 3), summed over all ops.
//
// A B+-tree's state (bplus) holds every key in a leaf and links each leaf to the next one
// (NodeStore::next); a textbook B-tree's leaves have no links.
#pragma once

#include "engines/btree/btree_node.h"
#include "engines/btree/btree_params.h"

#include <cstdint>

namespace fg::btree {

struct Stats {
    int height = 1;           // levels, counting the root and the leaves (a lone leaf: 1)
    std::int64_t nodes = 1;   // live nodes
    std::int64_t keys = 0;    // keys in the tree (a B+-tree's separators are not counted)
    std::int64_t leaves = 1;  // live leaves
    std::int64_t splits = 0;  // node splits (a root split counts once)
    std::int64_t merges = 0;  // sibling merges
    std::int64_t borrows = 0; // keys rotated in from a sibling through the parent
    std::int64_t pageWrites = 0;
    std::int64_t pageReads = 0;

    bool operator==(const Stats&) const = default;
};

struct State {
    // An empty tree: one leaf with no keys, the root.
    explicit State(const Params& p) : nodes(p.order), root(nodes.add(true)), bplus(p.bplus()) {}

    NodeStore nodes;
    NodeId root;
    bool bplus; // every key in a leaf, inner keys are separator copies, leaves linked
    Stats stats;

    bool operator==(const State&) const = default;
};

} // namespace fg::btree
