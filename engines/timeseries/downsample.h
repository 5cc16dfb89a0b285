// Downsampling: the points of a series grouped into epoch-aligned buckets of `stepMs`, one
// Aggregate per non-empty bucket, in time order. Points may come in any order.
#pragma once

#include "engines/timeseries/aggregate.h"
#include "engines/timeseries/series_csv.h"

#include <utility>
#include <vector>

namespace fg::timeseries {

struct Bucket {
    std::int64_t start = 0;
    Aggregate agg;
    bool operator==(const Bucket&) const = default;
};

// REQUIRES: stepMs > 0. Sorts `points` by time (stable: equal timestamps keep their order).
std::vector<Bucket> downsample(std::vector<Point>& points, std::int64_t stepMs);

} // namespace fg::timeseries
