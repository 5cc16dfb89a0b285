#include "diagrams/btree_view.h"

#include "diagrams/btree_diagram.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace fg {

using btree::Op;

BTreeView::BTreeView(QWidget* parent) : QWidget(parent) {
    auto* column = new QVBoxLayout(this);
    auto* ops = new QHBoxLayout;
    key_ = new QLineEdit(this);
    key_->setPlaceholderText(tr("Key, e.g. 42"));
    key_->setAccessibleName(tr("Key"));
    key_->setMaximumWidth(140);
    ops->addWidget(key_);
    auto addButton = [&](const QString& text, auto onClick) {
        auto* b = new QPushButton(text, this);
        b->setAccessibleName(text);
        connect(b, &QPushButton::clicked, this, onClick);
        ops->addWidget(b);
        return b;
    };
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
    rangeTo_ = new QLineEdit(this);
    rangeTo_->setPlaceholderText(tr("to"));
    rangeTo_->setAccessibleName(tr("Range end"));
    rangeTo_->setMaximumWidth(90);
    addButton(tr("Range scan"), [this] {
        btree::Key from = 0;
        bool ok = false;
        const btree::Key to = rangeTo_->text().trimmed().toLongLong(&ok);
        if (readKey(from) && ok) {
            addOp(Op::range(std::min(from, to), std::max(from, to)));
        } else if (!ok) {
            message_->setText(tr("Type the range's last key in the \"to\" box."));
        }
    });
    ops->addWidget(rangeTo_);
    addButton(tr("Add 10 random"), [this] {
        addOp(Op::insertRandom(10, static_cast<std::uint64_t>(ops_.size()) + 1, 1, 999));
    });

    auto* presets = new QToolButton(this);
    presets->setText(tr("Presets"));
    presets->setAccessibleName(tr("Presets"));
    presets->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(presets);
    menu->addAction(tr("Sequential inserts (10 to 200)"), this, [this] {
        std::vector<Op> seq;
        for (int k = 10; k <= 200; k += 10) {
            seq.push_back(Op::insert(k));
        }
        setScenario(params_, seq);
        panel_->player()->play();
    });
    menu->addAction(tr("30 random keys"), this, [this] {
        setScenario(params_, {Op::insertRandom(30, 7, 1, 999)});
        panel_->player()->play();
    });
    menu->addAction(tr("Build, then delete (borrow and merge)"), this, [this] {
        std::vector<Op> seq;
        for (int k = 1; k <= 15; ++k) {
            seq.push_back(Op::insert(k * 10));
        }
        for (int k : {60, 70, 80, 10, 20}) {
            seq.push_back(Op::remove(k));
        }
        setScenario(params_, seq);
        panel_->player()->play();
    });
    presets->setMenu(menu);
    ops->addWidget(presets);

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
    column->addLayout(ops);

    message_ = new QLabel(this);
    message_->setAccessibleName(tr("Message"));
    column->addWidget(message_);
    panel_ = new DiagramPanel(this);
    column->addWidget(panel_, 1);
    counters_ = new QLabel(this);
    counters_->setAccessibleName(tr("Counters"));
    column->addWidget(counters_);
    connect(panel_->player(), &Player::positionChanged, this, &BTreeView::refreshCounters);
    connect(key_, &QLineEdit::returnPressed, this, [this] {
        if (btree::Key k; readKey(k)) {
            addOp(Op::insert(k));
        }
    });

    std::vector<Op> start;
    for (int k : {10, 20, 30, 40, 50, 60, 70}) {
        start.push_back(Op::insert(k));
    }
    setScenario(params_, start);
    panel_->player()->toEnd(); // open on the built tree; step back or press Home to replay it
}

bool BTreeView::readKey(btree::Key& out) {
    bool ok = false;
    const QString text = key_->text().trimmed();
    out = text.toLongLong(&ok);
    if (!ok) {
        message_->setText(text.isEmpty() ? tr("Type a whole number as the key first.")
                                         : tr("\"%1\" is not a whole number: keys here are "
                                              "integers, like PostgreSQL's bigint.")
                                               .arg(text.left(40)));
        return false;
    }
    message_->clear();
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
    panel_->player()->play();
}

void BTreeView::rebuild(int keepPosition) {
    auto d = std::make_unique<BTreeDiagram>(params_, ops_);
    diagram_ = d.get();
    panel_->setSource(std::move(d));
    if (keepPosition == -2) {
        panel_->player()->toEnd();
    } else {
        panel_->player()->seek(keepPosition);
    }
    refreshCounters();
}

void BTreeView::refreshCounters() {
    if (!diagram_) {
        return;
    }
    const int pos = panel_->player()->position();
    const btree::State s = pos < 0 ? diagram_->timeline().initialState()
                                   : diagram_->timeline().stateAfter(static_cast<std::size_t>(pos));
    counters_->setText(tr("Height: %1 levels   Nodes: %2   Keys: %3   Splits: %4   Merges: %5   "
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
