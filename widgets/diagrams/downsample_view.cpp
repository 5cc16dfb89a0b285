#include "widgets/diagrams/downsample_view.h"

#include "widgets/canvas/canvas_scroll.h"
#include "widgets/canvas/counted.h"
#include "widgets/canvas/diagram_canvas.h"

#include <QHBoxLayout>
#include <QMouseEvent>
#include <QWheelEvent>
#include <nlohmann/json.hpp>
#include <qcustomplot.h>

namespace fg {

using timeseries::TieredOp;

namespace {

constexpr std::int64_t kHourMs = 3'600'000;

TieredOp ingestHours(std::int64_t fromMs, int hours, std::uint64_t seed) {
    return TieredOp::ingest(
        timeseries::Generator{fromMs, fromMs + hours * kHourMs, 5000, seed, "sine"});
}

TieredOp advanceHours(int hours) {
    return TieredOp::advanceBy(hours * kHourMs);
}

} // namespace

Status DownsampleViewTraits::parse(const nlohmann::json& json, Scenario& out) {
    return parseDownsampleScenario(json, out);
}

nlohmann::json DownsampleViewTraits::write(const Scenario& scenario) {
    return writeDownsampleScenario(scenario);
}

std::unique_ptr<DownsampleDiagram>
DownsampleViewTraits::diagram(Scenario scenario, std::optional<KeepOnly> only, BuildWatch* watch) {
    return std::make_unique<DownsampleDiagram>(std::move(scenario.tiers), std::move(scenario.ops),
                                               only, watch);
}

bool DownsampleViewTraits::keyEvent(const DownsampleDiagram::Step& step) {
    // Retention drops whole blocks.
    return step.kind == timeseries::StepKind::kRetentionDrop;
}

DownsampleView::DownsampleView(QWidget* parent)
    : StepView(parent, {timeseries::TieredStore::defaultTiers(), {}, true}) {
    addButton(tr("Ingest 3 more hours"),
              tr("Write three more hours of points at 5-second resolution"), [this] {
                  const auto s = diagram() ? diagram()->stateAt(diagram()->stepCount() - 1)
                                           : timeseries::TieredState{};
                  addOp(ingestHours(s.started ? s.now + 5000 : 0, 3, ops().size() + 1));
              });
    addButton(tr("Let 1 hour pass"),
              tr("Move the clock on one hour: rollups run, expired raw blocks are dropped"),
              [this] { addOp(advanceHours(1)); });
    addButton(tr("Let 6 hours pass"),
              tr("Move the clock on six hours: rollups run, expired blocks are dropped"),
              [this] { addOp(advanceHours(6)); });
    addButton(tr("Query the last 30 minutes"),
              tr("Read the last half hour from the finest tier that still holds it"), [this] {
                  const auto s = diagram()->stateAt(diagram()->stepCount() - 1);
                  addOp(TieredOp::query(s.now - kHourMs / 2, s.now));
              });
    addButton(tr("Query the first hour"),
              tr("Read the first hour: raw points if kept, else a coarser rollup"),
              [this] { addOp(TieredOp::query(0, kHourMs)); });
    addPreset(tr("A day of 5-second points, then a day passes: raw and minute data expire, "
                 "hourly rollups stay"),
              [this] {
                  setScenario({ingestHours(0, 24, 7), advanceHours(2), advanceHours(22)});
              });
    addPreset(tr("Queries pick the finest tier that still holds their range"), [this] {
        setScenario({ingestHours(0, 12, 3),
                     TieredOp::query(11 * kHourMs + kHourMs / 2, 12 * kHourMs),
                     TieredOp::query(0, 6 * kHourMs)});
    });
    finishControls();
    controls()->addStretch(1);
    auto* plot = addChart(tr("Chart of the stored series"));
    plot->setMinimumHeight(220);
    connect(panel()->canvas(), &DiagramCanvas::viewChanged, this, &DownsampleView::shapeToCanvas);
    connect(panel()->canvas(), &DiagramCanvas::viewChanged, this, &DownsampleView::lineUpTimeAxis);
    plot->setToolTip(tr("Drag or Ctrl+wheel here to pan or zoom the time axis with the drawing"));
    openDefaultScenario();
}

bool DownsampleView::eventFilter(QObject* watched, QEvent* event) {
    if (watched != chart()) { // the chart's filter is the page (addChart)
        return StepView::eventFilter(watched, event);
    }
    DiagramCanvas* canvas = panel()->canvas();
    switch (event->type()) {
    case QEvent::Wheel:
        if (auto* e = static_cast<QWheelEvent*>(event); e->modifiers() & Qt::ControlModifier) {
            canvas->zoomBy(e->angleDelta().y() > 0 ? 1.15 : 1 / 1.15);
            return true;
        }
        break;
    case QEvent::MouseButtonPress:
        if (auto* e = static_cast<QMouseEvent*>(event); e->button() == Qt::LeftButton) {
            dragFrom_ = e->position();
            return true;
        }
        break;
    case QEvent::MouseMove:
        if (auto* e = static_cast<QMouseEvent*>(event); e->buttons() & Qt::LeftButton) {
            // Across only: the chart's time runs left to right, as the drawing's does.
            canvas->panBy(QPointF(e->position().x() - dragFrom_.x(), 0));
            dragFrom_ = e->position();
            return true;
        }
        break;
    default:
        break;
    }
    return StepView::eventFilter(watched, event);
}

void DownsampleView::setScenario(std::vector<TieredOp> ops) {
    setScenario(timeseries::TieredStore::defaultTiers(), std::move(ops));
}

void DownsampleView::setScenario(std::vector<timeseries::Tier> tiers, std::vector<TieredOp> ops) {
    setScenario({std::move(tiers), std::move(ops), true});
}

void DownsampleView::refresh() {
    shapeToCanvas(); // a theme's type changes the drawing's shape
    const timeseries::TieredState* shown = stateOnScreen();
    if (!shown) {
        return;
    }
    const auto& s = *shown;
    const auto& tiers = diagram()->timeline().engine().tiers();
    QCustomPlot* chart_ = chart();
    const Theme& theme_ = theme();
    chart_->clearGraphs();
    chart_->yAxis->setLabel(tr("value"));
    for (std::size_t i = 0; i < tiers.size(); ++i) {
        QVector<double> x, avg, lo, hi;
        for (const auto& [start, b] : s.tiers[i].blocks) {
            if (tiers[i].raw) {
                for (const auto& p : b.points) {
                    x << double(p.t) / double(kHourMs);
                    avg << p.v;
                }
            } else {
                // A bucket holds its value over the time it covers, start to end: drawn at its
                // start alone, the newest bucket was a lone end point (the 1h band stopped an
                // hour early).
                for (const auto& [bs, a] : b.buckets) {
                    for (const std::int64_t at : {bs, bs + tiers[i].resolutionMs}) {
                        x << double(at) / double(kHourMs);
                        avg << a.avg();
                        lo << a.min;
                        hi << a.max;
                    }
                }
            }
        }
        // The lane's tone, as the diagram draws it: seen on the ground (3:1; Okabe-Ito's blue
        // raw line was faint on Dark).
        const QColor c = theme_.toneStroke(QString(QChar('a' + static_cast<int>(i % 7))));
        if (!tiers[i].raw) { // the min-max band first, under the average
            QCPGraph* low = chart_->addGraph();
            QCPGraph* high = chart_->addGraph();
            low->setData(x, lo, true);
            high->setData(x, hi, true);
            // The band a see-through fill with its edges drawn (the legend's swatch is the
            // same): a fill alone at 50/255 all but vanished on Dark and in the legend.
            const bool darkGround = theme_.background.lightnessF() < 0.5;
            QColor band = c;
            band.setAlpha(darkGround ? 90 : 60);
            QColor edge = c;
            edge.setAlpha(darkGround ? 200 : 150);
            low->setPen(QPen(edge, 1));
            high->setPen(QPen(edge, 1));
            high->setBrush(band);
            high->setChannelFillGraph(low);
            low->removeFromLegend();
            high->setName(tr("%1 min-max").arg(QString::fromStdString(tiers[i].name)));
        }
        QCPGraph* g = chart_->addGraph();
        g->setData(x, avg, true);
        g->setPen(QPen(c, tiers[i].raw ? theme_.lineWidth : 2.5 * theme_.lineWidth / 1.5));
        if (tiers[i].raw) {
            // Over the rollups' bands (drawn after it, they hid the 1 px raw line on Dark).
            if (!chart_->layer(QStringLiteral("raw"))) {
                chart_->addLayer(QStringLiteral("raw"), chart_->layer(QStringLiteral("main")),
                                 QCustomPlot::limAbove);
            }
            g->setLayer(QStringLiteral("raw"));
        }
        g->setName(tiers[i].raw ? tr("raw")
                                : tr("%1 average").arg(QString::fromStdString(tiers[i].name)));
    }
    // The diagram's ticks and labels, on the diagram's axis (lineUpTimeAxis), and room above
    // and below the data.
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (const auto& [ms, label] : diagram()->axisTicks()) {
        ticker->addTick(double(ms) / double(kHourMs), label);
    }
    chart_->xAxis->setTicker(ticker);
    bool found = false;
    QCPRange all(0, 1);
    for (int g = 0; g < chart_->graphCount(); ++g) {
        bool ok = false;
        const QCPRange r = chart_->graph(g)->getValueRange(ok);
        if (ok) {
            all = found ? QCPRange(std::min(all.lower, r.lower), std::max(all.upper, r.upper)) : r;
            found = true;
        }
    }
    const double pad = std::max(1.0, all.size() * 0.12);
    chart_->yAxis->setRange(all.lower - pad, all.upper + pad);
    lineUpTimeAxis();
    const int dropped = int(s.stats.rowsDropped);
    setCounters(
        tr("Points ingested: %1   Blocks dropped: %2 (%3, %4 avoided)   "
           "Queries: %5   Rows scanned: %6   Blocks read / skipped: %7 / %8")
            .arg(s.stats.ingested)
            .arg(s.stats.blocksDropped)
            .arg(inEnglishNumber(tr("%n row(s)", nullptr, dropped), dropped),
                 inEnglishNumber(tr("%n Cassandra tombstone(s)", nullptr, dropped), dropped))
            .arg(s.stats.queries)
            .arg(s.stats.rowsScanned)
            .arg(s.stats.partitionsRead)
            .arg(s.stats.partitionsSkipped));
}

void DownsampleView::shapeToCanvas() {
    const DownsampleDiagram* d = diagram();
    DiagramCanvas* canvas = panel()->canvas();
    if (!d || !canvas->fitted() || canvas->width() <= 0 || canvas->height() <= 0) {
        return;
    }
    const QSizeF room = drawingRoom(canvas->size());
    if (room.isEmpty()) {
        return;
    }
    const qreal shaped = d->axisUnitsFor(room, theme());
    if (std::abs(shaped - d->axisUnits()) <= kReshapeAt * d->axisUnits()) {
        return;
    }
    d->setAxisUnits(shaped, theme());
    if (canvas->source() == d) {
        canvas->refreshFrames();
    }
}

QSizeF DownsampleView::drawingIn(QSizeF room, QSizeF drawing) const {
    const DownsampleDiagram* d = diagram();
    return d && !room.isEmpty() ? d->frameSizeAt(d->axisUnitsFor(room, theme()), theme()) : drawing;
}

void DownsampleView::lineUpTimeAxis() {
    QCustomPlot* plot = chart();
    const DownsampleDiagram* d = diagram();
    if (!plot || !d) {
        return;
    }
    const double start = double(d->axisStart()) / double(kHourMs);
    const double end = double(d->axisEnd()) / double(kHourMs);
    // Where the plot will be drawn (the layout a replot does first: the margins follow the
    // vertical axis's labels), and where the drawing's axis is, both in the chart's pixels.
    for (const auto phase : {QCPLayoutElement::upPreparation, QCPLayoutElement::upMargins,
                             QCPLayoutElement::upLayout}) {
        plot->plotLayout()->update(phase);
    }
    const QRect plotArea = plot->axisRect()->rect();
    const DiagramCanvas* canvas = panel()->canvas();
    const auto [from, to] = d->axisX(theme());
    const QTransform shown = canvas->transformAtRest();
    const qreal origin = plot->mapFrom(this, canvas->mapTo(this, QPoint(0, 0))).x();
    const qreal x0 = origin + shown.map(QPointF(from, 0)).x();
    const qreal x1 = origin + shown.map(QPointF(to, 0)).x();
    const bool under = chartUnderDrawing() && canvas->source() && x1 - x0 >= 40 &&
                       plotArea.width() > 0 && x0 < plotArea.right() && x1 > plotArea.left();
    if (under) {
        // The hours at the plot's left and right edges, read off the drawing's axis.
        const double perPixel = (end - start) / (x1 - x0);
        plot->xAxis->setRange(start + (plotArea.left() - x0) * perPixel,
                              start + (plotArea.left() + plotArea.width() - x0) * perPixel);
        plot->xAxis->setLabel(tr("time, lined up with the diagram above"));
    } else {
        plot->xAxis->setRange(start, end);
        plot->xAxis->setLabel(tr("time"));
    }
    plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace fg
