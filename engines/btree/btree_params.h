// Params: the shape rules of one B-tree, fixed for its whole life.
//
// Two split rules, one vocabulary. `order` m is the most children a node may have, so a node holds
// at most m-1 keys and, unless it is the root, at least ceil(m/2)-1.
//   kOnOverflow (insert-then-split, Galles' default): a key goes into its leaf first; a node that
//     then holds m keys splits around its key at index (m-1)/2, the lower median.
//   kPreemptive (CLRS ch. 18, minimum degree t): order is 2t, so a node holds t-1..2t-1 keys; a
//   full
//     node (2t-1 keys) met on the way down splits before the descent enters it, around its median.
// Both rules give the same bounds for the same order, so one invariant check serves both.
//
// Two variants. kBTree (the default) is the textbook B-tree: a key sits in exactly one node, leaf
// or inner. kBPlus is the B+-tree of PostgreSQL's nbtree: every key sits in a leaf, inner nodes
// hold copies of leaf keys as separators (a subtree right of separator s holds keys >= s), and the
// leaves are linked left to right. It splits on overflow only. Its options:
//   rightmostFill: 0 (off), or a percentage 10..100: a split of the rightmost leaf leaves the left
//     leaf that full instead of half full, PostgreSQL's leaf fillfactor (default 90) applied at a
//     rightmost split, so that ascending inserts pack leaves. A leaf may then hold a single key.
//   mergeOnDelete: true, the textbook B+-tree's borrow and merge after a delete; false, as
//     PostgreSQL: a delete takes the key out of its leaf and nothing else changes (a leaf may be
//     left with any number of keys, none included; PostgreSQL's VACUUM later deletes empty pages,
//     which this model does not do).
#pragma once

namespace fg::btree {

enum class SplitRule { kOnOverflow, kPreemptive };
enum class Variant { kBTree, kBPlus };

struct Params {
    static constexpr int kMinOrder = 3;
    static constexpr int kMaxOrder = 64;
    static constexpr int kMinDegree = 2;  // smallest CLRS t
    static constexpr int kMaxDegree = 32; // 2t stays within kMaxOrder
    static constexpr int kMinFill = 10;   // PostgreSQL's BTREE_MIN_FILLFACTOR
    static constexpr int kMaxFill = 100;
    static constexpr int kPostgresFill = 90; // BTREE_DEFAULT_FILLFACTOR

    int order = 4;
    SplitRule split = SplitRule::kOnOverflow;
    Variant variant = Variant::kBTree;
    int rightmostFill = 0;     // B+ only: percent, or 0 for an even split of the rightmost leaf
    bool mergeOnDelete = true; // B+ only: false leaves leaves as a delete finds them

    // REQUIRES: kMinOrder <= m <= kMaxOrder.
    static Params withOrder(int m) {
        Params p;
        p.order = m;
        return p;
    }
    // REQUIRES: kMinDegree <= t <= kMaxDegree.
    static Params withMinDegree(int t) {
        Params p;
        p.order = 2 * t;
        p.split = SplitRule::kPreemptive;
        return p;
    }
    // A B+-tree of order m. REQUIRES: kMinOrder <= m <= kMaxOrder; fill 0 or kMinFill..kMaxFill.
    static Params bplusWithOrder(int m, int fill = 0, bool merge = true) {
        Params p = withOrder(m);
        p.variant = Variant::kBPlus;
        p.rightmostFill = fill;
        p.mergeOnDelete = merge;
        return p;
    }

    bool preemptive() const { return split == SplitRule::kPreemptive; }
    bool bplus() const { return variant == Variant::kBPlus; }
    int maxKeys() const { return order - 1; }
    int minKeys() const { return (order + 1) / 2 - 1; } // ceil(m/2)-1; t-1 when m = 2t
    int minDegree() const { return order / 2; }         // meaningful for kPreemptive
    // The fewest keys a leaf other than the root holds between ops: minKeys, but 1 when a
    // rightmost split may leave a leaf a single key, and 0 when deletes never merge.
    int minLeafKeys() const {
        if (bplus() && !mergeOnDelete) {
            return 0;
        }
        return bplus() && rightmostFill > 0 ? 1 : minKeys();
    }

    bool operator==(const Params&) const = default;
};

} // namespace fg::btree
