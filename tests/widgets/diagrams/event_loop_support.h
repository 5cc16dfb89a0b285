// Shared by the tests of long work off the UI thread (B-Tree vs LSM's runs, a page's big
// diagram): how long the window stays frozen, measured as a user feels it.
#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <algorithm>

// Runs the event loop until `done` or `ms` pass; returns the longest time, in ms, the loop did
// not answer a 5 ms timer (what a user feels as a frozen window).
template <class Done>
qint64 longestStall(Done done, int ms) {
    QElapsedTimer clock, sinceTick;
    clock.start();
    sinceTick.start();
    qint64 worst = 0;
    QTimer tick;
    tick.setInterval(5);
    QObject::connect(&tick, &QTimer::timeout,
                     [&] { worst = std::max(worst, sinceTick.restart()); });
    tick.start();
    while (!done() && clock.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        worst = std::max(worst, sinceTick.elapsed());
    }
    return worst;
}
