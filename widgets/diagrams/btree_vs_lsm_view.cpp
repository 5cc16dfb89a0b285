#include "widgets/diagrams/btree_vs_lsm_view.h"

#include "engines/btree/btree.h"
#include "engines/core/rng.h"
#include "engines/lsm/lsm_tree.h"
#include "models/theme/theme.h"
#include "widgets/canvas/chart_style.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPicture>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace fg {

namespace {
constexpr double kPageBytes = 8192; // PostgreSQL's page size
constexpr double kEntryBytes = 24;  // an 8-byte key, an 8-byte value, 8 bytes of overhead
} // namespace

WorkloadResult runWorkload(int inserts, int lookups, int order, int memtable, std::uint64_t seed) {
    WorkloadResult r;
    const btree::BTreeEngine bt(btree::Params::withOrder(order));
    auto bs = bt.emptyState();
    const lsm::LsmEngine lt({memtable, 4, 10, 10, false});
    lsm::LsmState ls;
    SilentSink<btree::Step, btree::State> bsilent;
    SilentSink<lsm::LsmStep, lsm::LsmState> lsilent;
    Rng rng(seed);
    std::vector<std::int64_t> inserted;
    inserted.reserve(static_cast<std::size_t>(inserts));
    for (int i = 0; i < inserts; ++i) {
        const auto k = rng.uniform(0, 99'999'999);
        inserted.push_back(k);
        bt.apply(bs, btree::Op::insert(k), bsilent);
        char key[12];
        std::snprintf(key, sizeof key, "%08lld", static_cast<long long>(k));
        lt.apply(ls, {lsm::LsmOp::Kind::Put, key, "vvvvvvvv"}, lsilent);
    }
    const auto writesBefore = bs.stats.pageReads;
    const auto readsBefore = ls.stats.tablesRead;
    for (int i = 0; i < lookups; ++i) { // lookups of keys that exist
        const auto k = inserted[static_cast<std::size_t>(rng.uniform(0, inserts - 1))];
        bt.apply(bs, btree::Op::search(k), bsilent);
        char key[12];
        std::snprintf(key, sizeof key, "%08lld", static_cast<long long>(k));
        lt.apply(ls, {lsm::LsmOp::Kind::Get, key, {}}, lsilent);
    }
    r.btreeBytesWritten = static_cast<double>(bs.stats.pageWrites) * kPageBytes;
    r.lsmBytesWritten = static_cast<double>(ls.stats.diskBytesWritten);
    r.userBytes = static_cast<double>(inserts) * kEntryBytes;
    r.btreeReadsPerLookup =
        lookups ? static_cast<double>(bs.stats.pageReads - writesBefore) / lookups : 0;
    // Every table actually read (bloom false positives included), plus the memtable check.
    r.lsmTablesPerLookup =
        lookups ? static_cast<double>(ls.stats.tablesRead - readsBefore) / lookups : 0;
    return r;
}

BTreeVsLsmView::BTreeVsLsmView(QWidget* parent) : QWidget(parent) {
    auto* column = new QVBoxLayout(this);
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Random inserts:"), this));
    inserts_ = new QSpinBox(this);
    inserts_->setRange(1000, 200'000);
    inserts_->setSingleStep(10'000);
    inserts_->setValue(50'000);
    inserts_->setAccessibleName(tr("Random inserts"));
    inserts_->setToolTip(tr("How many random keys both engines insert"));
    row->addWidget(inserts_);
    row->addWidget(new QLabel(tr("B-Tree order:"), this));
    order_ = new QSpinBox(this);
    order_->setRange(3, 64);
    order_->setValue(64);
    order_->setAccessibleName(tr("B-Tree order"));
    order_->setToolTip(tr("The most children a B-Tree node may have"));
    row->addWidget(order_);
    auto* go = new QPushButton(tr("Run the workload"), this);
    go->setAccessibleName(tr("Run the workload"));
    go->setToolTip(tr("Insert the keys into a B-Tree and an LSM-tree; compare bytes written and "
                      "reads per lookup"));
    connect(go, &QPushButton::clicked, this, &BTreeVsLsmView::run);
    row->addWidget(go);
    row->addStretch(1);
    column->addLayout(row);
    auto* charts = new QHBoxLayout;
    writes_ = new QCustomPlot(this);
    writes_->setAccessibleName(tr("Bytes written to disk"));
    reads_ = new QCustomPlot(this);
    reads_->setAccessibleName(tr("Reads per lookup"));
    charts->addWidget(writes_);
    charts->addWidget(reads_);
    column->addLayout(charts, 1);
    summary_ = new QLabel(this);
    summary_->setWordWrap(true);
    summary_->setAccessibleName(tr("Summary"));
    column->addWidget(summary_);
    setTheme(Theme::light());
    run();
}

void BTreeVsLsmView::setTheme(const Theme& t) {
    text_ = t.text;
    for (QCustomPlot* p : {writes_, reads_}) {
        styleChart(p, t);
        p->replot();
    }
}

void BTreeVsLsmView::paintCharts(QPainter& p, QSizeF size) const {
    const qreal margin = 0.03 * std::min(size.width(), size.height());
    const qreal summaryH = 0.1 * size.height();
    const qreal w = (size.width() - 3 * margin) / 2, h = size.height() - 2 * margin - summaryH;
    int i = 0;
    for (QCustomPlot* chart : {writes_, reads_}) {
        // QCustomPlot draws itself on a QCPPainter; recording that into a QPicture and replaying
        // it keeps every line and letter a vector on any device.
        QPicture picture;
        QCPPainter painter(&picture);
        chart->toPainter(&painter, qRound(w), qRound(h));
        painter.end();
        p.drawPicture(QPointF(margin + i++ * (w + margin), margin), picture);
    }
    p.save();
    p.setPen(text_);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(std::max(10, qRound(summaryH * 0.3)));
    p.setFont(font);
    p.drawText(
        QRectF(margin, size.height() - margin - summaryH, size.width() - 2 * margin, summaryH),
        Qt::AlignCenter | Qt::TextWordWrap, summary_->text());
    p.restore();
}

void BTreeVsLsmView::run() {
    const int n = inserts_->value();
    std::vector<WorkloadResult> points;
    QVector<double> xs;
    for (int step = 1; step <= 5; ++step) {
        xs << double(n * step / 5);
        points.push_back(runWorkload(n * step / 5, 2000, order_->value(), 1000, 42));
    }
    auto plot = [&](QCustomPlot* p, const QString& yLabel, auto btree, auto lsm,
                    const QString& bName, const QString& lName) {
        p->clearGraphs();
        QVector<double> b, l;
        for (const auto& r : points) {
            b << btree(r);
            l << lsm(r);
        }
        const Theme t = Theme::light();
        QCPGraph* gb = p->addGraph();
        gb->setData(xs, b);
        gb->setPen(QPen(t.categorical[0], 3));
        gb->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, 8));
        gb->setName(bName);
        QCPGraph* gl = p->addGraph();
        gl->setData(xs, l);
        gl->setPen(QPen(t.categorical[1], 3, Qt::DashLine));
        gl->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 8));
        gl->setName(lName);
        p->xAxis->setLabel(tr("keys inserted"));
        p->yAxis->setLabel(yLabel);
        p->legend->setVisible(true);
        p->rescaleAxes();
        p->yAxis->setRangeLower(0);
        p->replot();
    };
    plot(
        writes_, tr("MB written to disk"),
        [](const WorkloadResult& r) { return r.btreeBytesWritten / 1e6; },
        [](const WorkloadResult& r) { return r.lsmBytesWritten / 1e6; }, tr("B-Tree (8 KB pages)"),
        tr("LSM-tree (flush + compaction)"));
    plot(
        reads_, tr("reads per lookup"),
        [](const WorkloadResult& r) { return r.btreeReadsPerLookup; },
        [](const WorkloadResult& r) { return r.lsmTablesPerLookup; }, tr("B-Tree: pages read"),
        tr("LSM-tree: tables read (after bloom filters)"));
    const auto& r = points.back();
    summary_->setText(
        tr("For %1 random inserts of %2 bytes (%3 MB of data): the B-Tree wrote %4 MB (each "
           "insert rewrites its 8 KB page), the LSM-tree %5 MB (write amplification %6x). "
           "A lookup read %7 pages in the B-Tree and %8 tables in the LSM-tree.")
            .arg(n)
            .arg(kEntryBytes)
            .arg(r.userBytes / 1e6, 0, 'f', 1)
            .arg(r.btreeBytesWritten / 1e6, 0, 'f', 0)
            .arg(r.lsmBytesWritten / 1e6, 0, 'f', 1)
            .arg(r.lsmBytesWritten / r.userBytes, 0, 'f', 1)
            .arg(r.btreeReadsPerLookup, 0, 'f', 2)
            .arg(r.lsmTablesPerLookup, 0, 'f', 2));
}

} // namespace fg
