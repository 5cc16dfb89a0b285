#include "widgets/diagrams/btree_vs_lsm_view.h"

#include "models/theme/theme.h"
#include "widgets/canvas/chart_style.h"
#include "widgets/controls/range_box.h"
#include "widgets/diagrams/flow_layout.h"

#include <QFontMetricsF>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPicture>
#include <QProgressBar>
#include <QPushButton>
#include <QResizeEvent>
#include <QShortcut>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <atomic>
#include <functional>
#include <qcustomplot.h>

namespace fg {

WorkloadResult runWorkload(int inserts, int lookups, int order, int memtable, std::uint64_t seed) {
    concepts::WorkloadParams p;
    p.inserts = inserts;
    p.lookups = lookups;
    p.order = order;
    p.memtable = memtable;
    p.seed = seed;
    p.points = 1;
    const auto points = concepts::runWorkloadCurve(p);
    return points && !points->empty() ? points->back() : WorkloadResult{};
}

// A run in progress, shared by the view and its worker thread. The worker writes `result` and
// then sets `done` (release); the view reads `result` only after joining the thread.
struct BTreeVsLsmView::Job {
    concepts::WorkloadParams params;
    std::atomic<bool> cancel{false};
    std::atomic<bool> done{false};
    std::atomic<int> permille{0};
    std::optional<std::vector<WorkloadResult>> result;
};

namespace {

constexpr int kLookups = 2000;
constexpr int kMemtable = 1000;
constexpr std::uint64_t kSeed = 42;
constexpr int kPoints = 5;
constexpr int kPollMs = 30;

// The legend has a row of its own above the plot (as the diagrams' charts, diagram_view.cpp), so
// it never covers a point; its two entries stacked, as their names are long.
void legendAbove(QCustomPlot* chart) {
    placeLegendAbove(chart);
    chart->legend->setFillOrder(QCPLayoutGrid::foRowsFirst);
    chart->legend->setMargins(QMargins(6, 4, 6, 4));
}

// Side by side, the two plots start at one height: the legend of two entries takes the room of
// the one of three (the plots' tops were 15 px apart, on the desk and on a slide).
void alignPlotTops(QCustomPlot* a, QCustomPlot* b) {
    int tallest = 0;
    for (QCustomPlot* c : {a, b}) {
        c->legend->setMinimumSize(0, 0);
        tallest = std::max(tallest, c->legend->minimumOuterSizeHint().height());
    }
    for (QCustomPlot* c : {a, b}) {
        const QMargins m = c->legend->margins();
        c->legend->setMinimumSize(0, tallest - m.top() - m.bottom());
    }
}

QString thousands(std::int64_t n) {
    return QLocale(QLocale::English).toString(static_cast<qlonglong>(n));
}

} // namespace

BTreeVsLsmView::BTreeVsLsmView(QWidget* parent) : QWidget(parent) {
    auto* column = new QVBoxLayout(this);
    // The controls wrap onto a second line on a narrow page instead of widening the window.
    auto* row = new FlowLayout;
    column->addLayout(row);
    auto* insertsLabel = new QLabel(tr("Random inserts:"), this);
    row->addWidget(insertsLabel);
    inserts_ = new RangeSpinBox(this);
    insertsLabel->setBuddy(inserts_);
    inserts_->setRange(1000, 200'000);
    inserts_->setSingleStep(10'000);
    inserts_->setValue(50'000);
    inserts_->setGroupSeparatorShown(true);
    inserts_->setAccessibleName(tr("Random inserts"));
    inserts_->setToolTip(tr("How many random keys both engines insert: from %1 to %2 (a larger "
                            "run would take minutes)")
                             .arg(thousands(inserts_->minimum()), thousands(inserts_->maximum())));
    row->addWidget(inserts_);
    auto* orderLabel = new QLabel(tr("B-Tree order:"), this);
    row->addWidget(orderLabel);
    order_ = new RangeSpinBox(this);
    orderLabel->setBuddy(order_);
    order_->setRange(3, 64);
    order_->setValue(64);
    order_->setAccessibleName(tr("B-Tree order"));
    order_->setToolTip(tr("The most children a B-Tree node may have"));
    row->addWidget(order_);
    go_ = new QPushButton(tr("Run the workload"), this);
    go_->setAccessibleName(tr("Run the workload"));
    go_->setToolTip(tr("Insert the keys into a B-Tree and an LSM-tree; compare bytes written and "
                       "reads per lookup"));
    // A click leaves the focus in a number box, as the diagrams' buttons do: the number typed
    // there is taken when the run starts, and what a number out of range became is said then
    // (taken as the click took the focus, its note went with the click's action: a tester's
    // 99,999,999 inserts ran as 200,000 without a word).
    go_->setFocusPolicy(Qt::TabFocus);
    connect(go_, &QPushButton::clicked, this, &BTreeVsLsmView::runOrCancel);
    row->addWidget(go_);
    // Esc stops a run, as it stops every long job in the app; enabled only while one runs, so
    // that it never takes Esc from anything else.
    escape_ = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    escape_->setContext(Qt::WidgetWithChildrenShortcut);
    escape_->setEnabled(false);
    connect(escape_, &QShortcut::activated, this, &BTreeVsLsmView::cancel);
    progress_ = new QProgressBar(this);
    progress_->setRange(0, 1000);
    progress_->setFormat(tr("%p% done"));
    progress_->setAccessibleName(tr("Progress of the run"));
    progress_->setMinimumWidth(160);
    // Keeps its place in the row when hidden, so the row does not jump when a run starts.
    QSizePolicy keep = progress_->sizePolicy();
    keep.setRetainSizeWhenHidden(true);
    progress_->setSizePolicy(keep);
    progress_->hide();
    row->addWidget(progress_);
    row->addStretch(1);
    // What happened to a number typed out of a box's range: said under the controls until that
    // box is typed in again.
    rangeNote_ = new RangeNoteLabel(this);
    column->addWidget(rangeNote_);
    // Side by side; one above the other on a page narrower than both (in the projector's type
    // with the search open at 1280 px their legends asked 816 px and squeezed the sidebar).
    auto* charts = new QBoxLayout(QBoxLayout::LeftToRight);
    charts_ = charts;
    row_ = row;
    writes_ = new QCustomPlot(this);
    writes_->setAccessibleName(tr("Bytes written to disk"));
    // The B-Tree's bytes are its worst case (a tester read them as PostgreSQL's).
    writes_->setToolTip(tr("The B-Tree's bytes are the worst case, with no page cache: every "
                           "insert writes its 8 KB page. PostgreSQL logs each insert in its "
                           "write-ahead log and writes a changed page once per checkpoint, so "
                           "many inserts share one page write."));
    reads_ = new QCustomPlot(this);
    reads_->setAccessibleName(tr("Reads per lookup"));
    for (QCustomPlot* chart : {writes_, reads_}) {
        legendAbove(chart);
        charts->addWidget(chart);
    }
    column->addLayout(charts, 1);
    summary_ = new QLabel(this);
    summary_->setWordWrap(true);
    summary_->setAccessibleDescription(tr("Summary"));
    summary_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    column->addWidget(summary_);
    poll_ = new QTimer(this);
    poll_->setInterval(kPollMs);
    connect(poll_, &QTimer::timeout, this, &BTreeVsLsmView::poll);
    setTheme(Theme::light());
    start();
}

QLabel* BTreeVsLsmView::rangeNote() {
    return rangeNote_;
}

void BTreeVsLsmView::sayOutOfRange(const QString& text) {
    rangeNote_->say(text);
}

BTreeVsLsmView::~BTreeVsLsmView() {
    if (job_) {
        job_->cancel.store(true);
        worker_.join();
    }
}

namespace {
// A chart's least width (QCustomPlot's own is protected; QWidget's is public and the same).
int leastWidth(const QWidget* w) {
    return w->minimumSizeHint().width();
}
} // namespace

QSize BTreeVsLsmView::minimumSizeHint() const {
    QSize s = QWidget::minimumSizeHint();
    const QMargins m = layout()->contentsMargins();
    s.setWidth(std::max({row_->minimumSize().width(), leastWidth(writes_), leastWidth(reads_)}) +
               m.left() + m.right());
    return s;
}

void BTreeVsLsmView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    const QMargins m = layout()->contentsMargins();
    const int both =
        leastWidth(writes_) + charts_->spacing() + leastWidth(reads_) + m.left() + m.right();
    charts_->setDirection(width() < both ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight);
}

QString BTreeVsLsmView::summaryText() const {
    return summary_->text();
}

void BTreeVsLsmView::setTheme(const Theme& t) {
    text_ = t.text;
    series_ = t.series;
    // Three lines whatever the text says, so the charts keep their size (and are not redrawn)
    // when the summary changes between "Running...", "Cancelled" and a result.
    summary_->setMinimumHeight(3 * summary_->fontMetrics().lineSpacing() + 4);
    for (QCustomPlot* p : {writes_, reads_}) {
        styleChart(p, t);
        // The lines of a result already drawn take the theme's colours (graph i is tone i).
        for (int i = 0; i < p->graphCount() && i < int(series_.size()); ++i) {
            QPen pen = p->graph(i)->pen();
            pen.setColor(series_[std::size_t(i)]);
            p->graph(i)->setPen(pen);
        }
    }
    alignPlotTops(writes_, reads_);
    for (QCustomPlot* p : {writes_, reads_}) {
        p->replot(QCustomPlot::rpQueuedReplot);
    }
}

void BTreeVsLsmView::paintCharts(QPainter& p, QSizeF size) const {
    const qreal margin = 0.03 * std::min(size.width(), size.height());
    // The summary under the charts, wrapped, in a band as tall as its lines (it was cut at the
    // bottom of a narrow picture).
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(std::max(10, qRound(std::min(size.width(), size.height()) * 0.03)));
    const int flags = Qt::AlignCenter | Qt::TextWordWrap;
    const qreal summaryH = QFontMetricsF(font)
                               .boundingRect(QRectF(0, 0, size.width() - 2 * margin, size.height()),
                                             flags, summary_->text())
                               .height() +
                           margin;
    // Side by side in a wide picture; one above the other in a narrow one (a handout's column),
    // so that each chart has the width its axis labels and legend need.
    const bool stacked = size.width() < 1.2 * size.height();
    const qreal room = size.height() - 2 * margin - summaryH;
    const qreal w = stacked ? size.width() - 2 * margin : (size.width() - 3 * margin) / 2;
    const qreal h = stacked ? (room - margin) / 2 : room;
    {
        // The charts' letters at least 0.6 of the summary's (the widget's 9 pt were 7 px tall in a
        // 1920x1080 export, under a 32 px summary: tester 47); as they were after.
        const int chartPx = qRound(font.pixelSize() * 0.6);
        const ChartTextAtLeast writesText(writes_, chartPx), readsText(reads_, chartPx);
        // The legend in one row when it fits the width, else one item a row (it was cut).
        for (QCustomPlot* chart : {writes_, reads_}) {
            qreal legendW = 0;
            for (int k = 0; k < chart->legend->itemCount(); ++k) {
                legendW += chart->legend->item(k)->minimumOuterSizeHint().width();
            }
            chart->legend->setWrap(legendW > w - 16 ? 1 : 0);
        }
        alignPlotTops(writes_, reads_);
        int i = 0;
        for (QCustomPlot* chart : {writes_, reads_}) {
            // QCustomPlot draws itself on a QCPPainter; recording that into a QPicture and
            // replaying it keeps every line and letter a vector on any device.
            QPicture picture;
            QCPPainter painter(&picture);
            paintChart(chart, painter, QSize(qRound(w), qRound(h)));
            painter.end();
            p.drawPicture(stacked ? QPointF(margin, margin + i * (h + margin))
                                  : QPointF(margin + i * (w + margin), margin),
                          picture);
            ++i;
        }
    }
    for (QCustomPlot* chart : {writes_, reads_}) {
        chart->legend->setWrap(0); // the page's own: one item a row
    }
    alignPlotTops(writes_, reads_);
    p.save();
    p.setPen(text_);
    p.setFont(font);
    p.drawText(
        QRectF(margin, size.height() - margin - summaryH, size.width() - 2 * margin, summaryH),
        flags, summary_->text());
    p.restore();
}

void BTreeVsLsmView::runOrCancel() {
    if (job_) {
        cancel();
    } else {
        start();
    }
}

void BTreeVsLsmView::start() {
    if (job_) {
        return;
    }
    // A note about a number typed for an earlier run goes (it stayed through later runs, a
    // tester); one said in this action (the number that starts this run) stays.
    rangeNote_->nextAction();
    inserts_->interpretText();
    order_->interpretText();
    auto job = std::make_shared<Job>();
    job->params.inserts = inserts_->value();
    job->params.lookups = kLookups;
    job->params.order = order_->value();
    job->params.memtable = kMemtable;
    job->params.seed = kSeed;
    job->params.points = kPoints;
    worker_ = std::thread([job] {
        job->result = concepts::runWorkloadCurve(job->params, &job->cancel, [&job](double f) {
            job->permille.store(static_cast<int>(f * 1000), std::memory_order_relaxed);
        });
        job->done.store(true, std::memory_order_release);
    });
    job_ = std::move(job);
    setRunning(true);
    summary_->setText(
        shownInserts_ > 0
            ? tr("Running %1 random inserts through both engines. The charts show the last "
                 "complete run (%2 inserts) until this one ends.")
                  .arg(thousands(job_->params.inserts), thousands(shownInserts_))
            : tr("Running %1 random inserts through both engines.")
                  .arg(thousands(job_->params.inserts)));
}

void BTreeVsLsmView::cancel() {
    if (!job_) {
        return;
    }
    job_->cancel.store(true);
    finish();
}

void BTreeVsLsmView::poll() {
    if (!job_) {
        return;
    }
    progress_->setValue(job_->permille.load(std::memory_order_relaxed));
    if (job_->done.load(std::memory_order_acquire)) {
        finish();
    }
}

void BTreeVsLsmView::waitForRun() {
    if (job_) {
        finish();
    }
}

void BTreeVsLsmView::finish() {
    worker_.join();
    const std::shared_ptr<Job> job = std::move(job_);
    setRunning(false);
    if (job->result && !job->result->empty()) {
        showResult(*job->result);
        return;
    }
    summary_->setText(shownInserts_ > 0
                          ? tr("Cancelled. The charts still show the run of %1 inserts.")
                                .arg(thousands(shownInserts_))
                          : tr("Cancelled. Press \"Run the workload\" to run it again."));
}

void BTreeVsLsmView::setRunning(bool running) {
    go_->setText(running ? tr("Cancel") : tr("Run the workload"));
    go_->setToolTip(running ? tr("Stop the run; the charts keep the last complete result")
                            : tr("Insert the keys into a B-Tree and an LSM-tree; compare bytes "
                                 "written and reads per lookup"));
    progress_->setValue(0);
    progress_->setVisible(running);
    escape_->setEnabled(running);
    if (running) {
        poll_->start();
    } else {
        poll_->stop();
    }
}

void BTreeVsLsmView::showResult(const std::vector<WorkloadResult>& points) {
    QVector<double> xs;
    for (const auto& r : points) {
        xs << double(r.inserts);
    }
    const double lastX = xs.isEmpty() ? 1 : xs.back();
    // One line per measure: its name, its value at a point, its colour and its look (a line
    // style and a marker: colour is never the only cue).
    struct Series {
        QString name;
        std::function<double(const WorkloadResult&)> value;
        int tone;
        Qt::PenStyle line;
        QCPScatterStyle::ScatterShape marker;
    };
    // `logY`: a scale of powers of ten, for measures a hundred times apart (the LSM-tree's line
    // lay flat on zero under the B-Tree's on a linear scale).
    auto plot = [&](QCustomPlot* p, const QString& yLabel, const std::vector<Series>& series,
                    bool logY) {
        p->clearGraphs();
        double top = 0;
        double least = 0;
        for (const Series& s : series) {
            QVector<double> ys;
            for (const auto& r : points) {
                ys << s.value(r);
                top = std::max(top, ys.back());
                if (ys.back() > 0) {
                    least = least > 0 ? std::min(least, ys.back()) : ys.back();
                }
            }
            QCPGraph* g = p->addGraph();
            g->setData(xs, ys);
            g->setPen(QPen(series_[std::size_t(s.tone)], 3, s.line));
            g->setScatterStyle(QCPScatterStyle(s.marker, 8));
            g->setName(s.name);
        }
        p->xAxis->setLabel(tr("keys inserted"));
        p->yAxis->setLabel(yLabel);
        // Headroom: the highest point and the last one sit inside the frame, markers whole.
        p->xAxis->setRange(0, lastX * 1.05);
        if (logY && least > 0) {
            if (p->yAxis->scaleType() != QCPAxis::stLogarithmic) {
                p->yAxis->setScaleType(QCPAxis::stLogarithmic);
                p->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
                p->yAxis->setNumberFormat(QStringLiteral("g"));
            }
            // Headroom on a log scale is a factor: half a power of ten above and below.
            p->yAxis->setRange(least / 3, top * 3);
        } else {
            if (p->yAxis->scaleType() != QCPAxis::stLinear) {
                p->yAxis->setScaleType(QCPAxis::stLinear);
                p->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
            }
            p->yAxis->setRange(0, top > 0 ? top * 1.15 : 1);
        }
        p->replot(QCustomPlot::rpQueuedReplot);
    };
    plot(writes_, tr("MB written to disk (log scale)"),
         {{tr("B-Tree (8 KB pages)"),
           [](const WorkloadResult& r) { return r.btreeBytesWritten / 1e6; }, 0, Qt::SolidLine,
           QCPScatterStyle::ssSquare},
          {tr("LSM-tree (flush + compaction)"),
           [](const WorkloadResult& r) { return r.lsmBytesWritten / 1e6; }, 1, Qt::DashLine,
           QCPScatterStyle::ssCircle}},
         true);
    // Reads: what a lookup looks at in each, counted the same way (one place = one page or one
    // table). A fresh tester read "LSM-tree: fewer reads" off the old chart (tables read after
    // the bloom filters, about one) under a summary saying reads are the B-Tree's strength: the
    // tables the LSM-tree must check, bloom filters or not, are drawn too, and the summary says
    // what the bloom filters change.
    plot(reads_, tr("places looked at per lookup"),
         {{tr("B-Tree: pages read (one per level)"),
           [](const WorkloadResult& r) { return r.btreeReadsPerLookup; }, 0, Qt::SolidLine,
           QCPScatterStyle::ssSquare},
          {tr("LSM-tree: tables that may hold the key"),
           [](const WorkloadResult& r) { return r.lsmTablesCheckedPerLookup; }, 1, Qt::DashLine,
           QCPScatterStyle::ssCircle},
          {tr("LSM-tree: tables read past the filters"),
           [](const WorkloadResult& r) { return r.lsmTablesPerLookup; }, 2, Qt::DotLine,
           QCPScatterStyle::ssTriangle}},
         false);
    alignPlotTops(writes_, reads_); // the legends have their entries now
    const auto& r = points.back();
    shownInserts_ = static_cast<int>(r.inserts);
    summary_->setText(
        tr("For %1 random inserts of %2 bytes (%3 MB of data): the B-Tree wrote %4 MB (each "
           "insert rewrites its 8 KB page: no cache), the LSM-tree %5 MB (write amplification "
           "%6x): writes are the LSM-tree's strength. A lookup read %7 pages of the B-Tree, one "
           "per level; "
           "all but the leaf usually stay in memory, so about one comes from disk. In the "
           "LSM-tree %8 tables could hold the key; their bloom filters (kept in memory) ruled "
           "out all but %9. So point lookups come out close, thanks to the filters. Reads stay "
           "the B-Tree's strength where filters cannot help: a range scan in an LSM-tree must "
           "merge every level, and lookups slow down while compaction lags behind (more "
           "tables to check).")
            .arg(thousands(r.inserts))
            .arg(concepts::kEntryBytes)
            .arg(r.userBytes / 1e6, 0, 'f', 1)
            .arg(r.btreeBytesWritten / 1e6, 0, 'f', 0)
            .arg(r.lsmBytesWritten / 1e6, 0, 'f', 1)
            .arg(r.lsmBytesWritten / r.userBytes, 0, 'f', 1)
            .arg(r.btreeReadsPerLookup, 0, 'f', 2)
            .arg(r.lsmTablesCheckedPerLookup, 0, 'f', 2)
            .arg(r.lsmTablesPerLookup, 0, 'f', 2));
}

} // namespace fg
