// KafkaMock: librdkafka's mock cluster (rdkafka_mock.h, in-process, listening on 127.0.0.1 only;
// librdkafka's mock cluster, not Apache Kafka's broker), with the real producer (partitioner
// murmur2_random, the Java client's keyed partitioning; keyless records sticky) and real consumers
// in consumer groups (librdkafka's own range, roundrobin and cooperative-sticky assignors).
//
// Brokers are numbered as the scenario numbers them (0..n-1); the mock's ids are these + 1. Each
// partition's leader is set to the model's (Kafka's rack-unaware placement), so both sides start
// alike. A join or a leave returns once the group has settled: every member has an id, every
// subscribed partition has exactly one reader, and nothing changed for a moment.
//
// Every call blocks. One thread at a time.
#pragma once

#include "engines/core/status.h"
#include "engines/kafka/kafka_cluster.h"
#include "lab/kafka_data.h"

#include <memory>
#include <string>
#include <vector>

namespace fg::lab {

class KafkaMock {
public:
    // Starts `params.brokers` mock brokers with the topics of `params`, a producer and nothing
    // else; groups are coordinated by broker `coordinator` (one the scenario never fails). A
    // failure names the cause (librdkafka's words, or a listener not on 127.0.0.1).
    static Status open(const kafka::KafkaParams& params, int coordinator,
                       std::unique_ptr<KafkaMock>* out);
    KafkaMock(const KafkaMock&) = delete;
    KafkaMock& operator=(const KafkaMock&) = delete;
    ~KafkaMock(); // closes the consumers, the producer and the cluster

    // Produces rows[first, first + count) (topic, key, value) and waits for their delivery
    // reports, which fill each row's real partition and offset (or its error).
    Status produce(std::vector<KafkaRecordRow>& rows, std::size_t first, std::size_t count);
    // `consumer` joins `group`, subscribed to `topics` (empty: every topic); returns when the
    // group has settled, or says it did not within the lab's wait.
    Status join(const std::string& group, const std::string& consumer,
                const std::vector<std::string>& topics);
    // `consumer` leaves `group` (the consumer closes: a LeaveGroup); returns when the rest settled.
    Status leave(const std::string& group, const std::string& consumer);
    // Takes broker `broker` down (rd_kafka_mock_broker_set_down).
    Status failBroker(int broker);
    // Brings broker `broker` back up (rd_kafka_mock_broker_set_up).
    Status recoverBroker(int broker);
    // Both the partitions as the producer's metadata shows them and every member's assignment.
    Status side(KafkaSide* out);

    const std::string& bootstraps() const { return bootstraps_; }
    const std::vector<std::string>& settings() const { return settings_; }
    // How long the mock's coordinator waits before it assigns, for a group's first member and
    // for a later join or leave (milliseconds).
    static int firstJoinWaitMs();
    int laterChangeWaitMs() const;
    static std::string version();

private:
    KafkaMock();
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::string bootstraps_;
    std::vector<std::string> settings_;
};

} // namespace fg::lab
