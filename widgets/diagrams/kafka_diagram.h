// KafkaDiagram: the live Kafka cluster of the Kafka chapter. Each partition is a row: its leader
// and in-sync replicas, then its log of records (the newest at the right, each showing its offset
// and key; records with the same key share a colour AND show the key, so order per key is seen).
// Brokers stand at the right; consumer groups below, with a line from each partition to the
// consumer that reads it and the group's lag. The step's record, rebalance or failure is lit.
#pragma once

#include "engines/kafka/kafka_cluster.h"
#include "widgets/canvas/timeline_source.h"

namespace fg {

class KafkaDiagram : public TimelineSource<kafka::KafkaEngine> {
public:
    KafkaDiagram(kafka::KafkaParams params, std::vector<kafka::KafkaOp> ops,
                 std::optional<KeepOnly> only = std::nullopt);

    static Frame layout(const kafka::KafkaState& state, const kafka::KafkaStep* step,
                        const kafka::KafkaParams& params, const Theme& theme);

protected:
    Frame layoutState(const State& state, const Step* step, const Theme& theme) const override;
};

} // namespace fg
