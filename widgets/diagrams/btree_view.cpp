#include "widgets/diagrams/btree_view.h"

#include "engines/scenario/scenario_writer.h"
#include "widgets/diagrams/btree_diagram.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace fg {

using btree::Op;

BTreeView::BTreeView(QWidget* parent) : DiagramView(parent) {
    auto* ops = controls();
    key_ = new QLineEdit(this);
    key_->setPlaceholderText(tr("Key, e.g. 42"));
    key_->setAccessibleName(tr("Key"));
    key_->setMaximumWidth(140);
    ops->addWidget(key_);
    addButton(tr("Insert"), [this] {
        if (btree::Key k; readKey(k)) {
            addOp(Op::insert(k));
        }
    });
    addButton(tr("Search"), [this] {
        if (btree::Key k; readKey(k)) {
            addOp(Op::search(k));
        }
    });
    addButton(tr("Delete"), [this] {
        if (btree::Key k; readKey(k)) {
            addOp(Op::remove(k));
        }
    });
    addButton(tr("Range scan"), [this] {
        btree::Key from = 0;
        bool ok = false;
        const btree::Key to = rangeTo_->text().trimmed().toLongLong(&ok);
        if (readKey(from) && ok) {
            addOp(Op::range(std::min(from, to), std::max(from, to)));
        } else if (!ok) {
            showMessage(tr("Type the range's last key in the \"to\" box."));
        }
    });
    rangeTo_ = new QLineEdit(this);
    rangeTo_->setPlaceholderText(tr("to"));
    rangeTo_->setAccessibleName(tr("Range end"));
    rangeTo_->setMaximumWidth(90);
    ops->addWidget(rangeTo_);
    addButton(tr("Add 10 random"), [this] {
        addOp(Op::insertRandom(10, static_cast<std::uint64_t>(ops_.size()) + 1, 1, 999));
    });

    addPreset(tr("Sequential inserts (10 to 200)"), [this] {
        std::vector<Op> seq;
        for (int k = 10; k <= 200; k += 10) {
            seq.push_back(Op::insert(k));
        }
        setScenario(params_, seq);
    });
    addPreset(tr("30 random keys"),
              [this] { setScenario(params_, {Op::insertRandom(30, 7, 1, 999)}); });
    addPreset(tr("Build, then delete (borrow and merge)"), [this] {
        std::vector<Op> seq;
        for (int k = 1; k <= 15; ++k) {
            seq.push_back(Op::insert(k * 10));
        }
        for (int k : {60, 70, 80, 10, 20}) {
            seq.push_back(Op::remove(k));
        }
        setScenario(params_, seq);
    });
    addPreset(tr("A real index: 100,000 random keys at order 64, then a search"), [this] {
        setScenario(btree::Params::withOrder(64),
                    {Op::insertRandom(100'000, 64, 1, 9'999'999), Op::search(4'242'424)});
        panel()->player()->seek(panel()->player()->stepCount() - 4);
    });
    finishControls();

    ops->addStretch(1);
    auto* orderLabel = new QLabel(tr("Order (most children per node):"), this);
    ops->addWidget(orderLabel);
    order_ = new QSpinBox(this);
    order_->setRange(btree::Params::kMinOrder, btree::Params::kMaxOrder);
    order_->setValue(params_.order);
    order_->setAccessibleName(tr("Order"));
    orderLabel->setBuddy(order_);
    connect(order_, &QSpinBox::valueChanged, this, [this](int m) {
        params_ = btree::Params::withOrder(m);
        rebuild(-2); // same keys, new rule: show the result
    });
    ops->addWidget(order_);
    connect(key_, &QLineEdit::returnPressed, this, [this] {
        if (btree::Key k; readKey(k)) {
            addOp(Op::insert(k));
        }
    });

    openDefaultScenario();
}

bool BTreeView::readKey(btree::Key& out) {
    bool ok = false;
    const QString text = key_->text().trimmed();
    out = text.toLongLong(&ok);
    if (!ok) {
        showMessage(text.isEmpty() ? tr("Type a whole number as the key first.")
                                   : tr("\"%1\" is not a whole number: keys here are "
                                        "integers, like PostgreSQL's bigint.")
                                         .arg(text.left(40)));
        return false;
    }
    showMessage({});
    return true;
}

void BTreeView::setScenario(btree::Params params, std::vector<Op> ops) {
    params_ = params;
    ops_ = std::move(ops);
    const QSignalBlocker block(order_);
    order_->setValue(params_.order);
    rebuild(-1);
}

void BTreeView::addOp(const Op& op) {
    const int firstNew = diagram_ ? diagram_->stepCount() : 0;
    ops_.push_back(op);
    rebuild(firstNew - 1);
    panel()->player()->play();
}

void BTreeView::rebuild(int keepPosition) {
    auto d = std::make_unique<BTreeDiagram>(params_, ops_);
    diagram_ = d.get();
    showSource(std::move(d), keepPosition);
}

nlohmann::json BTreeView::scenarioJson() const {
    return writeBtreeScenario({params_, ops_, true});
}

Status BTreeView::applyScenario(const nlohmann::json& scenario) {
    BtreeScenario s;
    if (Status st = parseBtreeScenario(scenario, s); !st) {
        return st;
    }
    setScenario(s.params, std::move(s.ops));
    return Status::ok();
}

void BTreeView::refresh() {
    if (!diagram_) {
        return;
    }
    const auto& s = diagram_->stateAt(panel()->player()->position());
    setCounters(tr("Height: %1 levels   Nodes: %2   Keys: %3   Splits: %4   Merges: %5   "
                   "Page writes: %6   Page reads: %7")
                    .arg(s.stats.height)
                    .arg(s.stats.nodes)
                    .arg(s.stats.keys)
                    .arg(s.stats.splits)
                    .arg(s.stats.merges)
                    .arg(s.stats.pageWrites)
                    .arg(s.stats.pageReads));
}

} // namespace fg
