// Time buckets aligned to the Unix epoch, like PostgreSQL's date_bin(step, ts, '1970-01-01') and
// TimescaleDB's time_bucket: bucket_start = floor(ts / step) * step, rounding down also before
// 1970 (-1 ms falls in the bucket that starts one step before the epoch).
#pragma once

#include <cstdint>

namespace fg::timeseries {

// REQUIRES: stepMs > 0.
inline std::int64_t bucketStart(std::int64_t ts, std::int64_t stepMs) {
    std::int64_t q = ts / stepMs;
    if (ts % stepMs != 0 && ts < 0) {
        --q; // C++ division truncates toward zero; buckets round down
    }
    return q * stepMs;
}

} // namespace fg::timeseries
