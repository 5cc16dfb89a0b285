// `fieldguide lab btree` and `fieldguide lab redis` (docs/cli.md): the Lab without a display.
// Each starts its private servers (cleaning first what a crashed app left), runs the same keys
// through the real system and through the model, prints both, and stops the servers. Exit
// status: 0; 1 when a server cannot start or fails (the message says why); 2 for bad usage or
// input (a budget of 1,000,000 keys, refused before any server starts).
#pragma once

#include "engines/cli/commands.h"

#include <string>

namespace fg::lab {

// `fieldguide lab ARGS...`. REQUIRES: a QCoreApplication exists.
int labCommand(const cli::Args& args, cli::Io io);

// The usage `fieldguide lab --help` prints.
std::string labUsage();

} // namespace fg::lab
