#include "diagrams/lsm_view.h"

#include "core/rng.h"
#include "diagrams/lsm_diagram.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace fg {

using Kind = lsm::LsmOp::Kind;

namespace {

std::vector<lsm::LsmOp> randomPuts(int count, std::uint64_t seed) {
    Rng rng(seed);
    std::vector<lsm::LsmOp> ops;
    for (int i = 0; i < count; ++i) {
        ops.push_back({Kind::Put, std::to_string(rng.uniform(1, 99)), "v" + std::to_string(i)});
    }
    return ops;
}

} // namespace

LsmView::LsmView(QWidget* parent) : QWidget(parent) {
    auto* column = new QVBoxLayout(this);
    auto* row = new QHBoxLayout;
    key_ = new QLineEdit(this);
    key_->setPlaceholderText(tr("Key, e.g. 42"));
    key_->setAccessibleName(tr("Key"));
    key_->setMaxLength(4096);
    row->addWidget(key_, 1);
    auto button = [&](const QString& text, auto onClick) {
        auto* b = new QPushButton(text, this);
        b->setAccessibleName(text);
        connect(b, &QPushButton::clicked, this, onClick);
        row->addWidget(b);
    };
    auto keyOp = [this](Kind k) {
        if (!key_->text().isEmpty()) {
            addOps({{k, key_->text().toStdString(), "v" + std::to_string(ops_.size())}});
        }
    };
    button(tr("Put"), [keyOp] { keyOp(Kind::Put); });
    button(tr("Delete"), [keyOp] { keyOp(Kind::Delete); });
    button(tr("Get"), [keyOp] { keyOp(Kind::Get); });
    button(tr("Flush"), [this] { addOps({{Kind::Flush, {}, {}}}); });
    button(tr("Compact"), [this] { addOps({{Kind::Compact, {}, {}}}); });
    button(tr("Put 10 random"), [this] { addOps(randomPuts(10, ops_.size() + 1)); });
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
        rebuild(-1);
        panel_->player()->toEnd(); // the same writes under the new setting
    };
    connect(strategy_, &QComboBox::currentIndexChanged, this, reparam);
    connect(memtable_, &QSpinBox::valueChanged, this, reparam);

    auto* presets = new QToolButton(this);
    presets->setText(tr("Presets"));
    presets->setAccessibleName(tr("Presets"));
    presets->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(presets);
    menu->addAction(tr("Writes fill the memtable and flush"), this, [this] {
        setScenario(params_, randomPuts(12, 3));
        panel_->player()->play();
    });
    menu->addAction(tr("A delete is a tombstone until compaction"), this, [this] {
        auto ops = randomPuts(9, 5);
        ops.push_back({Kind::Put, "42", "answer"});
        ops.push_back({Kind::Delete, "42", {}});
        ops.push_back({Kind::Get, "42", {}});
        ops.push_back({Kind::Compact, {}, {}});
        ops.push_back({Kind::Get, "42", {}});
        setScenario(params_, ops);
        panel_->player()->play();
    });
    menu->addAction(tr("Gets skip tables by range and bloom filter"), this, [this] {
        auto ops = randomPuts(18, 8);
        for (const char* k : {"7", "50", "120"}) {
            ops.push_back({Kind::Get, k, {}});
        }
        setScenario(params_, ops);
        panel_->player()->play();
    });
    presets->setMenu(menu);
    row->addWidget(presets);
    column->addLayout(row);

    panel_ = new DiagramPanel(this);
    column->addWidget(panel_, 1);
    counters_ = new QLabel(this);
    counters_->setAccessibleName(tr("Counters"));
    column->addWidget(counters_);
    connect(panel_->player(), &Player::positionChanged, this, &LsmView::refreshCounters);
    connect(key_, &QLineEdit::returnPressed, this, [keyOp] { keyOp(Kind::Put); });
    auto start = randomPuts(14, 11);
    start.push_back({Kind::Get, "30", {}});
    setScenario(params_, start);
    panel_->player()->toEnd();
}

void LsmView::setScenario(lsm::LsmParams params, std::vector<lsm::LsmOp> ops) {
    params_ = params;
    ops_ = std::move(ops);
    rebuild(-1);
}

void LsmView::addOps(const std::vector<lsm::LsmOp>& ops) {
    const int firstNew = diagram_ ? diagram_->stepCount() : 0;
    ops_.insert(ops_.end(), ops.begin(), ops.end());
    rebuild(firstNew - 1);
    panel_->player()->play();
}

void LsmView::rebuild(int position) {
    auto d = std::make_unique<LsmDiagram>(params_, ops_);
    diagram_ = d.get();
    panel_->setSource(std::move(d));
    panel_->player()->seek(position);
    refreshCounters();
}

void LsmView::refreshCounters() {
    if (!diagram_) {
        return;
    }
    const int pos = panel_->player()->position();
    const auto s = pos < 0 ? diagram_->timeline().initialState()
                           : diagram_->timeline().stateAfter(static_cast<std::size_t>(pos));
    const auto& st = s.stats;
    const double live = static_cast<double>(s.liveBytes());
    counters_->setText(
        tr("Flushes: %1   Compactions: %2   Write amplification: %3x   Read amplification: %4 "
           "tables/get   "
           "Space amplification: %5x   Bloom false positives: %6")
            .arg(st.flushes)
            .arg(st.compactions)
            .arg(st.userBytes ? double(st.diskBytesWritten) / double(st.userBytes) : 0.0, 0, 'f', 2)
            .arg(st.gets ? double(st.tablesRead) / double(st.gets) : 0.0, 0, 'f', 2)
            .arg(live > 0 ? double(s.diskBytes()) / live : 0.0, 0, 'f', 2)
            .arg(st.bloomFalsePositives));
}

} // namespace fg
