#include "engines/timeseries/tiered_store.h"

#include "engines/core/counted.h"
#include "engines/timeseries/bucket.h"
#include "engines/timeseries/clock_text.h"

#include <algorithm>
#include <cmath>

namespace fg::timeseries {

namespace {

std::string duration(std::int64_t ms) {
    const std::int64_t s = ms / 1000;
    if (s % 86400 == 0 && s >= 86400) {
        return std::to_string(s / 86400) + (s == 86400 ? " day" : " days");
    }
    if (s % 3600 == 0 && s >= 3600) {
        return std::to_string(s / 3600) + (s == 3600 ? " hour" : " hours");
    }
    if (s % 60 == 0 && s >= 60) {
        return std::to_string(s / 60) + (s == 60 ? " minute" : " minutes");
    }
    return std::to_string(s) + (s == 1 ? " second" : " seconds");
}

} // namespace

std::string_view kindName(StepKind kind) {
    switch (kind) {
    case StepKind::kIngest:
        return "ingest";
    case StepKind::kAdvance:
        return "advance";
    case StepKind::kRetentionDrop:
        return "retention-drop";
    case StepKind::kQueryPlan:
        return "query-plan";
    case StepKind::kQueryResult:
        return "query-result";
    }
    return "?";
}

std::vector<Tier> TieredStore::defaultTiers() {
    return {{"raw", 1000, 2 * 3600'000LL, 1800'000LL, true},
            {"1m", 60'000, 86'400'000LL, 6 * 3600'000LL, false},
            {"1h", 3'600'000, 30 * 86'400'000LL, 7 * 86'400'000LL, false}};
}

std::vector<Point> generatePoints(const Generator& g) {
    std::vector<Point> out;
    Rng rng(g.seed);
    double walk = 50;
    for (std::int64_t t = g.from; t < g.to; t += g.everyMs) {
        double v = 0;
        if (g.shape == "constant") {
            v = 42;
        } else if (g.shape == "random-walk") {
            walk += (rng.unit() - 0.5) * 2;
            v = std::round(walk * 10) / 10;
        } else {
            const double phase =
                2 * 3.141592653589793 * static_cast<double>(t % 3'600'000) / 3'600'000.0;
            v = std::round((50 + 20 * std::sin(phase) + (rng.unit() - 0.5) * 6) * 10) / 10;
        }
        out.push_back({t, v});
    }
    return out;
}

TieredState TieredStore::initialState() const {
    TieredState s;
    s.tiers.resize(tiers_.size());
    return s;
}

void TieredStore::ingestPoint(State& s, const Point& p) const {
    for (std::size_t i = 0; i < tiers_.size(); ++i) {
        const Tier& tier = tiers_[i];
        const std::int64_t start = bucketStart(p.t, tier.blockMs);
        if (s.started && p.t < s.now - tier.retentionMs) {
            continue; // already past this tier's retention
        }
        TierBlock& b = s.tiers[i].blocks[start];
        b.start = start;
        b.end = start + tier.blockMs;
        if (tier.raw) {
            b.points.push_back(p);
        } else {
            b.buckets[bucketStart(p.t, tier.resolutionMs)].add(p.t, p.v);
        }
    }
    ++s.stats.ingested;
    s.now = s.started ? std::max(s.now, p.t) : p.t;
    s.started = true;
}

void TieredStore::apply(State& s, const Op& op, StepSink<Step, State>& sink) const {
    switch (op.kind) {
    case Op::Kind::Ingest: {
        std::vector<Point> pts = op.generate ? generatePoints(*op.generate) : op.points;
        for (const auto& p : pts) {
            ingestPoint(s, p);
        }
        if (sink.narrate()) {
            Step st;
            st.kind = StepKind::kIngest;
            st.points = static_cast<std::int64_t>(pts.size());
            std::string tiers;
            for (std::size_t i = 1; i < tiers_.size(); ++i) {
                tiers += (i > 1 ? " and " : "") + tiers_[i].name;
            }
            st.text =
                std::to_string(pts.size()) + " points arrive" +
                (pts.empty() ? "."
                             : " (" + clockText(pts.front().t) + " to " + clockText(pts.back().t) +
                                   "): raw rows go into their time blocks, and the " + tiers +
                                   " rollups update their buckets as they come.");
            sink.report(std::move(st), s);
        }
        // The points moved the clock: what is now older than a tier keeps goes, as when time
        // passes (a tester saw 'kept 2 h' over 15 hours of raw blocks after ingesting them).
        advance(s, s.now, sink);
        return;
    }
    case Op::Kind::Advance: {
        const std::int64_t to = std::max(s.now, op.toMs ? *op.toMs : s.now + op.byMs);
        if (sink.narrate()) {
            // A step of its own, the clock moved: when nothing was old enough to drop, time
            // passing left no step, the now line stayed put, and the page's "Ingest 3 more
            // hours" wrote from the clock of the last step (hours in the past).
            int expiring = 0;
            for (std::size_t i = 0; i < tiers_.size(); ++i) {
                for (const auto& [start, b] : s.tiers[i].blocks) {
                    expiring += b.end <= to - tiers_[i].retentionMs ? 1 : 0;
                }
            }
            const std::int64_t moved = to - s.now;
            s.now = to;
            s.started = true;
            Step st;
            st.kind = StepKind::kAdvance;
            st.text = "Time passes" + (moved > 0 ? " (" + duration(moved) + ")" : std::string()) +
                      ": it is now " + clockText(to) +
                      (expiring == 0   ? "; no block is old enough to drop yet."
                       : expiring == 1 ? "; 1 block is now older than its tier keeps."
                                       : "; " + std::to_string(expiring) +
                                             " blocks are now older than their tiers keep.");
            sink.report(std::move(st), s);
        }
        advance(s, to, sink);
        return;
    }
    case Op::Kind::Query: {
        ++s.stats.queries;
        const QueryResult r = query(s, op.from, op.to, op.agg);
        s.stats.rowsScanned += r.rowsScanned;
        s.stats.partitionsRead += r.partitionsRead;
        s.stats.partitionsSkipped += r.partitionsSkipped;
        if (sink.narrate()) {
            Step plan;
            plan.kind = StepKind::kQueryPlan;
            plan.tier = r.tier;
            plan.text =
                "Query " + clockText(op.from) + " to " + clockText(op.to) + ": " +
                (r.complete ? "the finest tier that still covers the whole range is " + r.tier + "."
                            : "no tier still covers the whole range; " + r.tier +
                                  " answers for what it keeps.");
            sink.report(std::move(plan), s);
            Step res;
            res.kind = StepKind::kQueryResult;
            res.tier = r.tier;
            res.query = r;
            res.from = op.from;
            res.to = op.to;
            res.text = "It reads " + counted(r.partitionsRead, "time block", "time blocks") +
                       " and skips " + std::to_string(r.partitionsSkipped) + ", scanning " +
                       counted(r.rowsScanned, "row", "rows") + " for " +
                       counted(static_cast<std::int64_t>(r.series.size()), "result point",
                               "result points") +
                       ".";
            sink.report(std::move(res), s);
        }
        return;
    }
    }
}

void TieredStore::advance(State& s, std::int64_t to, StepSink<Step, State>& sink) const {
    s.now = std::max(s.now, to);
    s.started = true;
    for (std::size_t i = 0; i < tiers_.size(); ++i) {
        auto& blocks = s.tiers[i].blocks;
        for (auto it = blocks.begin(); it != blocks.end();) {
            if (it->second.end > s.now - tiers_[i].retentionMs) {
                ++it;
                continue;
            }
            const std::int64_t rows = it->second.rows();
            ++s.stats.blocksDropped;
            s.stats.rowsDropped += rows;
            Step st;
            if (sink.narrate()) {
                st.kind = StepKind::kRetentionDrop;
                st.tier = tiers_[i].name;
                st.blockStart = it->second.start;
                st.blockEnd = it->second.end;
                st.rows = rows;
                st.text = "The " + tiers_[i].name + " block " + clockText(it->second.start) +
                          " to " + clockText(it->second.end) + " is older than the " +
                          duration(tiers_[i].retentionMs) +
                          " this tier keeps: it is dropped whole (" + std::to_string(rows) +
                          " rows, one delete). In Cassandra with a TTL, each of the " +
                          std::to_string(rows) +
                          " rows would expire on its own and stay as a tombstone until a "
                          "compaction purges it (unless TimeWindowCompactionStrategy drops a "
                          "whole expired SSTable, as here).";
            }
            it = blocks.erase(it);
            if (sink.narrate()) {
                sink.report(std::move(st), s); // the frame after the step shows it gone
            }
        }
    }
}

QueryResult TieredStore::query(const State& s, std::int64_t from, std::int64_t to,
                               AggKind agg) const {
    QueryResult r;
    std::size_t chosen = tiers_.size() - 1;
    r.complete = false;
    for (std::size_t i = 0; i < tiers_.size(); ++i) {
        if (!s.started || from >= s.now - tiers_[i].retentionMs) {
            chosen = i;
            r.complete = true;
            break;
        }
    }
    r.tier = tiers_[chosen].name;
    for (const auto& [start, b] : s.tiers[chosen].blocks) {
        if (b.end <= from || b.start >= to) {
            ++r.partitionsSkipped;
            continue;
        }
        ++r.partitionsRead;
        if (tiers_[chosen].raw) {
            for (const auto& p : b.points) {
                if (p.t >= from && p.t < to) {
                    ++r.rowsScanned;
                    r.series.push_back(p);
                }
            }
        } else {
            for (auto it = b.buckets.lower_bound(bucketStart(from, tiers_[chosen].resolutionMs));
                 it != b.buckets.end() && it->first < to; ++it) {
                ++r.rowsScanned;
                r.series.push_back({it->first, aggValue(it->second, agg)});
            }
        }
    }
    return r;
}

} // namespace fg::timeseries
