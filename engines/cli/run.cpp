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
    // Read as a header and its ops one at a time: a million ops never stand as one document.
    const std::string source = path == "-" ? "<stdin>" : path;
    std::string text;
    nlohmann::json header;
    Status read = scenario::readText(path, io.in, text);
    if (read) {
        read = scenario::parseHeader(text, source, header);
    }
    if (!read) {
        io.err << "fieldguide run: " << read.message() << "\n";
        return exitFor(read);
    }
    nlohmann::json result;
    if (const Status s = scenario::runText(text, source, header, result); !s) {
        io.err << "fieldguide run: " << source << ": " << s.message() << "\n";
        return kUsage;
    }
    io.out << result.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return finishOutput("run", io);
}

} // namespace fg::cli
