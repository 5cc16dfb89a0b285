// Shared by the live diagrams' chart checks (test_diagram_clipping in English, test_pseudo_locale
// in the longer made-up language): at 1280x800 and 1920x1080, no legend covers a plotted point,
// the highest and the last points keep off the frame, and the vertical axis title fits.
#pragma once

#include "tests/widgets/diagrams/frame_faults.h"
#include "widgets/diagrams/diagram_view.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QStringList>
#include <qcustomplot.h>
#include <vector>

// Every plotted point of `chart` in pixels: each graph's data and each bar's top.
inline QList<QPointF> plottedPoints(QCustomPlot* chart) {
    QList<QPointF> points;
    for (int i = 0; i < chart->plottableCount(); ++i) {
        QCPAbstractPlottable* p = chart->plottable(i);
        if (auto* g = qobject_cast<QCPGraph*>(p)) {
            for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it) {
                points << QPointF(g->keyAxis()->coordToPixel(it->key),
                                  g->valueAxis()->coordToPixel(it->value));
            }
        } else if (auto* b = qobject_cast<QCPBars*>(p)) {
            for (auto it = b->data()->constBegin(); it != b->data()->constEnd(); ++it) {
                points << QPointF(b->keyAxis()->coordToPixel(it->key),
                                  b->valueAxis()->coordToPixel(it->value));
            }
        }
    }
    return points;
}

// Every fault of the chart under `view` (none when it has no chart), in each of `themes`, at the
// first, a middle and the last step, each said once.
inline QStringList chartFaultsOf(fg::DiagramView& view, const std::vector<fg::Theme>& themes) {
    QCustomPlot* chart = view.chart();
    if (!chart) {
        return {};
    }
    QStringList faults, hidden;
    // The page beside the window's sidebar (about 240 pixels) and under its menu and tabs.
    for (const QSize window : {QSize(1280, 800), QSize(1920, 1080)}) {
        view.resize(window - QSize(240, 80));
        view.show();
        for (const fg::Theme& theme : themes) {
            view.setTheme(theme);
            for (int step : stepsOf(view)) {
                view.panel()->player()->seek(step);
                QCoreApplication::processEvents();
                if (!chart->isVisible()) {
                    // Hidden to leave the drawing room (DiagramView::kLeastDrawingType): no
                    // words of it on screen, a line with a link to show it instead.
                    hidden << QStringLiteral("%1x%2 %3 step %4")
                                  .arg(window.width())
                                  .arg(window.height())
                                  .arg(theme.name())
                                  .arg(step);
                    continue;
                }
                chart->replot(QCustomPlot::rpImmediateRefresh);
                const QString where = QStringLiteral("%1x%2 %3 step %4: ")
                                          .arg(window.width())
                                          .arg(window.height())
                                          .arg(theme.name())
                                          .arg(step);
                const QRect plot = chart->axisRect()->rect();
                const QRect legend = chart->legend->visible() && chart->legend->layer()
                                         ? chart->legend->outerRect()
                                         : QRect();
                for (const QPointF& p : plottedPoints(chart)) {
                    if (!plot.adjusted(-1, -1, 1, 1).contains(p.toPoint())) {
                        continue; // outside the range shown (before the step on screen)
                    }
                    if (legend.contains(p.toPoint())) {
                        faults << where + QStringLiteral("the legend covers a point");
                    }
                    if (p.y() < plot.top() + 3) {
                        faults << where + QStringLiteral("a point on the top frame");
                    }
                    if (p.x() > plot.right() - 3) {
                        faults << where + QStringLiteral("a point on the right frame");
                    }
                }
                const QFontMetrics fm(chart->yAxis->labelFont());
                if (fm.horizontalAdvance(chart->yAxis->label()) > plot.height()) {
                    faults << where + QStringLiteral("the vertical axis title \"%1\" is cut")
                                          .arg(chart->yAxis->label());
                }
            }
        }
    }
    // At 1920x1080 every chart is shown: the check reads some.
    for (const QString& h : hidden) {
        if (h.startsWith(QLatin1String("1920x1080"))) {
            faults << h + QStringLiteral(": the chart is hidden");
        }
    }
    faults.removeDuplicates();
    return faults;
}
