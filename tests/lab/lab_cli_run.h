// `fieldguide lab ...` run as a user runs it, for the lab suites' command-line tests: the exit
// status (-2 for a crash, -1 when it did not start or end within 2 minutes), stdout and stderr.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

namespace fg::lab::test {

struct LabCliResult {
    int exit = -1;
    QByteArray out;
    QByteArray err;
};

inline LabCliResult
runLabCli(const QString& program, const QStringList& args, const QByteArray& input = {},
          const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment()) {
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, QStringList{QStringLiteral("lab")} + args);
    if (!p.waitForStarted(10000)) {
        return {};
    }
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

} // namespace fg::lab::test
