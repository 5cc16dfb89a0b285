#include "engines/kafka/murmur2.h"

namespace fg::kafka {

std::int32_t murmur2(std::string_view data) {
    // Java's int arithmetic: 32-bit wrap-around, >>> as a logical shift.
    const auto length = static_cast<std::uint32_t>(data.size());
    const std::uint32_t seed = 0x9747b28c;
    const std::uint32_t m = 0x5bd1e995;
    const int r = 24;
    std::uint32_t h = seed ^ length;
    const auto* p = reinterpret_cast<const unsigned char*>(data.data());
    const std::uint32_t length4 = length / 4;
    for (std::uint32_t i = 0; i < length4; ++i) {
        const std::uint32_t i4 = i * 4;
        std::uint32_t k = static_cast<std::uint32_t>(p[i4]) |
                          (static_cast<std::uint32_t>(p[i4 + 1]) << 8) |
                          (static_cast<std::uint32_t>(p[i4 + 2]) << 16) |
                          (static_cast<std::uint32_t>(p[i4 + 3]) << 24);
        k *= m;
        k ^= k >> r;
        k *= m;
        h *= m;
        h ^= k;
    }
    const std::uint32_t tail = length & ~3u;
    switch (length % 4) {
    case 3:
        h ^= static_cast<std::uint32_t>(p[tail + 2]) << 16;
        [[fallthrough]];
    case 2:
        h ^= static_cast<std::uint32_t>(p[tail + 1]) << 8;
        [[fallthrough]];
    case 1:
        h ^= static_cast<std::uint32_t>(p[tail]);
        h *= m;
        break;
    default:
        break;
    }
    h ^= h >> 13;
    h *= m;
    h ^= h >> 15;
    return static_cast<std::int32_t>(h);
}

} // namespace fg::kafka
