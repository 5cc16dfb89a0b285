// fieldguide lab buckets [SCENARIO.json | -]: a downsample scenario's points rolled up by the
// model, PostgreSQL's date_bin and RRDtool, compared bucket by bucket.
#include "engines/scenario/scenario.h"
#include "lab/buckets_lab.h"
#include "lab/lab_cli_detail.h"
#include "lab/lab_folder.h"

#include <nlohmann/json.hpp>
#include <ostream>

namespace fg::lab {

namespace {

const char* const kBucketsUsage = "usage: fieldguide lab buckets [SCENARIO.json | -]";

int bucketsUsage(cli::Io io, const std::string& what) {
    io.err << "fieldguide lab buckets: " << what << " (" << kBucketsUsage << ")\n";
    return cli::kUsage;
}

} // namespace

int bucketsCommand(const cli::Args& args, cli::Io io) {
    for (const std::string& a : args) {
        if (a.size() > 1 && a[0] == '-') {
            return bucketsUsage(io, "unknown option " + a);
        }
    }
    if (args.size() > 1) {
        return bucketsUsage(io, "expected one scenario file, got " + std::to_string(args.size()));
    }
    const std::string path = args.empty() ? "-" : args.front();
    const std::string source = path == "-" ? "<stdin>" : path;
    nlohmann::json json;
    if (const Status s = scenario::readFile(path, io.in, json); !s) {
        io.err << "fieldguide lab buckets: " << s.message() << "\n";
        return cli::exitFor(s);
    }
    DownsampleScenario scenario;
    if (const Status s = parseBucketsLabScenario(json, &scenario); !s) {
        io.err << "fieldguide lab buckets: " << source << ": " << s.message() << "\n";
        return cli::kUsage;
    }
    cleanStaleLabFolders();
    BucketsLabRun run;
    if (const Status ran = runBucketsLab(scenario, &run); !ran) {
        io.err << "fieldguide lab buckets: " << ran.message() << "\n";
        return cli::kRuntime;
    }
    nlohmann::json out = toJson(run);
    out["source"] = source;
    io.out << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return cli::finishOutput("lab buckets", io);
}

} // namespace fg::lab
