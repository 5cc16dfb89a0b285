// The headless subcommands of docs/cli.md that need no display and no Qt: each reads its
// arguments (those after the subcommand name) and streams, prints its output, and returns the
// contract's exit status. A failure prints one line on `err` naming the problem.
#pragma once

#include "engines/core/status.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace fg::cli {

enum Exit : int { kOk = 0, kRuntime = 1, kUsage = 2 };

struct Io {
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
};

using Args = std::vector<std::string>;

int slot(const Args& args, Io io);       // fieldguide slot [--nodes N] [KEY ...]
int partition(const Args& args, Io io);  // fieldguide partition --partitions N [KEY ...]
int run(const Args& args, Io io);        // fieldguide run [SCENARIO.json | -]
int downsample(const Args& args, Io io); // fieldguide downsample --step S [--agg LIST] [FILE|-]
int compress(const Args& args, Io io);   // fieldguide compress [FILE.csv | -]
// fieldguide practice --engine E --type T --seed N --count K [--level L] | --list
int practiceCommand(const Args& args, Io io);

// Flushes io.out. When the output could not be written (a full disk, a closed file), prints one
// line for `command` on io.err naming the reason and returns kRuntime; else kOk.
int finishOutput(const std::string& command, Io io);

// The exit status of a failed Status: kRuntime when the system failed (Status::failure), kUsage
// for bad input.
int exitFor(const Status& s);

// The usage of a command (one of the above, "export" or "list"), as `fieldguide COMMAND --help`
// prints it; empty for another name.
std::string usageOf(const std::string& name);
// Whether the arguments ask for the usage: a --help or -h before any "--" (after "--", "--help"
// is a key).
bool asksForHelp(const Args& args);

// Runs `name` if it is one of the commands above (`name --help` prints its usage on io.out);
// returns -1 when it is not.
int dispatch(const std::string& name, const Args& args, Io io);

} // namespace fg::cli
