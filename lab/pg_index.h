// PgIndex: a PostgreSQL B-Tree index (nbtree) of bigint keys as pageinspect reads it back, page by
// page: the metapage's root and level, every page's type, level, items, free space and sibling
// links, its high key and keys (leaf) or downlinks (internal), and pgstatindex's summary.
//
// nbtree is a B+-tree after Lehman & Yao: every key is in a leaf; a page that is not the rightmost
// of its level starts with a high key (an upper bound of its keys) and links to its right
// sibling; an internal page's first downlink carries no key ("minus infinity"). Plain data; the
// JSON is at the edge (toJson).
#pragma once

#include "engines/core/status.h"

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fg::lab {

struct PgDownlink {
    std::optional<std::int64_t> key; // absent: minus infinity (the page's first downlink)
    std::uint32_t child = 0;         // the block it points to
    bool operator==(const PgDownlink&) const = default;
};

struct PgIndexPage {
    std::uint32_t block = 0;
    // bt_page_stats: 'l' leaf (a root that is a leaf too), 'r' root, 'i' internal, 'd' deleted,
    // 'e' ignored (half-dead)
    char type = 'l';
    int level = 0;     // 0: a leaf
    int liveItems = 0; // the high key included, as bt_page_stats counts
    int deadItems = 0;
    int freeSize = 0; // bytes
    int pageSize = 8192;
    std::uint32_t prev = 0, next = 0; // sibling blocks; 0: none (block 0 is the metapage)
    std::optional<std::int64_t> highKey;
    std::vector<std::int64_t> keys;    // leaf: its keys in order, one per row they point to
    std::vector<PgDownlink> downlinks; // internal

    bool leaf() const { return level == 0; }
    bool deleted() const { return type == 'd' || type == 'e'; }
    bool rightmost() const { return next == 0; }
};

// pgstatindex's columns.
struct PgIndexStats {
    int treeLevel = 0;
    std::int64_t indexSize = 0; // bytes
    std::int64_t internalPages = 0, leafPages = 0, emptyPages = 0, deletedPages = 0;
    double avgLeafDensity = 0;    // percent
    double leafFragmentation = 0; // percent
};

struct PgIndex {
    std::string name;
    std::uint32_t root = 0;
    int level = 0;                  // the root's level: levels() - 1
    std::vector<PgIndexPage> pages; // blocks 1..N-1 in order (block 0 is the metapage)
    PgIndexStats stats;

    int levels() const { return level + 1; }
    // The page at `block`, or nullptr.
    const PgIndexPage* page(std::uint32_t block) const;
    std::int64_t leafPages() const;
    std::int64_t internalPages() const; // the root included when it is not a leaf
    std::int64_t leafKeys() const;      // keys in the leaves (high keys left out)
    double keysPerLeaf() const;
    // The leaves from left to right, following the right-links from the leftmost leaf.
    std::vector<std::uint32_t> leafChain() const;
};

// The little-endian bigint in the first 8 bytes of bt_page_items' `data` ("e8 03 00 00 00 00 00
// 00" is 1000); nothing for empty data (minus infinity) or fewer than 8 bytes.
std::optional<std::int64_t> decodeInt8(std::string_view data);
// The block number of a ctid "(12,1)": for an internal page's item, the child it points to.
std::optional<std::uint32_t> ctidBlock(std::string_view ctid);

nlohmann::json toJson(const PgIndex& index);
// Reads toJson's output back (the app reads the helper program's); a missing or mistyped field is
// an error naming it (never thrown). The derived counts (levels, leaf_pages...) are not read: the
// pages say them.
Status fromJson(const nlohmann::json& json, PgIndex* out);

} // namespace fg::lab
