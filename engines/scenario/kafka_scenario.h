// The kafka engine at the JSON edge (docs/cli.md, engine `kafka`): params `topics`
// ({"orders": 3}), `brokers` (1..50, default 3), `replication` (1..brokers, default 2 or fewer),
// `partitioner` (keyed, round-robin, sticky; default sticky), `assignor` (range, roundrobin,
// sticky, cooperative-sticky; default range), optional `batch_records` (default 4), `seed` and
// `sticky_draws` (the sticky partitioner's first picks, each a position among its candidates).
// Ops: `produce` (`topic`, optional `key`, `value`, `count`), `join` (`group`, `consumer`,
// optional `topics`), `leave` (`group`, `consumer`), `fail-broker` and `recover-broker` (`broker`),
// `consume`
// (`group`, optional `consumer`, optional `max` per partition).
#pragma once

#include "engines/core/status.h"
#include "engines/kafka/kafka_cluster.h"

#include <cstdint>
#include <nlohmann/json_fwd.hpp>

namespace fg {

struct KafkaScenario {
    kafka::KafkaParams params;
    std::vector<kafka::KafkaOp> ops;
    bool narrate = true;
    std::int64_t work = 0; // keys, records or ops it asks for in all (WorkBudget)
};

Status parseKafkaScenario(const nlohmann::json& scenario, KafkaScenario& out);
Status runKafkaScenario(const nlohmann::json& scenario, nlohmann::json& result);

nlohmann::json kafkaStepJson(const kafka::KafkaStep& step);
nlohmann::json kafkaStateJson(const kafka::KafkaState& state, bool withLogs);
nlohmann::json kafkaStatsJson(const kafka::KafkaState& state);

// The scenario as the contract's JSON again (what the app saves): reading it back gives the same
// ops, so the same run.
nlohmann::json writeKafkaScenario(const KafkaScenario& s);

} // namespace fg
