// Removal under the preemptive rule, as CLRS 18.3: one pass down, never back up. Before the
// descent enters a child holding only t-1 keys, the child gets a key from a sibling (borrow) or
// is merged with one, so the node a key finally leaves always keeps at least t-1. A key found in
// an inner node is replaced by its predecessor when the left child has t keys (case 2a), by its
// successor when the right child has (2b), and otherwise both children merge around it (2c) and
// the descent goes on into the merged node.
#include "engines/btree/btree_run.h"

namespace fg::btree::detail {
namespace {

// Removes and returns the largest (or smallest) key under y, topping up each child on the way;
// *from is the leaf it came from. REQUIRES: y holds at least t keys.
Key takeExtreme(Run& r, NodeId y, bool largest, NodeId* from) {
    NodeStore& ns = r.ns;
    for (;;) {
        if (ns.leaf(y)) {
            const int i = largest ? ns.size(y) - 1 : 0;
            const Key k = ns.key(y, i);
            ns.eraseAt(y, i);
            r.wrote(y);
            *from = y;
            return k;
        }
        int i = largest ? ns.size(y) : 0;
        NodeId c = ns.child(y, i);
        r.read(c);
        if (ns.size(c) == r.p.minKeys()) {
            i = refill(r, y, i, true);
            c = ns.child(y, i);
        }
        y = c;
    }
}

void narrateReplace(Run& r, NodeId x, Key k, Key by, NodeId from, bool predecessor) {
    Step st = r.about(StepKind::kReplace, x,
                      str(k) + " sits in an inner node whose " +
                          (predecessor ? "left child has keys to spare, so its predecessor "
                                       : "right child has keys to spare, so its successor ") +
                          str(by) + " takes its place, making " + r.show(x) + ".");
    st.key = k;
    st.moved = by;
    st.other = from;
    r.report(std::move(st));
}

} // namespace

void removePreemptive(Run& r, Key k) {
    NodeStore& ns = r.ns;
    const int t = r.p.minDegree();
    NodeId x = r.s.root;
    std::vector<NodeId> path;
    for (;;) {
        r.read(x);
        if (r.narrate) {
            path.push_back(x);
        }
        int i = ns.lowerBound(x, k);
        const bool here = i < ns.size(x) && ns.key(x, i) == k;
        if (here && ns.leaf(x)) {
            ns.eraseAt(x, i);
            --r.s.stats.keys;
            r.wrote(x);
            if (r.narrate) {
                Step st =
                    r.about(StepKind::kRemoveLeaf, x,
                            "Remove " + str(k) + " from the leaf, leaving " + r.show(x) + ".");
                st.key = k;
                r.report(std::move(st));
            }
            return;
        }
        if (here) {
            const NodeId left = ns.child(x, i);
            const NodeId right = ns.child(x, i + 1);
            r.read(left);
            if (ns.size(left) >= t) {
                NodeId from = kNoNode;
                const Key pred = takeExtreme(r, left, true, &from);
                ns.setKey(x, i, pred);
                --r.s.stats.keys;
                r.wrote(x);
                if (r.narrate) {
                    narrateReplace(r, x, k, pred, from, true);
                }
                return;
            }
            r.read(right);
            if (ns.size(right) >= t) {
                NodeId from = kNoNode;
                const Key succ = takeExtreme(r, right, false, &from);
                ns.setKey(x, i, succ);
                --r.s.stats.keys;
                r.wrote(x);
                if (r.narrate) {
                    narrateReplace(r, x, k, succ, from, false);
                }
                return;
            }
            // Both children hold t-1 keys: merge them around k and remove k from the result.
            mergeChildren(r, x, i,
                          r.narrate ? "Neither child next to " + str(k) + " can spare a key, so "
                                    : std::string());
            shrinkIfEmptyRoot(r);
            x = left;
            continue;
        }
        if (ns.leaf(x)) {
            if (r.narrate) {
                Step st = r.about(StepKind::kNotFound, x,
                                  str(k) + " is not in " + r.named(x) +
                                      ", so it is not in the tree and nothing is removed.");
                st.key = k;
                st.path = std::move(path);
                r.report(std::move(st));
            }
            return;
        }
        NodeId c = ns.child(x, i);
        r.read(c);
        if (ns.size(c) == r.p.minKeys()) {
            i = refill(r, x, i, true);
            c = ns.child(x, i);
            shrinkIfEmptyRoot(r);
        }
        if (r.narrate && ns.live(x)) {
            narrateDescend(r, x, i, k);
        }
        x = c;
    }
}

} // namespace fg::btree::detail
