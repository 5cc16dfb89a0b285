// PgLab::readIndex: the index read back with pageinspect (bt_metap, bt_page_stats and
// bt_page_items over every block, two queries in all) and pgstattuple (pgstatindex).
#include "lab/pg_connection.h"
#include "lab/pg_lab.h"
#include "lab/stop_request.h"

#include <charconv>

namespace fg::lab {

namespace {

// How many items are taken between two looks at the quit request (lab/stop_request.h).
constexpr std::size_t kItemsBetweenStopChecks = 1 << 14;

long long number(const std::optional<std::string>& text) {
    long long v = 0;
    if (text) {
        std::from_chars(text->data(), text->data() + text->size(), v);
    }
    return v;
}

double decimal(const std::optional<std::string>& text) {
    return text ? std::strtod(text->c_str(), nullptr) : 0.0;
}

// The column of `name` in `r`, which the query asked for by that name.
std::size_t col(const PgResult& r, const char* name) {
    return static_cast<std::size_t>(r.column(name));
}

std::vector<PgIndexPage> pagesFrom(const PgResult& r) {
    std::vector<PgIndexPage> pages;
    pages.reserve(r.rows.size());
    for (const auto& row : r.rows) {
        PgIndexPage p;
        p.block = static_cast<std::uint32_t>(number(row[col(r, "blk")]));
        p.type =
            row[col(r, "type")] && !row[col(r, "type")]->empty() ? (*row[col(r, "type")])[0] : '?';
        p.level = static_cast<int>(number(row[col(r, "btpo_level")]));
        p.liveItems = static_cast<int>(number(row[col(r, "live_items")]));
        p.deadItems = static_cast<int>(number(row[col(r, "dead_items")]));
        p.freeSize = static_cast<int>(number(row[col(r, "free_size")]));
        p.pageSize = static_cast<int>(number(row[col(r, "page_size")]));
        p.prev = static_cast<std::uint32_t>(number(row[col(r, "btpo_prev")]));
        p.next = static_cast<std::uint32_t>(number(row[col(r, "btpo_next")]));
        pages.push_back(std::move(p));
    }
    return pages;
}

// One item of bt_page_items into its page: the high key (the first item of a page that is not
// the rightmost), a leaf's key (once per row a posting list points to), or a downlink.
void addItem(PgIndexPage& p, const PgResult& r,
             const std::vector<std::optional<std::string>>& row) {
    const long long offset = number(row[col(r, "itemoffset")]);
    const std::string data = row[col(r, "data")].value_or("");
    if (offset == 1 && !p.rightmost()) {
        p.highKey = decodeInt8(data);
        return;
    }
    if (p.leaf()) {
        const auto key = decodeInt8(data);
        if (key && row[col(r, "dead")].value_or("f") != "t") {
            const long long rows = std::max(1LL, number(row[col(r, "tids")]));
            p.keys.insert(p.keys.end(), static_cast<std::size_t>(rows), *key);
        }
        return;
    }
    const auto child = ctidBlock(row[col(r, "ctid")].value_or(""));
    if (child) {
        p.downlinks.push_back({decodeInt8(data), *child});
    }
}

PgIndexStats statsFrom(const PgResult& r) {
    PgIndexStats s;
    if (r.rows.empty()) {
        return s;
    }
    const auto& row = r.rows.front();
    s.treeLevel = static_cast<int>(number(row[col(r, "tree_level")]));
    s.indexSize = number(row[col(r, "index_size")]);
    s.internalPages = number(row[col(r, "internal_pages")]);
    s.leafPages = number(row[col(r, "leaf_pages")]);
    s.emptyPages = number(row[col(r, "empty_pages")]);
    s.deletedPages = number(row[col(r, "deleted_pages")]);
    s.avgLeafDensity = decimal(row[col(r, "avg_leaf_density")]);
    s.leafFragmentation = decimal(row[col(r, "leaf_fragmentation")]);
    return s;
}

} // namespace

Status PgLab::readIndex(PgIndex* out) {
    if (!conn_ || !tableMade_) {
        return Status::error("index", "no keys were inserted yet");
    }
    const std::string idx = "'" + indexName() + "'";
    PgResult meta, stats, items, summary;
    const std::string blocks = "generate_series(1, (pg_relation_size(" + idx +
                               ") / current_setting('block_size')::int)::int - 1) AS b(blk)";
    if (Status s = run("SELECT root, level FROM bt_metap(" + idx + ")", &meta); !s) {
        return s;
    }
    if (Status s =
            run("SELECT b.blk, s.type, s.live_items, s.dead_items, s.free_size, "
                "s.page_size, s.btpo_prev, s.btpo_next, s.btpo_level FROM " +
                    blocks + ", LATERAL bt_page_stats(" + idx + ", b.blk) AS s ORDER BY b.blk",
                &stats);
        !s) {
        return s;
    }
    if (Status s = run("SELECT b.blk, i.itemoffset, i.ctid, i.data, i.dead, cardinality(i.tids) "
                       "AS tids FROM " +
                           blocks + ", LATERAL bt_page_items(" + idx +
                           ", b.blk) AS i ORDER BY b.blk, i.itemoffset",
                       &items);
        !s) {
        return s;
    }
    if (Status s = run("SELECT * FROM pgstatindex(" + idx + ")", &summary); !s) {
        return s;
    }
    PgIndex index;
    index.name = indexName();
    if (!meta.rows.empty()) {
        index.root = static_cast<std::uint32_t>(number(meta.rows[0][0]));
        index.level = static_cast<int>(number(meta.rows[0][1]));
    }
    index.pages = pagesFrom(stats);
    const std::size_t blk = col(items, "blk");
    for (std::size_t i = 0; i < items.rows.size(); ++i) {
        if (i % kItemsBetweenStopChecks == 0 && stopRequested()) {
            return Status::failure("index", kStoppedSentence);
        }
        const auto& row = items.rows[i];
        const auto block = static_cast<std::uint32_t>(number(row[blk]));
        if (block >= 1 && block <= index.pages.size()) {
            addItem(index.pages[block - 1], items, row);
        }
    }
    index.stats = statsFrom(summary);
    *out = std::move(index);
    return Status::ok();
}

} // namespace fg::lab
