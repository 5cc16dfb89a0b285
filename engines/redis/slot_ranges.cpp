#include "engines/redis/slot_ranges.h"

#include "engines/redis/key_slot.h"

#include <cmath>

namespace fg::redis {

std::vector<std::pair<int, int>> clusterCreateRanges(int masters) {
    std::vector<std::pair<int, int>> ranges;
    const float slotsPerNode = static_cast<float>(kSlots) / static_cast<float>(masters);
    long first = 0;
    float cursor = 0.0f;
    for (int i = 0; i < masters; ++i) {
        long last = std::lround(cursor + slotsPerNode - 1);
        if (last > kSlots || i == masters - 1) {
            last = kSlots - 1;
        }
        if (last < first) {
            last = first;
        }
        ranges.emplace_back(static_cast<int>(first), static_cast<int>(last));
        first = last + 1;
        cursor += slotsPerNode;
    }
    return ranges;
}

std::vector<int> clusterCreateOwners(int masters) {
    std::vector<int> owner(kSlots, -1);
    const auto ranges = clusterCreateRanges(masters);
    for (std::size_t m = 0; m < ranges.size(); ++m) {
        for (int s = ranges[m].first; s <= ranges[m].second && s < kSlots; ++s) {
            owner[static_cast<std::size_t>(s)] = static_cast<int>(m);
        }
    }
    return owner;
}

} // namespace fg::redis
