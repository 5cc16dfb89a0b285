// Insert under both split rules. The split itself (splitAndRaise) is shared: a node of n keys
// splits around key (n-1)/2, which is the contract's lower median (m-1)/2 for an overflowing node
// of order m, and CLRS's median t-1 for a full node of 2t-1 keys.
#include "engines/btree/btree_run.h"

namespace fg::btree::detail {

void narrateInsertLeaf(Run& r, NodeId leaf, Key k, const std::vector<Key>& before) {
    // An empty tree's root is said to be empty ("into the root leaf [], making [10]" read as
    // a typo).
    const std::string into =
        before.empty() ? (leaf == r.s.root ? "the empty root leaf" : "an empty leaf")
                       : (leaf == r.s.root ? "the root leaf " : "leaf ") + Run::show(before);
    Step st = r.about(StepKind::kInsertLeaf, leaf,
                      "Insert " + str(k) + " into " + into + ", making " + r.show(leaf) + ".");
    st.key = k;
    r.report(std::move(st));
}

void narrateOverflow(Run& r, NodeId x) {
    const int n = r.ns.size(x);
    const Key median = r.ns.key(x, (n - 1) / 2);
    Step st = r.about(StepKind::kOverflow, x,
                      std::string(r.ns.leaf(x)    ? "Leaf "
                                  : x == r.s.root ? "The root "
                                                  : "Node ") +
                          r.show(x) + " overflows: order " + std::to_string(r.p.order) +
                          " allows at most " + std::to_string(r.p.maxKeys()) +
                          " keys, so it splits around " + str(median) + ".");
    st.moved = median;
    r.report(std::move(st));
}

namespace {

// The leaf a search for k ends in, or where k already sits (then *found is set).
NodeId findLeafOrKey(Run& r, Key k, bool* found) {
    NodeId x = r.s.root;
    for (;;) {
        r.read(x);
        const int i = r.ns.lowerBound(x, k);
        if (i < r.ns.size(x) && r.ns.key(x, i) == k) {
            *found = true;
            return x;
        }
        if (r.ns.leaf(x)) {
            *found = false;
            return x;
        }
        x = r.ns.child(x, i);
    }
}

} // namespace

NodeId raiseInto(Run& r, NodeId x, NodeId parent, int at, Key k, NodeId right) {
    NodeStore& ns = r.ns;
    if (parent == kNoNode) {
        parent = ns.add(false);
        ns.adoptOnlyChild(parent, x);
        ns.insertAt(parent, 0, k, right);
        r.s.root = parent;
        ++r.s.stats.nodes;
        ++r.s.stats.height;
    } else {
        ns.insertAt(parent, at, k, right);
    }
    r.wrote(parent);
    return parent;
}

void splitAndRaise(Run& r, NodeId x, NodeId parent, int at) {
    NodeStore& ns = r.ns;
    std::vector<Key> before;
    if (r.narrate) {
        before = r.keysOf(x);
    }
    const bool wasRoot = parent == kNoNode;
    const NodeId right = ns.add(ns.leaf(x));
    const Key median = ns.splitAfter(x, (ns.size(x) - 1) / 2, right);
    ++r.s.stats.splits;
    ++r.s.stats.nodes;
    r.s.stats.leaves += ns.leaf(x) ? 1 : 0;
    r.wrote(x);
    r.wrote(right);
    parent = raiseInto(r, x, parent, at, median, right);
    if (!r.narrate) {
        return;
    }
    std::string text;
    if (r.p.preemptive()) {
        text = std::string(wasRoot      ? "The root "
                           : ns.leaf(x) ? "Leaf "
                                        : "Node ") +
               Run::show(before) + " is full (" + std::to_string(r.p.maxKeys()) +
               " keys, the most for t = " + std::to_string(r.p.minDegree()) +
               "), so it splits before the descent goes in: " + r.show(x) + " stays, " +
               r.show(right) + " goes to a new node and " + str(median) + " moves up.";
    } else {
        text = "It splits: " + r.show(x) + " stays, " + r.show(right) + " goes to a new node and " +
               str(median) + " moves up" +
               (r.s.bplus ? " (an inner node passes its middle separator up and keeps no copy)."
                          : ".");
    }
    Step split = r.about(StepKind::kSplit, x, std::move(text));
    split.other = right;
    split.otherKeys = r.keysOf(right);
    split.moved = median;
    split.parent = wasRoot ? kNoNode : parent;
    r.report(std::move(split));

    Step up;
    if (wasRoot) {
        up = r.about(StepKind::kNewRoot, parent,
                     "The root has split, so " + str(median) +
                         " becomes the only key of a new root and the tree grows to height " +
                         std::to_string(r.s.stats.height) + ".");
    } else {
        up = r.about(StepKind::kPromote, parent,
                     str(median) + " moves up into the parent, which becomes " + r.show(parent) +
                         ".");
    }
    up.other = right;
    up.moved = median;
    r.report(std::move(up));
}

void insertOnOverflow(Run& r, Key k) {
    NodeStore& ns = r.ns;
    NodeId x = r.s.root;
    int i = 0;
    for (;;) {
        r.read(x);
        i = ns.lowerBound(x, k);
        if (i < ns.size(x) && ns.key(x, i) == k) {
            if (r.narrate) {
                narrateDuplicate(r, x, k);
            }
            return;
        }
        if (ns.leaf(x)) {
            break;
        }
        if (r.narrate) {
            narrateDescend(r, x, i, k);
        }
        r.path.push_back({x, i});
        x = ns.child(x, i);
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
    splitUpThePath(r, x);
}

void splitUpThePath(Run& r, NodeId x) {
    // Each split puts one key into the parent, which may overflow in turn.
    while (r.ns.size(x) > r.p.maxKeys()) {
        if (r.narrate) {
            narrateOverflow(r, x);
        }
        if (r.path.empty()) {
            splitAndRaise(r, x, kNoNode, 0);
            break;
        }
        const PathEntry up = r.path.back();
        r.path.pop_back();
        splitAndRaise(r, x, up.node, up.index);
        x = up.node;
    }
}

void insertPreemptive(Run& r, Key k) {
    NodeStore& ns = r.ns;
    // CLRS assumes distinct keys. Looking first keeps a duplicate from splitting nodes on the way
    // down, so that inserting a key already present changes nothing.
    bool found = false;
    const NodeId at = findLeafOrKey(r, k, &found);
    if (found) {
        if (r.narrate) {
            narrateDuplicate(r, at, k);
        }
        return;
    }
    if (ns.size(r.s.root) == r.p.maxKeys()) {
        splitAndRaise(r, r.s.root, kNoNode, 0);
    }
    NodeId x = r.s.root;
    for (;;) {
        r.read(x);
        int i = ns.lowerBound(x, k);
        if (ns.leaf(x)) {
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
            return;
        }
        const NodeId c = ns.child(x, i);
        if (ns.size(c) == r.p.maxKeys()) {
            r.read(c);
            splitAndRaise(r, c, x, i);
            if (k > ns.key(x, i)) {
                ++i;
            }
        }
        if (r.narrate) {
            narrateDescend(r, x, i, k);
        }
        x = ns.child(x, i);
    }
}

} // namespace fg::btree::detail
