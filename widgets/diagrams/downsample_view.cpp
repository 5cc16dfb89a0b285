#include "diagrams/downsample_view.h"

#include "diagrams/downsample_diagram.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace fg {

using Kind = timeseries::TieredOp::Kind;

namespace {

constexpr std::int64_t kHour = 3'600'000;

timeseries::TieredOp ingestHours(std::int64_t fromMs, int hours, std::uint64_t seed) {
    timeseries::TieredOp op;
    op.kind = Kind::Ingest;
    op.generate = timeseries::Generator{fromMs, fromMs + hours * kHour, 5000, seed, "sine"};
    return op;
}

timeseries::TieredOp advanceHours(int hours) {
    timeseries::TieredOp op;
    op.kind = Kind::Advance;
    op.byMs = hours * kHour;
    return op;
}

} // namespace

DownsampleView::DownsampleView(QWidget* parent) : QWidget(parent) {
    auto* column = new QVBoxLayout(this);
    auto* row = new QHBoxLayout;
    auto button = [&](const QString& text, auto onClick) {
        auto* b = new QPushButton(text, this);
        b->setAccessibleName(text);
        connect(b, &QPushButton::clicked, this, onClick);
        row->addWidget(b);
    };
    button(tr("Ingest 3 more hours"), [this] {
        const auto s =
            diagram_ ? diagram_->stateAt(diagram_->stepCount() - 1) : timeseries::TieredState{};
        addOp(ingestHours(s.started ? s.now + 5000 : 0, 3, ops_.size() + 1));
    });
    button(tr("Let 1 hour pass"), [this] { addOp(advanceHours(1)); });
    button(tr("Let 6 hours pass"), [this] { addOp(advanceHours(6)); });
    button(tr("Query the last 30 minutes"), [this] {
        const auto s = diagram_->stateAt(diagram_->stepCount() - 1);
        timeseries::TieredOp q;
        q.kind = Kind::Query;
        q.from = s.now - kHour / 2;
        q.to = s.now;
        addOp(q);
    });
    button(tr("Query the first hour"), [this] {
        timeseries::TieredOp q;
        q.kind = Kind::Query;
        q.from = 0;
        q.to = kHour;
        addOp(q);
    });
    row->addStretch(1);
    column->addLayout(row);

    auto* split = new QSplitter(Qt::Vertical, this);
    panel_ = new DiagramPanel(split);
    chart_ = new QCustomPlot(split);
    chart_->setAccessibleName(tr("Chart of the stored series"));
    chart_->setMinimumHeight(220);
    chart_->legend->setVisible(true);
    split->addWidget(panel_);
    split->addWidget(chart_);
    column->addWidget(split, 1);
    counters_ = new QLabel(this);
    counters_->setAccessibleName(tr("Counters"));
    column->addWidget(counters_);
    connect(panel_->player(), &Player::positionChanged, this, &DownsampleView::refresh);

    setScenario({ingestHours(0, 3, 1), advanceHours(1), ingestHours(3 * kHour + 5000, 1, 2)});
    panel_->player()->toEnd();
}

void DownsampleView::setTheme(const Theme& theme) {
    theme_ = theme;
    panel_->setTheme(theme);
    refresh();
}

void DownsampleView::setScenario(std::vector<timeseries::TieredOp> ops) {
    ops_ = std::move(ops);
    rebuild(-1);
}

void DownsampleView::addOp(const timeseries::TieredOp& op) {
    const int firstNew = diagram_ ? diagram_->stepCount() : 0;
    ops_.push_back(op);
    rebuild(firstNew - 1);
    panel_->player()->play();
}

void DownsampleView::rebuild(int position) {
    auto d = std::make_unique<DownsampleDiagram>(timeseries::TieredStore::defaultTiers(), ops_);
    diagram_ = d.get();
    panel_->setSource(std::move(d));
    panel_->player()->seek(position);
    refresh();
}

void DownsampleView::refresh() {
    if (!diagram_) {
        return;
    }
    const auto s = diagram_->stateAt(panel_->player()->position());
    const auto& tiers = diagram_->timeline().engine().tiers();
    // QCustomPlot does not follow the palette: colour it from the theme.
    chart_->setBackground(theme_.background);
    for (QCPAxis* axis : {chart_->xAxis, chart_->yAxis}) {
        axis->setBasePen(QPen(theme_.line));
        axis->setTickPen(QPen(theme_.line));
        axis->setSubTickPen(QPen(theme_.line));
        axis->setTickLabelColor(theme_.text);
        axis->setLabelColor(theme_.text);
        axis->grid()->setPen(
            QPen(theme_.surface.darker(theme_.kind == Theme::Kind::Dark ? 60 : 110)));
    }
    chart_->legend->setBrush(theme_.surface);
    chart_->legend->setTextColor(theme_.text);
    chart_->legend->setBorderPen(QPen(theme_.line));
    chart_->clearGraphs();
    chart_->xAxis->setLabel(tr("time (hours since the first point)"));
    chart_->yAxis->setLabel(tr("value"));
    for (std::size_t i = 0; i < tiers.size(); ++i) {
        QVector<double> x, avg, lo, hi;
        for (const auto& [start, b] : s.tiers[i].blocks) {
            if (tiers[i].raw) {
                for (const auto& p : b.points) {
                    x << double(p.t) / double(kHour);
                    avg << p.v;
                }
            } else {
                for (const auto& [bs, a] : b.buckets) {
                    x << double(bs) / double(kHour);
                    avg << a.avg();
                    lo << a.min;
                    hi << a.max;
                }
            }
        }
        const QColor c = theme_.categorical[i % 7];
        if (!tiers[i].raw) { // the min-max band first, under the average
            QCPGraph* low = chart_->addGraph();
            QCPGraph* high = chart_->addGraph();
            low->setData(x, lo, true);
            high->setData(x, hi, true);
            QColor band = c;
            band.setAlpha(50);
            low->setPen(Qt::NoPen);
            high->setPen(Qt::NoPen);
            high->setBrush(band);
            high->setChannelFillGraph(low);
            low->removeFromLegend();
            high->setName(tr("%1 min-max").arg(QString::fromStdString(tiers[i].name)));
        }
        QCPGraph* g = chart_->addGraph();
        g->setData(x, avg, true);
        g->setPen(QPen(c, tiers[i].raw ? 1 : 2.5 * theme_.lineWidth / 1.5));
        g->setName(tiers[i].raw ? tr("raw")
                                : tr("%1 average").arg(QString::fromStdString(tiers[i].name)));
    }
    chart_->rescaleAxes();
    chart_->replot();
    counters_->setText(
        tr("Points ingested: %1   Blocks dropped: %2 (%3 rows, %3 Cassandra tombstones avoided)   "
           "Queries: %4   Rows scanned: %5   Blocks read / skipped: %6 / %7")
            .arg(s.stats.ingested)
            .arg(s.stats.blocksDropped)
            .arg(s.stats.rowsDropped)
            .arg(s.stats.queries)
            .arg(s.stats.rowsScanned)
            .arg(s.stats.partitionsRead)
            .arg(s.stats.partitionsSkipped));
}

} // namespace fg
