#include "engines/cli/commands.h"

namespace fg::cli {

int dispatch(const std::string& name, const Args& args, Io io) {
    if (name == "slot") {
        return slot(args, io);
    }
    if (name == "partition") {
        return partition(args, io);
    }
    if (name == "downsample") {
        return downsample(args, io);
    }
    if (name == "compress") {
        return compress(args, io);
    }
    if (name == "run") {
        return run(args, io);
    }
    return -1;
}

} // namespace fg::cli
