// RRDtool's side of the time-buckets lab: one RRD (step 1 s, one GAUGE data source, AVERAGE, MIN
// and MAX archives per rolled-up tier), fed each point's value at the next point's time, then
// every archive fetched back (buckets_lab.h explains the mapping).
#include "lab/buckets_sources.h"
#include "lab/lab_folder.h"

#include <QFile>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <rrd.h>

namespace fg::lab {

namespace {

using timeseries::Point;
using timeseries::Tier;

constexpr std::size_t kRrdUpdatesPerCall = 2000;

std::string rrdErrorText(const char* what) {
    const char* e = rrd_get_error();
    std::string out =
        std::string("RRDtool refused to ") + what + ": " + (e && *e ? e : "it gave no reason");
    rrd_clear_error();
    return out;
}

// The usual gap between points (the median of the gaps that are not zero), in ms; 1 s for one.
std::int64_t rrdUsualGap(const std::vector<Point>& sorted) {
    std::vector<std::int64_t> gaps;
    for (std::size_t i = 1; i < sorted.size(); ++i) {
        if (sorted[i].t > sorted[i - 1].t) {
            gaps.push_back(sorted[i].t - sorted[i - 1].t);
        }
    }
    if (gaps.empty()) {
        return 1000;
    }
    std::nth_element(gaps.begin(), gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2),
                     gaps.end());
    return gaps[gaps.size() / 2];
}

std::string rrdTimeText(std::int64_t ms) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%lld.%03lld", static_cast<long long>(ms / 1000),
                  static_cast<long long>(ms % 1000));
    return buf;
}

// Each point's value as an update at the next point's time (points sharing a time: the last one
// holds, the others held for no time and are not fed).
std::vector<std::string> rrdUpdateLines(const std::vector<Point>& sorted, std::int64_t gapMs,
                                        std::int64_t offsetMs) {
    std::vector<std::string> out;
    out.reserve(sorted.size());
    char value[40];
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        const std::int64_t until = i + 1 < sorted.size() ? sorted[i + 1].t : sorted[i].t + gapMs;
        if (until == sorted[i].t) {
            continue;
        }
        std::snprintf(value, sizeof value, "%.17g", sorted[i].v);
        out.push_back(rrdTimeText(until + offsetMs) + ":" + value);
    }
    return out;
}

Status rrdFeed(const std::string& file, const std::vector<std::string>& lines) {
    std::vector<const char*> argv;
    for (std::size_t at = 0; at < lines.size(); at += kRrdUpdatesPerCall) {
        argv.clear();
        for (std::size_t i = at; i < std::min(lines.size(), at + kRrdUpdatesPerCall); ++i) {
            argv.push_back(lines[i].c_str());
        }
        rrd_clear_error();
        if (rrd_update_r(file.c_str(), nullptr, static_cast<int>(argv.size()), argv.data()) != 0) {
            return Status::failure("RRDtool", rrdErrorText("take the updates"));
        }
    }
    return Status::ok();
}

// One archive's rows over [first, last] bucket starts (seconds), from rrd_fetch_r.
Status rrdFetch(const std::string& file, const char* cf, std::int64_t resS, std::int64_t firstS,
                std::int64_t lastS, std::int64_t offsetS, std::map<std::int64_t, double>* out) {
    time_t start = static_cast<time_t>(firstS + offsetS);
    time_t end = static_cast<time_t>(lastS + resS + offsetS);
    unsigned long step = static_cast<unsigned long>(resS), dsCount = 0;
    char** names = nullptr;
    rrd_value_t* data = nullptr;
    rrd_clear_error();
    if (rrd_fetch_r(file.c_str(), cf, &start, &end, &step, &dsCount, &names, &data) != 0) {
        return Status::failure("RRDtool", rrdErrorText("fetch an archive"));
    }
    for (unsigned long i = 0; i < dsCount; ++i) {
        rrd_freemem(names[i]);
    }
    rrd_freemem(names);
    Status s = Status::ok();
    if (step != static_cast<unsigned long>(resS) || dsCount != 1) {
        s = Status::failure("RRDtool", std::string("RRDtool answered the ") + cf + " fetch of a " +
                                           std::to_string(resS) + " s archive with " +
                                           std::to_string(step) + " s rows");
    } else {
        // Row i ends at start + (i + 1) * step: it matches the bucket starting at start + i * step.
        const auto rows = static_cast<std::int64_t>((end - start) / static_cast<time_t>(step));
        for (std::int64_t i = 0; i < rows; ++i) {
            (*out)[(start - offsetS + i * resS) * 1000] = data[i];
        }
    }
    rrd_freemem(data);
    return s;
}

Status rrdReadTier(const std::string& file, const Tier& tier, std::int64_t firstMs,
                   std::int64_t lastUpdateMs, std::int64_t offsetS, RrdTierRows* out) {
    const std::int64_t res = tier.resolutionMs / 1000;
    std::int64_t firstS = firstMs / 1000 / res * res;
    // The newest closed row ends at or before the last update; the archive keeps `rows` of them.
    const std::int64_t newestEnd = lastUpdateMs / 1000 / res * res;
    const std::int64_t rows = tier.retentionMs / tier.resolutionMs;
    out->newestStart = (newestEnd - res) * 1000;
    out->oldestStart = (newestEnd - rows * res) * 1000;
    std::map<std::int64_t, double> avg, min, max;
    // Only what the archive still keeps: asked for more, rrd_fetch answers from a coarser
    // archive that covers it all.
    firstS = std::max(firstS, out->oldestStart / 1000);
    const std::int64_t lastS = std::max(firstS, newestEnd - res);
    if (Status s = rrdFetch(file, "AVERAGE", res, firstS, lastS, offsetS, &avg); !s) {
        return s;
    }
    if (Status s = rrdFetch(file, "MIN", res, firstS, lastS, offsetS, &min); !s) {
        return s;
    }
    if (Status s = rrdFetch(file, "MAX", res, firstS, lastS, offsetS, &max); !s) {
        return s;
    }
    for (const auto& [start, a] : avg) {
        if (start < out->oldestStart || start > out->newestStart) {
            continue; // not in the archive: dropped, or not closed yet
        }
        if (std::isnan(a) || std::isnan(min[start]) || std::isnan(max[start])) {
            out->rows[start] = std::nullopt;
        } else {
            out->rows[start] = BucketValues{0, a, min[start], max[start]};
        }
    }
    return Status::ok();
}

// Seconds to add to every time so RRDtool takes it (it refuses times before 1980 and reads 0 as
// "now"): none from 2001 on, else the least multiple of every stride that moves the first point
// past 10^9 s (2001-09-09). -1 when the strides' least common multiple passes 10^9.
std::int64_t rrdTimeOffset(std::int64_t firstS, const std::vector<Tier>& rollups) {
    constexpr std::int64_t kFrom = 1'000'000'000;
    if (firstS >= kFrom) {
        return 0;
    }
    std::int64_t lcm = 1;
    for (const Tier& t : rollups) {
        lcm = std::lcm(lcm, t.resolutionMs / 1000);
        if (lcm > kFrom) {
            return -1;
        }
    }
    return (kFrom - firstS + lcm - 1) / lcm * lcm;
}

std::string rrdRraText(const char* cf, double xff, std::int64_t steps, std::int64_t rows) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "RRA:%s:%g:%lld:%lld", cf, xff, static_cast<long long>(steps),
                  static_cast<long long>(rows));
    return buf;
}

} // namespace

Status rrdRollup(const std::vector<Point>& sorted, const std::vector<Tier>& rollups,
                 const QString& root, double xff, RrdRollup* out) {
    std::unique_ptr<LabFolder> folder;
    if (Status s = root.isEmpty() ? LabFolder::create(&folder) : LabFolder::create(&folder, root);
        !s) {
        return s;
    }
    const std::string file =
        QFile::encodeName(folder->filePath(QStringLiteral("points.rrd"))).toStdString();
    out->version = rrd_strversion();
    out->usualGapMs = rrdUsualGap(sorted);
    // Twice the usual gap: a point late by less still holds; a real outage turns unknown.
    out->heartbeatS = std::max<std::int64_t>(2, (2 * out->usualGapMs + 999) / 1000);
    out->definition = {"DS:v:GAUGE:" + std::to_string(out->heartbeatS) + ":U:U"};
    for (const Tier& t : rollups) {
        std::string rra;
        for (const char* cf : {"AVERAGE", "MIN", "MAX"}) {
            const std::string one =
                rrdRraText(cf, xff, t.resolutionMs / 1000, t.retentionMs / t.resolutionMs);
            out->definition.push_back(one);
            rra += (rra.empty() ? "" : " ") + one;
        }
        out->tiers.push_back({{}, 0, 0, rra});
    }
    std::vector<const char*> argv;
    for (const std::string& d : out->definition) {
        argv.push_back(d.c_str());
    }
    rrd_clear_error();
    out->offsetS = rrdTimeOffset(sorted.front().t / 1000, rollups);
    if (out->offsetS < 0) {
        return Status::failure("RRDtool", "the tiers' strides have no common multiple under 10^9 "
                                          "s, so the lab cannot move these early times past 1980 "
                                          "for RRDtool and keep the buckets aligned");
    }
    if (rrd_create_r(file.c_str(), 1, static_cast<time_t>(sorted.front().t / 1000 + out->offsetS),
                     static_cast<int>(argv.size()), argv.data()) != 0) {
        return Status::failure("RRDtool", rrdErrorText("create the RRD"));
    }
    const std::vector<std::string> lines =
        rrdUpdateLines(sorted, out->usualGapMs, out->offsetS * 1000);
    out->updates = static_cast<std::int64_t>(lines.size());
    if (Status s = rrdFeed(file, lines); !s) {
        return s;
    }
    const std::int64_t lastUpdateMs = sorted.back().t + out->usualGapMs;
    for (std::size_t i = 0; i < rollups.size(); ++i) {
        if (Status s = rrdReadTier(file, rollups[i], sorted.front().t, lastUpdateMs, out->offsetS,
                                   &out->tiers[i]);
            !s) {
            return s;
        }
    }
    return Status::ok();
}

} // namespace fg::lab
