// The time-buckets lab's comparison: bucket by bucket, the model against date_bin (exactly) and
// RRDtool against date_bin (or the model, without PostgreSQL), with a reason for every
// difference (buckets_lab.h).
#include "lab/buckets_sources.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace fg::lab {

namespace {

using timeseries::Point;

std::string dateBinExactWhy(const BucketValues& model, const BucketValues& dateBin) {
    if (model.count != dateBin.count) {
        return "The model holds " + std::to_string(model.count) + " points here and date_bin " +
               std::to_string(dateBin.count) +
               ": the model refused points that arrived already past its retention.";
    }
    if (model.min != dateBin.min || model.max != dateBin.max) {
        return "The minimum or maximum differs over the same points.";
    }
    if (model.avg != dateBin.avg) {
        return "The average differs in its last digits: the sums were added in another order.";
    }
    return {};
}

// RRDtool recomputes each second's value as (value x seconds) / seconds and sums seconds into
// rows, which rounds in the last digits: its numbers are compared to 9 significant digits.
bool rrdCloseEnough(double a, double b) {
    return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b));
}

// Why RRDtool's row differs from the bucket [start, start + stride) of `sorted`.
std::string rrdWeightWhy(const std::vector<Point>& sorted, std::int64_t start,
                         std::int64_t stride) {
    const auto lo = std::lower_bound(sorted.begin(), sorted.end(), start,
                                     [](const Point& p, std::int64_t t) { return p.t < t; });
    const auto hi = std::lower_bound(lo, sorted.end(), start + stride,
                                     [](const Point& p, std::int64_t t) { return p.t < t; });
    if (lo == hi) {
        return "RRDtool held the previous point's value across this empty bucket (the gap was "
               "shorter than the heartbeat); date_bin has no bucket without points.";
    }
    const bool misaligned = lo->t != start && lo != sorted.begin();
    std::set<std::int64_t> gaps;
    for (auto it = lo; it + 1 < hi; ++it) {
        gaps.insert((it + 1)->t - it->t);
    }
    if (gaps.size() > 1) {
        return std::string("The points are unevenly spaced") +
               (misaligned ? ", and the previous point's value held into this row's first "
                             "seconds (step alignment)"
                           : "") +
               ": RRDtool weighs each point by the seconds it held, date_bin counts each once.";
    }
    if (misaligned) {
        return "Step alignment: the bucket's first point comes after its start, so the previous "
               "point's value held into this row's first seconds.";
    }
    return "The last point's value held past the bucket's end (the next point comes later than "
           "the usual gap), so RRDtool counted only part of it here.";
}

std::string rrdRowWhy(const std::vector<Point>& sorted, const BucketCompare& b,
                      const BucketValues* ref, const RrdTierRows& rrd, std::int64_t stride) {
    if (b.rrdUnknown) {
        return "RRDtool's row is UNKNOWN: more of its seconds than the xff allows had no value "
               "(a gap between points longer than the heartbeat).";
    }
    if (!b.rrd) {
        return b.start < rrd.oldestStart
                   ? "The archive keeps retention / resolution rows: this one was overwritten."
                   : "RRDtool has not closed this row: its last update came before the row's "
                     "end.";
    }
    if (ref && rrdCloseEnough(b.rrd->min, ref->min) && rrdCloseEnough(b.rrd->max, ref->max) &&
        rrdCloseEnough(b.rrd->avg, ref->avg)) {
        return {};
    }
    return rrdWeightWhy(sorted, b.start, stride);
}

} // namespace

void compareBuckets(const std::vector<Point>& sorted, const BucketMap& model,
                    const BucketMap* dateBin, const RrdTierRows& rrd, BucketTier* tier) {
    std::set<std::int64_t> starts;
    for (const auto& [s, v] : model) {
        starts.insert(s);
    }
    if (dateBin) {
        for (const auto& [s, v] : *dateBin) {
            starts.insert(s);
        }
    }
    for (const auto& [s, v] : rrd.rows) {
        if (v) {
            starts.insert(s); // a known row where nothing has points is a difference too
        }
    }
    const BucketMap& reference = dateBin ? *dateBin : model;
    std::vector<BucketCompare> agreeing, differing;
    for (const std::int64_t start : starts) {
        BucketCompare b;
        b.start = start;
        if (const auto m = model.find(start); m != model.end()) {
            b.model = m->second;
        }
        if (dateBin) {
            if (const auto d = dateBin->find(start); d != dateBin->end()) {
                b.dateBin = d->second;
            }
        }
        if (const auto r = rrd.rows.find(start); r != rrd.rows.end()) {
            b.rrd = r->second;
            b.rrdUnknown = !r->second.has_value();
        }
        if (dateBin && b.dateBin && !b.model) {
            b.modelDropped = true;
            ++tier->modelDropped;
            b.dateBinWhy = "The model's retention dropped this bucket's block; date_bin read "
                           "every point.";
        } else if (dateBin && b.model) {
            ++tier->dateBinCompared;
            b.dateBinWhy = b.dateBin ? dateBinExactWhy(*b.model, *b.dateBin)
                                     : "date_bin has no bucket here, where the model has one.";
            tier->dateBinAgree += b.dateBinWhy.empty() ? 1 : 0;
        }
        const auto ref = reference.find(start);
        b.rrdWhy = rrdRowWhy(sorted, b, ref == reference.end() ? nullptr : &ref->second, rrd,
                             tier->resolutionMs);
        // Compared over what the model keeps or RRDtool still has: a bucket both dropped (each
        // by its own retention) is listed with why, not counted.
        if (b.model || b.rrd || b.rrdUnknown) {
            ++tier->rrdCompared;
            tier->rrdAgree += b.rrdWhy.empty() ? 1 : 0;
        }
        (b.dateBinWhy.empty() && b.rrdWhy.empty() ? agreeing : differing).push_back(std::move(b));
    }
    // Differences first (as the page's table lists them), each group by start.
    tier->buckets = std::move(differing);
    tier->buckets.insert(tier->buckets.end(), agreeing.begin(), agreeing.end());
}

} // namespace fg::lab
