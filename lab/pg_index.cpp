#include "lab/pg_index.h"

#include "lab/lab_json.h"

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
                        {"page_size", p.pageSize},
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

namespace {

using json_read::field;

// A key that may be null (minus infinity, or no high key).
bool optionalKey(const nlohmann::json& j, const char* key, std::optional<std::int64_t>* out,
                 const std::string& where, std::string* bad) {
    const auto it = j.find(key);
    if (it != j.end() && it->is_null()) {
        out->reset();
        return true;
    }
    std::int64_t k = 0;
    if (!field(j, key, &k, where, bad)) {
        return false;
    }
    *out = k;
    return true;
}

bool downlinksFrom(const nlohmann::json& j, PgIndexPage* p, const std::string& where,
                   std::string* bad) {
    const auto it = j.find("downlinks");
    if (it == j.end() || !it->is_array()) {
        *bad = where + "/downlinks";
        return false;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
        const std::string at = where + "/downlinks/" + std::to_string(i);
        PgDownlink d;
        if (!optionalKey((*it)[i], "key", &d.key, at, bad) ||
            !field((*it)[i], "child", &d.child, at, bad)) {
            return false;
        }
        p->downlinks.push_back(d);
    }
    return true;
}

bool pageFrom(const nlohmann::json& j, PgIndexPage* p, const std::string& where, std::string* bad) {
    std::string type;
    const bool ok =
        field(j, "block", &p->block, where, bad) && field(j, "type", &type, where, bad) &&
        field(j, "level", &p->level, where, bad) &&
        field(j, "live_items", &p->liveItems, where, bad) &&
        field(j, "dead_items", &p->deadItems, where, bad) &&
        field(j, "free_size", &p->freeSize, where, bad) && field(j, "prev", &p->prev, where, bad) &&
        field(j, "next", &p->next, where, bad) &&
        optionalKey(j, "high_key", &p->highKey, where, bad);
    if (!ok || type.size() != 1) {
        *bad = ok ? where + "/type" : *bad;
        return false;
    }
    p->type = type[0];
    if (j.contains("page_size") && !field(j, "page_size", &p->pageSize, where, bad)) {
        return false;
    }
    return p->leaf() ? field(j, "keys", &p->keys, where, bad) : downlinksFrom(j, p, where, bad);
}

bool statsFrom(const nlohmann::json& j, PgIndexStats* s, std::string* bad) {
    const std::string w = "/pgstatindex";
    const auto it = j.find("pgstatindex");
    const nlohmann::json& o = it == j.end() ? nlohmann::json::object() : *it;
    return field(o, "tree_level", &s->treeLevel, w, bad) &&
           field(o, "index_size", &s->indexSize, w, bad) &&
           field(o, "internal_pages", &s->internalPages, w, bad) &&
           field(o, "leaf_pages", &s->leafPages, w, bad) &&
           field(o, "empty_pages", &s->emptyPages, w, bad) &&
           field(o, "deleted_pages", &s->deletedPages, w, bad) &&
           field(o, "avg_leaf_density", &s->avgLeafDensity, w, bad, true) &&
           field(o, "leaf_fragmentation", &s->leafFragmentation, w, bad, true);
}

} // namespace

Status fromJson(const nlohmann::json& json, PgIndex* out) {
    PgIndex index;
    std::string bad;
    int levels = 0;
    if (!field(json, "index", &index.name, "", &bad) ||
        !field(json, "root", &index.root, "", &bad) || !field(json, "levels", &levels, "", &bad) ||
        !statsFrom(json, &index.stats, &bad) || !json.contains("pages") ||
        !json["pages"].is_array()) {
        return json_read::badField("index", bad.empty() ? "/pages" : bad);
    }
    index.level = levels - 1;
    const nlohmann::json& pages = json["pages"];
    index.pages.resize(pages.size());
    for (std::size_t i = 0; i < pages.size(); ++i) {
        if (!pageFrom(pages[i], &index.pages[i], "/pages/" + std::to_string(i), &bad)) {
            return json_read::badField("index", bad);
        }
    }
    *out = std::move(index);
    return Status::ok();
}

} // namespace fg::lab
