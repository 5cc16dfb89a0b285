#include "engines/timeseries/downsample.h"

#include "engines/timeseries/bucket.h"

#include <algorithm>

namespace fg::timeseries {

std::vector<Bucket> downsample(std::vector<Point>& points, std::int64_t stepMs) {
    const auto byTime = [](const Point& a, const Point& b) { return a.t < b.t; };
    if (!std::is_sorted(points.begin(), points.end(), byTime)) {
        std::stable_sort(points.begin(), points.end(), byTime);
    }
    InOrderDownsampler in(stepMs);
    for (const Point& p : points) {
        in.add(p);
    }
    return in.take();
}

bool InOrderDownsampler::add(const Point& p) {
    if (!buckets_.empty() && p.t < buckets_.back().agg.lastT) {
        return false;
    }
    const std::int64_t start = bucketStart(p.t, stepMs_);
    if (buckets_.empty() || buckets_.back().start != start) {
        buckets_.push_back({start, {}});
    }
    buckets_.back().agg.add(p.t, p.v);
    return true;
}

} // namespace fg::timeseries
