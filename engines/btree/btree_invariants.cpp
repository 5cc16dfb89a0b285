#include "engines/btree/btree_invariants.h"

#include <optional>

namespace fg::btree {
namespace {

class Checker {
public:
    Checker(const State& s, const Params& p) : s_(s), p_(p), seen_(s.nodes.idsIssued(), false) {}

    Status run() {
        if (s_.bplus != p_.bplus()) {
            return Status::error("state", s_.bplus ? "is a B+-tree, the params a B-tree"
                                                   : "is a B-tree, the params a B+-tree");
        }
        Status st = node(s_.root, std::nullopt, std::nullopt, 1);
        if (!st) {
            return st;
        }
        if (reached_ != s_.stats.nodes) {
            return Status::error("stats", "nodes is " + std::to_string(s_.stats.nodes) +
                                              " but the tree has " + std::to_string(reached_));
        }
        if (keys_ != s_.stats.keys) {
            return Status::error("stats", "keys is " + std::to_string(s_.stats.keys) +
                                              " but the tree holds " + std::to_string(keys_));
        }
        if (static_cast<std::int64_t>(leaves_.size()) != s_.stats.leaves) {
            return Status::error("stats", "leaves is " + std::to_string(s_.stats.leaves) +
                                              " but the tree has " +
                                              std::to_string(leaves_.size()));
        }
        if (st = chain(); !st) {
            return st;
        }
        for (NodeId id = 0; id < s_.nodes.idsIssued(); ++id) {
            if (s_.nodes.live(id) && !seen_[id]) {
                return Status::error(where(id), "is live but not reachable from the root");
            }
        }
        return Status::ok();
    }

private:
    static std::string where(NodeId id) { return "node " + std::to_string(id); }

    // A B+-tree's leaves link left to right in the order the walk met them, the last to none; a
    // textbook tree's leaves link to none.
    Status chain() const {
        const NodeStore& ns = s_.nodes;
        for (std::size_t i = 0; i < leaves_.size(); ++i) {
            const NodeId want = s_.bplus && i + 1 < leaves_.size() ? leaves_[i + 1] : kNoNode;
            if (ns.next(leaves_[i]) != want) {
                return Status::error(
                    where(leaves_[i]),
                    "links to " +
                        (ns.next(leaves_[i]) == kNoNode ? std::string("no leaf")
                                                        : where(ns.next(leaves_[i]))) +
                        ", not to " + (want == kNoNode ? std::string("no leaf") : where(want)));
            }
        }
        return Status::ok();
    }

    // Keys ascend strictly in the node and lie inside its subtree's bounds: lo < k < hi, but a
    // B+-tree's leaf may hold lo itself (a separator's own key is on its right).
    Status inBounds(NodeId id, std::optional<Key> lo, std::optional<Key> hi) const {
        const auto ks = s_.nodes.keys(id);
        const bool mayHoldLo = s_.bplus && s_.nodes.leaf(id);
        for (std::size_t i = 0; i < ks.size(); ++i) {
            const bool below = lo && (mayHoldLo ? ks[i] < *lo : ks[i] <= *lo);
            if ((i > 0 && ks[i - 1] >= ks[i]) || below || (hi && ks[i] >= *hi)) {
                return Status::error(where(id), "key " + std::to_string(ks[i]) +
                                                    " is out of order or outside its subtree");
            }
        }
        return Status::ok();
    }

    Status node(NodeId id, std::optional<Key> lo, std::optional<Key> hi, int depth) {
        const NodeStore& ns = s_.nodes;
        if (id == kNoNode || id >= ns.idsIssued() || !ns.live(id)) {
            return Status::error(where(id), "is a child that does not exist");
        }
        if (seen_[id]) {
            return Status::error(where(id), "is reached twice");
        }
        seen_[id] = true;
        ++reached_;
        const auto ks = ns.keys(id);
        const int n = static_cast<int>(ks.size());
        keys_ += s_.bplus && !ns.leaf(id) ? 0 : n; // a B+-tree's separators are copies
        const bool root = id == s_.root;
        if (n > p_.maxKeys()) {
            return Status::error(where(id), "holds " + std::to_string(n) + " keys, over " +
                                                std::to_string(p_.maxKeys()));
        }
        const int min =
            root ? (ns.leaf(id) ? 0 : 1) : (ns.leaf(id) ? p_.minLeafKeys() : p_.minKeys());
        if (n < min) {
            return Status::error(where(id), "holds " + std::to_string(n) + " keys, under " +
                                                std::to_string(min));
        }
        if (Status st = inBounds(id, lo, hi); !st) {
            return st;
        }
        if (ns.leaf(id)) {
            leaves_.push_back(id);
            if (depth != s_.stats.height) {
                return Status::error(where(id), "is a leaf at depth " + std::to_string(depth) +
                                                    ", not at the height " +
                                                    std::to_string(s_.stats.height));
            }
            return Status::ok();
        }
        for (int i = 0; i <= n; ++i) {
            const std::optional<Key> clo = i == 0 ? lo : std::optional<Key>(ks[i - 1]);
            const std::optional<Key> chi = i == n ? hi : std::optional<Key>(ks[i]);
            Status st = node(ns.child(id, i), clo, chi, depth + 1);
            if (!st) {
                return st;
            }
        }
        return Status::ok();
    }

    const State& s_;
    const Params& p_;
    std::vector<bool> seen_;
    std::int64_t reached_ = 0;
    std::int64_t keys_ = 0;
    std::vector<NodeId> leaves_; // in the walk's order, left to right
};

// The keys under `id` in order; `separators` false leaves out inner keys (a B+-tree's copies).
void collect(const NodeStore& ns, NodeId id, bool separators, std::vector<Key>& out) {
    const auto ks = ns.keys(id);
    if (ns.leaf(id)) {
        out.insert(out.end(), ks.begin(), ks.end());
        return;
    }
    for (std::size_t i = 0; i <= ks.size(); ++i) {
        collect(ns, ns.child(id, static_cast<int>(i)), separators, out);
        if (i < ks.size() && separators) {
            out.push_back(ks[i]);
        }
    }
}

} // namespace

Status checkInvariants(const State& state, const Params& p) {
    return Checker(state, p).run();
}

std::vector<Key> inorderKeys(const State& state) {
    std::vector<Key> out;
    collect(state.nodes, state.root, !state.bplus, out);
    return out;
}

std::vector<Key> leafChainKeys(const State& state) {
    const NodeStore& ns = state.nodes;
    NodeId x = state.root;
    while (!ns.leaf(x)) {
        x = ns.child(x, 0);
    }
    std::vector<Key> out;
    // At most one visit per node ever made: a link back to an earlier leaf ends the walk.
    for (std::size_t hops = 0; x != kNoNode && hops < ns.idsIssued(); x = ns.next(x), ++hops) {
        const auto ks = ns.keys(x);
        out.insert(out.end(), ks.begin(), ks.end());
    }
    return out;
}

std::string shapeOf(const State& state) {
    const NodeStore& ns = state.nodes;
    std::string out;
    std::vector<NodeId> level{state.root};
    while (!level.empty()) {
        std::vector<NodeId> next;
        if (!out.empty()) {
            out += " / ";
        }
        for (std::size_t j = 0; j < level.size(); ++j) {
            out += j > 0 ? " [" : "[";
            const auto ks = ns.keys(level[j]);
            for (std::size_t i = 0; i < ks.size(); ++i) {
                out += i > 0 ? "," : "";
                out += std::to_string(ks[i]);
            }
            out += "]";
            const auto cs = ns.children(level[j]);
            next.insert(next.end(), cs.begin(), cs.end());
        }
        level = std::move(next);
    }
    return out;
}

} // namespace fg::btree
