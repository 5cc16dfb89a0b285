// The Kafka lab (librdkafka's real client against librdkafka's mock cluster, not Apache Kafka's
// broker, beside the model) as the helper program serves it to the app's Lab > Kafka page:
// "kafka.run" {scenario: a Kafka scenario, as `fieldguide run` takes it} -> the run as
// `fieldguide lab kafka` prints it (docs/cli.md), with a progress sentence before each join or
// leave (the mock's coordinator waits 0.5 to 3 s); "kafka.stop" (nothing to stop: each run starts
// and stops its own mock cluster, in the helper's process). A scenario that is not one, or over
// the lab's budgets, is refused before anything runs.
#pragma once

#include "lab/lab_service.h"

namespace fg::lab {

class KafkaService : public LabService {
public:
    Status handle(std::string_view op, const nlohmann::json& args, nlohmann::json* result,
                  const Progress& progress) override;
    void stop() override {}
};

} // namespace fg::lab
