// NodeStore: every node of one B-tree, kept in flat arrays indexed by node id.
//
// A node is a sorted run of keys plus, when it is inner, one more child id than keys. Each node
// owns fixed slots inside three vectors (keys, children, sizes), sized by the order, so a node
// costs no heap allocation of its own and the whole tree copies as a handful of vectors (a Timeline
// checkpoint is cheap). Slots hold one key and one child more than the order allows, room for the
// moment between an insert and the split it causes.
//
// A leaf may link to the next leaf to its right (a B+-tree's leaf chain; kNoNode at the end, and
// in a textbook B-tree, whose leaves are never linked).
//
// Ids are handed out in order and never reused: a node keeps its id while its keys change, and a
// retired node's id (after a merge or a shrink) never comes back, so a view can follow a node
// across steps by id alone.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace fg::btree {

using Key = std::int64_t;
using NodeId = std::uint32_t;
inline constexpr NodeId kNoNode = ~NodeId{0};

class NodeStore {
public:
    // REQUIRES: 3 <= order <= 65,535 (a node's size is 16 bits). The engine's trees take 3..64
    // (btree::Params); the Lab draws real PostgreSQL pages, up to 407 keys each, in a store of a
    // larger order.
    explicit NodeStore(int order)
        : keySlots_(static_cast<std::size_t>(order)), childSlots_(keySlots_ + 1) {}

    // A new empty node; its id is the number of nodes made before it.
    NodeId add(bool leaf) {
        const auto id = static_cast<NodeId>(size_.size());
        size_.push_back(0);
        flags_.push_back(static_cast<std::uint8_t>(kLive | (leaf ? kLeaf : 0)));
        keys_.resize(keys_.size() + keySlots_);
        children_.resize(children_.size() + childSlots_, kNoNode);
        next_.push_back(kNoNode);
        return id;
    }
    // The node leaves the tree (merged away, or an emptied root). REQUIRES: live(id).
    void retire(NodeId id) {
        flags_[id] &= static_cast<std::uint8_t>(~kLive);
        size_[id] = 0;
        next_[id] = kNoNode;
    }

    std::size_t idsIssued() const { return size_.size(); }
    bool live(NodeId id) const { return (flags_[id] & kLive) != 0; }
    bool leaf(NodeId id) const { return (flags_[id] & kLeaf) != 0; }
    int size(NodeId id) const { return size_[id]; }

    std::span<const Key> keys(NodeId id) const { return {keyBase(id), size_[id]}; }
    Key key(NodeId id, int i) const { return keyBase(id)[i]; }
    void setKey(NodeId id, int i, Key k) { keyBase(id)[i] = k; }
    // Children of an inner node (size+1 of them); empty for a leaf.
    std::span<const NodeId> children(NodeId id) const {
        return leaf(id) ? std::span<const NodeId>{}
                        : std::span<const NodeId>{childBase(id), size_[id] + 1u};
    }
    NodeId child(NodeId id, int i) const { return childBase(id)[i]; }
    // The leaf to the right of leaf `id` in the leaf chain, or kNoNode.
    NodeId next(NodeId id) const { return next_[id]; }
    void setNext(NodeId id, NodeId right) { next_[id] = right; }

    // Index of the first key >= k (size(id) when there is none).
    int lowerBound(NodeId id, Key k) const {
        const Key* b = keyBase(id);
        int lo = 0, hi = size_[id];
        while (lo < hi) {
            const int mid = (lo + hi) / 2;
            if (b[mid] < k) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
    // Index of the first key > k (size(id) when there is none): the branch of a B+-tree's inner
    // node that holds k, since a separator's copy sits in the subtree to its right.
    int upperBound(NodeId id, Key k) const {
        const Key* b = keyBase(id);
        int lo = 0, hi = size_[id];
        while (lo < hi) {
            const int mid = (lo + hi) / 2;
            if (b[mid] <= k) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    // Puts k at index i and, for an inner node, `right` as the child just after it.
    // REQUIRES: 0 <= i <= size(id) < order; right == kNoNode exactly when id is a leaf.
    void insertAt(NodeId id, int i, Key k, NodeId right = kNoNode);
    // Removes key i and, for an inner node, the child just after it (which is returned).
    // REQUIRES: 0 <= i < size(id).
    NodeId eraseAt(NodeId id, int i);
    // Puts k first and, for an inner node, `left` as the new first child. REQUIRES: size < order.
    void pushFront(NodeId id, Key k, NodeId left = kNoNode);
    // Removes the first key and, for an inner node, the first child (returned). REQUIRES: size > 0.
    NodeId popFront(NodeId id);
    // The first root: an empty inner node whose only child is `only`.
    void adoptOnlyChild(NodeId id, NodeId only) { childBase(id)[0] = only; }

    // Moves the keys after index mid (and the children after mid) into the empty node `right`
    // (same leafness) and drops key mid from `id`, which keeps keys [0, mid). Returns key mid.
    Key splitAfter(NodeId id, int mid, NodeId right);
    // Appends separator `sep` and all of `right` to `left`, then retires `right`.
    // REQUIRES: size(left) + size(right) + 1 <= order, both of the same leafness.
    void absorb(NodeId left, Key sep, NodeId right);
    // Leaves of a B+-tree: moves keys [keep, size) of leaf `id` into the empty leaf `right`, which
    // takes its place in the chain just after `id`. Returns right's first key, the separator.
    // REQUIRES: 0 < keep < size(id); right is an empty leaf.
    Key splitLeaf(NodeId id, int keep, NodeId right);
    // Appends all of leaf `right` (next to `left` in the chain) to leaf `left`, which takes over
    // its link, then retires `right`. REQUIRES: size(left) + size(right) <= order.
    void absorbLeaf(NodeId left, NodeId right);

    bool operator==(const NodeStore&) const = default;

private:
    static constexpr std::uint8_t kLive = 1, kLeaf = 2;

    Key* keyBase(NodeId id) { return keys_.data() + id * keySlots_; }
    const Key* keyBase(NodeId id) const { return keys_.data() + id * keySlots_; }
    NodeId* childBase(NodeId id) { return children_.data() + id * childSlots_; }
    const NodeId* childBase(NodeId id) const { return children_.data() + id * childSlots_; }
    std::size_t keySlots_;
    std::size_t childSlots_;
    std::vector<Key> keys_;
    std::vector<NodeId> children_;
    std::vector<std::uint16_t> size_;
    std::vector<std::uint8_t> flags_;
    std::vector<NodeId> next_;
};

} // namespace fg::btree
