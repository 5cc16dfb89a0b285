// fieldguide lab kafka [SCENARIO.json | -]: a Kafka scenario through librdkafka's real client
// against librdkafka's mock cluster (not Apache Kafka's broker) and the model.
#include "engines/scenario/kafka_scenario.h"
#include "engines/scenario/scenario.h"
#include "lab/kafka_lab.h"
#include "lab/lab_cli_detail.h"
#include "lab/lab_folder.h"

#include <nlohmann/json.hpp>
#include <ostream>

namespace fg::lab {

namespace {

const char* const kKafkaUsage = "usage: fieldguide lab kafka [SCENARIO.json | -]";

int kafkaUsage(cli::Io io, const std::string& what) {
    io.err << "fieldguide lab kafka: " << what << " (" << kKafkaUsage << ")\n";
    return cli::kUsage;
}

} // namespace

int kafkaCommand(const cli::Args& args, cli::Io io) {
    for (const std::string& a : args) {
        if (a.size() > 1 && a[0] == '-') {
            return kafkaUsage(io, "unknown option " + a);
        }
    }
    if (args.size() > 1) {
        return kafkaUsage(io, "expected one scenario file, got " + std::to_string(args.size()));
    }
    const std::string path = args.empty() ? "-" : args.front();
    const std::string source = path == "-" ? "<stdin>" : path;
    nlohmann::json json;
    if (const Status s = scenario::readFile(path, io.in, json); !s) {
        io.err << "fieldguide lab kafka: " << s.message() << "\n";
        return cli::exitFor(s);
    }
    KafkaScenario scenario;
    if (const Status s = parseKafkaLabScenario(json, &scenario); !s) {
        io.err << "fieldguide lab kafka: " << source << ": " << s.message() << "\n";
        return cli::kUsage;
    }
    cleanStaleLabFolders();
    KafkaLabRun run;
    if (const Status ran = runKafkaLab(scenario, &run); !ran) {
        io.err << "fieldguide lab kafka: " << ran.message() << "\n";
        return cli::kRuntime;
    }
    nlohmann::json out = toJson(run);
    out["source"] = source;
    io.out << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return cli::finishOutput("lab kafka", io);
}

} // namespace fg::lab
