#include "engines/lsm/bloom_filter.h"

#include <algorithm>
#include <cmath>

namespace fg::lsm {

std::uint32_t levelDbHash(std::string_view data, std::uint32_t seed) {
    const std::uint32_t m = 0xc6a4a793;
    const std::uint32_t r = 24;
    const auto* p = reinterpret_cast<const std::uint8_t*>(data.data());
    std::size_t n = data.size();
    std::uint32_t h = seed ^ static_cast<std::uint32_t>(n * m);
    while (n >= 4) {
        const std::uint32_t w =
            static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
            (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
        p += 4;
        n -= 4;
        h += w;
        h *= m;
        h ^= (h >> 16);
    }
    switch (n) {
    case 3:
        h += static_cast<std::uint32_t>(p[2]) << 16;
        [[fallthrough]];
    case 2:
        h += static_cast<std::uint32_t>(p[1]) << 8;
        [[fallthrough]];
    case 1:
        h += p[0];
        h *= m;
        h ^= (h >> r);
        break;
    default:
        break;
    }
    return h;
}

namespace {
std::uint32_t bloomHash(std::string_view key) {
    return levelDbHash(key, 0xbc9f1d34);
}
} // namespace

BloomFilter::BloomFilter(const std::vector<std::string>& keys, int bitsPerKey)
    : BloomFilter(sized(keys.size(), bitsPerKey)) {
    for (const auto& key : keys) {
        add(key);
    }
}

BloomFilter BloomFilter::sized(std::size_t keys, int bitsPerKey) {
    BloomFilter f;
    f.k_ = std::clamp(static_cast<int>(bitsPerKey * 0.69), 1, 30); // 0.69 ~ ln 2, as LevelDB
    std::size_t bits = keys * static_cast<std::size_t>(std::max(bitsPerKey, 1));
    bits = std::max<std::size_t>(bits, 64); // tiny filters would be all ones
    f.bits_.assign((bits + 7) / 8, 0);
    return f;
}

void BloomFilter::add(std::string_view key) {
    const std::size_t m = bits_.size() * 8;
    std::uint32_t h = bloomHash(key);
    const std::uint32_t delta = (h >> 17) | (h << 15);
    for (int j = 0; j < k_; ++j) {
        const std::size_t pos = h % m;
        bits_[pos / 8] |= static_cast<std::uint8_t>(1u << (pos % 8));
        h += delta;
    }
}

bool BloomFilter::mayContain(std::string_view key) const {
    if (bits_.empty()) {
        return false;
    }
    const std::size_t m = bits_.size() * 8;
    std::uint32_t h = bloomHash(key);
    const std::uint32_t delta = (h >> 17) | (h << 15);
    for (int j = 0; j < k_; ++j) {
        const std::size_t pos = h % m;
        if (!(bits_[pos / 8] & (1u << (pos % 8)))) {
            return false;
        }
        h += delta;
    }
    return true;
}

double BloomFilter::expectedFalsePositiveRate(std::size_t n) const {
    const double m = static_cast<double>(bits());
    return std::pow(1 - std::exp(-static_cast<double>(k_) * static_cast<double>(n) / m), k_);
}

} // namespace fg::lsm
