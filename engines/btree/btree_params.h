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
#pragma once

namespace fg::btree {

enum class SplitRule { kOnOverflow, kPreemptive };

struct Params {
    static constexpr int kMinOrder = 3;
    static constexpr int kMaxOrder = 64;
    static constexpr int kMinDegree = 2;  // smallest CLRS t
    static constexpr int kMaxDegree = 32; // 2t stays within kMaxOrder

    int order = 4;
    SplitRule split = SplitRule::kOnOverflow;

    // REQUIRES: kMinOrder <= m <= kMaxOrder.
    static Params withOrder(int m) { return {m, SplitRule::kOnOverflow}; }
    // REQUIRES: kMinDegree <= t <= kMaxDegree.
    static Params withMinDegree(int t) { return {2 * t, SplitRule::kPreemptive}; }

    bool preemptive() const { return split == SplitRule::kPreemptive; }
    int maxKeys() const { return order - 1; }
    int minKeys() const { return (order + 1) / 2 - 1; } // ceil(m/2)-1; t-1 when m = 2t
    int minDegree() const { return order / 2; }         // meaningful for kPreemptive

    bool operator==(const Params&) const = default;
};

} // namespace fg::btree
