#include "lab/btree_compare.h"

#include "engines/btree/btree.h"
#include "engines/scenario/btree_scenario.h"
#include "lab/lab_json.h"

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
    const btree::BTreeEngine engine(modelParams(order));
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
    for (btree::NodeId id = 0; id < ns.idsIssued(); ++id) {
        m.leafLinks += ns.live(id) && ns.leaf(id) && ns.next(id) != btree::kNoNode ? 1 : 0;
    }
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

// Why the leaves' fill differs. With one leaf on each side nothing split: the leaf holds every
// key (a tester's 1-key run was told the random-order split story).
std::string fillWhy(Arrival arrival, bool oneLeafEach, std::int64_t keys, int order) {
    if (oneLeafEach) {
        return "Nothing split: each side keeps its " + std::to_string(keys) +
               (keys == 1 ? " key" : " keys") +
               " in one leaf. The real fill is the bytes used of an 8 KB page (its 24-byte header, "
               "item pointers and high key included); the model's is the keys held out of the " +
               std::to_string(order - 1) + " a node of order " + std::to_string(order) +
               " may hold.";
    }
    const std::string counted =
        "what is left apart is how fill is counted: bytes of an 8 KB page for the real index "
        "(its 24-byte header, 4-byte item pointers and high key included), keys out of the "
        "order minus one a node may hold for the model.";
    switch (arrival) {
    case Arrival::kAscending:
        return "The keys came in ascending order: both split the rightmost leaf leaving it 90% "
               "full (PostgreSQL's fillfactor, the model's rightmost fill) and start a new leaf "
               "for what follows; " +
               counted;
    case Arrival::kDescending:
        return "The keys came in descending order: every insert lands on the leftmost leaf, "
               "which both split near the middle; " +
               counted;
    case Arrival::kMixed:
        break;
    }
    return "On keys in random order both split full leaves near the middle, so a leaf is between "
           "half and wholly full, near 70% on average once there are many leaves (ln 2); with "
           "only a few, where the last splits left them decides; " +
           counted;
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
                   : "order " + std::to_string(order) + ". A real leaf holds " + fixed1(avg) +
                         " keys on average, which would take order " + std::to_string(want) +
                         ", but " + std::to_string(order) + " is the " +
                         (want > order ? "largest" : "smallest") + " order the model takes";
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

// Why the real leaves hold other keys than the model's: a key per row, not per distinct key, and
// the entries of deleted rows that stay until VACUUM.
std::string keysWhy(const ModelTree& m, std::int64_t inserted, std::int64_t realKeys) {
    std::string why;
    if (m.keys < inserted) {
        why = "The index is not unique: it keeps a key for each of the " +
              std::to_string(inserted) +
              " rows (equal keys deduplicated into posting lists), where the model keeps " +
              std::to_string(m.keys) + " distinct keys.";
    }
    if (realKeys > inserted) {
        why += std::string(why.empty() ? "" : " ") +
               "A DELETE or UPDATE leaves the old rows' entries in the index until VACUUM (or an "
               "insert that needs their room) removes them: " +
               std::to_string(realKeys - inserted) + " are still there.";
    }
    return why.empty() ? "The table's keys and the index's differ: the index was read while the "
                         "table changed."
                       : why;
}

// Right-links of the real index's leaves and of the pages above them.
std::pair<double, double> realLinks(const PgIndex& real) {
    double leaf = 0, above = 0;
    for (const PgIndexPage& p : real.pages) {
        if (!p.deleted() && p.next != 0) {
            (p.leaf() ? leaf : above) += 1;
        }
    }
    return {leaf, above};
}

std::vector<ComparisonRow> compareRows(const PgIndex& real, const ModelTree& m,
                                       std::span<const std::int64_t> keys) {
    const double leaves = static_cast<double>(real.leafPages());
    const double pages = leaves + static_cast<double>(real.internalPages());
    const double perLeaf = real.keysPerLeaf();
    const double fill = real.stats.avgLeafDensity;
    const auto [leafLinks, upperLinks] = realLinks(real);
    const auto inserted = static_cast<std::int64_t>(keys.size());
    const double mNodes = static_cast<double>(m.nodes), mLeaves = static_cast<double>(m.leaves);
    const double mLinks = static_cast<double>(m.leafLinks);
    return {
        row("height", real.levels(), m.height, real.levels() == m.height,
            pageSizeWhy(real, m, fewerOrMore(real.levels(), m.height, "levels").c_str())),
        row("pages", pages, mNodes, pages == mNodes,
            pageSizeWhy(real, m, fewerOrMore(pages, mNodes, "pages").c_str())),
        row("leaves", leaves, mLeaves, leaves == mLeaves,
            pageSizeWhy(real, m, fewerOrMore(leaves, mLeaves, "leaves").c_str())),
        row("keys in leaves", static_cast<double>(real.leafKeys()), static_cast<double>(m.leafKeys),
            real.leafKeys() == m.leafKeys, keysWhy(m, inserted, real.leafKeys())),
        row("keys per leaf", perLeaf, m.keysPerLeaf,
            std::abs(perLeaf - m.keysPerLeaf) <= 0.1 * std::max(perLeaf, m.keysPerLeaf),
            pageSizeWhy(real, m,
                        perLeaf > m.keysPerLeaf ? "more keys in a leaf" : "fewer keys in a leaf")),
        row("leaf fill %", fill, m.leafFill, std::abs(fill - m.leafFill) <= 5.0,
            fillWhy(arrivalOf(keys), leaves == 1 && mLeaves == 1, real.leafKeys(), m.order)),
        row("leaf chain links", leafLinks, mLinks, leafLinks == mLinks,
            pageSizeWhy(
                real, m,
                (fewerOrMore(leafLinks, mLinks, "leaves") + ", each linked to the next").c_str())),
        row("right-links above the leaves", upperLinks, 0, upperLinks == 0,
            "nbtree links every page to its right sibling on every level and gives it a high key "
            "(Lehman & Yao): a search that meets a page split under it moves right instead of "
            "locking the path; the model links its leaves only."),
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

btree::Params modelParams(int order) {
    return btree::Params::bplusWithOrder(order, btree::Params::kPostgresFill, false);
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
              {"variant", "bplus"},
              {"rightmost_fill", btree::Params::kPostgresFill},
              {"merge_on_delete", false},
              {"order", m.order},
              {"order_why", m.orderWhy},
              {"height", m.height},
              {"nodes", m.nodes},
              {"leaves", m.leaves},
              {"keys", m.keys},
              {"leaf_keys", m.leafKeys},
              {"keys_per_leaf", m.keysPerLeaf},
              {"leaf_fill", m.leafFill},
              {"leaf_links", m.leafLinks},
              {"state", m.state}}},
            {"comparison", std::move(rows)}};
}

namespace {

using json_read::field;

bool modelFrom(const nlohmann::json& j, ModelTree* m, std::string* bad) {
    const std::string w = "/model";
    const bool ok =
        field(j, "order", &m->order, w, bad) && field(j, "order_why", &m->orderWhy, w, bad) &&
        field(j, "height", &m->height, w, bad) && field(j, "nodes", &m->nodes, w, bad) &&
        field(j, "leaves", &m->leaves, w, bad) && field(j, "keys", &m->keys, w, bad) &&
        field(j, "leaf_keys", &m->leafKeys, w, bad) &&
        field(j, "keys_per_leaf", &m->keysPerLeaf, w, bad, true) &&
        field(j, "leaf_fill", &m->leafFill, w, bad, true) &&
        field(j, "leaf_links", &m->leafLinks, w, bad);
    if (!ok) {
        return false;
    }
    if (m->order < btree::Params::kMinOrder || m->order > btree::Params::kMaxOrder) {
        *bad = w + "/order";
        return false;
    }
    m->state = j.contains("state") ? j["state"] : nlohmann::json();
    return true;
}

} // namespace

Status fromJson(const nlohmann::json& json, BTreeComparison* out) {
    BTreeComparison c;
    std::string bad;
    const auto model = json.is_object() ? json.find("model") : json.end();
    if (model == json.end() || !modelFrom(*model, &c.model, &bad)) {
        return json_read::badField("comparison", bad.empty() ? "/model" : bad);
    }
    const auto rows = json.find("comparison");
    if (rows == json.end() || !rows->is_array()) {
        return json_read::badField("comparison", "/comparison");
    }
    for (std::size_t i = 0; i < rows->size(); ++i) {
        const std::string w = "/comparison/" + std::to_string(i);
        ComparisonRow r;
        if (!field((*rows)[i], "quantity", &r.quantity, w, &bad) ||
            !field((*rows)[i], "real", &r.real, w, &bad, true) ||
            !field((*rows)[i], "model", &r.model, w, &bad, true) ||
            !field((*rows)[i], "agree", &r.agree, w, &bad) ||
            !field((*rows)[i], "why", &r.why, w, &bad)) {
            return json_read::badField("comparison", bad);
        }
        c.rows.push_back(std::move(r));
    }
    *out = std::move(c);
    return Status::ok();
}

} // namespace fg::lab
