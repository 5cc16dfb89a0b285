#include "widgets/lab/lsm_amp_chart.h"

#include "widgets/canvas/chart_style.h"

#include <QVBoxLayout>
#include <algorithm>
#include <qcustomplot.h>

namespace fg {

LsmAmpChart::LsmAmpChart(QWidget* parent) : QWidget(parent), theme_(Theme::light()) {
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    plot_ = new QCustomPlot(this);
    plot_->setAccessibleName(tr("Write amplification as the run goes, RocksDB and the model"));
    plot_->setMinimumHeight(240);
    v->addWidget(plot_);
    for (const QString& name : {tr("RocksDB (its statistics)"), tr("The model")}) {
        QCPGraph* g = plot_->addGraph();
        g->setName(name);
        g->setLineStyle(QCPGraph::lsStepLeft); // the ratio holds until the next moment
    }
    plot_->xAxis->setLabel(tr("operations of the scenario done"));
    plot_->yAxis->setLabel(tr("write amplification"));
    plot_->legend->setVisible(true);
    placeLegendAbove(plot_);
    plot_->legend->setFillOrder(QCPLegend::foColumnsFirst); // one row: the plot keeps the room
    // Whole operations on the axis (no "2.5").
    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setTickStep(1.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    plot_->xAxis->setTicker(ticker);
    marker_ = new QCPItemStraightLine(plot_);
    marker_->setVisible(false);
    restyle();
}

void LsmAmpChart::setRun(const lab::LsmLabRun& run) {
    ops_.clear();
    QVector<double> real, model;
    for (const lab::LsmMoment& m : run.moments) {
        ops_.push_back(m.op + 1);
        real.push_back(m.realWriteAmp);
        model.push_back(m.modelWriteAmp);
    }
    const QVector<double> x(ops_.begin(), ops_.end());
    plot_->graph(0)->setData(x, real, true);
    plot_->graph(1)->setData(x, model, true);
    const double top =
        std::max({1.0, real.isEmpty() ? 0.0 : *std::max_element(real.begin(), real.end()),
                  model.isEmpty() ? 0.0 : *std::max_element(model.begin(), model.end())});
    plot_->xAxis->setRange(0, ops_.empty() ? 1 : ops_.back() + 1);
    plot_->yAxis->setRange(0, top * 1.1);
    setMoment(ops_.empty() ? -1 : static_cast<int>(ops_.size()) - 1);
}

void LsmAmpChart::setMoment(int moment) {
    const bool shown = moment >= 0 && moment < static_cast<int>(ops_.size());
    marker_->setVisible(shown);
    if (shown) {
        const double x = ops_[static_cast<std::size_t>(moment)];
        marker_->point1->setCoords(x, 0);
        marker_->point2->setCoords(x, 1);
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

double LsmAmpChart::markedOperation() const {
    return marker_->visible() ? marker_->point1->coords().x() : 0;
}

void LsmAmpChart::setTheme(const Theme& theme) {
    theme_ = theme;
    restyle();
}

void LsmAmpChart::restyle() {
    styleChart(plot_, theme_);
    // RocksDB in the accent colour, solid; the model in the text colour, dashed: told apart
    // without colour too.
    plot_->graph(0)->setPen(QPen(theme_.accent, 2.5 * theme_.lineWidth));
    plot_->graph(1)->setPen(QPen(theme_.text, 2 * theme_.lineWidth, Qt::DashLine));
    marker_->setPen(QPen(theme_.mutedText, theme_.lineWidth, Qt::DotLine));
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace fg
