// Spoken state: what a screen reader says of a live diagram's state after a step, in a sentence
// or two ("B-Tree, order 4, height 2, 5 keys: root [20 40]; leaves [10] [30] [50 60]."). The
// canvas reads it out after the step's narration (DiagramSource::summary). A large structure is
// summarised, never read key by key: its counts, its top levels and the first few of each list,
// so that the text stays short however many keys the scenario holds, and costs one pass over the
// state at most.
#pragma once

#include "engines/btree/btree.h"
#include "engines/kafka/kafka_cluster.h"
#include "engines/lsm/lsm_tree.h"
#include "engines/redis/cluster.h"
#include "engines/timeseries/tiered_store.h"

#include <QString>
#include <cstdint>
#include <span>
#include <vector>

namespace fg {

// The most boxes (nodes, tables, partitions...) a summary names one by one; past it, counts.
inline constexpr int kSpokenBoxes = 8;
// The most keys a box is read with; past it, its first and last key and how many.
inline constexpr int kSpokenKeys = 6;

// Keys as a box is read: "[20 40]", or "[1 to 99, 63 keys]" past kSpokenKeys.
QString spokenKeys(std::span<const std::int64_t> keys);

QString spokenBTree(const btree::State& state, const btree::Params& params);
QString spokenLsm(const lsm::LsmState& state, const lsm::LsmParams& params);
QString spokenCluster(const redis::ClusterState& state);
QString spokenKafka(const kafka::KafkaState& state);
QString spokenTiers(const timeseries::TieredState& state,
                    const std::vector<timeseries::Tier>& tiers);

} // namespace fg
