// The two simple encodings of the seed's compression table, each with its decoder:
//   delta:      the first timestamp in 64 bits, then each timestamp as the difference from the
//               previous one (zigzag varint: +1000 ms takes 2 bytes, not 8); values stay raw
//               (64 bits each);
//   run-length: values as (value, count) runs (64 bits + a varint count per run); timestamps
//               delta-encoded as above.
// Against raw storage (16 bytes a point: 64-bit timestamp, 64-bit value) they show why
// time-series stores compress so well.
#pragma once

#include "engines/timeseries/series_csv.h"

#include <bit>
#include <cstdint>
#include <vector>

namespace fg::timeseries {

struct EncodedSize {
    std::int64_t timestampBits = 0;
    std::int64_t valueBits = 0;
    std::int64_t bits() const { return timestampBits + valueBits; }
};

struct Run {
    double value;
    std::int64_t count;
    bool operator==(const Run& o) const {
        return count == o.count &&
               std::bit_cast<std::uint64_t>(value) == std::bit_cast<std::uint64_t>(o.value);
    }
};

std::vector<std::uint8_t> encodeDeltas(const std::vector<std::int64_t>& timestamps);
std::vector<std::int64_t> decodeDeltas(const std::vector<std::uint8_t>& bytes, std::size_t count);

std::vector<Run> encodeRuns(const std::vector<double>& values);
std::vector<double> decodeRuns(const std::vector<Run>& runs);

EncodedSize deltaSize(const std::vector<Point>& points);
EncodedSize runLengthSize(const std::vector<Point>& points);

} // namespace fg::timeseries
