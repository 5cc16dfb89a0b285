// Aggregate: what a rollup keeps of the points in one bucket: count, sum, min, max, and the first
// and last point by timestamp (ties: the one read first stays first, the one read last is last).
// Averages are sum / count. Shared by `fieldguide downsample` and the tiered store, so their
// numbers agree.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace fg::timeseries {

struct Aggregate {
    std::int64_t count = 0;
    double sum = 0;
    double min = std::numeric_limits<double>::infinity();
    double max = -std::numeric_limits<double>::infinity();
    std::int64_t firstT = 0, lastT = 0;
    double first = 0, last = 0;

    void add(std::int64_t t, double v) {
        if (count == 0 || t < firstT) {
            firstT = t;
            first = v;
        }
        if (count == 0 || t >= lastT) {
            lastT = t;
            last = v;
        }
        ++count;
        sum += v;
        min = v < min ? v : min;
        max = v > max ? v : max;
    }
    double avg() const { return count ? sum / static_cast<double>(count) : 0; }
    bool operator==(const Aggregate&) const = default;
};

enum class AggKind { Avg, Min, Max, Sum, Count, First, Last };

// Parses "avg,min,max,count"; false (with the bad name in `bad`) on an unknown name.
bool parseAggList(const std::string& list, std::vector<AggKind>& out, std::string& bad);
const char* aggName(AggKind k);
double aggValue(const Aggregate& a, AggKind k);

} // namespace fg::timeseries
