// The two real sources of the time-buckets lab, internal to lab/buckets_*.cpp: RRDtool's archives
// (buckets_rrd.cpp) and PostgreSQL's date_bin (buckets_pg.cpp), each read back as buckets keyed
// by their start in ms.
#pragma once

#include "engines/core/status.h"
#include "engines/timeseries/series_csv.h"
#include "engines/timeseries/tiered_store.h"
#include "lab/buckets_data.h"

#include <QString>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fg::lab {

class PgLab;

using BucketMap = std::map<std::int64_t, BucketValues>;

struct RrdTierRows {
    // By the start of the date_bin bucket the row matches (its label minus the stride); nullopt:
    // the row is UNKNOWN. A bucket absent here has no row in the archive.
    std::map<std::int64_t, std::optional<BucketValues>> rows;
    std::int64_t oldestStart = 0; // the oldest bucket the archive still keeps
    std::int64_t newestStart = 0; // the newest row the archive has closed
    std::string rra;              // "RRA:AVERAGE:0.5:60:1440 RRA:MIN:... RRA:MAX:..."
};

struct RrdRollup {
    std::string version;
    std::int64_t heartbeatS = 0, updates = 0, usualGapMs = 0;
    std::int64_t offsetS = 0; // added to every time RRDtool sees (buckets_rrd.cpp: timeOffset)
    std::vector<std::string> definition;
    std::vector<RrdTierRows> tiers; // one per rolled-up tier
};

// The points (sorted by time) through one RRD in a new lab folder under `root` (empty: the
// temporary folder), removed after. REQUIRES: at least one point; no point before 1970; every
// tier's resolution and retention whole seconds.
Status rrdRollup(const std::vector<timeseries::Point>& sorted,
                 const std::vector<timeseries::Tier>& rollups, const QString& root, double xff,
                 RrdRollup* out);

struct DateBinRollup {
    std::string version;
    std::vector<std::string> sql;
    std::vector<BucketMap> tiers; // one per rolled-up tier
};

// The points (in the order they arrived) into a private PostgreSQL 15, rolled up per tier with
// date_bin. `*server` is the server to use: started (into *server) when empty, reused when not
// (and started afresh when it no longer answers). A server that cannot be had is a Status error
// whose message says why (the package).
Status dateBinRollup(const std::vector<timeseries::Point>& arrived,
                     const std::vector<timeseries::Tier>& rollups, const QString& pgBinDir,
                     const std::function<void(const std::string&)>& progress,
                     std::unique_ptr<PgLab>* server, DateBinRollup* out);

// Fills tier->buckets (differences first) and its counts: the model against date_bin (when
// given) exactly, RRDtool's rows against date_bin (else the model). `sorted`: every point.
void compareBuckets(const std::vector<timeseries::Point>& sorted, const BucketMap& model,
                    const BucketMap* dateBin, const RrdTierRows& rrd, BucketTier* tier);

// The SQL interval for a stride in ms: "interval '60 seconds'".
std::string strideSql(std::int64_t ms);

} // namespace fg::lab
