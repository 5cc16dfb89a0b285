#include "widgets/canvas/chart_style.h"

#include <QFontMetrics>
#include <algorithm>
#include <qcustomplot.h>

namespace fg {

void styleChart(QCustomPlot* chart, const Theme& theme) {
    chart->setBackground(theme.background);
    QFont font = chart->font();
    font.setPointSizeF(9 * theme.fontScale);
    for (QCPAxis* axis : {chart->xAxis, chart->yAxis, chart->xAxis2, chart->yAxis2}) {
        const QPen pen(theme.line, theme.lineWidth / 1.5);
        axis->setBasePen(pen);
        axis->setTickPen(pen);
        axis->setSubTickPen(pen);
        axis->setTickLabelColor(theme.text);
        axis->setLabelColor(theme.text);
        axis->setTickLabelFont(font);
        axis->setLabelFont(font);
        axis->grid()->setPen(
            QPen(theme.surface.darker(theme.kind == Theme::Kind::Dark ? 60 : 110)));
    }
    // As many labels on a vertical axis as fit its height: with the projector's larger type the
    // default five (or more) overlap in a short chart. Counted again before every replot, as
    // the chart is resized.
    if (!chart->property("fgTicksFit").toBool()) {
        chart->setProperty("fgTicksFit", true);
        QObject::connect(chart, &QCustomPlot::beforeReplot, chart, [chart] {
            for (QCPAxis* axis : {chart->yAxis, chart->yAxis2}) {
                if (!axis || !axis->ticker()) {
                    continue;
                }
                const int line = QFontMetrics(axis->tickLabelFont()).height();
                const int room = axis->axisRect() ? axis->axisRect()->height() : chart->height();
                axis->ticker()->setTickCount(std::clamp(room / std::max(1, 3 * line), 2, 5));
            }
        });
    }
    chart->legend->setFont(font);
    chart->legend->setBrush(theme.surface);
    chart->legend->setTextColor(theme.text);
    chart->legend->setBorderPen(QPen(theme.line));
}

} // namespace fg
