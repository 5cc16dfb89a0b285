// KafkaDiagram: the live Kafka cluster of the Kafka chapter. Each partition is a row: its leader
// and in-sync replicas, then its log of records (the newest at the right, each showing its offset
// and key; records with the same key share a colour AND show the key, so order per key is seen).
// Brokers stand at the right; consumer groups below, with a line from each partition to the
// consumer that reads it and the group's lag. The step's record, rebalance or failure is lit.
#pragma once

#include "core/timeline.h"
#include "diagram/diagram_source.h"
#include "kafka/kafka_cluster.h"

namespace fg {

class KafkaDiagram : public DiagramSource {
public:
    KafkaDiagram(kafka::KafkaParams params, std::vector<kafka::KafkaOp> ops);

    int stepCount() const override { return static_cast<int>(timeline_.size()); }
    Frame frame(int position, const Theme& theme) const override;
    QString narration(int position) const override;

    const Timeline<kafka::KafkaEngine>& timeline() const { return timeline_; }
    static Frame layout(const kafka::KafkaState& state, const kafka::KafkaStep* step,
                        const kafka::KafkaParams& params, const Theme& theme);

private:
    Timeline<kafka::KafkaEngine> timeline_;
};

} // namespace fg
