#include "lab/kafka_service.h"

#include "engines/scenario/kafka_scenario.h"
#include "lab/kafka_lab.h"

#include <nlohmann/json.hpp>

namespace fg::lab {

Status KafkaService::handle(std::string_view op, const nlohmann::json& args, nlohmann::json* result,
                            const Progress& progress) {
    if (op != "run") {
        return Status::error(std::string("kafka.") + std::string(op),
                             "the Kafka lab knows kafka.run and kafka.stop");
    }
    const auto scenario = args.is_object() ? args.find("scenario") : args.end();
    KafkaScenario parsed;
    if (Status s =
            parseKafkaLabScenario(scenario == args.end() ? nlohmann::json() : *scenario, &parsed);
        !s) {
        return s;
    }
    if (progress) {
        progress("Starting librdkafka's mock cluster (not Apache Kafka's broker) and running " +
                 std::to_string(parsed.ops.size()) + " operations through it and the model...");
    }
    KafkaLabRun run;
    if (Status s = runKafkaLab(parsed, &run, progress); !s) {
        return s;
    }
    *result = toJson(run);
    return Status::ok();
}

} // namespace fg::lab
