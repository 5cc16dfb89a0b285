#include "engines/scenario/lsm_scenario.h"

#include "engines/core/rng.h"
#include "engines/scenario/run_timeline.h"
#include "engines/scenario/scenario_reader.h"

#include <nlohmann/json.hpp>

namespace fg {

using json = nlohmann::json;
using R = ScenarioReader;
using LsmKind = lsm::LsmOp::Kind;

namespace {

Status readKey(const json& o, const std::string& path, std::string& out) {
    const auto it = o.find("key");
    if (it == o.end()) {
        return Status::error(path + "/key", "missing: expected a key (text or whole number)");
    }
    if (it->is_string()) {
        out = it->get<std::string>();
    } else if (it->is_number_integer()) {
        out = it->dump();
    } else {
        return Status::error(path + "/key", "expected a key: text or a whole number");
    }
    if (out.size() > 1'000'000) {
        return Status::error(path + "/key", "a key of more than 1 MB is not a key");
    }
    return Status::ok();
}

// An LSM run's time grows with its flushes (each merge finds again where every table stands)
// and its writes, faster than either: within these limits a run takes seconds (10,000 puts
// into 4-entry memtables 0.5 s; 500,000 into 200-entry ones 5 s, into one memtable 3 s and
// 570 MB), past them minutes to hours (100,000 into 4-entry memtables: 129 s), so the scenario
// is refused before it runs.
constexpr std::int64_t kMaxLsmFlushes = 2'500;
constexpr std::int64_t kMaxLsmWrites = 500'000;

// Counts the writes and flushes a scenario asks for as it is read, beside its work budget: a
// scenario over that one too is told about that one (at the end, as every engine's).
class FlushBudget {
public:
    FlushBudget(std::int64_t memtable, const WorkBudget& work) : memtable_(memtable), work_(work) {}
    Status writes(std::int64_t n, const std::string& path) { return add(n, 0, path); }
    Status flush(const std::string& path) { return add(0, 1, path); }

private:
    Status add(std::int64_t writes, std::int64_t flushes, const std::string& path) {
        writes_ += writes;
        flushes_ += flushes;
        const std::int64_t made = writes_ / memtable_ + flushes_;
        if (work_.over()) {
            return Status::ok();
        }
        if (writes_ > kMaxLsmWrites) {
            return Status::error(path, "the scenario writes " + grouped(writes_) +
                                           " keys; an LSM run may write at most " +
                                           grouped(kMaxLsmWrites));
        }
        if (made > kMaxLsmFlushes) {
            std::string what =
                "the scenario writes " + grouped(writes_) + " keys into a memtable of ";
            what += grouped(memtable_);
            what += memtable_ == 1 ? " entry" : " entries";
            what += ", about " + grouped(made) + " flushes, over the ";
            what += grouped(kMaxLsmFlushes);
            what += " an LSM run may make (more would take minutes): set a larger ";
            what += "\"memtable_entries\" or write fewer keys";
            return Status::error(path, what);
        }
        return Status::ok();
    }

    std::int64_t memtable_;
    const WorkBudget& work_;
    std::int64_t writes_ = 0;
    std::int64_t flushes_ = 0;
};

} // namespace

namespace {

// One op of an LSM-tree scenario, checked and counted against the budgets, appended to ops:
// put-random appends its count of puts.
Status readLsmOps(const json& o, const std::string& path, const std::string& name,
                  WorkBudget& budget, FlushBudget& flushes, std::vector<lsm::LsmOp>& ops) {
    lsm::LsmOp op;
    if (name == "put" || name == "delete" || name == "get") {
        op.kind = name == "put" ? LsmKind::Put : name == "delete" ? LsmKind::Delete : LsmKind::Get;
        if (Status s = readKey(o, path, op.key); !s) {
            return s;
        }
        if (name == "put") {
            std::optional<std::string> value;
            if (Status s = R::optionalString(o, path, "value", value); !s) {
                return s;
            }
            op.value = value.value_or("v");
        }
        if (Status s = budget.add(1, path); !s) {
            return s;
        }
        if (Status s = flushes.writes(op.kind == LsmKind::Get ? 0 : 1, path); !s) {
            return s;
        }
        ops.push_back(std::move(op));
    } else if (name == "flush" || name == "compact") {
        op.kind = name == "flush" ? LsmKind::Flush : LsmKind::Compact;
        if (Status s = budget.add(1, path); !s) {
            return s;
        }
        if (Status s = op.kind == LsmKind::Flush ? flushes.flush(path) : Status::ok(); !s) {
            return s;
        }
        ops.push_back(std::move(op));
    } else if (name == "put-random") {
        std::int64_t count = 0, seed = 1, lo = 1, hi = 0;
        if (Status s = R::requiredInteger(o, path, "count", 0, 10'000'000, count); !s) {
            return s;
        }
        if (Status s = R::integer(o, path, "seed", 0, INT64_MAX, 1, seed); !s) {
            return s;
        }
        if (Status s = R::integer(o, path, "min", -1'000'000'000'000LL, 1'000'000'000'000LL, 1, lo);
            !s) {
            return s;
        }
        if (Status s = R::integer(o, path, "max", lo, 1'000'000'000'000LL,
                                  lo + std::max<std::int64_t>(100, count * 10) - 1, hi);
            !s) {
            return s;
        }
        if (Status s = budget.add(count, path); !s) {
            return s;
        }
        if (Status s = flushes.writes(count, path); !s) {
            return s;
        }
        Rng rng(static_cast<std::uint64_t>(seed));
        for (std::int64_t k = 0; k < count; ++k) {
            lsm::LsmOp put;
            put.kind = LsmKind::Put;
            put.key = std::to_string(rng.uniform(lo, hi));
            put.value = std::string("v").append(std::to_string(k));
            ops.push_back(std::move(put));
        }
    } else {
        return Status::error(path + "/op",
                             "unknown op \"" + name +
                                 "\": expected put, delete, get, flush, compact or put-random");
    }
    return Status::ok();
}

} // namespace

Status parseLsmScenario(const json& scenario, LsmScenario& out) {
    json params;
    if (Status s = R::params(scenario, params); !s) {
        return s;
    }
    if (Status s = R::scenarioKeys(scenario); !s) {
        return s;
    }
    if (Status s = R::knownKeys(
            params, "/params",
            {"memtable_entries", "l0_trigger", "level_ratio", "bloom_bits_per_key", "strategy"});
        !s) {
        return s;
    }
    std::int64_t v = 0;
    auto& p = out.params;
    if (Status s = R::integer(params, "/params", "memtable_entries", 1, 1'000'000, 4, v); !s) {
        return s;
    }
    p.memtableEntries = static_cast<int>(v);
    if (Status s = R::integer(params, "/params", "l0_trigger", 2, 64, 4, v); !s) {
        return s;
    }
    p.l0Trigger = static_cast<int>(v);
    if (Status s = R::integer(params, "/params", "level_ratio", 2, 100, 10, v); !s) {
        return s;
    }
    p.levelRatio = static_cast<int>(v);
    if (Status s = R::integer(params, "/params", "bloom_bits_per_key", 1, 64, 10, v); !s) {
        return s;
    }
    p.bloomBitsPerKey = static_cast<int>(v);
    std::optional<std::string> strategy;
    if (Status s = R::optionalString(params, "/params", "strategy", strategy); !s) {
        return s;
    }
    if (strategy && *strategy != "leveled" && *strategy != "tiered") {
        return Status::error("/params/strategy", "expected leveled or tiered");
    }
    p.tiered = strategy && *strategy == "tiered";
    if (Status s = R::narrate(scenario, out.narrate); !s) {
        return s;
    }
    WorkBudget budget(out.narrate);
    FlushBudget flushes(p.memtableEntries, budget);
    const Status read = R::forEachOp(
        scenario, [&](const json& o, const std::string& path, const std::string& name) {
            return readLsmOps(o, path, name, budget, flushes, out.ops);
        });
    if (!read) {
        return read;
    }
    out.work = budget.total();
    return budget.finish();
}

json lsmStepJson(const lsm::LsmStep& st) {
    json j = {{"kind", std::string(lsm::kindName(st.kind))}, {"text", st.text}};
    if (!st.key.empty()) {
        j["key"] = st.key;
    }
    if (st.kind == lsm::StepKind::kGet) {
        j["found"] = st.found;
        if (st.found) {
            j["value"] = *st.value;
        }
        json probed = json::array();
        for (const auto& p : st.probed) {
            json pj = {{"result", std::string(lsm::resultName(p.result))}};
            if (p.where == lsm::Probe::Where::kMemtable) {
                pj["table"] = "memtable";
            } else {
                pj["table"] = p.table;
                pj["level"] = p.level;
            }
            probed.push_back(pj);
        }
        j["probed"] = probed;
    }
    if (!st.inputs.empty()) {
        j["inputs"] = st.inputs;
    }
    if (!st.outputs.empty() || st.kind == lsm::StepKind::kCompactionDone) {
        j["outputs"] = st.outputs;
    }
    if (lsm::isCompaction(st.kind)) {
        j["level"] = st.level;
    }
    if (st.kind == lsm::StepKind::kCompactionDone) {
        j["tombstones_dropped"] = st.tombstonesDropped;
    }
    return j;
}

json lsmStateJson(const lsm::LsmState& s) {
    json mem = json::array();
    for (const auto& [k, e] : s.memtable) {
        mem.push_back(
            {{"key", k}, {"seq", e.seq}, {"value", e.value ? json(*e.value) : json(nullptr)}});
    }
    json levels = json::array();
    for (int l = 0; l < s.levels(); ++l) {
        json tables = json::array();
        for (const lsm::SSTable* t : s.level(l)) {
            tables.push_back({{"id", t->id},
                              {"min_key", t->minKey()},
                              {"max_key", t->maxKey()},
                              {"entries", t->entries.size()},
                              {"tombstones", t->tombstones()},
                              {"bytes", t->bytes}});
        }
        levels.push_back({{"level", l}, {"tables", tables}});
    }
    return {{"memtable", mem}, {"levels", levels}};
}

json lsmStatsJson(const lsm::LsmState& s) {
    std::int64_t tombstones = 0;
    for (const auto& t : s.tables) {
        tombstones += t.tombstones();
    }
    const auto& st = s.stats;
    const double live = static_cast<double>(s.liveBytes());
    return {{"flushes", st.flushes},
            {"compactions", st.compactions},
            {"user_bytes", st.userBytes},
            {"disk_bytes_written", st.diskBytesWritten},
            {"write_amplification", st.userBytes ? static_cast<double>(st.diskBytesWritten) /
                                                       static_cast<double>(st.userBytes)
                                                 : 0.0},
            {"read_amplification",
             st.gets ? static_cast<double>(st.tablesRead) / static_cast<double>(st.gets) : 0.0},
            {"space_amplification", live > 0 ? static_cast<double>(s.diskBytes()) / live : 0.0},
            {"tables", s.tables.size()},
            {"tombstones", tombstones},
            {"tombstones_dropped", st.tombstonesDropped},
            {"gets", st.gets},
            {"bloom_skips", st.bloomSkips},
            {"range_skips", st.rangeSkips},
            {"bloom_false_positives", st.bloomFalsePositives}};
}

Status runLsmScenario(const json& scenario, json& result) {
    LsmScenario sc;
    if (Status s = parseLsmScenario(scenario, sc); !s) {
        return s;
    }
    const lsm::LsmEngine engine(sc.params);
    json out = {{"engine", "lsm"}};
    const lsm::LsmState fin =
        runTimeline(engine, engine.initialState(), sc.ops, sc.narrate, lsmStepJson, out);
    out["state"] = sc.narrate || fin.tables.size() < 1000 ? lsmStateJson(fin) : json::object();
    out["stats"] = lsmStatsJson(fin);
    result = std::move(out);
    return Status::ok();
}

json writeLsmScenario(const LsmScenario& s) {
    const auto& p = s.params;
    json params = {{"memtable_entries", p.memtableEntries},
                   {"l0_trigger", p.l0Trigger},
                   {"level_ratio", p.levelRatio},
                   {"bloom_bits_per_key", p.bloomBitsPerKey},
                   {"strategy", p.tiered ? "tiered" : "leveled"}};
    json ops = json::array();
    using K = lsm::LsmOp::Kind;
    for (const auto& op : s.ops) {
        switch (op.kind) {
        case K::Put:
            ops.push_back({{"op", "put"}, {"key", op.key}, {"value", op.value}});
            break;
        case K::Delete:
            ops.push_back({{"op", "delete"}, {"key", op.key}});
            break;
        case K::Get:
            ops.push_back({{"op", "get"}, {"key", op.key}});
            break;
        case K::Flush:
            ops.push_back({{"op", "flush"}});
            break;
        case K::Compact:
            ops.push_back({{"op", "compact"}});
            break;
        }
    }
    return writeScenarioDocument("lsm", params, ops, s.narrate);
}

} // namespace fg
