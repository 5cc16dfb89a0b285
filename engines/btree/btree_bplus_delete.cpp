// The B+-tree's delete (Params::bplus). The key leaves its leaf and the separators stay as they
// are: a separator equal to a removed key still divides the keys correctly (PostgreSQL leaves its
// pivot keys alone too). With Params::mergeOnDelete, a leaf left short borrows a key from a
// sibling, the parent's separator between them becoming the right one's first key, or merges with
// it, the parent dropping their separator; an inner node left short then borrows or merges as the
// textbook tree's nodes do (refill), up to the root. Without it nothing else changes, as in
// PostgreSQL, which never merges pages on delete.
#include "engines/btree/btree_run.h"

namespace fg::btree::detail {
namespace {

void narrateRemoveFromLeaf(Run& r, NodeId leaf, Key k, bool separatorStays) {
    std::string text = "Remove " + str(k) + " from the leaf, leaving " + r.show(leaf) + ".";
    if (separatorStays) {
        text += " A copy of " + str(k) +
                " stays in an inner node as a separator: it still divides the keys correctly.";
    }
    const int n = r.ns.size(leaf);
    if (!r.p.mergeOnDelete && leaf != r.s.root && n < r.p.minKeys()) {
        text += n == 0 ? " The leaf is empty now but stays in the tree and in the leaf chain: "
                         "PostgreSQL does not merge pages on delete (its VACUUM frees an empty "
                         "page later; this model keeps it)."
                       : " The leaf is under half full but stays as it is: PostgreSQL does not "
                         "merge pages on delete.";
    }
    Step st = r.about(StepKind::kRemoveLeaf, leaf, std::move(text));
    st.key = k;
    r.report(std::move(st));
}

void narrateLeafBorrow(Run& r, NodeId p, NodeId c, NodeId sibling, Key moved, Key separator,
                       bool fromLeft) {
    Step st = r.about(StepKind::kLeafBorrow, c,
                      std::string(fromLeft ? "Its left" : "Its right") +
                          " sibling can spare a key: " + str(moved) + " moves over, making " +
                          r.show(c) + ", and the separator between them in the parent becomes " +
                          str(separator) + (fromLeft ? "." : ", the sibling's new first key."));
    st.other = sibling;
    st.otherKeys = r.keysOf(sibling);
    st.parent = p;
    st.moved = moved;
    st.key = separator;
    r.report(std::move(st));
}

// Leaf ci of p takes the last key of its left sibling.
void borrowLeafLeft(Run& r, NodeId p, int ci) {
    NodeStore& ns = r.ns;
    const NodeId c = ns.child(p, ci);
    const NodeId left = ns.child(p, ci - 1);
    const Key moved = ns.key(left, ns.size(left) - 1);
    ns.eraseAt(left, ns.size(left) - 1);
    ns.pushFront(c, moved);
    ns.setKey(p, ci - 1, moved);
    ++r.s.stats.borrows;
    r.wrote(left);
    r.wrote(c);
    r.wrote(p);
    if (r.narrate) {
        narrateLeafBorrow(r, p, c, left, moved, moved, true);
    }
}

// Leaf ci of p takes the first key of its right sibling.
void borrowLeafRight(Run& r, NodeId p, int ci) {
    NodeStore& ns = r.ns;
    const NodeId c = ns.child(p, ci);
    const NodeId right = ns.child(p, ci + 1);
    const Key moved = ns.key(right, 0);
    ns.popFront(right);
    ns.insertAt(c, ns.size(c), moved);
    ns.setKey(p, ci, ns.key(right, 0));
    ++r.s.stats.borrows;
    r.wrote(right);
    r.wrote(c);
    r.wrote(p);
    if (r.narrate) {
        narrateLeafBorrow(r, p, c, right, moved, ns.key(p, ci), false);
    }
}

// Leaves i and i+1 of p become leaf i (which keeps its id); p drops their separator.
void mergeLeaves(Run& r, NodeId p, int i) {
    NodeStore& ns = r.ns;
    const NodeId left = ns.child(p, i);
    const NodeId right = ns.child(p, i + 1);
    std::vector<Key> leftKeys, rightKeys;
    if (r.narrate) {
        leftKeys = r.keysOf(left);
        rightKeys = r.keysOf(right);
    }
    const Key sep = ns.key(p, i);
    ns.absorbLeaf(left, right);
    ns.eraseAt(p, i);
    ++r.s.stats.merges;
    --r.s.stats.nodes;
    --r.s.stats.leaves;
    r.wrote(left);
    r.wrote(right);
    r.wrote(p);
    if (r.narrate) {
        Step st = r.about(StepKind::kLeafMerge, left,
                          "Neither sibling can spare a key, so " + Run::show(leftKeys) + " and " +
                              Run::show(rightKeys) + " merge into " + r.show(left) +
                              ", and the parent drops their separator " + str(sep) + ".");
        st.other = right;
        st.parent = p;
        st.moved = sep;
        r.report(std::move(st));
    }
}

} // namespace

int refillLeaf(Run& r, NodeId p, int ci) {
    NodeStore& ns = r.ns;
    if (ci > 0) {
        r.read(ns.child(p, ci - 1));
        if (ns.size(ns.child(p, ci - 1)) > r.p.minKeys()) {
            borrowLeafLeft(r, p, ci);
            return ci;
        }
    }
    if (ci < ns.size(p)) {
        r.read(ns.child(p, ci + 1));
        if (ns.size(ns.child(p, ci + 1)) > r.p.minKeys()) {
            borrowLeafRight(r, p, ci);
            return ci;
        }
    }
    const int left = ci > 0 ? ci - 1 : ci;
    mergeLeaves(r, p, left);
    return left;
}

void removeBPlus(Run& r, Key k) {
    NodeStore& ns = r.ns;
    NodeId x = r.s.root;
    bool separator = false; // k is a separator on the way down
    for (r.read(x); !ns.leaf(x); r.read(x)) {
        const int i = ns.upperBound(x, k);
        separator = separator || (i > 0 && ns.key(x, i - 1) == k);
        if (r.narrate) {
            narrateDescend(r, x, i, k);
        }
        r.path.push_back({x, i});
        x = ns.child(x, i);
    }
    const int i = ns.lowerBound(x, k);
    if (i == ns.size(x) || ns.key(x, i) != k) {
        if (r.narrate) {
            narrateNotFound(r, x, k);
        }
        return;
    }
    ns.eraseAt(x, i);
    --r.s.stats.keys;
    r.wrote(x);
    if (r.narrate) {
        narrateRemoveFromLeaf(r, x, k, separator);
    }
    if (!r.p.mergeOnDelete) {
        return;
    }
    while (x != r.s.root && ns.size(x) < r.p.minKeys()) {
        if (r.narrate) {
            narrateUnderflow(r, x);
        }
        const PathEntry up = r.path.back();
        r.path.pop_back();
        if (ns.leaf(x)) {
            refillLeaf(r, up.node, up.index);
        } else {
            refill(r, up.node, up.index, false);
        }
        x = up.node;
    }
    shrinkIfEmptyRoot(r);
}

} // namespace fg::btree::detail
