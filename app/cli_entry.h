// The command line of docs/cli.md. Engine subcommands (slot, partition, run, downsample,
// compress) run without any Qt application object, so a million keys from stdin start at once;
// the others (list, export, --help, --version) need the content and the renderers, and lab a
// QCoreApplication for the servers it starts.
#pragma once

namespace fg::app {

// Returns the exit status when argv named a subcommand or option of the CLI, or -1 when the
// desktop app should open.
int runCommandLine(int argc, char** argv);

} // namespace fg::app
