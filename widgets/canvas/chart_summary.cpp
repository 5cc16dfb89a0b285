#include "widgets/canvas/chart_summary.h"

#include "widgets/controls/own_focus.h"

#include <QCoreApplication>
#include <QStringList>
#include <algorithm>
#include <qcustomplot.h>

namespace fg {

namespace {

struct Words {
    Q_DECLARE_TR_FUNCTIONS(ChartSummary)
};

QString chartNumber(double v) {
    return QString::number(v, 'g', 4);
}

QString axisText(const QCPAxis* axis) {
    return axis->label().isEmpty() ? QString() : axis->label().simplified();
}

QString seriesText(QCPAbstractPlottable* p, const QString& along) {
    QCPPlottableInterface1D* data = p->interface1D();
    const QString name = p->name().isEmpty() ? Words::tr("A series") : p->name();
    if (!data || data->dataCount() == 0) {
        return Words::tr("%1: no points yet.").arg(name);
    }
    const int n = data->dataCount();
    double least = data->dataMainValue(0), most = least;
    for (int i = 1; i < n; ++i) {
        least = std::min(least, data->dataMainValue(i));
        most = std::max(most, data->dataMainValue(i));
    }
    const QString last = along.isEmpty()
                             ? Words::tr("last %1").arg(chartNumber(data->dataMainValue(n - 1)))
                             : Words::tr("last %1 at %2 %3")
                                   .arg(chartNumber(data->dataMainValue(n - 1)), along,
                                        chartNumber(data->dataMainKey(n - 1)));
    return Words::tr("%1: %n points, from %2 to %3, %4.", nullptr, n)
        .arg(name, chartNumber(least), chartNumber(most), last);
}

} // namespace

QString chartSummary(QCustomPlot& chart) {
    QStringList parts;
    const QString across = axisText(chart.xAxis), up = axisText(chart.yAxis);
    if (!across.isEmpty() || !up.isEmpty()) {
        parts << Words::tr("Across: %1; up: %2.").arg(across, up);
    }
    for (int i = 0; i < chart.plottableCount(); ++i) {
        QCPAbstractPlottable* p = chart.plottable(i);
        if (p->visible()) {
            parts << seriesText(p, across);
        }
    }
    if (parts.isEmpty()) {
        return Words::tr("An empty chart.");
    }
    return parts.join(QLatin1Char(' '));
}

void describeAfterReplot(QCustomPlot* chart) {
    keepOwnFocus(chart); // a chart, focused only with the focus itself
    QObject::connect(chart, &QCustomPlot::afterReplot, chart, [chart] {
        const QString text = chartSummary(*chart);
        if (text != chart->accessibleDescription()) {
            chart->setAccessibleDescription(text);
        }
    });
}

} // namespace fg
