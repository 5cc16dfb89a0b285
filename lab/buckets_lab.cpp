#include "lab/buckets_lab.h"

#include "engines/core/timeline.h"
#include "lab/buckets_sources.h"
#include "lab/pg_lab.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>

namespace fg::lab {

namespace {

using timeseries::Point;
using timeseries::Tier;
using timeseries::TieredOp;

std::string bucketsNum(std::int64_t n) {
    return std::to_string(n);
}

std::string bucketsSeconds(std::int64_t ms) {
    return ms % 1000 == 0 ? bucketsNum(ms / 1000) + " s" : bucketsNum(ms) + " ms";
}

// Every point the scenario ingests, in the order it ingests them (generated ones drawn as the
// model draws them). REQUIRES: within the budget.
std::vector<Point> bucketsArrivedPoints(const DownsampleScenario& s) {
    std::vector<Point> out;
    for (const TieredOp& op : s.ops) {
        if (op.kind != TieredOp::Kind::Ingest) {
            continue;
        }
        const std::vector<Point> pts =
            op.generate ? timeseries::generatePoints(*op.generate) : op.points;
        out.insert(out.end(), pts.begin(), pts.end());
    }
    return out;
}

Status checkBucketsTiers(const std::vector<Tier>& tiers) {
    if (tiers.size() > kMaxBucketsLabTiers + 1) {
        return Status::error("/params/tiers",
                             "the lab rolls up at most " + bucketsNum(kMaxBucketsLabTiers) +
                                 " tiers (this has " +
                                 bucketsNum(static_cast<std::int64_t>(tiers.size()) - 1) + ")");
    }
    for (std::size_t i = 1; i < tiers.size(); ++i) {
        const Tier& t = tiers[i];
        const std::string where = "/params/tiers/" + std::to_string(i);
        if (t.resolutionMs % 1000 != 0 || t.retentionMs % t.resolutionMs != 0) {
            return Status::error(where, "RRDtool's steps are whole seconds: the tier \"" + t.name +
                                            "\" needs a resolution of whole seconds and a "
                                            "retention of whole resolutions");
        }
        if (t.retentionMs / t.resolutionMs > kMaxBucketsPerTier) {
            return Status::error(where, "an archive keeps at most " +
                                            bucketsNum(kMaxBucketsPerTier) +
                                            " rows, and the tier \"" + t.name + "\" keeps " +
                                            bucketsNum(t.retentionMs / t.resolutionMs));
        }
    }
    return Status::ok();
}

Status checkBucketsPoints(const DownsampleScenario& s) {
    std::int64_t count = 0, first = 0, last = 0;
    bool any = false;
    auto see = [&](std::int64_t t) {
        first = any ? std::min(first, t) : t;
        last = any ? std::max(last, t) : t;
        any = true;
    };
    for (const TieredOp& op : s.ops) {
        if (op.kind == TieredOp::Kind::Ingest && op.generate) {
            const auto& g = *op.generate;
            if (g.to > g.from) {
                count += (g.to - g.from + g.everyMs - 1) / g.everyMs;
                see(g.from);
                see(g.to - 1);
            }
        } else if (op.kind == TieredOp::Kind::Ingest) {
            count += static_cast<std::int64_t>(op.points.size());
            for (const Point& p : op.points) {
                see(p.t);
            }
        }
        if (count > kMaxBucketsLabPoints) {
            return Status::error("/ops", "the lab rolls up at most " +
                                             bucketsNum(kMaxBucketsLabPoints) +
                                             " points (this scenario ingests more)");
        }
    }
    if (!any) {
        return Status::error("/ops", "the scenario ingests no point: there is nothing to roll up");
    }
    if (first < 0) {
        return Status::error("/ops", "RRDtool counts time from 1970: the lab takes no point "
                                     "before 1970-01-01");
    }
    if (last - first > kMaxBucketsLabSpanMs) {
        return Status::error("/ops", "the lab's points span at most 366 days (RRDtool steps "
                                     "through every second of them)");
    }
    for (std::size_t i = 1; i < s.tiers.size(); ++i) {
        if ((last - first) / s.tiers[i].resolutionMs + 1 > kMaxBucketsPerTier) {
            return Status::error("/params/tiers/" + std::to_string(i),
                                 "a tier covers at most " + bucketsNum(kMaxBucketsPerTier) +
                                     " buckets of the points' span, and \"" + s.tiers[i].name +
                                     "\" would cover more");
        }
    }
    return Status::ok();
}

// The model's buckets of each rolled-up tier, as its final state keeps them.
std::vector<BucketMap> modelTierBuckets(const DownsampleScenario& s, std::int64_t* now) {
    const timeseries::TieredStore store(s.tiers);
    timeseries::TieredState state = store.initialState();
    SilentSink<timeseries::TieredStep, timeseries::TieredState> sink;
    for (const TieredOp& op : s.ops) {
        store.apply(state, op, sink);
    }
    *now = state.now;
    std::vector<BucketMap> out(s.tiers.size() - 1);
    for (std::size_t i = 1; i < s.tiers.size(); ++i) {
        for (const auto& [start, block] : state.tiers[i].blocks) {
            for (const auto& [b, a] : block.buckets) {
                out[i - 1][b] = {a.count, a.avg(), a.min, a.max};
            }
        }
    }
    return out;
}

std::vector<BucketPoint> bucketsSampleOf(const std::vector<Point>& sorted) {
    const std::size_t every = (sorted.size() + kMaxBucketSample - 1) / kMaxBucketSample;
    std::vector<BucketPoint> out;
    for (std::size_t i = 0; i < sorted.size(); i += std::max<std::size_t>(1, every)) {
        out.push_back({sorted[i].t, sorted[i].v});
    }
    return out;
}

std::string rrdXffText(double xff) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", xff);
    return buf;
}

std::vector<std::string> rrdRules(const RrdRollup& rrd, double xff) {
    std::vector<std::string> out{
        "A row of RRDtool labelled T holds the seconds (T - stride, T], and an update says what "
        "the value was since the previous one: so the lab feeds each point's value at the next "
        "point's time, and the row labelled T + stride matches date_bin's bucket [T, T + stride).",
        "RRDtool weighs each point by how long it held (until the next point); date_bin counts "
        "each point once: with evenly spaced points the rows agree (to 9 significant digits: "
        "RRDtool recomputes each second's value as value x seconds / seconds, which rounds in "
        "the last digits).",
        "Heartbeat " + bucketsNum(rrd.heartbeatS) + " s, twice the usual " +
            bucketsSeconds(rrd.usualGapMs) +
            " between points: a longer gap makes its seconds unknown instead of holding the last "
            "value across an outage.",
        "xff " + rrdXffText(xff) +
            ": a row with more unknown seconds than that share is UNKNOWN, where date_bin still "
            "has a bucket for the points it holds.",
        "Rows per archive = retention / resolution: RRDtool overwrites the oldest row one at a "
        "time, where the model drops whole blocks, so their oldest buckets differ."};
    if (rrd.offsetS > 0) {
        out.push_back("RRDtool takes no time before 1980 (it reads 0 as \"now\"): the lab adds " +
                      bucketsNum(rrd.offsetS) + " s (" + bucketsNum(rrd.offsetS / 86400) +
                      " days, a whole number of every stride, so buckets still line up) to "
                      "every time it feeds and takes them off the rows it reads.");
    }
    return out;
}

} // namespace

Status checkBucketsLabBudget(const DownsampleScenario& scenario) {
    if (Status s = checkBucketsTiers(scenario.tiers); !s) {
        return s;
    }
    return checkBucketsPoints(scenario);
}

Status parseBucketsLabScenario(const nlohmann::json& json, DownsampleScenario* out) {
    if (!json.is_object() || json.value("engine", std::string()) != "downsample") {
        return Status::error("/engine",
                             "the time-buckets lab runs scenarios of the engine \"downsample\"");
    }
    nlohmann::json bulk = json;
    bulk["narrate"] = false;
    if (Status s = parseDownsampleScenario(bulk, *out); !s) {
        return s;
    }
    return checkBucketsLabBudget(*out);
}

Status runBucketsLab(const DownsampleScenario& scenario, BucketsLabRun* run,
                     const BucketsLabOptions& options,
                     const std::function<void(const std::string&)>& progress) {
    const std::vector<Point> arrived = bucketsArrivedPoints(scenario);
    std::vector<Point> sorted = arrived;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Point& a, const Point& b) { return a.t < b.t; });
    run->points = static_cast<std::int64_t>(arrived.size());
    run->sample = bucketsSampleOf(sorted);
    const std::vector<BucketMap> model = modelTierBuckets(scenario, &run->modelNow);
    const std::vector<Tier> rollups(scenario.tiers.begin() + 1, scenario.tiers.end());
    if (progress) {
        progress("Rolling " + bucketsNum(run->points) + " points up in RRDtool...");
    }
    RrdRollup rrd;
    if (Status s = rrdRollup(sorted, rollups, options.folderRoot, options.xff, &rrd); !s) {
        return s;
    }
    run->rrdVersion = rrd.version;
    run->heartbeatS = rrd.heartbeatS;
    run->rrdOffsetS = rrd.offsetS;
    run->xff = options.xff;
    run->rrdDefinition = rrd.definition;
    run->rrdUpdates = rrd.updates;
    run->rules = rrdRules(rrd, options.xff);
    DateBinRollup pg;
    std::unique_ptr<PgLab> ownServer;
    if (Status s = dateBinRollup(arrived, rollups, options.pgBinDir, progress,
                                 options.server ? options.server : &ownServer, &pg);
        !s) {
        run->dateBinMissing = s.message();
    } else {
        run->dateBinRan = true;
        run->pgVersion = pg.version;
        run->sql = pg.sql;
    }
    run->origin = "1970-01-01 00:00:00+00";
    for (std::size_t i = 0; i < rollups.size(); ++i) {
        BucketTier t;
        t.name = rollups[i].name;
        t.resolutionMs = rollups[i].resolutionMs;
        t.retentionMs = rollups[i].retentionMs;
        t.rra = rrd.tiers[i].rra;
        compareBuckets(sorted, model[i], run->dateBinRan ? &pg.tiers[i] : nullptr, rrd.tiers[i],
                       &t);
        run->tiers.push_back(std::move(t));
    }
    run->summary = bucketsSummary(*run);
    return Status::ok();
}

} // namespace fg::lab
