// `fieldguide-lab --serve`: the loop the app's LabClient talks to (docs/lab-protocol.md). It reads
// one JSON request per line from its input, answers each in order on its output (one line each,
// written at once), and passes the services' progress sentences on as they come. "pg.*" goes to
// a PgService and "redis.*" to a RedisService, each made on first use; "hello" says the version
// and which labs can run here. Bad input (a line that is not JSON, one without an id or an op,
// an unknown op, a line over kMaxRequestBytes) is answered with a sentence, never a crash.
//
// It ends on end of input (exit status 0), or on SIGTERM, SIGINT or SIGHUP (exit status 128 plus
// the signal's number), having stopped every server and removed their folders first. The app
// starts it with SIGTERM as its parent-death signal, so it does the same when the app is killed.
#pragma once

#include <cstddef>
#include <string>

namespace fg::lab {

// The longest request line taken (64 MiB: a million keys fit many times over). A longer one is
// answered with an error naming the limit, and skipped.
inline constexpr std::size_t kMaxRequestBytes = std::size_t{64} << 20;

struct ServeOptions {
    std::string version; // what "hello" answers, e.g. "0.1.0"
    int inFd = 0;        // requests
    int outFd = 1;       // answers
};

// Runs the loop until end of input or a quit signal; returns the exit status. Installs handlers
// for SIGTERM, SIGINT and SIGHUP (they only wake the loop) and ignores SIGPIPE.
// REQUIRES: a QCoreApplication exists; called once per process.
int serveLab(const ServeOptions& options);

} // namespace fg::lab
