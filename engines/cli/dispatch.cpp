#include "engines/cli/commands.h"

#include <cerrno>
#include <cstring>
#include <ostream>

namespace fg::cli {

int finishOutput(const std::string& command, Io io) {
    if (io.out) {
        errno = 0; // a stream already failed keeps the errno of its failed write
        io.out.flush();
        if (io.out) {
            return kOk;
        }
    }
    const int error = errno;
    io.err << "fieldguide " << command
           << ": could not write the output: " << (error ? std::strerror(error) : "write error")
           << "\n";
    return kRuntime;
}

int exitFor(const Status& s) {
    return s.isFailure() ? kRuntime : kUsage;
}

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
