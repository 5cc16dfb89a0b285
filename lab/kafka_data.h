// The Kafka lab's results as plain data (issue 17): every record as librdkafka's producer placed
// it (its delivery report: partition and offset) beside the model's choice, and at every moment
// (after each scenario op: a produce, a member joining or leaving, a broker failing) both sides'
// partitions (leaders, replicas, in-sync replicas: the real ones as the client's metadata shows
// them), brokers up and group members with their assignments. The real side is librdkafka's mock
// cluster, not Apache Kafka's broker. No librdkafka here: the app reads these from the Lab's
// helper program as JSON and links this file, not the library.
#pragma once

#include "engines/core/status.h"

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

namespace fg::lab {

// The honest name of the real side, shown wherever it is (page, CLI, docs).
inline constexpr const char* kKafkaLabLabel =
    "librdkafka's mock cluster, not Apache Kafka's broker";

// One record produced: where the real producer put it and where the model did.
struct KafkaRecordRow {
    int op = 0; // index into the scenario's ops
    std::string topic;
    std::optional<std::string> key;
    std::string value;
    int realPartition = -1;       // -1: not delivered
    std::int64_t realOffset = -1; // from the delivery report
    std::string realError;        // librdkafka's words when it was not delivered
    int modelPartition = -1;      // -1: the model refused it (no leader)
    std::int64_t modelOffset = -1;
    bool keyed() const { return key.has_value(); }
    bool samePartition() const { return realPartition == modelPartition; }
};

// A partition as one side sees it. Brokers are numbered as the scenario numbers them (from 0; the
// mock cluster's broker ids are these + 1).
struct KafkaPartitionView {
    std::string topic;
    int partition = 0;
    int leader = -1; // -1: none
    std::vector<int> replicas, isr;
    bool operator==(const KafkaPartitionView&) const = default;
};

// A consumer group member and what it reads ("orders-0").
struct KafkaMemberView {
    std::string group, consumer;
    std::string memberId; // the real side: the id the coordinator gave; the model: the name
    std::vector<std::string> partitions;
    bool operator==(const KafkaMemberView&) const = default;
};

struct KafkaSide {
    std::vector<KafkaPartitionView> partitions;
    std::vector<bool> brokersUp;
    std::vector<KafkaMemberView> members; // group by group, in joining order
};

// After one scenario op: what each side did, in a sentence, and both sides after it.
struct KafkaMoment {
    int op = 0;
    std::string opText; // "produce 5 records to orders", "C1 joins orders-app"
    std::string realText, modelText;
    double seconds = 0; // how long the real side took (a rebalance waits on the coordinator)
    KafkaSide real, model;
};

struct KafkaComparisonRow {
    std::string quantity, real, model;
    bool agree = false;
    std::string why; // a sentence, when they differ (or why they agree when it is not obvious)
};

struct KafkaLabRun {
    std::string version; // librdkafka's, "2.0.2"
    std::string label = kKafkaLabLabel;
    std::string bootstraps;            // the mock brokers' addresses (127.0.0.1 only)
    std::vector<std::string> settings; // what the lab set, a sentence each with why
    std::vector<KafkaRecordRow> records;
    std::vector<KafkaMoment> moments;
    std::vector<KafkaComparisonRow> rows;
    int keyed = 0, keyedAgree = 0; // keyed records, and those on the same partition
    double seconds = 0;            // the whole real run
    std::string summary;           // "agree: ..."
};

nlohmann::json toJson(const KafkaRecordRow& row);
nlohmann::json toJson(const KafkaSide& side);
nlohmann::json toJson(const KafkaMoment& moment);
nlohmann::json toJson(const KafkaComparisonRow& row);
nlohmann::json toJson(const KafkaLabRun& run);

// Reads a run back from toJson's JSON; a document of another shape is a Status naming what is
// wrong, never an exception.
Status fromJson(const nlohmann::json& j, KafkaLabRun* run);

// A moment sent ahead of the answer, while the run goes on (kafka.run's parts): moment `index` of
// `run` with the records produced from row `firstRow` on, by that moment's op, as
// {"version", "index", "moment", "records_from", "records"}.
nlohmann::json momentPart(const KafkaLabRun& run, std::size_t index, std::size_t firstRow);
// Adds a part to the run so far: a moment (or records) already held is replaced with those
// after it (the lab made the run again on a fresh mock cluster). A part of another shape is a
// Status naming what is wrong, and the run is left as it was.
Status addPart(const nlohmann::json& part, KafkaLabRun* run);

} // namespace fg::lab
