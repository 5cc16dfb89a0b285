// Borrow, merge and shrink: the repairs both removal rules share.
#include "engines/btree/btree_run.h"

namespace fg::btree::detail {
namespace {

std::string shortOf(const Run& r, NodeId c, bool ahead) {
    const std::string minimum = std::to_string(r.p.minKeys());
    if (ahead) {
        return r.show(c) + " holds only the minimum of " + minimum +
               (r.p.minKeys() == 1 ? " key" : " keys") + ", so before going down ";
    }
    return "";
}

void borrowLeft(Run& r, NodeId p, int ci, bool ahead) {
    NodeStore& ns = r.ns;
    const NodeId c = ns.child(p, ci);
    const NodeId left = ns.child(p, ci - 1);
    const std::string lead = r.narrate ? shortOf(r, c, ahead) : std::string();
    const Key down = ns.key(p, ci - 1);
    const Key up = ns.key(left, ns.size(left) - 1);
    const NodeId moved = ns.eraseAt(left, ns.size(left) - 1);
    ns.pushFront(c, down, moved);
    ns.setKey(p, ci - 1, up);
    ++r.s.stats.borrows;
    r.wrote(left);
    r.wrote(c);
    r.wrote(p);
    if (r.narrate) {
        Step st = r.about(StepKind::kBorrow, c,
                          (ahead ? lead + "it borrows from its left sibling: "
                                 : std::string("Its left sibling can spare a key: ")) +
                              str(down) + " comes down from the parent and " + str(up) +
                              " goes up in its place, making " + r.show(c) + ".");
        st.other = left;
        st.otherKeys = r.keysOf(left);
        st.parent = p;
        st.moved = down;
        r.report(std::move(st));
    }
}

void borrowRight(Run& r, NodeId p, int ci, bool ahead) {
    NodeStore& ns = r.ns;
    const NodeId c = ns.child(p, ci);
    const NodeId right = ns.child(p, ci + 1);
    const std::string lead = r.narrate ? shortOf(r, c, ahead) : std::string();
    const Key down = ns.key(p, ci);
    const Key up = ns.key(right, 0);
    const NodeId moved = ns.popFront(right);
    ns.insertAt(c, ns.size(c), down, moved);
    ns.setKey(p, ci, up);
    ++r.s.stats.borrows;
    r.wrote(right);
    r.wrote(c);
    r.wrote(p);
    if (r.narrate) {
        Step st = r.about(StepKind::kBorrow, c,
                          (ahead ? lead + "it borrows from its right sibling: "
                                 : std::string("Its right sibling can spare a key: ")) +
                              str(down) + " comes down from the parent and " + str(up) +
                              " goes up in its place, making " + r.show(c) + ".");
        st.other = right;
        st.otherKeys = r.keysOf(right);
        st.parent = p;
        st.moved = down;
        r.report(std::move(st));
    }
}

} // namespace

void mergeChildren(Run& r, NodeId p, int i, const std::string& why) {
    NodeStore& ns = r.ns;
    const NodeId left = ns.child(p, i);
    const NodeId right = ns.child(p, i + 1);
    std::vector<Key> leftKeys, rightKeys;
    if (r.narrate) {
        leftKeys = r.keysOf(left);
        rightKeys = r.keysOf(right);
    }
    const Key sep = ns.key(p, i);
    r.s.stats.leaves -= ns.leaf(left) ? 1 : 0;
    ns.absorb(left, sep, right);
    ns.eraseAt(p, i);
    ++r.s.stats.merges;
    --r.s.stats.nodes;
    r.wrote(left);
    r.wrote(right);
    r.wrote(p);
    if (r.narrate) {
        Step st = r.about(StepKind::kMerge, left,
                          why + Run::show(leftKeys) + ", the separator " + str(sep) +
                              " from the parent and " + Run::show(rightKeys) + " merge into " +
                              r.show(left) + ".");
        st.other = right;
        st.parent = p;
        st.moved = sep;
        r.report(std::move(st));
    }
}

int refill(Run& r, NodeId p, int ci, bool ahead) {
    NodeStore& ns = r.ns;
    const NodeId c = ns.child(p, ci);
    if (ci > 0) {
        const NodeId left = ns.child(p, ci - 1);
        r.read(left);
        if (ns.size(left) > r.p.minKeys()) {
            borrowLeft(r, p, ci, ahead);
            return ci;
        }
    }
    if (ci < ns.size(p)) {
        const NodeId right = ns.child(p, ci + 1);
        r.read(right);
        if (ns.size(right) > r.p.minKeys()) {
            borrowRight(r, p, ci, ahead);
            return ci;
        }
    }
    const std::string why =
        !r.narrate ? std::string()
        : ahead    ? shortOf(r, c, true) + "it merges with a sibling that cannot spare a key: "
                   : std::string("Neither sibling can spare a key, so ");
    const int left = ci > 0 ? ci - 1 : ci;
    mergeChildren(r, p, left, why);
    return left;
}

void shrinkIfEmptyRoot(Run& r) {
    NodeStore& ns = r.ns;
    const NodeId old = r.s.root;
    if (ns.size(old) > 0 || ns.leaf(old)) {
        return;
    }
    r.s.root = ns.child(old, 0);
    ns.retire(old);
    --r.s.stats.nodes;
    --r.s.stats.height;
    r.wrote(old);
    if (r.narrate) {
        Step st = r.about(StepKind::kShrink, old,
                          "The root has no key left, so its only child " + r.show(r.s.root) +
                              " becomes the root and the tree shrinks to height " +
                              std::to_string(r.s.stats.height) + ".");
        st.other = r.s.root;
        r.report(std::move(st));
    }
}

} // namespace fg::btree::detail
