#include "lab/pg_index.h"

#include <charconv>
#include <nlohmann/json.hpp>

namespace fg::lab {

const PgIndexPage* PgIndex::page(std::uint32_t block) const {
    // pages[i] is block i + 1 when every block was read; search otherwise.
    if (block >= 1 && block <= pages.size() && pages[block - 1].block == block) {
        return &pages[block - 1];
    }
    for (const PgIndexPage& p : pages) {
        if (p.block == block) {
            return &p;
        }
    }
    return nullptr;
}

std::int64_t PgIndex::leafPages() const {
    std::int64_t n = 0;
    for (const PgIndexPage& p : pages) {
        n += !p.deleted() && p.leaf() ? 1 : 0;
    }
    return n;
}

std::int64_t PgIndex::internalPages() const {
    std::int64_t n = 0;
    for (const PgIndexPage& p : pages) {
        n += !p.deleted() && !p.leaf() ? 1 : 0;
    }
    return n;
}

std::int64_t PgIndex::leafKeys() const {
    std::int64_t n = 0;
    for (const PgIndexPage& p : pages) {
        n += !p.deleted() && p.leaf() ? static_cast<std::int64_t>(p.keys.size()) : 0;
    }
    return n;
}

double PgIndex::keysPerLeaf() const {
    const std::int64_t leaves = leafPages();
    return leaves ? static_cast<double>(leafKeys()) / static_cast<double>(leaves) : 0.0;
}

std::vector<std::uint32_t> PgIndex::leafChain() const {
    std::vector<std::uint32_t> chain;
    const PgIndexPage* p = page(root);
    while (p && !p->leaf() && !p->downlinks.empty()) {
        p = page(p->downlinks.front().child); // the leftmost child, level by level
    }
    while (p && chain.size() <= pages.size()) {
        chain.push_back(p->block);
        p = p->next ? page(p->next) : nullptr;
    }
    return chain;
}

std::optional<std::int64_t> decodeInt8(std::string_view data) {
    std::uint64_t value = 0;
    std::size_t i = 0;
    for (int byte = 0; byte < 8; ++byte) {
        while (i < data.size() && data[i] == ' ') {
            ++i;
        }
        unsigned b = 0;
        const char* first = data.data() + i;
        if (i + 2 > data.size() || std::from_chars(first, first + 2, b, 16).ptr != first + 2) {
            return std::nullopt;
        }
        value |= static_cast<std::uint64_t>(b) << (8 * byte);
        i += 2;
    }
    return static_cast<std::int64_t>(value);
}

std::optional<std::uint32_t> ctidBlock(std::string_view ctid) {
    if (ctid.size() < 5 || ctid.front() != '(') {
        return std::nullopt;
    }
    std::uint32_t block = 0;
    const auto [end, ec] = std::from_chars(ctid.data() + 1, ctid.data() + ctid.size(), block);
    if (ec != std::errc() || end == ctid.data() + ctid.size() || *end != ',') {
        return std::nullopt;
    }
    return block;
}

namespace {

nlohmann::json pageJson(const PgIndexPage& p) {
    nlohmann::json j = {{"block", p.block},
                        {"type", std::string(1, p.type)},
                        {"level", p.level},
                        {"live_items", p.liveItems},
                        {"dead_items", p.deadItems},
                        {"free_size", p.freeSize},
                        {"prev", p.prev},
                        {"next", p.next},
                        {"high_key", p.highKey ? nlohmann::json(*p.highKey) : nlohmann::json()}};
    if (p.leaf()) {
        j["keys"] = p.keys;
    } else {
        nlohmann::json links = nlohmann::json::array();
        for (const PgDownlink& d : p.downlinks) {
            links.push_back(
                {{"key", d.key ? nlohmann::json(*d.key) : nlohmann::json()}, {"child", d.child}});
        }
        j["downlinks"] = std::move(links);
    }
    return j;
}

} // namespace

nlohmann::json toJson(const PgIndex& index) {
    const PgIndexStats& s = index.stats;
    nlohmann::json pages = nlohmann::json::array();
    for (const PgIndexPage& p : index.pages) {
        pages.push_back(pageJson(p));
    }
    return {{"index", index.name},
            {"root", index.root},
            {"levels", index.levels()},
            {"leaf_pages", index.leafPages()},
            {"internal_pages", index.internalPages()},
            {"leaf_keys", index.leafKeys()},
            {"keys_per_leaf", index.keysPerLeaf()},
            {"pgstatindex",
             {{"tree_level", s.treeLevel},
              {"index_size", s.indexSize},
              {"internal_pages", s.internalPages},
              {"leaf_pages", s.leafPages},
              {"empty_pages", s.emptyPages},
              {"deleted_pages", s.deletedPages},
              {"avg_leaf_density", s.avgLeafDensity},
              {"leaf_fragmentation", s.leafFragmentation}}},
            {"pages", std::move(pages)}};
}

} // namespace fg::lab
