// The B+-tree's search and range scan (Params::bplus). Every key sits in a leaf, so a search always
// goes down to a leaf, even past a separator equal to its key. A range scan goes down once, to the
// leaf that may hold its first key, then walks the leaf level left to right along the leaves'
// right-links, as PostgreSQL's index scan does, until a key past the range's end.
#include "engines/btree/btree_run.h"

namespace fg::btree::detail {
namespace {

// One leaf of the scan: the keys it returns (only when narrating), whether a key past `to` ended
// the scan there.
struct LeafVisit {
    std::vector<Key> keys;
    bool past = false;
    Key pastKey = 0;
};

LeafVisit scanLeaf(const Run& r, NodeId leaf, Key from, Key to) {
    const NodeStore& ns = r.ns;
    LeafVisit v;
    const int n = ns.size(leaf);
    int i = ns.lowerBound(leaf, from);
    for (; i < n && ns.key(leaf, i) <= to; ++i) {
        if (r.narrate) {
            v.keys.push_back(ns.key(leaf, i));
        }
    }
    v.past = i < n;
    v.pastKey = v.past ? ns.key(leaf, i) : 0;
    return v;
}

std::string leafSentence(const Run& r, NodeId leaf, NodeId from, const LeafVisit& v, Key to) {
    std::string text = from == kNoNode ? "Leaf " + r.show(leaf)
                                       : "Follow the right-link to leaf " + r.show(leaf) + ": it";
    text += v.keys.empty() ? " holds no key in the range" : " returns " + Run::list(v.keys);
    if (v.past) {
        text += "; " + str(v.pastKey) + " is past " + str(to) + ", so the scan stops.";
    } else if (r.ns.next(leaf) == kNoNode) {
        text += "; it is the last leaf, so the scan ends.";
    } else {
        text += ", and its last key is not past " + str(to) + ", so the scan goes on.";
    }
    return text;
}

void visitStep(Run& r, NodeId node, NodeId from, std::vector<Key> keys, std::string text) {
    Step st;
    st.kind = StepKind::kRangeVisit;
    st.text = std::move(text);
    st.node = node;
    st.other = from;
    st.keys = std::move(keys);
    r.report(std::move(st));
}

// `down` of the nodes on `path` were read on the way down, the others along the leaf chain.
void narrateRangeDone(Run& r, Key from, Key to, std::vector<Key> result, std::vector<NodeId> path,
                      std::size_t down) {
    Step st;
    st.kind = StepKind::kRangeDone;
    const std::size_t leaves = path.size() - down;
    st.text = "The range " + str(from) + ".." + str(to) + " holds " +
              std::to_string(result.size()) + (result.size() == 1 ? " key" : " keys") +
              ", found by reading " + std::to_string(path.size()) +
              (path.size() == 1 ? " node" : " nodes") +
              (down == 0 ? "."
                         : ": " + std::to_string(down) + " on the way down and " +
                               std::to_string(leaves) + (leaves == 1 ? " leaf." : " leaves."));
    st.key = from;
    st.keys = std::move(result);
    st.path = std::move(path);
    r.report(std::move(st));
}

} // namespace

void searchBPlus(Run& r, Key k) {
    NodeStore& ns = r.ns;
    std::vector<NodeId> path;
    std::vector<Key> compared;
    NodeId x = r.s.root;
    for (r.read(x); !ns.leaf(x); r.read(x)) {
        const int i = ns.upperBound(x, k);
        if (r.narrate) {
            path.push_back(x);
            const auto ks = ns.keys(x);
            compared.insert(compared.end(), ks.begin(), ks.begin() + std::min(i + 1, ns.size(x)));
            narrateDescend(r, x, i, k);
        }
        x = ns.child(x, i);
    }
    if (!r.narrate) {
        return;
    }
    const int n = ns.size(x);
    const int i = ns.lowerBound(x, k);
    const bool hit = i < n && ns.key(x, i) == k;
    path.push_back(x);
    const auto ks = ns.keys(x);
    compared.insert(compared.end(), ks.begin(), ks.begin() + std::min(i + 1, n));
    const std::string reads =
        std::to_string(path.size()) + (path.size() == 1 ? " node read" : " nodes read");
    Step st = r.about(hit ? StepKind::kFound : StepKind::kNotFound, x,
                      hit ? "Found " + str(k) + " in " + r.named(x) + " (" + reads + ")."
                          : str(k) + " is not in " + r.named(x) + ", so it is not in the tree (" +
                                reads + ").");
    st.key = k;
    st.path = std::move(path);
    st.compared = std::move(compared);
    r.report(std::move(st));
}

void rangeBPlus(Run& r, Key from, Key to) {
    NodeStore& ns = r.ns;
    std::vector<NodeId> path;
    std::vector<Key> result;
    std::size_t down = 0; // nodes read on the way down, the leaves after them
    NodeId x = r.s.root;
    NodeId cameFrom = kNoNode;
    while (from <= to) { // each node is entered once: no read is counted twice
        r.readFresh();
        if (r.narrate) {
            path.push_back(x);
        }
        if (!ns.leaf(x)) {
            const int i = ns.upperBound(x, from);
            if (r.narrate) {
                ++down;
                visitStep(r, x, kNoNode, {},
                          "Read " + r.named(x) + " and go down branch " + std::to_string(i + 1) +
                              ", the one that holds keys from " + str(from) + ".");
            }
            x = ns.child(x, i);
            continue;
        }
        const LeafVisit v = scanLeaf(r, x, from, to);
        if (r.narrate) {
            result.insert(result.end(), v.keys.begin(), v.keys.end());
            visitStep(r, x, cameFrom, v.keys, leafSentence(r, x, cameFrom, v, to));
        }
        if (v.past || ns.next(x) == kNoNode) {
            break;
        }
        cameFrom = x;
        x = ns.next(x);
    }
    if (r.narrate) {
        narrateRangeDone(r, from, to, std::move(result), std::move(path), down);
    }
}

} // namespace fg::btree::detail
