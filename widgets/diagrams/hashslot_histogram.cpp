#include "widgets/diagrams/hashslot_histogram.h"

#include "widgets/diagrams/hashslot_diagram.h"

#include <QCoreApplication>
#include <QObject>
#include <qcustomplot.h>

namespace fg {

namespace {

// The words of this file go to translators under fg::HashSlotHistogram (tr() and lupdate agree).
struct HashSlotHistogramWords {
    Q_DECLARE_TR_FUNCTIONS(fg::HashSlotHistogram)
};

} // namespace

void setUpKeysHistogram(QCustomPlot* plot) {
    plot->xAxis->setLabel(HashSlotHistogramWords::tr("master node"));
    plot->yAxis->setLabel(HashSlotHistogramWords::tr("keys"));
    // Keys are counted: whole numbers on the axis ("0.25 keys" was nonsense).
    auto counts = QSharedPointer<QCPAxisTickerFixed>::create();
    counts->setTickStep(1.0);
    counts->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    plot->yAxis->setTicker(counts);
    plot->yAxis->setNumberFormat(QStringLiteral("f"));
    plot->yAxis->setNumberPrecision(0);
    // No legend (each bar is named on the axis): out of the layout too, where its empty row left
    // a band over the plot.
    // Taken from the layout that holds it (QCustomPlot starts it in the axis rect's inset
    // layout; asking the plot's layout printed "Element not in this layout" at every start).
    plot->legend->setVisible(false);
    if (QCPLayout* holder = plot->legend->layout(); holder && holder->take(plot->legend)) {
        plot->plotLayout()->simplify();
    }
}

void drawKeysHistogram(QCustomPlot* plot, const std::vector<KeysBar>& bars, const Theme& theme) {
    plot->clearPlottables();
    // One bar per master, in the colour the diagram gives that node (by its id: a node added
    // later keeps its colour in both).
    double top = 1;
    for (std::size_t i = 0; i < bars.size(); ++i) {
        auto* bar = new QCPBars(plot->xAxis, plot->yAxis);
        bar->setData({double(i)}, {bars[i].keys}, true);
        bar->setWidth(0.6);
        const QColor c = HashslotDiagram::nodeColor(theme, bars[i].node);
        bar->setPen(
            QPen(c.darker(130), theme.lineWidth, HashslotDiagram::nodeBorder(bars[i].node)));
        QColor fill = c;
        fill.setAlpha(170);
        bar->setBrush(fill);
        top = std::max(top, bars[i].keys);
    }
    plot->xAxis->setRange(-0.6, std::max<double>(1, double(bars.size())) - 0.4);
    plot->yAxis->setRange(0, top * 1.15);
    plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace fg
