// KafkaDiagram: the live Kafka cluster of the Kafka chapter. Each partition is a row: its leader
// and in-sync replicas, then its log of records (the newest at the right, each showing its offset
// and key; records with the same key share a colour AND show the key, so order per key is seen).
// Beside each log, one column per consumer group says who reads the partition (the consumer's
// name on its colour, the same colour as its box in the group below), the group's committed
// offset (the next offset it will read, also marked on the log) and its lag (records not read
// yet: log end offset - committed offset), the engine's numbers. Consumer groups below, the
// brokers beside them (a column of brokers at the right made the drawing three and a half times
// as wide as high, its letters ~13 px on a 1920x1080 slide). The step's record, rebalance or
// failure is lit. The drawing keeps one size over the whole run (the longest log shown, every
// group), so it does not move as it plays.
#pragma once

#include "engines/kafka/kafka_cluster.h"
#include "widgets/canvas/timeline_source.h"

namespace fg {

// What the layout makes room for, whatever the step: the most records a log shows and the
// consumer groups, over the whole run.
struct KafkaExtent {
    std::size_t longest = 6;
    std::vector<std::string> groups;
    std::size_t members = 0;            // the most members a group has
    std::vector<std::string> consumers; // "group/consumer", in order of first joining
    // The longest lines a partition's label and a group's tag hold over the run (by
    // characters): the columns are as wide as these need, measured in the theme's type.
    QString partitionLine;
    QString tagLine;
    QString consumerLine; // and a consumer's box
    // The longest key of at most kWholeKey characters: a record's cell is as wide as it needs
    // (a longer key keeps its start and end around an ellipsis).
    static constexpr qsizetype kWholeKey = 10;
    QString keyLine;

    // Makes room for what `state` shows too (the constructor notes every state of the run; a
    // layout without a run notes the state it draws).
    void note(const kafka::KafkaState& state);
};

class KafkaDiagram : public TimelineSource<kafka::KafkaEngine> {
public:
    KafkaDiagram(kafka::KafkaParams params, std::vector<kafka::KafkaOp> ops,
                 std::optional<KeepOnly> only = std::nullopt, BuildWatch* watch = nullptr);

    static Frame layout(const kafka::KafkaState& state, const kafka::KafkaStep* step,
                        const kafka::KafkaParams& params, const Theme& theme,
                        const KafkaExtent& extent = {});

protected:
    Frame layoutState(const State& state, const Step* step, const Theme& theme) const override;
    QString describe(const State& state) const override;

private:
    KafkaExtent extent_;
};

} // namespace fg
