// Kafka's keyed partitioning, exactly as the Java client computes it (Utils.murmur2 and
// BuiltInPartitioner.partitionForKey): murmur2 with seed 0x9747b28c over the key's bytes, made
// positive by masking the sign bit (not abs()), modulo the topic's partition count. librdkafka's
// default partitioner (consistent_random, CRC32) gives different partitions.
#pragma once

#include <cstdint>
#include <string_view>

namespace fg::kafka {

std::int32_t murmur2(std::string_view bytes);
inline std::int32_t toPositive(std::int32_t x) {
    return x & 0x7fffffff;
}
// REQUIRES: partitions >= 1.
inline int partitionForKey(std::string_view key, int partitions) {
    return toPositive(murmur2(key)) % partitions;
}

} // namespace fg::kafka
