// Practice types about where a request or a record goes, and what answers it (issue 15):
//   hashslot moved-or-ask   a client with a stale slot map while a slot migrates (-MOVED, -ASK);
//   kafka sticky-keyless    where the sticky partitioner (Kafka 2.4 to 3.2) puts keyless records;
//   kafka rebalance         a consumer group's assignment after a member joins or leaves;
//   downsample tier-of-query  which retention tier answers a query (practice_series.cpp).
// Makers as in practice.h: the engines (redis::ClusterEngine, kafka::KafkaEngine and its
// assignors, timeseries::TieredStore) compute every answer. Graders in practice_grade_routing.cpp.
#pragma once

#include "engines/practice/practice.h"

#include <cstdint>

namespace fg::practice::routing {

Exercise movedOrAsk(std::uint64_t seed, Level level);
Exercise stickyKeyless(std::uint64_t seed, Level level);
Exercise rebalance(std::uint64_t seed, Level level);
Exercise tierOfQuery(std::uint64_t seed, Level level);

// When `e` is one of the types above: its differences from `submitted` added to `g`, and true.
// False, and `g` untouched, for any other type.
bool grade(const Exercise& e, const nlohmann::json& submitted, Grading& g);

} // namespace fg::practice::routing
