// How the Kafka engine's sentences name a broker (engines/kafka/kafka_cluster.cpp and
// kafka_brokers.cpp).
#pragma once

#include <string>

namespace fg::kafka {

inline std::string b(int id) {
    return "broker " + std::to_string(id);
}

// At the start of a sentence ("Broker 0 fails", not "broker 0 fails").
inline std::string B(int id) {
    return "Broker " + std::to_string(id);
}

} // namespace fg::kafka
