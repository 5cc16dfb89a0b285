#include "engines/btree/btree_run.h"

namespace fg::btree::detail {

std::string str(Key k) {
    return std::to_string(k);
}

std::string Run::show(std::span<const Key> keys) {
    // A long node (order 64 holds up to 63 keys) is summarised, or the sentence is a wall of
    // numbers: its first keys, its last, and how many.
    constexpr std::size_t kWhole = 8, kFirst = 3;
    const bool summary = keys.size() > kWhole;
    std::string out = "[";
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (summary && i == kFirst) {
            out += " ...";
            i = keys.size() - 1;
        }
        if (i > 0) {
            out += ' ';
        }
        out += str(keys[i]);
    }
    out += "]";
    if (summary) {
        out += " (" + std::to_string(keys.size()) + " keys)";
    }
    return out;
}

std::string Run::named(NodeId id) const {
    if (id == s.root) {
        return "the root " + show(id);
    }
    return (ns.leaf(id) ? "leaf " : "node ") + show(id);
}

std::string Run::list(std::span<const Key> keys) {
    if (keys.size() > 8) { // as show(): the first keys, the last, and how many
        return str(keys[0]) + ", " + str(keys[1]) + ", " + str(keys[2]) + " ... " +
               str(keys.back()) + " (" + std::to_string(keys.size()) + " keys)";
    }
    std::string out;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (i > 0) {
            out += i + 1 == keys.size() ? " and " : ", ";
        }
        out += str(keys[i]);
    }
    return out;
}

void narrateDescend(Run& r, NodeId x, int i, Key k) {
    const int n = r.ns.size(x);
    std::string why;
    if (i == 0) {
        why = str(k) + " is less than " + str(r.ns.key(x, 0)) + ", so go down the leftmost branch";
    } else if (r.ns.key(x, i - 1) == k) { // a B+-tree's separator: its key is on its right
        why = str(k) + " equals the separator " + str(k) +
              ", and keys from a separator on are to its right, so go down " +
              (i == n ? std::string("the rightmost branch") : "branch " + std::to_string(i + 1));
    } else if (i == n) {
        why = str(k) + " is greater than " + str(r.ns.key(x, n - 1)) +
              ", so go down the rightmost branch";
    } else {
        why = str(k) + " lies between " + str(r.ns.key(x, i - 1)) + " and " + str(r.ns.key(x, i)) +
              ", so go down branch " + std::to_string(i + 1);
    }
    Step st = r.about(StepKind::kDescend, x, "At " + r.named(x) + ", " + why + ".");
    st.key = k;
    st.other = r.ns.child(x, i);
    // Keys compared left to right until the first one not below k.
    st.compared.assign(st.keys.begin(), st.keys.begin() + std::min(i + 1, n));
    r.report(std::move(st));
}

void narrateDuplicate(Run& r, NodeId x, Key k) {
    Step st =
        r.about(StepKind::kDuplicate, x,
                str(k) + " is already in the tree, in " + r.named(x) + ", so nothing changes.");
    st.key = k;
    r.report(std::move(st));
}

} // namespace fg::btree::detail
