#include "lab/redis_data.h"

#include <nlohmann/json.hpp>

namespace fg::lab {

int Shard::master() const {
    for (const ShardNode& n : nodes) {
        if (n.role == "master" && n.health != "failed") {
            return n.node;
        }
    }
    return -1;
}

// SKELETON (helper "lab-redis" writes these): toJson / fromJson of the Redis lab's data.

} // namespace fg::lab
