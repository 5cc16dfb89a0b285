// Rng: the one source of randomness for every engine. SplitMix64 (Steele, Lea and Flood, 2014),
// chosen because its output is fixed by its definition: the same seed gives the same numbers on
// every compiler and platform, which std::uniform_int_distribution does not promise. Engines keep
// their Rng inside their state, so a snapshot restores the random stream with it and step back
// replays exactly what was shown.
#pragma once

#include <cstdint>

namespace fg {

class Rng {
public:
    explicit Rng(std::uint64_t seed = 0) : state_(seed) {}

    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    // REQUIRES: lo <= hi. Uniform over [lo, hi] without modulo bias (rejection sampling).
    std::int64_t uniform(std::int64_t lo, std::int64_t hi) {
        const std::uint64_t span = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo);
        if (span == UINT64_MAX) {
            return static_cast<std::int64_t>(next());
        }
        const std::uint64_t range = span + 1;
        const std::uint64_t limit = UINT64_MAX - UINT64_MAX % range;
        std::uint64_t x = next();
        while (x >= limit) {
            x = next();
        }
        return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + x % range);
    }

    // Uniform in [0, 1).
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    bool operator==(const Rng&) const = default;

private:
    std::uint64_t state_;
};

} // namespace fg
