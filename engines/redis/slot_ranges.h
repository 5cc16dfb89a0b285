// How `redis-cli --cluster create` splits the 16384 slots over N masters: each master takes a
// contiguous range; master i ends at lround(cursor + 16384/N - 1), computed in 32-bit float as
// redis-cli does, and the last master always ends at 16383. For 3 masters: 0-5460, 5461-10922,
// 10923-16383. (redis-cli itself refuses fewer than 3 masters; the same formula serves 1 and 2.)
#pragma once

#include <utility>
#include <vector>

namespace fg::redis {

// REQUIRES: 1 <= masters <= 16384. Returns [first, last] for each master, in order.
std::vector<std::pair<int, int>> clusterCreateRanges(int masters);

// The owner of every slot under clusterCreateRanges(masters).
std::vector<int> clusterCreateOwners(int masters);

} // namespace fg::redis
