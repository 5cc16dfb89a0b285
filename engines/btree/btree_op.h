// Op: one thing a user asks of the tree. Each op is applied whole by BTreeEngine::apply.
#pragma once

#include "engines/btree/btree_node.h"

#include <cstdint>

namespace fg::btree {

enum class OpKind { kInsert, kSearch, kRemove, kRange, kInsertRandom };

struct Op {
    OpKind kind = OpKind::kSearch;
    Key key = 0;            // insert, search, remove
    Key from = 0, to = 0;   // range: every key k with from <= k <= to
    std::int64_t count = 0; // insert-random: how many keys are drawn (a repeat draw is a duplicate)
    std::uint64_t seed = 0; // insert-random: the Rng seed; the same seed draws the same keys
    Key min = 0, max = 0;   // insert-random: keys are drawn uniformly from [min, max]

    static Op insert(Key k) { return {OpKind::kInsert, k}; }
    static Op search(Key k) { return {OpKind::kSearch, k}; }
    static Op remove(Key k) { return {OpKind::kRemove, k}; }
    static Op range(Key from, Key to) { return {OpKind::kRange, 0, from, to}; }
    // REQUIRES: count >= 0, min <= max.
    static Op insertRandom(std::int64_t count, std::uint64_t seed, Key min, Key max) {
        return {OpKind::kInsertRandom, 0, 0, 0, count, seed, min, max};
    }

    // The keys it asks for, as a scenario's budget counts them (WorkBudget): its count for
    // insert-random, else 1.
    std::int64_t work() const { return kind == OpKind::kInsertRandom ? count : 1; }

    bool operator==(const Op&) const = default;
};

} // namespace fg::btree
