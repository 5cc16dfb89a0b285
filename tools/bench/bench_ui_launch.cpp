// Launch time (a benchmark, not a test): from starting the process to its first painted window,
// for fieldguide (course loaded, reader laid out) and for a bare Qt window built in the same run,
// median of 7 runs each, on the platform given by QT_QPA_PLATFORM (offscreen by default).
// Run: cmake --build build --target benchmarks fieldguide && build/tools/bench_ui_launch
#include "tools/bench/bench_table.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

double medianLaunchMs(const QString& program, QStringList args) {
    std::vector<double> ms;
    for (int run = 0; run < 7; ++run) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("FIELDGUIDE_FIRST_PAINT_PROBE", "1");
        if (!env.contains("QT_QPA_PLATFORM")) {
            env.insert("QT_QPA_PLATFORM", "offscreen");
        }
        env.insert("HOME", "/tmp/fieldguide-bench-home"); // no remembered window state
        p.setProcessEnvironment(env);
        QElapsedTimer t;
        t.start();
        p.start(program, args);
        if (!p.waitForStarted(10000)) {
            return -1;
        }
        while (!p.readAllStandardOutput().contains("first-paint")) {
            if (!p.waitForReadyRead(20000)) {
                return -1;
            }
        }
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
        p.waitForFinished(10000);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QString dir = QCoreApplication::applicationDirPath();
    const double bare = medianLaunchMs(dir + "/bench_ui_bare_window", {});
    const double fg = medianLaunchMs(dir + "/../app/fieldguide", {});
    fg::bench::row("launch", "start to first painted window (median of 7)", fg::bench::ms(fg, 0),
                   "bare Qt window: " + fg::bench::ms(bare, 0));
    return bare < 0 || fg < 0 ? 1 : 0;
}
