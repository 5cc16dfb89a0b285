#include "engines/scenario/downsample_scenario.h"

#include "engines/scenario/run_timeline.h"
#include "engines/scenario/scenario_reader.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace fg {

using json = nlohmann::json;
using R = ScenarioReader;
using TieredKind = timeseries::TieredOp::Kind;

namespace {

constexpr std::int64_t kMaxMs = 253'402'300'799'000LL; // 9999-12-31
constexpr std::int64_t kMaxPoints = 10'000'000;

namespace {

// An ingest's "generate": a generated series, checked; its points are added to total.
Status readGenerator(const json& g, const std::string& gp, std::int64_t& total,
                     timeseries::TieredOp& op) {
    if (Status s = R::object(g, gp); !s) {
        return s;
    }
    timeseries::Generator gen;
    std::int64_t every = 1, seed = 1;
    if (Status s = R::requiredInteger(g, gp, "from", -kMaxMs, kMaxMs, gen.from); !s) {
        return s;
    }
    if (Status s = R::requiredInteger(g, gp, "to", gen.from, kMaxMs, gen.to); !s) {
        return s;
    }
    if (Status s = R::integer(g, gp, "every_s", 1, 86'400, 1, every); !s) {
        return s;
    }
    if (Status s = R::integer(g, gp, "seed", 0, INT64_MAX, 1, seed); !s) {
        return s;
    }
    std::optional<std::string> shape;
    if (Status s = R::optionalString(g, gp, "shape", shape); !s) {
        return s;
    }
    gen.shape = shape.value_or("sine");
    if (gen.shape != "sine" && gen.shape != "random-walk" && gen.shape != "constant") {
        return Status::error(gp + "/shape", "expected sine, random-walk or constant");
    }
    gen.everyMs = every * 1000;
    gen.seed = static_cast<std::uint64_t>(seed);
    total += (gen.to - gen.from) / gen.everyMs;
    op.generate = gen;
    return Status::ok();
}

// An ingest's "points": each [timestamp_ms, value], checked; their number is added to total.
Status readPoints(const json& pts, const std::string& path, std::int64_t& total,
                  timeseries::TieredOp& op) {
    for (std::size_t k = 0; k < pts.size(); ++k) {
        const json& p = pts[k];
        if (!p.is_array() || p.size() != 2 || !p[0].is_number_integer() || !p[1].is_number() ||
            !std::isfinite(p[1].get<double>())) {
            return Status::error(
                path + "/points/" + std::to_string(k),
                "expected [timestamp_ms, value]: a whole number and a finite number");
        }
        const std::int64_t t = p[0].get<std::int64_t>();
        if (t < -kMaxMs || t > kMaxMs) {
            return Status::error(path + "/points/" + std::to_string(k) + "/0",
                                 "expected a timestamp between years -5000 and 9999");
        }
        op.points.push_back({t, p[1].get<double>()});
    }
    total += static_cast<std::int64_t>(pts.size());
    return Status::ok();
}

// "ingest": generated or listed points; at most kMaxPoints in the scenario so far.
Status readIngest(const json& o, const std::string& path, std::int64_t& total,
                  timeseries::TieredOp& op) {
    if (o.contains("generate")) {
        if (Status s = readGenerator(o["generate"], path + "/generate", total, op); !s) {
            return s;
        }
    } else if (o.contains("points") && o["points"].is_array()) {
        if (Status s = readPoints(o["points"], path, total, op); !s) {
            return s;
        }
    } else {
        return Status::error(
            path + "/points",
            "expected \"points\": [[timestamp_ms, value], ...] or \"generate\": { ... }");
    }
    if (total > kMaxPoints) {
        return Status::error(path, "more than 10,000,000 points in one scenario");
    }
    return Status::ok();
}

// "advance": the clock to a time, or on by some seconds.
Status readAdvance(const json& o, const std::string& path, timeseries::TieredOp& op) {
    if (o.contains("to")) {
        std::int64_t to = 0;
        if (Status s = R::requiredInteger(o, path, "to", -kMaxMs, kMaxMs, to); !s) {
            return s;
        }
        op.toMs = to;
    } else {
        std::int64_t by = 0;
        if (Status s = R::requiredInteger(o, path, "by_s", 0, 3'153'600'000LL, by); !s) {
            return s;
        }
        op.byMs = by * 1000;
    }
    return Status::ok();
}

// "query": a time range and at most one aggregate (avg when none is named).
Status readQuery(const json& o, const std::string& path, timeseries::TieredOp& op) {
    if (Status s = R::requiredInteger(o, path, "from", -kMaxMs, kMaxMs, op.from); !s) {
        return s;
    }
    if (Status s = R::requiredInteger(o, path, "to", op.from, kMaxMs, op.to); !s) {
        return s;
    }
    std::optional<std::string> agg;
    if (Status s = R::optionalString(o, path, "agg", agg); !s) {
        return s;
    }
    std::vector<timeseries::AggKind> kinds;
    std::string bad;
    if (agg && (!timeseries::parseAggList(*agg, kinds, bad) || kinds.size() != 1)) {
        return Status::error(path + "/agg",
                             "expected one of avg, min, max, sum, count, first, last");
    }
    op.agg = agg ? kinds.front() : timeseries::AggKind::Avg;
    return Status::ok();
}

// One op of a time-series scenario: its fields, checked; ingest adds its points to total (at most
// kMaxPoints in a scenario).
Status readTieredOp(const json& o, const std::string& path, const std::string& name,
                    std::int64_t& total, timeseries::TieredOp& op) {
    if (name == "ingest") {
        op.kind = TieredKind::Ingest;
        return readIngest(o, path, total, op);
    }
    if (name == "advance") {
        op.kind = TieredKind::Advance;
        return readAdvance(o, path, op);
    }
    if (name == "query") {
        op.kind = TieredKind::Query;
        return readQuery(o, path, op);
    }
    return Status::error(path + "/op",
                         "unknown op \"" + name + "\": expected ingest, advance or query");
}

} // namespace

Status parseTiers(const json& params, std::vector<timeseries::Tier>& out) {
    if (!params.contains("tiers")) {
        out = timeseries::TieredStore::defaultTiers();
        return Status::ok();
    }
    const json& t = params["tiers"];
    if (!t.is_array() || t.empty() || t.size() > 8) {
        return Status::error("/params/tiers", "expected a list of 1 to 8 tiers, the first raw");
    }
    std::int64_t prevRes = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const std::string path = "/params/tiers/" + std::to_string(i);
        if (Status s = R::object(t[i], path); !s) {
            return s;
        }
        timeseries::Tier tier;
        if (Status s = R::requiredString(t[i], path, "name", tier.name); !s) {
            return s;
        }
        std::int64_t res = 0, ret = 0, block = 0;
        if (Status s = R::integer(t[i], path, "resolution_s", 1, 31'536'000, 1, res); !s) {
            return s;
        }
        if (i == 0 && res != 1) {
            return Status::error(path + "/resolution_s",
                                 "expected 1: the first tier holds the raw points");
        }
        if (i > 0 && res <= prevRes) {
            return Status::error(path + "/resolution_s",
                                 "expected a coarser resolution than the tier before");
        }
        if (Status s = R::requiredInteger(t[i], path, "retention_s", 1, 3'153'600'000LL, ret); !s) {
            return s;
        }
        if (Status s = R::integer(t[i], path, "block_s", res, 3'153'600'000LL,
                                  std::max<std::int64_t>(res, ret / 8), block);
            !s) {
            return s;
        }
        if (block % res != 0) {
            return Status::error(path + "/block_s", "expected a multiple of resolution_s");
        }
        tier.raw = i == 0;
        tier.resolutionMs = res * 1000;
        tier.retentionMs = ret * 1000;
        tier.blockMs = block * 1000;
        prevRes = res;
        out.push_back(tier);
    }
    return Status::ok();
}

} // namespace

Status parseDownsampleScenario(const json& scenario, DownsampleScenario& out) {
    json params;
    if (Status s = R::params(scenario, params); !s) {
        return s;
    }
    if (Status s = R::scenarioKeys(scenario); !s) {
        return s;
    }
    if (Status s = R::knownKeys(params, "/params", {"tiers"}); !s) {
        return s;
    }
    if (Status s = parseTiers(params, out.tiers); !s) {
        return s;
    }
    if (Status s = R::narrate(scenario, out.narrate); !s) {
        return s;
    }
    std::int64_t total = 0;
    WorkBudget budget(out.narrate);
    const Status read = R::readOps(
        scenario, budget, out.ops,
        [&](const json& o, const std::string& path, const std::string& name,
            timeseries::TieredOp& op) { return readTieredOp(o, path, name, total, op); });
    if (!read) {
        return read;
    }
    out.work = budget.total();
    return budget.finish();
}

json downsampleStepJson(const timeseries::TieredStep& st) {
    json j = {{"kind", std::string(timeseries::kindName(st.kind))}, {"text", st.text}};
    if (!st.tier.empty()) {
        j["tier"] = st.tier;
    }
    if (st.kind == timeseries::StepKind::kIngest) {
        j["points"] = st.points;
    } else if (st.kind == timeseries::StepKind::kRetentionDrop) {
        j["block"] = {st.blockStart, st.blockEnd};
        j["rows"] = st.rows;
        j["cassandra_tombstones"] = st.rows;
    } else if (st.kind == timeseries::StepKind::kQueryResult) {
        j["rows_scanned"] = st.query.rowsScanned;
        j["partitions_read"] = st.query.partitionsRead;
        j["partitions_skipped"] = st.query.partitionsSkipped;
        j["complete"] = st.query.complete;
        json series = json::array();
        for (std::size_t k = 0; k < st.query.series.size() && k < 5000; ++k) {
            series.push_back({st.query.series[k].t, st.query.series[k].v});
        }
        j["series"] = series;
    }
    return j;
}

json downsampleStateJson(const timeseries::TieredStore& store, const timeseries::TieredState& s) {
    json tiers = json::array();
    for (std::size_t i = 0; i < store.tiers().size(); ++i) {
        const auto& t = store.tiers()[i];
        json blocks = json::array();
        for (const auto& [start, b] : s.tiers[i].blocks) {
            blocks.push_back({{"start", b.start},
                              {"end", b.end},
                              {"rows", b.rows()},
                              {"bytes", b.rows() * (t.raw ? 16 : 48)}});
        }
        tiers.push_back({{"name", t.name},
                         {"resolution_s", t.resolutionMs / 1000},
                         {"retention_s", t.retentionMs / 1000},
                         {"block_s", t.blockMs / 1000},
                         {"blocks", blocks}});
    }
    return {{"now", s.now}, {"tiers", tiers}};
}

Status runDownsampleScenario(const json& scenario, json& result) {
    DownsampleScenario sc;
    if (Status s = parseDownsampleScenario(scenario, sc); !s) {
        return s;
    }
    const timeseries::TieredStore store(sc.tiers);
    json out = {{"engine", "downsample"}};
    const timeseries::TieredState fin =
        runTimeline(store, store.initialState(), sc.ops, sc.narrate, downsampleStepJson, out);
    out["state"] = downsampleStateJson(store, fin);
    out["stats"] = {{"ingested", fin.stats.ingested},
                    {"blocks_dropped", fin.stats.blocksDropped},
                    {"rows_dropped", fin.stats.rowsDropped},
                    {"cassandra_tombstones_avoided", fin.stats.rowsDropped},
                    {"queries", fin.stats.queries},
                    {"rows_scanned", fin.stats.rowsScanned},
                    {"partitions_read", fin.stats.partitionsRead},
                    {"partitions_skipped", fin.stats.partitionsSkipped}};
    result = std::move(out);
    return Status::ok();
}

json writeDownsampleScenario(const DownsampleScenario& s) {
    json tiers = json::array();
    for (const auto& t : s.tiers) {
        tiers.push_back({{"name", t.name},
                         {"resolution_s", t.resolutionMs / 1000},
                         {"retention_s", t.retentionMs / 1000},
                         {"block_s", t.blockMs / 1000}});
    }
    json ops = json::array();
    using K = timeseries::TieredOp::Kind;
    for (const auto& op : s.ops) {
        switch (op.kind) {
        case K::Ingest:
            if (op.generate) {
                const auto& g = *op.generate;
                ops.push_back({{"op", "ingest"},
                               {"generate",
                                {{"from", g.from},
                                 {"to", g.to},
                                 {"every_s", g.everyMs / 1000},
                                 {"seed", g.seed},
                                 {"shape", g.shape}}}});
            } else {
                json pts = json::array();
                for (const auto& p : op.points) {
                    pts.push_back({p.t, p.v});
                }
                ops.push_back({{"op", "ingest"}, {"points", pts}});
            }
            break;
        case K::Advance:
            ops.push_back(op.toMs ? json{{"op", "advance"}, {"to", *op.toMs}}
                                  : json{{"op", "advance"}, {"by_s", op.byMs / 1000}});
            break;
        case K::Query:
            ops.push_back({{"op", "query"},
                           {"from", op.from},
                           {"to", op.to},
                           {"agg", timeseries::aggName(op.agg)}});
            break;
        }
    }
    return writeScenarioDocument("downsample", {{"tiers", tiers}}, ops, s.narrate);
}

} // namespace fg
