// The real PostgreSQL index beside fg's B-Tree engine run on the same keys, in its B+-tree mode as
// PostgreSQL keeps it (variant "bplus", the rightmost leaf split 90% full, no merge on delete):
// height, pages, leaves, keys, keys per leaf, leaf fill, the leaf chain and the right-links above
// it, each with whether they agree and, where they differ, one sentence saying why (pages of 8 KB
// rather than "order m", fill counted in bytes, a key per row, links at every level after Lehman
// & Yao). The JSON goes both ways: the helper program writes it, the app reads it back.
#pragma once

#include "engines/btree/btree_params.h"
#include "engines/core/status.h"
#include "lab/pg_index.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace fg::lab {

// The model's parameters: the B+-tree of order `order` as PostgreSQL's nbtree splits and deletes.
btree::Params modelParams(int order);

struct ModelTree {
    int order = 0;
    std::string orderWhy; // why this order: asked for, or chosen to match the real leaves
    int height = 0;
    std::int64_t nodes = 0, leaves = 0, keys = 0, leafKeys = 0;
    double keysPerLeaf = 0;
    double leafFill = 0;        // percent: keys in a leaf out of the order - 1 it may hold
    std::int64_t leafLinks = 0; // the leaf chain's links (leaves - 1)
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

// Runs the engine (modelParams: the B+-tree as PostgreSQL) with `order` (default: defaultOrder)
// on `keys` in the order given, and compares it with `real`, the index those keys made.
// REQUIRES: order, when given, within btree::Params::kMinOrder..kMaxOrder.
BTreeComparison compareWithModel(const PgIndex& real, std::span<const std::int64_t> keys,
                                 std::optional<int> order = std::nullopt);

// {"model": {...}, "comparison": [rows]} as docs/cli.md describes them.
nlohmann::json toJson(const BTreeComparison& comparison);
// Reads toJson's output back; a missing or mistyped field is an error naming it (never thrown).
Status fromJson(const nlohmann::json& json, BTreeComparison* out);

} // namespace fg::lab
