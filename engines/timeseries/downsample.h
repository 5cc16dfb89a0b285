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

// The same buckets built point by point from a series that comes in time order, without keeping
// the points (downsample() runs its sorted points through it, so both give the same numbers).
// add() refuses a point earlier than the one before (false, nothing added): such a series must
// be sorted first, with downsample().
class InOrderDownsampler final : public PointSink {
public:
    explicit InOrderDownsampler(std::int64_t stepMs) : stepMs_(stepMs) {}
    bool add(const Point& p) override;
    std::vector<Bucket> take() { return std::move(buckets_); }

private:
    std::int64_t stepMs_;
    std::vector<Bucket> buckets_;
};

} // namespace fg::timeseries
