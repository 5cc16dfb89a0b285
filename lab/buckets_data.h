// The time-buckets lab's results as plain data (issue 17): each rolled-up tier's buckets as the
// model keeps them, as PostgreSQL's date_bin computes them and as RRDtool's archive holds them,
// matched bucket by bucket with a reason wherever two differ, and what the lab ran (the SQL, the
// RRD's definition). No client library here: the app reads these from the Lab's helper program as
// JSON, and links this file, not libpq or librrd.
#pragma once

#include "engines/core/status.h"

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

namespace fg::lab {

// One bucket's numbers. RRDtool keeps no count (count is 0 there).
struct BucketValues {
    std::int64_t count = 0;
    double avg = 0, min = 0, max = 0;
    bool operator==(const BucketValues&) const = default;
};

// One bucket [start, start + resolution) of a tier in each source. `rrd` is RRDtool's row that
// ends at start + resolution (it covers the seconds (start, start + resolution]: the lab feeds
// each point's value at the next point's time, buckets_lab.h); absent when the archive has no
// such row, and `rrdUnknown` when the row is there but UNKNOWN (NaN).
struct BucketCompare {
    std::int64_t start = 0; // ms since the epoch
    std::optional<BucketValues> model, dateBin, rrd;
    bool rrdUnknown = false;
    bool modelDropped = false; // the model's retention dropped it (date_bin still has it)
    // Empty when they agree (or there is nothing to compare); else one sentence: why.
    std::string dateBinWhy; // the model against date_bin
    std::string rrdWhy;     // RRDtool against date_bin (against the model without PostgreSQL)
    bool operator==(const BucketCompare&) const = default;
};

struct BucketTier {
    std::string name; // "1m"
    std::int64_t resolutionMs = 0, retentionMs = 0;
    std::vector<BucketCompare> buckets; // by start
    // The model against date_bin, over the buckets the model keeps.
    std::int64_t dateBinAgree = 0, dateBinCompared = 0;
    // RRDtool against date_bin (or the model), over the buckets the model keeps or the archive
    // still has (a row that is there but UNKNOWN included).
    std::int64_t rrdAgree = 0, rrdCompared = 0;
    std::int64_t modelDropped = 0; // buckets the model's retention dropped
    std::string rra;               // "RRA:AVERAGE:0.5:60:1440" (and MIN, MAX alike)
    bool operator==(const BucketTier&) const = default;
};

struct BucketPoint {
    std::int64_t t = 0;
    double v = 0;
    bool operator==(const BucketPoint&) const = default;
};

struct BucketsLabRun {
    std::int64_t points = 0;         // every point the scenario ingests
    std::vector<BucketPoint> sample; // at most kMaxBucketSample of them, evenly spread, for drawing
    std::int64_t modelNow = 0;       // the model's clock at the end
    // PostgreSQL: whether date_bin ran, else the sentence saying why (the package to install).
    bool dateBinRan = false;
    std::string dateBinMissing;
    std::string pgVersion;
    std::string origin;           // "1970-01-01 00:00:00+00"
    std::vector<std::string> sql; // the statements the lab ran (COPY's rows left out)
    // RRDtool.
    std::string rrdVersion;
    std::int64_t rrdStepS = 1, heartbeatS = 0;
    std::int64_t rrdOffsetS = 0; // added to every time RRDtool sees (it takes none before 1980)
    double xff = 0.5;
    std::vector<std::string> rrdDefinition; // "DS:v:GAUGE:10:U:U", "RRA:...", as rrdtool prints
    std::int64_t rrdUpdates = 0;            // the updates fed (points that held for no time: none)
    std::vector<std::string> rules;         // how RRDtool's rows map to buckets, one sentence each
    std::vector<BucketTier> tiers;          // the rolled-up tiers (the raw tier has no buckets)
    std::string summary;                    // "agree: ..."
    bool operator==(const BucketsLabRun&) const = default;
};

// The most points a run keeps for drawing.
inline constexpr std::size_t kMaxBucketSample = 4000;

nlohmann::json toJson(const BucketsLabRun& run);
// Reads a run back from toJson's JSON (the app reads the helper's answer); a document of another
// shape is a Status naming what is wrong, never an exception.
Status fromJson(const nlohmann::json& j, BucketsLabRun* run);

// The summary line: "agree: 1m 240 of 240 buckets with date_bin, RRDtool 239 of 240; ...".
std::string bucketsSummary(const BucketsLabRun& run);

} // namespace fg::lab
