#include "widgets/diagrams/lsm_view.h"

#include "engines/core/rng.h"
#include "widgets/canvas/long_words.h"
#include "widgets/controls/range_box.h"

#include <QComboBox>
#include <QEvent>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <nlohmann/json.hpp>
#include <qcustomplot.h>

namespace fg {

using lsm::LsmOp;

namespace {

std::vector<LsmOp> randomPuts(int count, std::uint64_t seed) {
    Rng rng(seed);
    std::vector<LsmOp> ops;
    for (int i = 0; i < count; ++i) {
        ops.push_back(LsmOp::put(std::to_string(rng.uniform(1, 99)),
                                 std::string("v").append(std::to_string(i))));
    }
    return ops;
}

} // namespace

Status LsmViewTraits::parse(const nlohmann::json& json, Scenario& out) {
    return parseLsmScenario(json, out);
}

nlohmann::json LsmViewTraits::write(const Scenario& scenario) {
    return writeLsmScenario(scenario);
}

std::unique_ptr<LsmDiagram> LsmViewTraits::diagram(Scenario scenario, std::optional<KeepOnly> only,
                                                   BuildWatch* watch) {
    return std::make_unique<LsmDiagram>(std::move(scenario.params), std::move(scenario.ops), only,
                                        watch);
}

bool LsmViewTraits::keyEvent(const LsmDiagram::Step& step) {
    // A flush writes a table; a compaction rewrites them.
    return step.kind == lsm::StepKind::kFlush || step.kind == lsm::StepKind::kCompactionDone;
}

LsmView::LsmView(QWidget* parent) : StepView(parent, {{3, 3, 3, 10, false}, {}, true}) {
    auto* row = controls();
    key_ = new QLineEdit(this);
    key_->setPlaceholderText(tr("Key, e.g. 42 or user7"));
    key_->setAccessibleName(tr("Key"));
    key_->setToolTip(tr("A key to put, delete or get"));
    setCountersToolTip(
        tr("Write amplification: bytes written to disk (flushes and compactions) for each byte "
           "you wrote. It is under 1x while some of your writes are still only in the memtable "
           "(in memory), and each compaction, which rewrites tables, raises it.\n"
           "Read amplification: tables read for each get.\n"
           "Space amplification: bytes on disk for each byte of live data (old versions and "
           "tombstones wait there for a compaction).\n"
           "Bloom false positives: tables a bloom filter let through that did not hold the key."));
    limitKeyBox(key_);
    keepRoomFor(key_, 12); // however crowded the row (it shrank to "K...")
    row->addWidget(key_, 1);
    // The key typed, with a value named after the op's place ("v12") for puts.
    auto keyOp = [this](LsmOp::Kind k) {
        if (key_->text().isEmpty()) {
            showMessage(tr("Type a key first."));
            return;
        }
        // Digits beyond a 64-bit number would be a text key, sorted after every number: the
        // memtable, "sorted", showed 36 47 -99999999999999999999 (a tester). Said, not taken.
        const std::string key = key_->text().toStdString();
        if (lsm::tooLargeForANumber(key)) {
            showMessage(tr("%1 is beyond the whole numbers the LSM-tree sorts by value "
                           "(-9,223,372,036,854,775,808 to 9,223,372,036,854,775,807): type a "
                           "smaller number, or a key with a letter in it (text keys sort after "
                           "the numbers).")
                            .arg(shortWord(key_->text())));
            return;
        }
        showMessage({});
        addOp({k, key, std::string("v").append(std::to_string(ops().size()))});
    };
    addButton(tr("Put"), tr("Write the key: into the write-ahead log and the memtable"),
              [keyOp] { keyOp(LsmOp::Kind::Put); });
    addButton(tr("Delete"), tr("Write a tombstone for the key (the old values go at compaction)"),
              [keyOp] { keyOp(LsmOp::Kind::Delete); });
    addButton(
        tr("Get"),
        tr("Read the key: memtable first, then SSTables newest first, Bloom filters skipping"),
        [keyOp] { keyOp(LsmOp::Kind::Get); });
    addButton(tr("Flush"), tr("Write the memtable out as a new sorted SSTable"),
              [this] { addOp(LsmOp::flush()); });
    addButton(tr("Compact"),
              tr("Merge SSTables into one, dropping overwritten values and old tombstones"),
              [this] { addOp(LsmOp::compact()); });
    addButton(tr("Put 10 random"), tr("Put ten random keys"),
              [this] { addOps(randomPuts(10, ops().size() + 1)); });
    strategy_ = new QComboBox(this);
    strategy_->setAccessibleName(tr("Compaction strategy"));
    strategy_->setToolTip(tr("Size-tiered merges tables of similar size; leveled keeps "
                             "levels of non-overlapping tables"));
    strategy_->addItem(tr("leveled (LevelDB, RocksDB, Cassandra LCS)"), false);
    strategy_->addItem(tr("size-tiered (Cassandra's default, STCS)"), true);
    row->addWidget(strategy_);
    auto* memLabel = new QLabel(tr("Memtable entries:"), this);
    row->addWidget(memLabel);
    memtable_ = new RangeSpinBox(this);
    memtable_->setRange(1, 64);
    memtable_->setValue(params().memtableEntries);
    memtable_->setAccessibleName(tr("Memtable entries"));
    memtable_->setToolTip(tr("How many entries the memtable holds before it is flushed"));
    memLabel->setBuddy(memtable_);
    row->addWidget(memtable_);
    auto reparam = [this] {
        changeParams([this](Scenario& s) { // the same writes under the new setting
            s.params.tiered = strategy_->currentData().toBool();
            s.params.memtableEntries = memtable_->value();
        });
    };
    connect(strategy_, &QComboBox::currentIndexChanged, this, reparam);
    connect(memtable_, &QSpinBox::valueChanged, this, reparam);

    addPreset(tr("Writes fill the memtable and flush"),
              [this] { setScenario(defaults().params, randomPuts(12, 3)); });
    addPreset(tr("A delete is a tombstone until compaction"), [this] {
        auto ops = randomPuts(9, 5);
        ops.push_back(LsmOp::put("42", "answer"));
        ops.push_back(LsmOp::remove("42"));
        ops.push_back(LsmOp::get("42"));
        ops.push_back(LsmOp::compact());
        ops.push_back(LsmOp::get("42"));
        setScenario(defaults().params, ops);
    });
    addPreset(tr("Gets skip tables by range and bloom filter"), [this] {
        auto ops = randomPuts(18, 8);
        for (const char* k : {"7", "50", "120"}) {
            ops.push_back(LsmOp::get(k));
        }
        setScenario(defaults().params, ops);
    });
    addPreset(tr("Write amplification: 200 writes, leveled against size-tiered"),
              [this] { setScenario(defaults().params, randomPuts(200, 21)); });
    finishControls();

    auto* plot = addChart(tr("Chart of write and read amplification over the steps"));
    plot->xAxis->setLabel(tr("step"));
    // Steps are whole: ticks at whole steps only (a tester read 2.5, 7.5 and 12.5).
    QSharedPointer<QCPAxisTickerFixed> whole(new QCPAxisTickerFixed);
    whole->setTickStep(1);
    whole->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    plot->xAxis->setTicker(whole);
    plot->yAxis->setLabel(tr("times (x)"));
    connect(key_, &QLineEdit::returnPressed, this, [keyOp] { keyOp(LsmOp::Kind::Put); });
    openDefaultScenario();
}

void LsmView::nameCurves() {
    QCustomPlot* plot = chart();
    if (!plot || plot->graphCount() < 2) {
        return;
    }
    const QString full[] = {tr("write amplification (disk bytes written / user bytes)"),
                            tr("read amplification (tables read per get)")};
    const QString brief[] = {tr("write amplification"), tr("read amplification")};
    // One legend entry: its line sample, the gap, the name, and the legend's padding.
    const QFontMetrics fm(plot->legend->font());
    const int room =
        plot->width() - 8 - plot->legend->iconSize().width() - plot->legend->iconTextPadding() - 24;
    const bool fits =
        std::max(fm.horizontalAdvance(full[0]), fm.horizontalAdvance(full[1])) <= room;
    for (int i = 0; i < 2; ++i) {
        plot->graph(i)->setName(fits ? full[i] : brief[i]);
    }
}

bool LsmView::eventFilter(QObject* watched, QEvent* event) {
    // Named for the new width before the page fits the legend's rows to it.
    if (watched == chart() && event->type() == QEvent::Resize) {
        nameCurves();
    }
    return StepView::eventFilter(watched, event);
}

void LsmView::setScenario(lsm::LsmParams params, std::vector<LsmOp> ops) {
    setScenario({params, std::move(ops), true});
}

void LsmView::showParams(const Scenario& scenario) {
    const QSignalBlocker b1(strategy_), b2(memtable_);
    strategy_->setCurrentIndex(scenario.params.tiered ? 1 : 0);
    memtable_->setValue(scenario.params.memtableEntries);
}

void LsmView::diagramBuilt() {
    steps_.clear();
    writeAmp_.clear();
    readAmp_.clear();
    diagram()->timeline().replay(
        [this](std::size_t i, const lsm::LsmStep&, const lsm::LsmState& s) {
            const auto& st = s.stats;
            // Nothing measured yet (no byte written, no get) is no point on the curve: a 0 read
            // as reads costing nothing, where the counters say "none yet" (a tester).
            const double none = qQNaN();
            steps_ << double(i + 1);
            writeAmp_ << (st.userBytes ? double(st.diskBytesWritten) / double(st.userBytes) : none);
            readAmp_ << (st.gets ? double(st.tablesRead) / double(st.gets) : none);
        });
}

void LsmView::refresh() {
    const lsm::LsmState* shown = stateOnScreen();
    if (!shown) {
        return;
    }
    const int pos = panel()->player()->position();
    const auto& s = *shown;
    const auto& st = s.stats;
    const double live = static_cast<double>(s.liveBytes());
    // A ratio with nothing under it yet (no byte on disk, no get) says so: "0.00x" before the
    // first flush read as a measurement. Under 1x says why on the line itself (a tester took
    // 0.73x for a mistake), in `under1` (a whole phrase, for translators); the tables' dagger is
    // named where the counts are.
    const auto ratio = [](double over, double under, const QString& under1) {
        if (over <= 0 || under <= 0) {
            return tr("none yet");
        }
        return (over < under ? under1 : tr("%1x")).arg(QString::number(over / under, 'f', 2));
    };
    const QString writeAmp = ratio(double(st.diskBytesWritten), double(st.userBytes),
                                   tr("%1x (some writes are still only in memory)"));
    const QString spaceAmp =
        ratio(double(s.diskBytes()), live, tr("%1x (some live data is still only in memory)"));
    // Once there is a get, it is a measurement even when no table was read (the memtable
    // answered): "0.00 tables/get", not "none yet" (a tester's GET found its key in memory).
    const QString readAmp =
        st.gets > 0 ? tr("%1 tables/get")
                          .arg(QString::number(double(st.tablesRead) / double(st.gets), 'f', 2))
                    : tr("none yet");
    std::int64_t tombstones = 0;
    for (const auto& table : s.tables) {
        tombstones += table.tombstones();
    }
    setCounters(tr("Flushes: %1   Compactions: %2   Write amplification: %3   Read "
                   "amplification: %4   Space amplification: %5   Bloom false positives: %6   "
                   "Tombstones on disk (\u2020): %7")
                    .arg(st.flushes)
                    .arg(st.compactions)
                    .arg(writeAmp, readAmp, spaceAmp)
                    .arg(st.bloomFalsePositives)
                    .arg(tombstones));
    // The amplification curves up to the step on screen.
    QCustomPlot* plot = chart();
    const int n = std::clamp(pos + 1, 0, static_cast<int>(steps_.size()));
    plot->clearGraphs();
    // A mark on the points, a shape each curve (about 30 of them on a long run): read
    // amplification after the first get is one point, which a line alone does not draw (tester
    // 47 saw it in the legend and nowhere on the chart).
    const auto add = [&](const QVector<double>& y, const QString& name, int tone,
                         Qt::PenStyle style, QCPScatterStyle::ScatterShape mark) {
        QCPGraph* g = plot->addGraph();
        g->setData(steps_.mid(0, n), y.mid(0, n), true);
        g->setPen(QPen(theme().series[std::size_t(tone)], 2 * theme().lineWidth, style));
        g->setScatterStyle(QCPScatterStyle(mark, 7 * theme().fontScale));
        g->setScatterSkip(std::max(0, n / 30 - 1));
        g->setName(name);
    };
    add(writeAmp_, QString(), 0, Qt::SolidLine, QCPScatterStyle::ssCircle);
    add(readAmp_, QString(), 1, Qt::DashLine, QCPScatterStyle::ssTriangle);
    nameCurves();
    // Headroom on both axes: the last step and the highest point stay off the frame.
    const double steps = std::max<double>(1, steps_.size());
    plot->xAxis->setRange(0, steps + std::max(0.5, steps * 0.03));
    double top = 1;
    for (int i = 0; i < n; ++i) {
        for (const double v : {writeAmp_[i], readAmp_[i]}) {
            top = qIsNaN(v) ? top : std::max(top, v);
        }
    }
    plot->yAxis->setRange(0, top * 1.15);
    plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace fg
