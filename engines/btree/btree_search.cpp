// Search (one root-to-leaf path) and range (an in-order walk bounded by from..to).
#include "engines/btree/btree_run.h"

namespace fg::btree::detail {
namespace {

// The in-order walk of range(): it enters each node at most once, going down into every branch
// that may hold keys in [from, to] and back up to the parent between branches.
class RangeWalk {
public:
    RangeWalk(Run& r, Key from, Key to) : r_(r), from_(from), to_(to) {}

    void walk(NodeId x) {
        NodeStore& ns = r_.ns;
        r_.readFresh();
        if (r_.narrate) {
            path.push_back(x);
        }
        const int n = ns.size(x);
        if (ns.leaf(x)) {
            std::vector<Key> mine;
            int i = ns.lowerBound(x, from_);
            for (; i < n && ns.key(x, i) <= to_; ++i) {
                take(ns.key(x, i), mine);
            }
            stopped_ = i < n;
            if (r_.narrate) {
                visitStep(x, mine,
                          mine.empty()
                              ? "Leaf " + r_.show(x) + " holds no key in the range."
                              : "Leaf " + r_.show(x) + " returns " + Run::list(mine) + ".");
            }
            return;
        }
        // Branch i holds keys between key i-1 and key i; the first that may reach `from` is the
        // branch left of the first key >= from.
        int i = ns.lowerBound(x, from_);
        if (r_.narrate) {
            visitStep(x, {},
                      i < n && ns.key(x, i) == from_
                          ? "Read " + r_.named(x) + ": the range starts at its key " + str(from_) +
                                "."
                          : "Read " + r_.named(x) + " and go down branch " + std::to_string(i + 1) +
                                ", the first that may hold keys from " + str(from_) + ".");
        }
        for (;; ++i) {
            const bool down = i == n || ns.key(x, i) > from_;
            if (down) {
                walk(ns.child(x, i));
            }
            if (stopped_ || i == n) {
                return;
            }
            const Key k = ns.key(x, i);
            if (k > to_) {
                stopped_ = true;
                if (r_.narrate) {
                    visitStep(x, {},
                              (down ? "Back up at " : "At ") + r_.named(x) + ": " + str(k) +
                                  " is past " + str(to_) + ", so the walk ends.");
                }
                return;
            }
            if (k >= from_) {
                std::vector<Key> mine;
                take(k, mine);
                if (r_.narrate) {
                    visitStep(x, mine,
                              (down ? "Back up at " : "At ") + r_.named(x) + ": " + str(k) +
                                  " is in the range, so return it.");
                }
            }
            if (k == to_) { // the branch after it holds only larger keys
                stopped_ = true;
                return;
            }
        }
    }

    std::vector<Key> result;
    std::vector<NodeId> path;

private:
    void take(Key k, std::vector<Key>& mine) {
        if (r_.narrate) {
            result.push_back(k);
            mine.push_back(k);
        }
    }
    void visitStep(NodeId x, std::vector<Key> returned, std::string text) {
        Step st;
        st.kind = StepKind::kRangeVisit;
        st.text = std::move(text);
        st.node = x;
        st.keys = std::move(returned);
        r_.report(std::move(st));
    }

    Run& r_;
    Key from_, to_;
    bool stopped_ = false;
};

} // namespace

void search(Run& r, Key k) {
    NodeStore& ns = r.ns;
    std::vector<NodeId> path;
    std::vector<Key> compared;
    NodeId x = r.s.root;
    for (;;) {
        r.read(x);
        const int n = ns.size(x);
        const int i = ns.lowerBound(x, k);
        const bool hit = i < n && ns.key(x, i) == k;
        if (r.narrate) {
            path.push_back(x);
            const auto ks = ns.keys(x);
            compared.insert(compared.end(), ks.begin(), ks.begin() + std::min(i + 1, n));
        }
        if (hit || ns.leaf(x)) {
            if (r.narrate) {
                const std::string reads =
                    std::to_string(path.size()) + (path.size() == 1 ? " node read" : " nodes read");
                Step st =
                    r.about(hit ? StepKind::kFound : StepKind::kNotFound, x,
                            hit ? "Found " + str(k) + " in " + r.named(x) + " (" + reads + ")."
                                : str(k) + " is not in " + r.named(x) +
                                      ", so it is not in the tree (" + reads + ").");
                st.key = k;
                st.path = std::move(path);
                st.compared = std::move(compared);
                r.report(std::move(st));
            }
            return;
        }
        if (r.narrate) {
            narrateDescend(r, x, i, k);
        }
        x = ns.child(x, i);
    }
}

void range(Run& r, Key from, Key to) {
    RangeWalk walk(r, from, to);
    if (from <= to) {
        walk.walk(r.s.root);
    }
    if (!r.narrate) {
        return;
    }
    Step st;
    st.kind = StepKind::kRangeDone;
    const std::size_t found = walk.result.size();
    st.text = "The range " + str(from) + ".." + str(to) + " holds " + std::to_string(found) +
              (found == 1 ? " key" : " keys") + ", found by reading " +
              std::to_string(walk.path.size()) + (walk.path.size() == 1 ? " node." : " nodes.");
    st.key = from;
    st.keys = std::move(walk.result);
    st.path = std::move(walk.path);
    r.report(std::move(st));
}

} // namespace fg::btree::detail
