// A tiny owner of lab servers for test_lab_servers: `lab_owner redis|postgres` starts a lab,
// prints "folder PATH", a "pid PID" line per server process and "ready", then waits to be killed
// (the test sends SIGKILL, as a crash would).
#include "lab/lab_folder.h"
#include "lab/pg_lab.h"
#include "lab/redis_lab.h"

#include <QCoreApplication>
#include <QThread>
#include <cstdio>
#include <cstring>
#include <unistd.h>

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const bool redis = argc > 1 && std::strcmp(argv[1], "redis") == 0;
    std::unique_ptr<fg::lab::RedisLab> redisLab;
    std::unique_ptr<fg::lab::PgLab> pgLab;
    fg::Status s =
        redis ? fg::lab::RedisLab::start({}, &redisLab) : fg::lab::PgLab::startPrivate({}, &pgLab);
    if (!s) {
        std::fprintf(stderr, "lab_owner: %s\n", s.message().c_str());
        return 1;
    }
    const QString folder = redis ? redisLab->folder() : pgLab->folder();
    std::printf("folder %s\n", qPrintable(folder));
    for (const qint64 pid : fg::lab::processesWorkingIn(folder)) {
        std::printf("pid %lld\n", static_cast<long long>(pid));
    }
    std::printf("ready\n");
    std::fflush(stdout);
    while (true) {
        ::pause();
    }
}
