// fieldguide run [SCENARIO.json | -]: reads a scenario, runs it through its engine, prints the
// result JSON on stdout.
#include "engines/cli/commands.h"
#include "engines/scenario/scenario.h"

#include <nlohmann/json.hpp>

namespace fg::cli {

int run(const Args& args, Io io) {
    std::string path = "-";
    for (const auto& a : args) {
        if (a.size() > 1 && a[0] == '-') {
            io.err << "fieldguide run: unknown option " << a
                   << " (usage: fieldguide run [SCENARIO.json | -])\n";
            return kUsage;
        }
    }
    if (args.size() > 1) {
        io.err << "fieldguide run: expected one scenario file, got " << args.size()
               << " (usage: fieldguide run [SCENARIO.json | -])\n";
        return kUsage;
    }
    if (!args.empty()) {
        path = args[0];
    }
    nlohmann::json scenario;
    if (const Status s = scenario::readFile(path, io.in, scenario); !s) {
        io.err << "fieldguide run: " << s.message() << "\n";
        return exitFor(s);
    }
    const std::string source = path == "-" ? "<stdin>" : path;
    nlohmann::json result;
    if (const Status s = scenario::run(scenario, result); !s) {
        io.err << "fieldguide run: " << source << ": " << s.message() << "\n";
        return kUsage;
    }
    io.out << result.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return finishOutput("run", io);
}

} // namespace fg::cli
