#include "engines/scenario/btree_scenario.h"

#include "engines/core/timeline.h"
#include "engines/scenario/json_text.h"
#include "engines/scenario/scenario_reader.h"

#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

namespace fg {
namespace {

using btree::Key;
using btree::NodeId;
using btree::Op;
using btree::Params;
using btree::Step;
using btree::StepKind;
using nlohmann::json;

// Most keys one insert-random op may draw: narrated (each key makes several steps) and in bulk.
constexpr std::int64_t kMaxNarratedDraws = 10'000;
constexpr std::int64_t kMaxBulkDraws = 10'000'000;
// In bulk mode a tree with more keys than this is left out of the result's state.
constexpr std::int64_t kMaxTreeKeysInBulk = 10'000;

// Reads obj[name] as an integer within [lo, hi]. A missing field is an error when `required`,
// else leaves `out` as it is.
Status readInt(const json& obj, const char* name, const std::string& path, std::int64_t lo,
               std::int64_t hi, const std::string& expected, bool required, std::int64_t& out) {
    const std::string where = path + "/" + name;
    const auto it = obj.find(name);
    if (it == obj.end()) {
        return required ? Status::error(where, "missing; expected " + expected) : Status::ok();
    }
    if (it->is_number_unsigned()) {
        if (it->get<std::uint64_t>() > static_cast<std::uint64_t>(hi)) {
            return Status::error(where, "expected " + expected);
        }
    } else if (!it->is_number_integer()) {
        return Status::error(where, "expected " + expected);
    }
    const std::int64_t v = it->get<std::int64_t>();
    if (v < lo || v > hi) {
        return Status::error(where, "expected " + expected);
    }
    out = v;
    return Status::ok();
}

constexpr std::int64_t kKeyMin = std::numeric_limits<Key>::min();
constexpr std::int64_t kKeyMax = std::numeric_limits<Key>::max();

Status readKey(const json& op, const char* name, const std::string& path, Key& out) {
    return readInt(op, name, path, kKeyMin, kKeyMax, "an integer key", true, out);
}

// "split" and "order" (or "min_degree"), for a B-tree or, when `bplus`, a B+-tree.
Status parseSplitAndOrder(const json& p, bool bplus, Params& out) {
    std::string split = "overflow";
    if (const auto s = p.find("split"); s != p.end()) {
        if (!s->is_string() || (*s != "overflow" && *s != "preemptive")) {
            return Status::error("/params/split", "expected \"overflow\" or \"preemptive\"");
        }
        split = s->get<std::string>();
    }
    if (bplus && (split == "preemptive" || p.contains("min_degree"))) {
        return Status::error(split == "preemptive" ? "/params/split" : "/params/min_degree",
                             "expected order alone: a B+-tree (\"variant\": \"bplus\") splits "
                             "a node when it overflows");
    }
    if (split == "preemptive") {
        std::int64_t t = 0;
        if (p.contains("order") && !p.contains("min_degree")) {
            // Galles' checkbox: preemptive splitting of an even order m is CLRS with t = m/2.
            std::int64_t m = 0;
            Status st = readInt(p, "order", "/params", Params::kMinDegree * 2, Params::kMaxOrder,
                                "an even integer from 4 to 64 (order = 2 x min_degree)", true, m);
            if (!st || m % 2 != 0) {
                return st ? Status::error("/params/order",
                                          "expected an even integer from 4 to 64 (order = 2 x "
                                          "min_degree)")
                          : st;
            }
            out = Params::withMinDegree(static_cast<int>(m / 2));
            return Status::ok();
        }
        Status st = readInt(p, "min_degree", "/params", Params::kMinDegree, Params::kMaxDegree,
                            "an integer from 2 to 32", true, t);
        if (!st) {
            return st;
        }
        out = Params::withMinDegree(static_cast<int>(t));
        return Status::ok();
    }
    if (p.contains("min_degree")) {
        return Status::error("/params/split", "expected \"preemptive\" with min_degree (the CLRS "
                                              "variant), or use order alone");
    }
    std::int64_t m = 0;
    Status st = readInt(p, "order", "/params", Params::kMinOrder, Params::kMaxOrder,
                        "an integer from 3 to 64", true, m);
    if (!st) {
        return st;
    }
    out = Params::withOrder(static_cast<int>(m));
    return Status::ok();
}

// "rightmost_fill" (a fraction in hundredths, as PostgreSQL's fillfactor is a whole percentage)
// and "merge_on_delete" of a B+-tree; a B-tree has neither.
Status parseBPlusOptions(const json& p, bool bplus, Params& out) {
    for (const char* name : {"rightmost_fill", "merge_on_delete"}) {
        if (!bplus && p.contains(name)) {
            return Status::error(std::string("/params/") + name,
                                 "allowed only in a B+-tree: add \"variant\": \"bplus\"");
        }
    }
    if (!bplus) {
        return Status::ok();
    }
    out.variant = btree::Variant::kBPlus;
    if (const auto f = p.find("rightmost_fill"); f != p.end()) {
        const double v = f->is_number() ? f->get<double>() : -1;
        const double percent = v * 100;
        const bool ok = percent > Params::kMinFill - 1e-6 && percent < Params::kMaxFill + 1e-6 &&
                        std::abs(percent - std::round(percent)) < 1e-6;
        if (!ok) {
            return Status::error("/params/rightmost_fill",
                                 "expected a fraction from 0.1 to 1 in hundredths, such as 0.9 "
                                 "(PostgreSQL's default leaf fillfactor, 90%)");
        }
        out.rightmostFill = static_cast<int>(std::lround(percent));
    }
    if (const auto m = p.find("merge_on_delete"); m != p.end()) {
        if (!m->is_boolean()) {
            return Status::error("/params/merge_on_delete", "expected true or false");
        }
        out.mergeOnDelete = m->get<bool>();
    }
    return Status::ok();
}

Status parseParams(const json& scenario, Params& out) {
    const auto it = scenario.find("params");
    if (it == scenario.end() || !it->is_object()) {
        return Status::error("/params", "expected an object with \"order\" (3 to 64), or "
                                        "\"min_degree\" with \"split\": \"preemptive\"");
    }
    const json& p = *it;
    if (Status st = ScenarioReader::knownKeys(
            p, "/params",
            {"order", "min_degree", "split", "variant", "rightmost_fill", "merge_on_delete"});
        !st) {
        return st;
    }
    bool bplus = false;
    if (const auto v = p.find("variant"); v != p.end()) {
        if (!v->is_string() || (*v != "btree" && *v != "bplus")) {
            return Status::error("/params/variant", "expected \"btree\" (the textbook B-tree, "
                                                    "the default) or \"bplus\" (a B+-tree)");
        }
        bplus = *v == "bplus";
    }
    Status st = parseSplitAndOrder(p, bplus, out);
    return st ? parseBPlusOptions(p, bplus, out) : st;
}

Status parseInsertRandom(const json& o, const std::string& path, bool narrate, Op& op) {
    const std::int64_t most = narrate ? kMaxNarratedDraws : kMaxBulkDraws;
    std::int64_t count = 0, seed = 0;
    Status st = readInt(o, "count", path, 0, most,
                        narrate ? "an integer from 0 to 10000 (more with \"narrate\": false)"
                                : "an integer from 0 to 10000000",
                        true, count);
    if (st) {
        st = readInt(o, "seed", path, 0, kKeyMax, "a non-negative integer seed", true, seed);
    }
    // Defaults: keys from 1 up to ten times the count (at least 100), so most draws are new.
    Key min = 1;
    if (st) {
        st = readInt(o, "min", path, kKeyMin, kKeyMax, "an integer key", false, min);
    }
    const std::int64_t span = std::max<std::int64_t>(100, count * 10) - 1;
    Key max = min > kKeyMax - span ? kKeyMax : min + span;
    if (st) {
        st = readInt(o, "max", path, min, kKeyMax, "an integer key not below min", false, max);
    }
    if (!st) {
        return st;
    }
    op = Op::insertRandom(count, static_cast<std::uint64_t>(seed), min, max);
    return Status::ok();
}

Status parseOp(const json& o, const std::string& path, bool narrate, Op& op) {
    if (!o.is_object()) {
        return Status::error(path, "expected an object with \"op\"");
    }
    const auto kind = o.find("op");
    if (kind == o.end() || !kind->is_string()) {
        return Status::error(path + "/op", "expected one of \"insert\", \"search\", \"delete\", "
                                           "\"range\", \"insert-random\"");
    }
    const std::string name = kind->get<std::string>();
    Key k = 0;
    if (name == "insert" || name == "search" || name == "delete") {
        Status st = readKey(o, "key", path, k);
        op = name == "insert" ? Op::insert(k) : name == "search" ? Op::search(k) : Op::remove(k);
        return st;
    }
    if (name == "range") {
        Key from = 0, to = 0;
        Status st = readKey(o, "from", path, from);
        if (st) {
            st = readInt(o, "to", path, from, kKeyMax, "an integer key not below from", true, to);
        }
        op = Op::range(from, to);
        return st;
    }
    if (name == "insert-random") {
        return parseInsertRandom(o, path, narrate, op);
    }
    return Status::error(path + "/op", "expected one of \"insert\", \"search\", \"delete\", "
                                       "\"range\", \"insert-random\", not \"" +
                                           name + "\"");
}

// `linked`: a B+-tree's leaves name the next leaf ("next": its id, or null for the last).
json treeJson(const btree::NodeStore& ns, NodeId id, bool linked) {
    json node = {{"id", id}, {"keys", json::array()}, {"children", json::array()}};
    for (const Key k : ns.keys(id)) {
        node["keys"].push_back(k);
    }
    for (const NodeId c : ns.children(id)) {
        node["children"].push_back(treeJson(ns, c, linked));
    }
    if (linked && ns.leaf(id)) {
        node["next"] = ns.next(id) == btree::kNoNode ? json(nullptr) : json(ns.next(id));
    }
    return node;
}

// JSON names of Step::other and Step::moved for each kind (see btree_steps.h).
const char* otherName(StepKind k) {
    switch (k) {
    case StepKind::kDescend:
        return "child";
    case StepKind::kSplit:
    case StepKind::kLeafSplit:
    case StepKind::kPromote:
    case StepKind::kNewRoot:
        return "right";
    case StepKind::kReplace:
        return "from_leaf";
    case StepKind::kBorrow:
    case StepKind::kLeafBorrow:
        return "sibling";
    case StepKind::kMerge:
    case StepKind::kLeafMerge:
        return "retired";
    case StepKind::kRangeVisit:
        return "from";
    case StepKind::kShrink:
        return "new_root";
    default:
        return "other";
    }
}

const char* movedName(StepKind k) {
    switch (k) {
    case StepKind::kBorrow:
        return "down";
    case StepKind::kLeafBorrow:
        return "moved";
    case StepKind::kMerge:
    case StepKind::kLeafMerge:
    case StepKind::kLeafSplit:
        return "separator";
    case StepKind::kReplace:
        return "replacement";
    default:
        return "promoted";
    }
}

bool usesKey(StepKind k) {
    switch (k) {
    case StepKind::kDescend:
    case StepKind::kInsertLeaf:
    case StepKind::kDuplicate:
    case StepKind::kFound:
    case StepKind::kNotFound:
    case StepKind::kRemoveLeaf:
    case StepKind::kReplace:
        return true;
    default:
        return false;
    }
}

} // namespace

json btreeStepJson(const Step& step) {
    json j = {{"kind", std::string(btree::kindName(step.kind))}, {"text", step.text}};
    if (usesKey(step.kind)) {
        j["key"] = step.key;
    }
    if (step.kind == StepKind::kLeafBorrow) {
        j["separator"] = step.key; // the parent's new separator between the two leaves
    }
    if (step.node != btree::kNoNode) {
        j["node"] = step.node;
    }
    if (step.other != btree::kNoNode) {
        j[otherName(step.kind)] = step.other;
    }
    if (step.parent != btree::kNoNode) {
        j["parent"] = step.parent;
    }
    if (step.moved) {
        j[movedName(step.kind)] = *step.moved;
    }
    const bool returns = step.kind == StepKind::kRangeVisit || step.kind == StepKind::kRangeDone;
    j[returns ? "returned" : "keys"] = step.keys;
    if (!step.otherKeys.empty()) {
        const bool split = step.kind == StepKind::kSplit || step.kind == StepKind::kLeafSplit;
        j[split ? "right_keys" : "sibling_keys"] = step.otherKeys;
    }
    if (step.kind == StepKind::kDescend || step.kind == StepKind::kFound ||
        step.kind == StepKind::kNotFound) {
        j["compared"] = step.compared;
    }
    if (step.kind == StepKind::kFound || step.kind == StepKind::kNotFound ||
        step.kind == StepKind::kRangeDone) {
        j["path"] = step.path;
    }
    return j;
}

json btreeStateJson(const btree::State& state, const Params& params, bool withTree) {
    json j = {{"order", params.order}, {"split", params.preemptive() ? "preemptive" : "overflow"}};
    if (params.preemptive()) {
        j["min_degree"] = params.minDegree();
    }
    if (params.bplus()) {
        j["variant"] = "bplus";
        if (params.rightmostFill > 0) {
            j["rightmost_fill"] = params.rightmostFill / 100.0;
        }
        j["merge_on_delete"] = params.mergeOnDelete;
    }
    if (withTree) {
        j["root"] = treeJson(state.nodes, state.root, state.bplus);
    }
    return j;
}

json btreeStatsJson(const btree::Stats& s) {
    return {{"height", s.height},       {"nodes", s.nodes},
            {"leaves", s.leaves},       {"keys", s.keys},
            {"splits", s.splits},       {"merges", s.merges},
            {"borrows", s.borrows},     {"page_writes", s.pageWrites},
            {"page_reads", s.pageReads}};
}

namespace {

// Everything of a scenario but its ops (REQUIRES nothing of `scenario`); checks that "ops" is a
// list.
Status parseBtreeHeader(const json& scenario, BtreeScenario& sc) {
    if (!scenario.is_object()) {
        return Status::error("/", "expected a scenario object");
    }
    if (const auto e = scenario.find("engine"); e != scenario.end() && *e != "btree") {
        return Status::error("/engine", "expected \"btree\"");
    }
    if (Status keys = ScenarioReader::scenarioKeys(scenario); !keys) {
        return keys;
    }
    if (const auto n = scenario.find("narrate"); n != scenario.end()) {
        if (!n->is_boolean()) {
            return Status::error("/narrate", "expected true or false");
        }
        sc.narrate = n->get<bool>();
    }
    if (Status st = parseParams(scenario, sc.params); !st) {
        return st;
    }
    const auto ops = scenario.find("ops");
    if (ops == scenario.end() || !ops->is_array()) {
        return Status::error("/ops", "expected an array of ops");
    }
    return Status::ok();
}

std::string opPath(std::size_t index) {
    return "/ops/" + std::to_string(index);
}

// Op `index` of the list, its work counted against `budget`.
Status readBtreeOp(const json& o, std::size_t index, bool narrate, WorkBudget& budget, Op& op) {
    const std::string path = opPath(index);
    const Status st = parseOp(o, path, narrate, op);
    return st ? budget.add(op.work(), path) : st;
}

// The result of a scenario read: narrated, its ops (sc.ops) through a Timeline; in bulk, each op
// `forEachOp` gives straight into the tree.
using EachOp = std::function<void(const std::function<void(const Op&)>&)>;
json btreeResult(const BtreeScenario& sc, const EachOp& forEachOp) {
    const btree::BTreeEngine engine(sc.params);
    json out = {{"engine", "btree"}};
    if (sc.narrate) {
        const Timeline<btree::BTreeEngine> timeline(engine, engine.emptyState(), sc.ops);
        json steps = json::array();
        for (const Step& step : timeline.steps()) {
            steps.push_back(btreeStepJson(step));
        }
        out["steps"] = std::move(steps);
        out["state"] = btreeStateJson(timeline.finalState(), sc.params, true);
        out["stats"] = btreeStatsJson(timeline.finalState().stats);
        return out;
    }
    btree::State state = engine.emptyState();
    SilentSink<Step, btree::State> silent;
    forEachOp([&](const Op& op) { engine.apply(state, op, silent); });
    out["state"] = btreeStateJson(state, sc.params, state.stats.keys <= kMaxTreeKeysInBulk);
    out["stats"] = btreeStatsJson(state.stats);
    return out;
}

} // namespace

Status parseBtreeScenario(const json& scenario, BtreeScenario& out) {
    BtreeScenario sc;
    if (Status st = parseBtreeHeader(scenario, sc); !st) {
        return st;
    }
    const json& ops = scenario["ops"];
    WorkBudget budget(sc.narrate);
    for (std::size_t i = 0; i < ops.size(); ++i) {
        Op op;
        if (Status st = readBtreeOp(ops[i], i, sc.narrate, budget, op); !st) {
            return st;
        }
        sc.ops.push_back(op);
    }
    if (Status st = budget.finish(); !st) {
        return st;
    }
    sc.work = budget.total();
    out = std::move(sc);
    return Status::ok();
}

Status runBtreeScenario(const json& scenario, json& result) {
    try {
        BtreeScenario sc;
        if (Status st = parseBtreeScenario(scenario, sc); !st) {
            return st;
        }
        result = btreeResult(sc, [&](const auto& apply) {
            for (const Op& op : sc.ops) {
                apply(op);
            }
        });
        return Status::ok();
    } catch (const json::exception& e) {
        return Status::error("/", std::string("unreadable scenario: ") + e.what());
    }
}

namespace {

// Reads each op of `text` in order, counts it against `budget` and hands it to `take` when it
// reads well; the first broken op, or the budget passed, is the error.
Status readOpsOfText(const std::string& text, bool narrate, WorkBudget& budget,
                     const std::function<void(const Op&)>& take) {
    const Status st = forEachJsonOp(text, [&](const json& o, std::size_t i) {
        Op op;
        Status read = readBtreeOp(o, i, narrate, budget, op);
        if (read) {
            take(op);
        }
        return read;
    });
    return st ? budget.finish() : st;
}

// Narrated: every op read and counted before any runs (the budget keeps the list short), then
// run from the list.
Status runNarratedText(const std::string& text, BtreeScenario& sc, json& result) {
    WorkBudget budget(true);
    if (Status st = readOpsOfText(text, true, budget, [&](const Op& op) { sc.ops.push_back(op); });
        !st) {
        return st;
    }
    sc.work = budget.total();
    result = btreeResult(sc, [&](const auto& apply) {
        for (const Op& op : sc.ops) {
            apply(op);
        }
    });
    return Status::ok();
}

// In bulk: one pass, each op read, counted and run while the scenario stays within its budget
// (past it, the ops are only read and counted, for the message). A broken op or a scenario over
// its budget throws the run away: the same error as a check before the run, at most the budget's
// work spent (a pass to check and a pass to run read 1,000,000 ops twice: issue 18).
Status runBulkText(const std::string& text, BtreeScenario& sc, json& result) {
    WorkBudget budget(false);
    Status st;
    json out = btreeResult(sc, [&](const auto& apply) {
        st = readOpsOfText(text, false, budget, [&](const Op& op) {
            if (!budget.over()) {
                apply(op);
            }
        });
    });
    if (!st) {
        return st;
    }
    sc.work = budget.total();
    result = std::move(out);
    return Status::ok();
}

} // namespace

Status runBtreeScenarioText(const std::string& text, const json& header, json& result) {
    try {
        BtreeScenario sc;
        if (Status st = parseBtreeHeader(header, sc); !st) {
            return st;
        }
        return sc.narrate ? runNarratedText(text, sc, result) : runBulkText(text, sc, result);
    } catch (const json::exception& e) {
        return Status::error("/", std::string("unreadable scenario: ") + e.what());
    }
}

json writeBtreeScenario(const BtreeScenario& s) {
    json params = s.params.preemptive()
                      ? json{{"min_degree", s.params.minDegree()}, {"split", "preemptive"}}
                      : json{{"order", s.params.order}};
    if (s.params.bplus()) {
        params["variant"] = "bplus";
        if (s.params.rightmostFill > 0) {
            params["rightmost_fill"] = s.params.rightmostFill / 100.0;
        }
        if (!s.params.mergeOnDelete) {
            params["merge_on_delete"] = false;
        }
    }
    json ops = json::array();
    using K = btree::OpKind;
    for (const auto& op : s.ops) {
        switch (op.kind) {
        case K::kInsert:
            ops.push_back({{"op", "insert"}, {"key", op.key}});
            break;
        case K::kSearch:
            ops.push_back({{"op", "search"}, {"key", op.key}});
            break;
        case K::kRemove:
            ops.push_back({{"op", "delete"}, {"key", op.key}});
            break;
        case K::kRange:
            ops.push_back({{"op", "range"}, {"from", op.from}, {"to", op.to}});
            break;
        case K::kInsertRandom:
            ops.push_back({{"op", "insert-random"},
                           {"count", op.count},
                           {"seed", op.seed},
                           {"min", op.min},
                           {"max", op.max}});
            break;
        }
    }
    return writeScenarioDocument("btree", params, ops, s.narrate);
}

} // namespace fg
