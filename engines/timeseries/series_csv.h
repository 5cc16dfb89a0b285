// Reading a series as CSV: `timestamp_ms,value` per line, an optional header line (the first
// line, when it does not start with a number), blank lines skipped, "\r\n" accepted. Anything
// else is an error naming the line and what was expected: a whole number of milliseconds and a
// finite decimal value. NaN and infinities are refused (they have no average).
#pragma once

#include "core/status.h"

#include <cstdint>
#include <istream>
#include <vector>

namespace fg::timeseries {

struct Point {
    std::int64_t t = 0; // milliseconds since the Unix epoch (may be negative)
    double v = 0;
    bool operator==(const Point&) const = default;
};

// Reads every point of `in` into `out` (appending). `source` names the input in errors.
Status readSeriesCsv(std::istream& in, const std::string& source, std::vector<Point>& out);

} // namespace fg::timeseries
