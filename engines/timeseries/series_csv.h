// Reading a series as CSV: `timestamp_ms,value` per line, an optional header line (the first
// line, when it does not start with a number), blank lines skipped, "\r\n" accepted. Anything
// else is an error naming the line and what was expected: a whole number of milliseconds and a
// finite decimal value. NaN and infinities are refused (they have no average).
#pragma once

#include "engines/core/status.h"

#include <cstddef>
#include <cstdint>
#include <istream>
#include <vector>

namespace fg::timeseries {

struct Point {
    std::int64_t t = 0; // milliseconds since the Unix epoch (may be negative)
    double v = 0;
    bool operator==(const Point&) const = default;
};

// The most points one read holds in memory: 50,000,000 (800 MB). A series is sorted before it is
// bucketed, so it is kept whole; an endless stream stops here with an error instead of running
// the machine out of memory.
inline constexpr std::size_t kMaxSeriesPoints = 50'000'000;

// Where scanSeriesCsv puts each point, in the order read: false stops the read there.
class PointSink {
public:
    virtual ~PointSink() = default;
    virtual bool add(const Point& p) = 0;
};

// Gives every point of `in` to `sink`, at most kMaxSeriesPoints; when the sink says stop, the
// read ends there, ok, with *stopped set (else false). `source` names the input in errors.
Status scanSeriesCsv(std::istream& in, const std::string& source, PointSink& sink,
                     bool* stopped = nullptr);

// Reads every point of `in` into `out` (appending), at most kMaxSeriesPoints a read. `source`
// names the input in errors; `sizeHint`, the input's size in bytes when known (a file), lets
// `out` take its room at once.
Status readSeriesCsv(std::istream& in, const std::string& source, std::vector<Point>& out,
                     std::uintmax_t sizeHint = 0);

} // namespace fg::timeseries
