// fieldguide lab lsm [SCENARIO.json | -]: an LSM scenario through a real RocksDB and the model.
#include "engines/scenario/lsm_scenario.h"
#include "engines/scenario/scenario.h"
#include "lab/lab_cli_detail.h"
#include "lab/lab_folder.h"
#include "lab/lsm_lab.h"

#include <nlohmann/json.hpp>
#include <ostream>

namespace fg::lab {

namespace {

const char* const kLsmUsage = "usage: fieldguide lab lsm [SCENARIO.json | -]";

int lsmUsage(cli::Io io, const std::string& what) {
    io.err << "fieldguide lab lsm: " << what << " (" << kLsmUsage << ")\n";
    return cli::kUsage;
}

} // namespace

int lsmCommand(const cli::Args& args, cli::Io io) {
    for (const std::string& a : args) {
        if (a.size() > 1 && a[0] == '-') {
            return lsmUsage(io, "unknown option " + a);
        }
    }
    if (args.size() > 1) {
        return lsmUsage(io, "expected one scenario file, got " + std::to_string(args.size()));
    }
    const std::string path = args.empty() ? "-" : args.front();
    const std::string source = path == "-" ? "<stdin>" : path;
    nlohmann::json json;
    if (const Status s = scenario::readFile(path, io.in, json); !s) {
        io.err << "fieldguide lab lsm: " << s.message() << "\n";
        return cli::exitFor(s);
    }
    LsmScenario scenario;
    if (const Status s = parseLsmLabScenario(json, &scenario); !s) {
        io.err << "fieldguide lab lsm: " << source << ": " << s.message() << "\n";
        return cli::kUsage;
    }
    cleanStaleLabFolders();
    LsmLabRun run;
    if (const Status ran = runLsmLab(scenario, &run); !ran) {
        io.err << "fieldguide lab lsm: " << ran.message() << "\n";
        return cli::kRuntime;
    }
    nlohmann::json out = toJson(run);
    out["source"] = source;
    io.out << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return cli::finishOutput("lab lsm", io);
}

} // namespace fg::lab
