// A tiny app for test_lab_serve: `lab_client_owner [OP]` starts the Lab's helper through LabClient
// (as a Lab page does), asks it OP (default "hello"; "pg.start" or "redis.start" start servers),
// prints "helper PID" and "ready" once it has answered, then waits to be killed (the test sends
// SIGKILL, as a crash would).
#include "tests/lab/child_process.h"
#include "widgets/lab/lab_client.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <cstdio>
#include <unistd.h>

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    fg::LabClient client;
    const QString op = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("hello");
    client.call(op, {}, nullptr, [op](const fg::Status& status, const nlohmann::json&) {
        if (!status) {
            std::fprintf(stderr, "lab_client_owner: %s: %s\n", qPrintable(op),
                         status.message().c_str());
            QCoreApplication::exit(1);
            return;
        }
        std::printf("helper %lld\nready\n", static_cast<long long>(fg::lab::test::childProcess()));
        std::fflush(stdout);
    });
    return app.exec();
}
