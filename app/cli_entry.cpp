#include "cli_entry.h"

#include "cli/commands.h"

#include <iostream>

namespace fg::app {

int runCommandLine(int argc, char** argv) {
    if (argc < 2) {
        return -1;
    }
    const std::string name = argv[1];
    fg::cli::Args args(argv + 2, argv + argc);
    std::ios::sync_with_stdio(false);
    return fg::cli::dispatch(name, args, {std::cin, std::cout, std::cerr});
}

} // namespace fg::app
