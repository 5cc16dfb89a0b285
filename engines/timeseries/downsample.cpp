#include "engines/timeseries/downsample.h"

#include "engines/timeseries/bucket.h"

#include <algorithm>

namespace fg::timeseries {

std::vector<Bucket> downsample(std::vector<Point>& points, std::int64_t stepMs) {
    const auto byTime = [](const Point& a, const Point& b) { return a.t < b.t; };
    if (!std::is_sorted(points.begin(), points.end(), byTime)) {
        std::stable_sort(points.begin(), points.end(), byTime);
    }
    std::vector<Bucket> out;
    for (const Point& p : points) {
        const std::int64_t start = bucketStart(p.t, stepMs);
        if (out.empty() || out.back().start != start) {
            out.push_back({start, {}});
        }
        out.back().agg.add(p.t, p.v);
    }
    return out;
}

} // namespace fg::timeseries
