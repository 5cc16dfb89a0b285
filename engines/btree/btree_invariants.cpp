#include "engines/btree/btree_invariants.h"

#include <optional>

namespace fg::btree {
namespace {

class Checker {
public:
    Checker(const State& s, const Params& p) : s_(s), p_(p), seen_(s.nodes.idsIssued(), false) {}

    Status run() {
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
        for (NodeId id = 0; id < s_.nodes.idsIssued(); ++id) {
            if (s_.nodes.live(id) && !seen_[id]) {
                return Status::error(where(id), "is live but not reachable from the root");
            }
        }
        return Status::ok();
    }

private:
    static std::string where(NodeId id) { return "node " + std::to_string(id); }

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
        keys_ += n;
        const bool root = id == s_.root;
        if (n > p_.maxKeys()) {
            return Status::error(where(id), "holds " + std::to_string(n) + " keys, over " +
                                                std::to_string(p_.maxKeys()));
        }
        const int min = root ? (ns.leaf(id) ? 0 : 1) : p_.minKeys();
        if (n < min) {
            return Status::error(where(id), "holds " + std::to_string(n) + " keys, under " +
                                                std::to_string(min));
        }
        for (int i = 0; i < n; ++i) {
            if ((i > 0 && ks[i - 1] >= ks[i]) || (lo && ks[i] <= *lo) || (hi && ks[i] >= *hi)) {
                return Status::error(where(id), "key " + std::to_string(ks[i]) +
                                                    " is out of order or outside its subtree");
            }
        }
        if (ns.leaf(id)) {
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
};

void collect(const NodeStore& ns, NodeId id, std::vector<Key>& out) {
    const auto ks = ns.keys(id);
    if (ns.leaf(id)) {
        out.insert(out.end(), ks.begin(), ks.end());
        return;
    }
    for (std::size_t i = 0; i <= ks.size(); ++i) {
        collect(ns, ns.child(id, static_cast<int>(i)), out);
        if (i < ks.size()) {
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
    collect(state.nodes, state.root, out);
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
