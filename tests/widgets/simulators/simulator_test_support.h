// Helpers the simulator views' tests share: saving a view for a person to look at, and reading a
// chart's bars.
#pragma once

#include <QApplication>
#include <QByteArray>
#include <QDir>
#include <QTest>
#include <QWidget>
#include <algorithm>
#include <qcustomplot.h>
#include <utility>
#include <vector>

namespace simulator_test {

// Saves the view when FG_SAVE_FIGURES names a folder.
inline void maybeSave(QWidget* view, const QString& name) {
    const QByteArray dir = qgetenv("FG_SAVE_FIGURES");
    if (dir.isEmpty()) {
        return;
    }
    QDir().mkpath(QString::fromLocal8Bit(dir));
    view->resize(1100, 900);
    view->show();
    QApplication::processEvents();
    QVERIFY(view->grab().save(QDir(QString::fromLocal8Bit(dir)).filePath(name + ".png")));
}

// All bars of a chart as (key, value), in key order.
inline std::vector<std::pair<double, double>> bars(QCustomPlot* plot) {
    std::vector<std::pair<double, double>> out;
    for (int i = 0; i < plot->plottableCount(); ++i) {
        if (auto* b = qobject_cast<QCPBars*>(plot->plottable(i))) {
            for (auto it = b->data()->constBegin(); it != b->data()->constEnd(); ++it) {
                out.emplace_back(it->key, it->value);
            }
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace simulator_test
