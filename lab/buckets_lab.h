// The time-buckets lab (issue 17): a downsample scenario's points rolled up by the model
// (engines/timeseries/tiered_store.h), by PostgreSQL's date_bin (the PostgreSQL lab's private
// server: PgLab::startPrivate) and by RRDtool (librrd, in a lab folder of its own), compared
// bucket by bucket for every rolled-up tier.
//
// date_bin(stride, ts, '1970-01-01 00:00:00+00') puts a point at ts into the bucket [T, T + stride)
// that holds it, as the model does: their buckets must agree exactly (count, min, max, and the
// average to the last bit: avg(v ORDER BY seq) adds the points in the order the model did).
//
// RRDtool works differently. Its step is the raw resolution (1 s); a GAUGE update at time u with
// value x says "the value was x over (previous update, u]", and a row of an archive labelled T
// holds the seconds (T - stride, T]. So the lab feeds each point's value at the NEXT point's time
// (the last one at its time + the usual gap between points): the value of a point at t then holds
// over (t, next], and the row labelled T + stride holds exactly the points of date_bin's bucket
// [T, T + stride), each weighted by how long it held. With evenly spaced points every weight is
// the same and the rows agree with date_bin; where points are uneven, a gap passes the heartbeat
// (the row turns UNKNOWN past the xff), or the archive is shorter than the data (rows dropped),
// they differ, and the comparison says which.
//
// Every call blocks. One thread at a time.
#pragma once

#include "engines/core/status.h"
#include "engines/scenario/downsample_scenario.h"
#include "lab/buckets_data.h"

#include <QString>
#include <functional>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <string>

namespace fg::lab {

// Budgets, refused before anything runs. A point costs an RRD update (about 2 us) and a COPY row;
// 1,000,000 points over 11.6 days take about 6.5 s in all, PostgreSQL's start included.
inline constexpr std::int64_t kMaxBucketsLabPoints = 1'000'000;
// Rolled-up tiers (each is three archives and one date_bin query).
inline constexpr std::size_t kMaxBucketsLabTiers = 6;
// The points' span, first to last: RRDtool's step is one second, so a long span is many steps.
inline constexpr std::int64_t kMaxBucketsLabSpanMs = 366LL * 86'400'000;
// Buckets a tier may cover over that span, and rows an archive may keep (retention / resolution).
inline constexpr std::int64_t kMaxBucketsPerTier = 100'000;

class PgLab;

struct BucketsLabOptions {
    QString pgBinDir;   // PostgreSQL 15's programs (empty: where Debian puts them)
    QString folderRoot; // where the RRD's lab folder is made (empty: the temporary folder)
    double xff = 0.5;   // RRDtool's xfiles factor for every archive
    // A PostgreSQL server kept between runs (the helper's service keeps one until buckets.stop):
    // started into it when empty, reused when not. Null: the run starts its own and stops it.
    std::unique_ptr<PgLab>* server = nullptr;
};

// Refuses a scenario over the budgets above, or one RRDtool cannot take (points before 1970,
// tiers not whole seconds), with a sentence naming the limit and where.
Status checkBucketsLabBudget(const DownsampleScenario& scenario);

// Reads a scenario of the engine "downsample" (else an error at /engine), valid as `fieldguide
// run` takes it and within the lab's budgets.
Status parseBucketsLabScenario(const nlohmann::json& json, DownsampleScenario* out);

// Runs the scenario through the model, RRDtool and (when PostgreSQL 15 is installed) date_bin.
// PostgreSQL missing or failing to start is no error: run->dateBinMissing says why. A folder that
// cannot be made, or RRDtool refusing, is. REQUIRES: checkBucketsLabBudget passed.
Status runBucketsLab(const DownsampleScenario& scenario, BucketsLabRun* run,
                     const BucketsLabOptions& options = {},
                     const std::function<void(const std::string&)>& progress = {});

} // namespace fg::lab
