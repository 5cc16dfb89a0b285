// The real PostgreSQL index beside fg's B-Tree engine run on the same keys: height, pages, leaves,
// keys, keys per leaf, leaf fill and sibling links, each with whether they agree and, where they
// differ, one sentence saying why (nbtree is a B+-tree with high keys and right-links after
// Lehman & Yao, splits a rightmost page leaving it to its fillfactor, truncates separators, and
// its pages are 8 KB rather than "order m").
#pragma once

#include "lab/pg_index.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace fg::lab {

struct ModelTree {
    int order = 0;
    std::string orderWhy; // why this order: asked for, or chosen to match the real leaves
    int height = 0;
    std::int64_t nodes = 0, leaves = 0, keys = 0, leafKeys = 0;
    double keysPerLeaf = 0;
    double leafFill = 0;  // percent: keys in a leaf out of the order - 1 it may hold
    nlohmann::json state; // as `fieldguide run` writes a btree state (the tree up to 10,000 keys)
};

struct ComparisonRow {
    std::string quantity;
    double real = 0;
    double model = 0;
    bool agree = false;
    std::string why; // empty when they agree
};

struct BTreeComparison {
    ModelTree model;
    std::vector<ComparisonRow> rows;
};

// The model order whose nodes hold as many keys as a real leaf holds on average (that many + 1),
// within the engine's 3..64; `why` says what was chosen and why.
int defaultOrder(const PgIndex& real, std::string* why);

// Runs the engine (the textbook B-Tree, split on overflow) with `order` (default: defaultOrder)
// on `keys` in the order given, and compares it with `real`, the index those keys made.
// REQUIRES: order, when given, within btree::Params::kMinOrder..kMaxOrder.
BTreeComparison compareWithModel(const PgIndex& real, std::span<const std::int64_t> keys,
                                 std::optional<int> order = std::nullopt);

nlohmann::json toJson(const BTreeComparison& comparison);

} // namespace fg::lab
