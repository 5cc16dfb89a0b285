// The B+-tree's insert (Params::bplus): down to the leaf by the separators, into the leaf; a leaf
// that overflows splits by the B+-tree's own rule, its right half's first key copied up into the
// parent as the separator and the new leaf linked into the leaf chain. An inner node that
// overflows then splits as the textbook tree's nodes do, its median moving up (splitAndRaise).
#include "engines/btree/btree_run.h"

#include <cstdlib>

namespace fg::btree::detail {
namespace {

// True when a split of `leaf` follows Params::rightmostFill: it is set and the leaf is the last
// of the chain.
bool fillsLeft(const Run& r, NodeId leaf) {
    return r.p.rightmostFill > 0 && r.ns.next(leaf) == kNoNode;
}

// How many keys the left leaf keeps when a leaf of n keys (one over the most) splits.
//
// An ordinary leaf splits evenly: the left keeps n/2 and the right the rest, as Galles' B+-tree
// visualisation does (dgalles/visualization AlgorithmLibrary/BPlusTree.js: split_index =
// floor(m/2), the right leaf starting at it).
//
// The rightmost leaf, when Params::rightmostFill is set, splits as PostgreSQL splits the rightmost
// page of a level (_bt_findsplitloc in src/backend/access/nbtree/nbtsplitloc.c): "If the page is
// the rightmost page on its level, we instead try to arrange to leave the left split page
// fillfactor% full. In this way, when we are inserting successively increasing keys (consider
// sequences, timestamps, etc) we will end up with a tree whose pages are about fillfactor% full,
// instead of the 50% full result that we'd get without this special case." Of the legal split
// points it takes the one with the least delta = |f * leftfree - (1 - f) * rightfree|
// (_bt_deltasortsplits with usemult; f is the leaf fillfactor / 100, 0.9 by default). Here every
// key takes one of a leaf's order - 1 slots and a leaf has no high key (nbtree counts one on the
// left page), so a left leaf of L keys has leftfree = maxKeys - L and rightfree = maxKeys - (n -
// L); of equal deltas the smaller L wins. (PostgreSQL also splits a rightmost inner page unevenly,
// at 70%, BTREE_NONLEAF_FILLFACTOR; this model's inner nodes split at the median.)
int leftKeeps(const Run& r, NodeId leaf) {
    const int n = r.ns.size(leaf);
    if (!fillsLeft(r, leaf)) {
        return n / 2;
    }
    const long f = r.p.rightmostFill; // percent, so deltas stay integers
    const long slots = r.p.maxKeys();
    int best = 1;
    long bestDelta = -1;
    for (int left = 1; left < n; ++left) {
        const long delta = std::labs(f * (slots - left) - (100 - f) * (slots - (n - left)));
        if (bestDelta < 0 || delta < bestDelta) {
            best = left;
            bestDelta = delta;
        }
    }
    return best;
}

void narrateLeafOverflow(Run& r, NodeId leaf, Key separator) {
    Step st = r.about(StepKind::kOverflow, leaf,
                      std::string(leaf == r.s.root ? "The root leaf " : "Leaf ") + r.show(leaf) +
                          " overflows: order " + std::to_string(r.p.order) + " allows at most " +
                          std::to_string(r.p.maxKeys()) + " keys, so it splits in two.");
    st.moved = separator;
    r.report(std::move(st));
}

void narrateLeafSplit(Run& r, NodeId left, NodeId right, NodeId parent, bool wasRoot,
                      const std::vector<Key>& before, bool uneven) {
    const Key sep = r.ns.key(right, 0);
    // What the left leaf keeps, said as it is: "about 90% full" was wrong at an order whose
    // nearest whole count is all of a leaf (order 5: 4 of 4 keys, tester 44).
    const std::string how =
        uneven ? " is the rightmost leaf, so it splits as PostgreSQL does under ascending keys, "
                 "the left leaf kept as near " +
                     std::to_string(r.p.rightmostFill) + "% full as whole keys allow (" +
                     std::to_string(r.ns.size(left)) + " of " + std::to_string(r.p.maxKeys()) +
                     " keys): "
               : " splits: ";
    Step split = r.about(StepKind::kLeafSplit, left,
                         std::string(wasRoot ? "The root leaf " : "Leaf ") + Run::show(before) +
                             how + r.show(left) + " | " + r.show(right) + "; " + str(sep) +
                             " is copied up as the separator.");
    split.other = right;
    split.otherKeys = r.keysOf(right);
    split.moved = sep;
    split.parent = wasRoot ? kNoNode : parent;
    r.report(std::move(split));

    Step up;
    if (wasRoot) {
        up = r.about(StepKind::kNewRoot, parent,
                     "The root leaf has split, so a new root holds a copy of " + str(sep) +
                         " (a separator: keys from " + str(sep) +
                         " on are to its right) and the tree grows to height " +
                         std::to_string(r.s.stats.height) + ".");
    } else {
        up = r.about(StepKind::kPromote, parent,
                     "A copy of " + str(sep) + " goes up into the parent, which becomes " +
                         r.show(parent) + ": keys from " + str(sep) + " on are to its right, and " +
                         str(sep) + " itself stays in its leaf.");
    }
    up.other = right;
    up.moved = sep;
    r.report(std::move(up));
}

// Splits the overflowing `leaf` (leftKeeps) and puts a copy of its right half's first key into
// `parent` at `at` (a new root when parent is kNoNode). Returns the node that took the copy.
NodeId splitLeafAndRaise(Run& r, NodeId leaf, NodeId parent, int at) {
    NodeStore& ns = r.ns;
    std::vector<Key> before;
    if (r.narrate) {
        before = r.keysOf(leaf);
    }
    const bool uneven = fillsLeft(r, leaf);
    const bool wasRoot = parent == kNoNode;
    const int keep = leftKeeps(r, leaf);
    const NodeId right = ns.add(true);
    const Key sep = ns.splitLeaf(leaf, keep, right);
    ++r.s.stats.splits;
    ++r.s.stats.nodes;
    ++r.s.stats.leaves;
    r.wrote(leaf);
    r.wrote(right);
    parent = raiseInto(r, leaf, parent, at, sep, right);
    if (r.narrate) {
        narrateLeafSplit(r, leaf, right, parent, wasRoot, before, uneven);
    }
    return parent;
}

// The overflowing leaf x splits (its parents on r.path), and so, in turn, does each inner node
// its split leaves with too many keys.
void splitUp(Run& r, NodeId x) {
    NodeStore& ns = r.ns;
    if (r.narrate) {
        narrateLeafOverflow(r, x, ns.key(x, leftKeeps(r, x)));
    }
    const PathEntry up = r.path.empty() ? PathEntry{kNoNode, 0} : r.path.back();
    if (!r.path.empty()) {
        r.path.pop_back();
    }
    // The separator may overflow the parent: inner nodes split as the textbook's do.
    splitUpThePath(r, splitLeafAndRaise(r, x, up.node, up.index));
}

} // namespace

void insertBPlus(Run& r, Key k) {
    NodeStore& ns = r.ns;
    NodeId x = r.s.root;
    for (r.read(x); !ns.leaf(x); r.read(x)) {
        const int i = ns.upperBound(x, k);
        if (r.narrate) {
            narrateDescend(r, x, i, k);
        }
        r.path.push_back({x, i});
        x = ns.child(x, i);
    }
    const int i = ns.lowerBound(x, k);
    if (i < ns.size(x) && ns.key(x, i) == k) {
        if (r.narrate) {
            narrateDuplicate(r, x, k);
        }
        return;
    }
    std::vector<Key> before;
    if (r.narrate) {
        before = r.keysOf(x);
    }
    ns.insertAt(x, i, k);
    ++r.s.stats.keys;
    r.wrote(x);
    if (r.narrate) {
        narrateInsertLeaf(r, x, k, before);
    }
    if (ns.size(x) > r.p.maxKeys()) {
        splitUp(r, x);
    }
}

} // namespace fg::btree::detail
