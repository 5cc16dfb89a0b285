// Runs the app's program (FIELDGUIDE_BIN) as a user runs a command, with no display, and
// returns its exit status and output: the command-line tests' one way to call it.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// How long a command may take before the test gives up (not a speed bound: benchmarks measure
// speed). Under AddressSanitizer programs run 3-5 times slower, and the suite shares 2 cores.
#ifdef __SANITIZE_ADDRESS__
inline constexpr int kCommandWaitMs = 300'000;
#else
inline constexpr int kCommandWaitMs = 60'000;
#endif

struct CommandResult {
    int exit = -1;
    QByteArray out, err;
};

inline CommandResult runTool(const QStringList& args, const QString& contentDir = {},
                             const QStringList& extraEnv = {}, const QByteArray& input = {}) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY");
    env.remove("WAYLAND_DISPLAY");
    env.remove("XDG_RUNTIME_DIR");
    if (!contentDir.isEmpty()) {
        env.insert("FIELDGUIDE_CONTENT_DIR", contentDir);
    }
    for (const QString& kv : extraEnv) {
        env.insert(kv.section('=', 0, 0), kv.section('=', 1));
    }
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(FIELDGUIDE_BIN), args);
    p.waitForStarted(10000);
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(kCommandWaitMs);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(),
            p.readAllStandardError()};
}
