// Gorilla compression (Pelkonen et al., "Gorilla: A Fast, Scalable, In-Memory Time Series
// Database", VLDB 2015), exactly as docs/cli.md fixes it: timestamps in seconds
// (floor(ms / 1000)); a 64-bit header holding t0 aligned down to a 7200 s block; t0 as a 14-bit
// delta from the header; v0 raw in 64 bits; then per point the delta-of-delta D of the timestamps
// ('0'; '10'+7 bits for -63..64; '110'+9 bits for -255..256; '1110'+12 bits for -2047..2048;
// '1111'+32 bits) and the XOR of the value with the previous one ('0' when equal; '10' + the
// meaningful bits when they fit the previous window of leading/trailing zeros; else '11' + 5 bits
// of leading zeros (at most 31) + 6 bits of length (64 written as 0) + the meaningful bits).
#pragma once

#include "engines/core/status.h"
#include "engines/timeseries/bit_stream.h"
#include "engines/timeseries/series_csv.h"

#include <cstdint>
#include <vector>

namespace fg::timeseries {

struct GorillaBlock {
    BitWriter bits;
    std::int64_t points = 0;
    std::int64_t timestampBits = 0; // header, first delta and every delta-of-delta
    std::int64_t valueBits = 0;     // first value and every XOR
    // How often each case occurred: timestamps '0','10','110','1110','1111'; values '0','10','11'.
    std::int64_t tsCases[5] = {0, 0, 0, 0, 0};
    std::int64_t valueCases[3] = {0, 0, 0};
};

// Points out of time order, or a change of gap too large for 32 bits, give an error naming the
// point. (The first delta always fits: it is less than 7200 s.)
Status gorillaEncode(const std::vector<Point>& points, GorillaBlock& out);

// Decodes `count` points (timestamps in whole seconds, as milliseconds). Exact: the values come
// back bit for bit.
Status gorillaDecode(const BitWriter& bits, std::int64_t count, std::vector<Point>& out);

} // namespace fg::timeseries
