// Removal under the insert-then-split rule: remove from a leaf, then repair bottom-up. A key in an
// inner node is first swapped for its predecessor (the largest key of its left subtree, always in
// a leaf), so the removal itself always happens in a leaf; an underflowing node borrows from a
// sibling or merges with one, which may leave its parent short in turn, up to the root.
#include "engines/btree/btree_run.h"

namespace fg::btree::detail {

void narrateNotFound(Run& r, NodeId leaf, Key k) {
    Step st = r.about(StepKind::kNotFound, leaf,
                      str(k) + " is not in " + r.named(leaf) +
                          ", so it is not in the tree and nothing is removed.");
    st.key = k;
    for (std::size_t i = 0; i < r.path.size(); ++i) {
        st.path.push_back(r.path[i].node);
    }
    st.path.push_back(leaf);
    r.report(std::move(st));
}

void narrateUnderflow(Run& r, NodeId x) {
    const int min = r.p.minKeys();
    r.report(r.about(StepKind::kUnderflow, x,
                     std::string(r.ns.leaf(x) ? "Leaf " : "Node ") + r.show(x) + " now has " +
                         std::to_string(r.ns.size(x)) + (r.ns.size(x) == 1 ? " key" : " keys") +
                         ", fewer than the " + std::to_string(min) + " that order " +
                         std::to_string(r.p.order) + " requires."));
}

void removeOnUnderflow(Run& r, Key k) {
    NodeStore& ns = r.ns;
    NodeId x = r.s.root;
    int i = 0;
    for (;;) {
        r.read(x);
        i = ns.lowerBound(x, k);
        if (i < ns.size(x) && ns.key(x, i) == k) {
            break;
        }
        if (ns.leaf(x)) {
            if (r.narrate) {
                narrateNotFound(r, x, k);
            }
            return;
        }
        if (r.narrate) {
            narrateDescend(r, x, i, k);
        }
        r.path.push_back({x, i});
        x = ns.child(x, i);
    }
    // The key count changes with the key, before the step that shows it gone is reported: the
    // counters under the drawing said "Keys: 3" beside [1 3] (a tester).
    if (ns.leaf(x)) {
        ns.eraseAt(x, i);
        --r.s.stats.keys;
        r.wrote(x);
        if (r.narrate) {
            Step st = r.about(StepKind::kRemoveLeaf, x,
                              "Remove " + str(k) + " from the leaf, leaving " + r.show(x) + ".");
            st.key = k;
            r.report(std::move(st));
        }
    } else {
        const NodeId inner = x;
        r.path.push_back({x, i});
        x = ns.child(x, i);
        r.read(x);
        while (!ns.leaf(x)) {
            r.path.push_back({x, ns.size(x)});
            x = ns.child(x, ns.size(x));
            r.read(x);
        }
        const Key pred = ns.key(x, ns.size(x) - 1);
        std::vector<Key> leafBefore;
        if (r.narrate) {
            leafBefore = r.keysOf(x);
        }
        ns.setKey(inner, i, pred);
        ns.eraseAt(x, ns.size(x) - 1);
        --r.s.stats.keys;
        r.wrote(inner);
        r.wrote(x);
        if (r.narrate) {
            Step st = r.about(StepKind::kReplace, inner,
                              str(k) + " sits in an inner node, so its predecessor " + str(pred) +
                                  " (the largest key to its left, from leaf " +
                                  Run::show(leafBefore) + ") takes its place.");
            st.key = k;
            st.moved = pred;
            st.other = x;
            r.report(std::move(st));
        }
    }
    while (x != r.s.root && ns.size(x) < r.p.minKeys()) {
        if (r.narrate) {
            narrateUnderflow(r, x);
        }
        const PathEntry up = r.path.back();
        r.path.pop_back();
        refill(r, up.node, up.index, false);
        x = up.node;
    }
    shrinkIfEmptyRoot(r);
}

} // namespace fg::btree::detail
