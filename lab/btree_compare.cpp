#include "lab/btree_compare.h"

#include "engines/btree/btree.h"
#include "engines/scenario/btree_scenario.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace fg::lab {

namespace {

enum class Arrival { kAscending, kDescending, kMixed };

Arrival arrivalOf(std::span<const std::int64_t> keys) {
    const bool up = std::is_sorted(keys.begin(), keys.end());
    const bool down = std::is_sorted(keys.begin(), keys.end(), std::greater<>());
    return keys.size() > 1 && up     ? Arrival::kAscending
           : keys.size() > 1 && down ? Arrival::kDescending
                                     : Arrival::kMixed;
}

std::string fixed1(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

ModelTree runModel(std::span<const std::int64_t> keys, int order) {
    const btree::BTreeEngine engine(btree::Params::withOrder(order));
    btree::State state = engine.emptyState();
    SilentSink<btree::Step, btree::State> silent;
    for (const std::int64_t k : keys) {
        engine.apply(state, btree::Op::insert(k), silent);
    }
    ModelTree m;
    m.order = order;
    m.height = state.stats.height;
    m.nodes = state.stats.nodes;
    m.keys = state.stats.keys;
    const btree::NodeStore& ns = state.nodes;
    for (btree::NodeId id = 0; id < ns.idsIssued(); ++id) {
        if (ns.live(id) && ns.leaf(id)) {
            ++m.leaves;
            m.leafKeys += ns.size(id);
        }
    }
    m.keysPerLeaf = m.leaves ? static_cast<double>(m.leafKeys) / static_cast<double>(m.leaves) : 0;
    m.leafFill = 100.0 * m.keysPerLeaf / (order - 1);
    m.state = btreeStateJson(state, engine.params(), m.keys <= 10'000);
    return m;
}

// How many bigint keys an empty leaf has room for: the page less its 24-byte header and 16-byte
// special space, over 16 bytes a tuple plus its 4-byte item pointer (407 in 8 KB).
int leafRoom(const PgIndex& real) {
    const int page = real.pages.empty() ? 8192 : real.pages.front().pageSize;
    return (page - 24 - 16) / (16 + 4);
}

// "Pages are 8 KB, not order m": the sentence for every count that fan-out decides.
std::string pageSizeWhy(const PgIndex& real, const ModelTree& m, const char* what) {
    return std::string("Pages are 8 KB, not \"order ") + std::to_string(m.order) +
           "\": a real leaf has room for " + std::to_string(leafRoom(real)) +
           " keys (16-byte index tuples and their 4-byte item pointers), a model node for " +
           std::to_string(m.order - 1) + ", so the real index has " + what + ".";
}

std::string fillWhy(Arrival arrival) {
    switch (arrival) {
    case Arrival::kAscending:
        return "The keys came in ascending order: nbtree splits the rightmost leaf leaving it full "
               "to its fillfactor (90%) and starts a new page for what follows, so sequential "
               "inserts pack the leaves; the model splits every node at its median, leaving both "
               "halves about half full.";
    case Arrival::kDescending:
        return "The keys came in descending order: every insert lands on the leftmost leaf, which "
               "nbtree and the model both split near the middle, but a real page's fill counts "
               "bytes of 8 KB (header and item pointers included) and a model node's fill keys "
               "out of order - 1.";
    case Arrival::kMixed:
        break;
    }
    return "On keys in random order both split full pages near the middle and settle near 70% "
           "full (ln 2); the rest is how fill is counted: bytes of an 8 KB page for the real "
           "index (header, item pointers and high key included), keys out of order - 1 for the "
           "model.";
}

} // namespace

int defaultOrder(const PgIndex& real, std::string* why) {
    const double avg = real.keysPerLeaf();
    const long long want = std::llround(avg) + 1;
    const int order = static_cast<int>(
        std::clamp<long long>(want, btree::Params::kMinOrder, btree::Params::kMaxOrder));
    if (why) {
        *why = order == want
                   ? "order " + std::to_string(order) + ": a model node then holds up to " +
                         std::to_string(order - 1) +
                         " keys, as many as a real leaf holds on average (" + fixed1(avg) + ")"
                   : "order " + std::to_string(order) + ", the " +
                         (want > order ? "largest" : "smallest") +
                         " the model has: a real leaf holds " + fixed1(avg) +
                         " keys on average, which would take order " + std::to_string(want);
    }
    return order;
}

namespace {

ComparisonRow row(const char* quantity, double real, double model, bool agree, std::string why) {
    return {quantity, real, model, agree, agree ? std::string() : std::move(why)};
}

std::string fewerOrMore(double real, double model, const char* noun) {
    return std::string(real < model ? "fewer " : "more ") + noun;
}

std::string keysWhy(const ModelTree& m, std::int64_t inserted) {
    std::string why = "nbtree is a B+-tree: every key sits in a leaf, and internal pages hold "
                      "copies of separators, suffix-truncated to what tells two pages apart; the "
                      "model's B-Tree moves each separator up out of its leaf, so " +
                      std::to_string(m.keys - m.leafKeys) + " of its keys are in inner nodes.";
    if (m.keys < inserted) {
        why += " And the index is not unique: it keeps a key for each of the " +
               std::to_string(inserted) +
               " rows (equal keys deduplicated into posting lists), "
               "where the model keeps " +
               std::to_string(m.keys) + " distinct keys.";
    }
    return why;
}

std::vector<ComparisonRow> compareRows(const PgIndex& real, const ModelTree& m,
                                       std::span<const std::int64_t> keys) {
    const double leaves = static_cast<double>(real.leafPages());
    const double pages = leaves + static_cast<double>(real.internalPages());
    const double perLeaf = real.keysPerLeaf();
    const double fill = real.stats.avgLeafDensity;
    double links = 0;
    for (const PgIndexPage& p : real.pages) {
        links += !p.deleted() && p.next != 0 ? 1 : 0;
    }
    const auto inserted = static_cast<std::int64_t>(keys.size());
    const double mNodes = static_cast<double>(m.nodes), mLeaves = static_cast<double>(m.leaves);
    return {
        row("height", real.levels(), m.height, real.levels() == m.height,
            pageSizeWhy(real, m, fewerOrMore(real.levels(), m.height, "levels").c_str())),
        row("pages", pages, mNodes, pages == mNodes,
            pageSizeWhy(real, m, fewerOrMore(pages, mNodes, "pages").c_str())),
        row("leaves", leaves, mLeaves, leaves == mLeaves,
            pageSizeWhy(real, m, fewerOrMore(leaves, mLeaves, "leaves").c_str())),
        row("keys in leaves", static_cast<double>(real.leafKeys()), static_cast<double>(m.leafKeys),
            real.leafKeys() == m.leafKeys, keysWhy(m, inserted)),
        row("keys per leaf", perLeaf, m.keysPerLeaf,
            std::abs(perLeaf - m.keysPerLeaf) <= 0.1 * std::max(perLeaf, m.keysPerLeaf),
            pageSizeWhy(real, m,
                        perLeaf > m.keysPerLeaf ? "more keys in a leaf" : "fewer keys in a leaf")),
        row("leaf fill %", fill, m.leafFill, std::abs(fill - m.leafFill) <= 5.0,
            fillWhy(arrivalOf(keys))),
        row("right-links", links, 0, links == 0,
            "nbtree links every page to its right sibling and gives it a high key (Lehman & "
            "Yao): a range scan walks the leaf level page by page, and a search that meets a "
            "page split under it moves right; a textbook B-Tree has neither."),
    };
}

} // namespace

BTreeComparison compareWithModel(const PgIndex& real, std::span<const std::int64_t> keys,
                                 std::optional<int> order) {
    std::string why;
    const int m = order ? *order : defaultOrder(real, &why);
    if (order) {
        why = "order " + std::to_string(m) + ", as asked";
    }
    BTreeComparison c;
    c.model = runModel(keys, m);
    c.model.orderWhy = why;
    c.rows = compareRows(real, c.model, keys);
    return c;
}

nlohmann::json toJson(const BTreeComparison& c) {
    const ModelTree& m = c.model;
    nlohmann::json rows = nlohmann::json::array();
    for (const ComparisonRow& r : c.rows) {
        rows.push_back({{"quantity", r.quantity},
                        {"real", r.real},
                        {"model", r.model},
                        {"agree", r.agree},
                        {"why", r.why}});
    }
    return {{"model",
             {{"engine", "btree"},
              {"order", m.order},
              {"order_why", m.orderWhy},
              {"height", m.height},
              {"nodes", m.nodes},
              {"leaves", m.leaves},
              {"keys", m.keys},
              {"leaf_keys", m.leafKeys},
              {"keys_per_leaf", m.keysPerLeaf},
              {"leaf_fill", m.leafFill},
              {"state", m.state}}},
            {"comparison", std::move(rows)}};
}

} // namespace fg::lab
