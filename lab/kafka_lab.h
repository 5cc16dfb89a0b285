// The Kafka lab (issue 17): a Kafka scenario's operations through librdkafka's real producer and
// consumers against librdkafka's mock cluster (KafkaMock; librdkafka's mock cluster, not Apache
// Kafka's broker) and through the model (engines/kafka) in step, with both sides kept after every
// op, every record's partition on each side, and the comparison at the end (compareKafka).
#pragma once

#include "engines/core/status.h"
#include "engines/scenario/kafka_scenario.h"
#include "lab/kafka_data.h"
#include "lab/lab_service.h"

#include <cstdint>
#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <string>

namespace fg::lab {

// The lab's budgets, from measurements (docs/cli.md): a join or a leave waits on the mock's
// coordinator (3 s for a group's first member, 0.5 s after), so group changes are few; records
// are delivered at thousands a second on loopback, but each is a row of the record table.
inline constexpr std::int64_t kMaxKafkaLabOps = 200;
inline constexpr std::int64_t kMaxKafkaLabRecords = 10'000;
inline constexpr std::int64_t kMaxKafkaLabGroupChanges = 12; // joins and leaves
// Runs made of one scenario when librdkafka's mock cluster stalls (runKafkaLab).
inline constexpr int kMockAttempts = 3;
inline constexpr int kMaxKafkaLabPartitions = 64; // over every topic
inline constexpr int kMaxKafkaLabBrokers = 12;
inline constexpr std::size_t kMaxKafkaLabKeyBytes = 1024; // a key's or a value's

// Refuses, before anything runs, a scenario over the budgets above (a sentence naming the limit).
Status checkKafkaLabBudget(const KafkaScenario& scenario);

// Reads a scenario for the lab: of the engine "kafka" (else an error at /engine), valid as
// `fieldguide run` takes it, and within the lab's budgets.
Status parseKafkaLabScenario(const nlohmann::json& json, KafkaScenario* out);

// Runs `scenario` through the mock cluster (started for this run and stopped at its end) and the
// model; `progress` (when given) hears a sentence before each slow step (a join, a leave), and
// each moment as a part (kafkaMomentPart) as soon as both sides have it.
// REQUIRES: checkKafkaLabBudget passed.
Status runKafkaLab(const KafkaScenario& scenario, KafkaLabRun* run, const Progress& progress = {});

// The comparison rows of a run (keyed partitions, keyless batching, each group change's
// assignment, each broker failure's leaders) and its summary, filled into run.rows and
// run.summary. Needs the scenario for its params and ops.
void compareKafka(const KafkaScenario& scenario, KafkaLabRun& run);

} // namespace fg::lab
