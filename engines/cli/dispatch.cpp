#include "cli/commands.h"

namespace fg::cli {

int dispatch(const std::string& name, const Args& args, Io io) {
    (void)name;
    (void)args;
    (void)io;
    return -1;
}

} // namespace fg::cli
