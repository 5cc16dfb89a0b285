// KafkaLabSource: one side of the Kafka lab (librdkafka's mock cluster, or the model) as a
// DiagramSource, so that the Kafka diagram draws it with its own look: a step per scenario op,
// each partition's leader, replicas and log (the records that side placed there, by offset), the
// brokers up and down, and each group's members with what they read. The real side's member ids
// are the coordinator's; the drawing names members by the scenario's consumer names.
#pragma once

#include "engines/kafka/kafka_cluster.h"
#include "lab/kafka_data.h"
#include "widgets/canvas/diagram_source.h"
#include "widgets/diagrams/kafka_diagram.h"

#include <memory>

namespace fg {

class KafkaLabSource : public DiagramSource {
public:
    KafkaLabSource(std::shared_ptr<const lab::KafkaLabRun> run, kafka::KafkaParams params,
                   bool real);

    int stepCount() const override;
    Frame frame(int position, const Theme& theme) const override;
    QString narration(int position) const override;
    // The cluster drawn at `position` in the Kafka diagram's words (spokenKafka): brokers,
    // partitions with their records and leaders, each group's members, for a screen reader.
    QString summary(int position) const override;
    bool holdsItsPlace() const override { return true; }

    // One side after moment `index` as the Kafka engine's state, for its diagram: partitions
    // with the records that side placed up to that op, brokers, groups and assignments (no
    // committed offsets: the lab's consumers read assignments, not records).
    static kafka::KafkaState stateOf(const lab::KafkaLabRun& run, std::size_t index, bool real);

private:
    // The moment `position` shows: its own, the last for a position past the end. REQUIRES:
    // position >= 0, at least one moment.
    std::size_t momentAt(int position) const;
    // This side's cluster at `position` (before the first op at a negative one). REQUIRES: at
    // least one moment.
    const kafka::KafkaState& stateAt(int position) const;

    std::shared_ptr<const lab::KafkaLabRun> run_;
    kafka::KafkaParams params_;
    bool real_;
    std::vector<kafka::KafkaState> states_;
    kafka::KafkaState initial_; // before the first op (position -1)
    KafkaExtent extent_;
};

} // namespace fg
