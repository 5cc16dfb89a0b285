// fieldguide run [SCENARIO.json | -]: reads a scenario, runs it through its engine, prints the
// result JSON on stdout.
#include "engines/cli/commands.h"
#include "engines/scenario/scenario.h"

#include <fstream>
#include <iostream>

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
    std::string text;
    const std::string source = path == "-" ? "<stdin>" : path;
    Status read;
    if (path == "-") {
        read = scenario::readText(io.in, source, text);
    } else {
        std::ifstream f(path, std::ios::binary);
        if (!f) {
            io.err << "fieldguide run: cannot read " << path << ": no such file, or not readable\n";
            return kUsage;
        }
        read = scenario::readText(f, source, text);
    }
    if (!read) {
        io.err << "fieldguide run: " << read.message() << "\n";
        return kUsage;
    }
    nlohmann::json scenario;
    if (const Status s = scenario::parse(text, source, scenario); !s) {
        io.err << "fieldguide run: " << s.message() << "\n";
        return kUsage;
    }
    nlohmann::json result;
    if (const Status s = scenario::run(scenario, result); !s) {
        io.err << "fieldguide run: " << source << ": " << s.message() << "\n";
        return kUsage;
    }
    io.out << result.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    io.out.flush();
    return io.out ? kOk : kRuntime;
}

} // namespace fg::cli
