#include "widgets/simulators/cache_view.h"

#include "widgets/controls/range_box.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QSpinBox>
#include <qcustomplot.h>

namespace fg {

using concepts::CachePattern;

CacheView::CacheView(QWidget* parent)
    : SimulatorView(
          tr("Cache patterns. A cache keeps copies of some database values in fast memory; a hit "
             "is a read the cache answers, a miss goes to the database. A stale read returns an "
             "older value than the last write of its key; an unsaved read returns the newest "
             "value, but one only the cache holds yet (the database does not have it). The "
             "workload: 10 operations per tick (one step "
             "of time) on keys where a few are very popular (Zipf-like: key k is asked with "
             "weight 1/(k+1)^s); a full cache drops the least recently used entry; TTL (time to "
             "live) drops an entry that many ticks after it was stored. Cache-aside: the "
             "application fills the cache on a miss, writes go to the database only. "
             "Read-through: the cache fills itself (same numbers, different code). "
             "Write-through: writes go to the database and the cache together. Write-behind: "
             "writes go to the cache and reach the database later."),
          parent) {
    auto* row = addRow();
    pattern_ = new QComboBox(this);
    pattern_->addItem(tr("cache-aside"), int(CachePattern::CacheAside));
    pattern_->addItem(tr("read-through"), int(CachePattern::ReadThrough));
    pattern_->addItem(tr("write-through"), int(CachePattern::WriteThrough));
    pattern_->addItem(tr("write-behind"), int(CachePattern::WriteBehind));
    addLabelled(row, tr("Pattern:"), pattern_);
    const auto spin = [this](int lo, int hi, int value) {
        auto* s = new RangeSpinBox(this);
        s->setRange(lo, hi);
        s->setValue(value);
        connect(s, &QSpinBox::valueChanged, this, [this] { refresh(); });
        return s;
    };
    keys_ = spin(1, 10000, 100);
    addLabelled(row, tr("Keys:"), keys_);
    zipf_ = new RangeDoubleSpinBox(this);
    zipf_->setRange(0, 3);
    zipf_->setSingleStep(0.1);
    zipf_->setValue(1.0);
    connect(zipf_, &QDoubleSpinBox::valueChanged, this, [this] { refresh(); });
    addLabelled(row, tr("Popularity skew s:"), zipf_);
    readPercent_ = spin(0, 100, 90);
    readPercent_->setSuffix(tr(" %"));
    addLabelled(row, tr("Reads:"), readPercent_);
    capacity_ = spin(0, 10000, 20);
    addLabelled(row, tr("Cache entries:"), capacity_);
    row->addStretch(1);
    auto* row2 = addRow();
    flushDelay_ = spin(0, 100, 5);
    flushDelay_->setSuffix(tr(" ticks"));
    addLabelled(row2, tr("Write-behind delay:"), flushDelay_);
    ttl_ = spin(0, 1000, 0);
    ttl_->setSpecialValueText(tr("none"));
    ttl_->setSuffix(tr(" ticks"));
    addLabelled(row2, tr("TTL:"), ttl_);
    invalidate_ = new QCheckBox(tr("A write deletes the cached copy"), this);
    invalidate_->setAccessibleName(invalidate_->text());
    connect(invalidate_, &QCheckBox::toggled, this, [this] { refresh(); });
    row2->addWidget(invalidate_);
    seed_ = spin(1, 1000000, 1);
    addLabelled(row2, tr("Workload seed:"), seed_);
    row2->addStretch(1);
    connect(pattern_, &QComboBox::currentIndexChanged, this, [this] { refresh(); });

    auto* plot = chart();
    plot->setAccessibleName(
        tr("Chart of hit ratio, stale reads, unsaved reads and database writes over time"));
    plot->xAxis->setLabel(tr("tick"));
    plot->yAxis->setLabel(tr("share of reads so far"));
    plot->yAxis2->setVisible(true);
    plot->yAxis2->setLabel(tr("database writes per tick (average)"));
    refresh();
}

concepts::CacheParams CacheView::params() const {
    concepts::CacheParams p;
    p.pattern = CachePattern(pattern_->currentData().toInt());
    p.keys = keys_->value();
    p.zipf = zipf_->value();
    p.readFraction = readPercent_->value() / 100.0;
    p.capacity = capacity_->value();
    p.flushDelay = flushDelay_->value();
    p.ttl = ttl_->value();
    p.invalidateOnWrite = invalidate_->isChecked();
    p.seed = std::uint64_t(seed_->value());
    return p;
}

void CacheView::setParams(const concepts::CacheParams& p) {
    {
        const QSignalBlocker b1(pattern_), b2(keys_), b3(zipf_), b4(readPercent_), b5(capacity_),
            b6(flushDelay_), b7(ttl_), b8(invalidate_), b9(seed_);
        pattern_->setCurrentIndex(pattern_->findData(int(p.pattern)));
        keys_->setValue(p.keys);
        zipf_->setValue(p.zipf);
        readPercent_->setValue(int(std::lround(p.readFraction * 100)));
        capacity_->setValue(p.capacity);
        flushDelay_->setValue(p.flushDelay);
        ttl_->setValue(p.ttl);
        invalidate_->setChecked(p.invalidateOnWrite);
        seed_->setValue(int(p.seed));
    }
    refresh();
}

void CacheView::refresh() {
    const auto p = params();
    run_ = concepts::simulateCache(p);
    const bool writeBehind = p.pattern == CachePattern::WriteBehind;
    flushDelay_->setEnabled(writeBehind);
    invalidate_->setEnabled(p.pattern == CachePattern::CacheAside ||
                            p.pattern == CachePattern::ReadThrough);
    const auto& t = run_.total;
    const auto pct = [](int part, int whole) {
        return QString::number(whole ? 100.0 * part / whole : 0.0, 'f', 1);
    };
    QString text =
        tr("%1 reads: %2 % hits (answered by the cache). Stale: %3 % (an older value than the "
           "last write of the key: the write did not reach the cached copy). Unsaved: %4 % (the "
           "newest value, but one only the cache held: the database did not have it yet). "
           "Database: %5 reads, %6 writes.")
            .arg(t.reads)
            .arg(pct(t.hits, t.reads), pct(t.staleReads, t.reads), pct(t.unsavedReads, t.reads))
            .arg(t.dbReads)
            .arg(t.dbWrites);
    if (concepts::readsCanBeStale(p.pattern)) {
        text += tr(" Here a write goes to the database, which always holds the last write: a "
                   "read can be stale, never unsaved.");
    } else if (concepts::readsCanBeUnsaved(p.pattern)) {
        text += tr(" Here a write goes to the cache first, which always holds the last write: a "
                   "read can be unsaved, never stale.");
    } else {
        text += tr(" Here a write goes to the database and the cache together: a read is never "
                   "stale or unsaved.");
    }
    if (writeBehind) {
        text += tr(" Keys newer in the cache than in the database at the end (lost if the "
                   "cache crashes): %1.")
                    .arg(t.dirtyKeys);
    }
    setSummary(text);

    QCustomPlot* plot = chart();
    plot->clearGraphs();
    QVector<double> x, hit, stale, unsaved, writes;
    int reads = 0, staleReads = 0, unsavedReads = 0, dbWrites = 0;
    for (std::size_t i = 0; i < run_.ticks.size(); ++i) {
        x << double(i);
        hit << run_.cumulativeHitRatio[i];
        reads += run_.ticks[i].reads;
        staleReads += run_.ticks[i].staleReads;
        stale << (reads ? double(staleReads) / reads : 0.0);
        unsavedReads += run_.ticks[i].unsavedReads;
        unsaved << (reads ? double(unsavedReads) / reads : 0.0);
        dbWrites += run_.ticks[i].dbWrites;
        writes << double(dbWrites) / double(i + 1);
    }
    const auto add = [&](QCPAxis* y, const QVector<double>& ys, const QString& name,
                         const QColor& colour, Qt::PenStyle style, double width) {
        QCPGraph* g = plot->addGraph(plot->xAxis, y);
        g->setData(x, ys, true);
        g->setPen(QPen(colour, width * theme().lineWidth, style));
        g->setName(name);
    };
    add(plot->yAxis2, writes, tr("database writes per tick, average so far (right axis)"),
        theme().series[2], Qt::DotLine, 1);
    add(plot->yAxis, hit, tr("hit ratio: hits / reads so far"), theme().series[0], Qt::SolidLine,
        2);
    add(plot->yAxis, stale, tr("stale reads / reads so far"), theme().series[1], Qt::DashLine, 2);
    // In the stale line's colour, dash-dotted: no pattern has both (readsCanBeStale,
    // readsCanBeUnsaved), and the theme's three series colours are the only ones kept apart for
    // every colour vision (the text's colour was 11 apart from the dark green for protanopes).
    add(plot->yAxis, unsaved, tr("unsaved reads / reads so far"), theme().series[1],
        Qt::DashDotLine, 2);
    plot->xAxis->setRange(0, std::max<double>(1, double(x.size() - 1)));
    plot->yAxis->setRange(0, 1.05);
    double top = 0.1;
    for (double w : writes) {
        top = std::max(top, w);
    }
    plot->yAxis2->setRange(0, top * 1.1);
    plot->replot();
}

} // namespace fg
