#include "widgets/diagrams/lsm_view.h"

#include "engines/core/rng.h"
#include "engines/scenario/scenario_writer.h"
#include "widgets/diagrams/lsm_diagram.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <qcustomplot.h>

namespace fg {

using Kind = lsm::LsmOp::Kind;

namespace {

std::vector<lsm::LsmOp> randomPuts(int count, std::uint64_t seed) {
    Rng rng(seed);
    std::vector<lsm::LsmOp> ops;
    for (int i = 0; i < count; ++i) {
        ops.push_back({Kind::Put, std::to_string(rng.uniform(1, 99)),
                       std::string("v").append(std::to_string(i))});
    }
    return ops;
}

} // namespace

LsmView::LsmView(QWidget* parent) : DiagramView(parent) {
    auto* row = controls();
    key_ = new QLineEdit(this);
    key_->setPlaceholderText(tr("Key, e.g. 42"));
    key_->setAccessibleName(tr("Key"));
    key_->setMaxLength(4096);
    row->addWidget(key_, 1);
    auto keyOp = [this](Kind k) {
        if (key_->text().isEmpty()) {
            showMessage(tr("Type a key first."));
            return;
        }
        showMessage({});
        addOps({{k, key_->text().toStdString(),
                 std::string("v").append(std::to_string(ops_.size()))}});
    };
    addButton(tr("Put"), [keyOp] { keyOp(Kind::Put); });
    addButton(tr("Delete"), [keyOp] { keyOp(Kind::Delete); });
    addButton(tr("Get"), [keyOp] { keyOp(Kind::Get); });
    addButton(tr("Flush"), [this] { addOps({{Kind::Flush, {}, {}}}); });
    addButton(tr("Compact"), [this] { addOps({{Kind::Compact, {}, {}}}); });
    addButton(tr("Put 10 random"), [this] { addOps(randomPuts(10, ops_.size() + 1)); });
    strategy_ = new QComboBox(this);
    strategy_->setAccessibleName(tr("Compaction strategy"));
    strategy_->addItem(tr("leveled (LevelDB, RocksDB, Cassandra LCS)"), false);
    strategy_->addItem(tr("size-tiered (Cassandra STCS)"), true);
    row->addWidget(strategy_);
    auto* memLabel = new QLabel(tr("Memtable entries:"), this);
    row->addWidget(memLabel);
    memtable_ = new QSpinBox(this);
    memtable_->setRange(1, 64);
    memtable_->setValue(params_.memtableEntries);
    memtable_->setAccessibleName(tr("Memtable entries"));
    memLabel->setBuddy(memtable_);
    row->addWidget(memtable_);
    auto reparam = [this] {
        params_.tiered = strategy_->currentData().toBool();
        params_.memtableEntries = memtable_->value();
        rebuild(-2); // the same writes under the new setting
    };
    connect(strategy_, &QComboBox::currentIndexChanged, this, reparam);
    connect(memtable_, &QSpinBox::valueChanged, this, reparam);

    addPreset(tr("Writes fill the memtable and flush"),
              [this] { setScenario(params_, randomPuts(12, 3)); });
    addPreset(tr("A delete is a tombstone until compaction"), [this] {
        auto ops = randomPuts(9, 5);
        ops.push_back({Kind::Put, "42", "answer"});
        ops.push_back({Kind::Delete, "42", {}});
        ops.push_back({Kind::Get, "42", {}});
        ops.push_back({Kind::Compact, {}, {}});
        ops.push_back({Kind::Get, "42", {}});
        setScenario(params_, ops);
    });
    addPreset(tr("Gets skip tables by range and bloom filter"), [this] {
        auto ops = randomPuts(18, 8);
        for (const char* k : {"7", "50", "120"}) {
            ops.push_back({Kind::Get, k, {}});
        }
        setScenario(params_, ops);
    });
    addPreset(tr("Write amplification: 200 writes, leveled against size-tiered"),
              [this] { setScenario(params_, randomPuts(200, 21)); });
    finishControls();

    auto* plot = addChart(tr("Chart of write and read amplification over the steps"));
    plot->xAxis->setLabel(tr("step"));
    plot->yAxis->setLabel(tr("amplification (x)"));
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    connect(key_, &QLineEdit::returnPressed, this, [keyOp] { keyOp(Kind::Put); });
    openDefaultScenario();
}

void LsmView::setScenario(lsm::LsmParams params, std::vector<lsm::LsmOp> ops) {
    params_ = params;
    ops_ = std::move(ops);
    const QSignalBlocker b1(strategy_), b2(memtable_);
    strategy_->setCurrentIndex(params_.tiered ? 1 : 0);
    memtable_->setValue(params_.memtableEntries);
    rebuild(-1);
}

void LsmView::addOps(const std::vector<lsm::LsmOp>& ops) {
    const int firstNew = diagram_ ? diagram_->stepCount() : 0;
    ops_.insert(ops_.end(), ops.begin(), ops.end());
    rebuild(firstNew - 1);
    panel()->player()->play();
}

void LsmView::rebuild(int position) {
    auto d = std::make_unique<LsmDiagram>(params_, ops_);
    diagram_ = d.get();
    computeSeries();
    showSource(std::move(d), position);
}

void LsmView::computeSeries() {
    steps_.clear();
    writeAmp_.clear();
    readAmp_.clear();
    diagram_->timeline().replay([this](std::size_t i, const lsm::LsmStep&, const lsm::LsmState& s) {
        const auto& st = s.stats;
        steps_ << double(i + 1);
        writeAmp_ << (st.userBytes ? double(st.diskBytesWritten) / double(st.userBytes) : 0.0);
        readAmp_ << (st.gets ? double(st.tablesRead) / double(st.gets) : 0.0);
    });
}

nlohmann::json LsmView::scenarioJson() const {
    return writeLsmScenario({params_, ops_, true});
}

Status LsmView::applyScenario(const nlohmann::json& scenario) {
    LsmScenario s;
    if (Status st = parseLsmScenario(scenario, s); !st) {
        return st;
    }
    setScenario(s.params, std::move(s.ops));
    return Status::ok();
}

void LsmView::refresh() {
    if (!diagram_) {
        return;
    }
    const int pos = panel()->player()->position();
    const auto& s = diagram_->stateAt(pos);
    const auto& st = s.stats;
    const double live = static_cast<double>(s.liveBytes());
    setCounters(
        tr("Flushes: %1   Compactions: %2   Write amplification: %3x   Read amplification: %4 "
           "tables/get   Space amplification: %5x   Bloom false positives: %6")
            .arg(st.flushes)
            .arg(st.compactions)
            .arg(st.userBytes ? double(st.diskBytesWritten) / double(st.userBytes) : 0.0, 0, 'f', 2)
            .arg(st.gets ? double(st.tablesRead) / double(st.gets) : 0.0, 0, 'f', 2)
            .arg(live > 0 ? double(s.diskBytes()) / live : 0.0, 0, 'f', 2)
            .arg(st.bloomFalsePositives));
    // The amplification curves up to the step on screen.
    QCustomPlot* plot = chart();
    const int n = std::clamp(pos + 1, 0, static_cast<int>(steps_.size()));
    plot->clearGraphs();
    const auto add = [&](const QVector<double>& y, const QString& name, int tone,
                         Qt::PenStyle style) {
        QCPGraph* g = plot->addGraph();
        g->setData(steps_.mid(0, n), y.mid(0, n), true);
        g->setPen(QPen(theme().categorical[std::size_t(tone)], 2 * theme().lineWidth, style));
        g->setName(name);
    };
    add(writeAmp_, tr("write amplification (bytes written to disk / bytes written by the user)"), 0,
        Qt::SolidLine);
    add(readAmp_, tr("read amplification (tables read per get)"), 1, Qt::DashLine);
    plot->xAxis->setRange(0, std::max<double>(1, steps_.size()));
    double top = 1;
    for (int i = 0; i < n; ++i) {
        top = std::max({top, writeAmp_[i], readAmp_[i]});
    }
    plot->yAxis->setRange(0, top * 1.1);
    plot->replot();
}

} // namespace fg
