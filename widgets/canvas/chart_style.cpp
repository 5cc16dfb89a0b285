#include "widgets/canvas/chart_style.h"

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
    chart->legend->setFont(font);
    chart->legend->setBrush(theme.surface);
    chart->legend->setTextColor(theme.text);
    chart->legend->setBorderPen(QPen(theme.line));
}

} // namespace fg
