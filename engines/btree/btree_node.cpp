#include "engines/btree/btree_node.h"

#include <algorithm>

namespace fg::btree {

void NodeStore::insertAt(NodeId id, int i, Key k, NodeId right) {
    const int n = size_[id];
    Key* ks = keyBase(id);
    std::copy_backward(ks + i, ks + n, ks + n + 1);
    ks[i] = k;
    if (!leaf(id)) {
        NodeId* cs = childBase(id);
        std::copy_backward(cs + i + 1, cs + n + 1, cs + n + 2);
        cs[i + 1] = right;
    }
    size_[id] = static_cast<std::uint16_t>(n + 1);
}

NodeId NodeStore::eraseAt(NodeId id, int i) {
    const int n = size_[id];
    Key* ks = keyBase(id);
    std::copy(ks + i + 1, ks + n, ks + i);
    NodeId removed = kNoNode;
    if (!leaf(id)) {
        NodeId* cs = childBase(id);
        removed = cs[i + 1];
        std::copy(cs + i + 2, cs + n + 1, cs + i + 1);
    }
    size_[id] = static_cast<std::uint16_t>(n - 1);
    return removed;
}

void NodeStore::pushFront(NodeId id, Key k, NodeId left) {
    const int n = size_[id];
    Key* ks = keyBase(id);
    std::copy_backward(ks, ks + n, ks + n + 1);
    ks[0] = k;
    if (!leaf(id)) {
        NodeId* cs = childBase(id);
        std::copy_backward(cs, cs + n + 1, cs + n + 2);
        cs[0] = left;
    }
    size_[id] = static_cast<std::uint16_t>(n + 1);
}

NodeId NodeStore::popFront(NodeId id) {
    const int n = size_[id];
    Key* ks = keyBase(id);
    std::copy(ks + 1, ks + n, ks);
    NodeId removed = kNoNode;
    if (!leaf(id)) {
        NodeId* cs = childBase(id);
        removed = cs[0];
        std::copy(cs + 1, cs + n + 1, cs);
    }
    size_[id] = static_cast<std::uint16_t>(n - 1);
    return removed;
}

Key NodeStore::splitAfter(NodeId id, int mid, NodeId right) {
    const int n = size_[id];
    const Key* ks = keyBase(id);
    std::copy(ks + mid + 1, ks + n, keyBase(right));
    if (!leaf(id)) {
        const NodeId* cs = childBase(id);
        std::copy(cs + mid + 1, cs + n + 1, childBase(right));
    }
    size_[right] = static_cast<std::uint16_t>(n - mid - 1);
    size_[id] = static_cast<std::uint16_t>(mid);
    return ks[mid];
}

void NodeStore::absorb(NodeId left, Key sep, NodeId right) {
    const int nl = size_[left];
    const int nr = size_[right];
    Key* kl = keyBase(left);
    kl[nl] = sep;
    std::copy(keyBase(right), keyBase(right) + nr, kl + nl + 1);
    if (!leaf(left)) {
        std::copy(childBase(right), childBase(right) + nr + 1, childBase(left) + nl + 1);
    }
    size_[left] = static_cast<std::uint16_t>(nl + nr + 1);
    retire(right);
}

Key NodeStore::splitLeaf(NodeId id, int keep, NodeId right) {
    const int n = size_[id];
    const Key* ks = keyBase(id);
    std::copy(ks + keep, ks + n, keyBase(right));
    size_[right] = static_cast<std::uint16_t>(n - keep);
    size_[id] = static_cast<std::uint16_t>(keep);
    next_[right] = next_[id];
    next_[id] = right;
    return ks[keep];
}

void NodeStore::absorbLeaf(NodeId left, NodeId right) {
    const int nl = size_[left];
    const int nr = size_[right];
    std::copy(keyBase(right), keyBase(right) + nr, keyBase(left) + nl);
    size_[left] = static_cast<std::uint16_t>(nl + nr);
    next_[left] = next_[right];
    retire(right);
}

} // namespace fg::btree
