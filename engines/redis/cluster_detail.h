// Small pieces ClusterEngine's files share (cluster.cpp, cluster_route.cpp): how a node is named
// in a sentence, and whether an id is a node that can answer. Internal to the redis engine.
#pragma once

#include "engines/redis/cluster.h"

#include <string>

namespace fg::redis::detail {

inline std::string n(int id) {
    return "node " + std::to_string(id);
}

// At the start of a sentence ("Node 4 returns its value", not "node 4").
inline std::string N(int id) {
    return "Node " + std::to_string(id);
}

inline bool usable(const ClusterState& s, int id) {
    return id >= 0 && id < static_cast<int>(s.nodes.size()) && s.nodes[id].alive &&
           !s.nodes[id].removed;
}

} // namespace fg::redis::detail
