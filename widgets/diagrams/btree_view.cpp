#include "widgets/diagrams/btree_view.h"

#include "widgets/canvas/counted.h"
#include "widgets/controls/range_box.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <limits>
#include <nlohmann/json.hpp>

namespace fg {

using btree::Op;

namespace {

// The variants the page offers, in the order of its list: the textbook B-Tree, the B+-tree, and
// the B+-tree as PostgreSQL keeps it (rightmost leaf split 90% full, no merge on delete).
btree::Params variantParams(int index, int order) {
    switch (index) {
    case 1:
        return btree::Params::bplusWithOrder(order);
    case 2:
        return btree::Params::bplusWithOrder(order, btree::Params::kPostgresFill, false);
    default:
        return btree::Params::withOrder(order);
    }
}

// The list entry that shows `p` (a B+-tree with either PostgreSQL option is "as PostgreSQL").
int variantIndex(const btree::Params& p) {
    if (!p.bplus()) {
        return 0;
    }
    return p.rightmostFill > 0 || !p.mergeOnDelete ? 2 : 1;
}

} // namespace

Status BTreeViewTraits::parse(const nlohmann::json& json, Scenario& out) {
    return parseBtreeScenario(json, out);
}

nlohmann::json BTreeViewTraits::write(const Scenario& scenario) {
    return writeBtreeScenario(scenario);
}

std::unique_ptr<BTreeDiagram>
BTreeViewTraits::diagram(Scenario scenario, std::optional<KeepOnly> only, BuildWatch* watch) {
    return std::make_unique<BTreeDiagram>(std::move(scenario.params), std::move(scenario.ops), only,
                                          watch);
}

bool BTreeViewTraits::keyEvent(const BTreeDiagram::Step& step) {
    // A node splits, borrows or merges: what the diagram is about.
    using K = btree::StepKind;
    return step.kind == K::kSplit || step.kind == K::kBorrow || step.kind == K::kMerge ||
           step.kind == K::kLeafSplit || step.kind == K::kLeafBorrow || step.kind == K::kLeafMerge;
}

BTreeView::BTreeView(QWidget* parent) : StepView(parent, {btree::Params::withOrder(4), {}, true}) {
    auto* row = controls();
    key_ = new QLineEdit(this);
    key_->setPlaceholderText(tr("Key, e.g. 42"));
    key_->setAccessibleName(tr("Key"));
    key_->setToolTip(tr("A whole number to insert, search for or delete (Enter inserts)"));
    key_->setMaximumWidth(220);
    keepRoomFor(key_, 12); // its hint whole, however narrow the page (it was ~50 px)
    row->addWidget(key_, 1);
    addButton(tr("Insert"),
              tr("Add the key: it goes down to a leaf; a full node splits and pushes its "
                 "middle key up (a B+-tree's leaf copies its right half's first key up)"),
              [this] {
                  if (btree::Key k; readKey(k)) {
                      addOp(Op::insert(k));
                  }
              });
    addButton(tr("Search"),
              tr("Follow the key from the root down to the leaf that holds it, or would"), [this] {
                  if (btree::Key k; readKey(k)) {
                      addOp(Op::search(k));
                  }
              });
    addButton(tr("Delete"),
              tr("Remove the key: a node left too empty borrows from a sibling or merges with it "
                 "(PostgreSQL's B+-tree leaves it as it is)"),
              [this] {
                  if (btree::Key k; readKey(k)) {
                      addOp(Op::remove(k));
                  }
              });
    addButton(tr("Range scan"),
              tr("Find the first key, then walk the leaves in order up to the range end"), [this] {
                  btree::Key from = 0, to = 0;
                  if (!readKey(from)) {
                      return;
                  }
                  if (rangeTo_->text().trimmed().isEmpty()) {
                      showMessage(tr("Type the range's last key in the \"to\" box."));
                      return;
                  }
                  if (!readKey(rangeTo_, to)) {
                      return;
                  }
                  addOp(Op::range(std::min(from, to), std::max(from, to)));
                  if (from > to) { // said, not swapped silently
                      showMessage(tr("A range scan walks the leaves from its smaller key: "
                                     "%1 to %2 is scanned as %2 to %1.")
                                      .arg(from)
                                      .arg(to));
                  }
              });
    rangeTo_ = new QLineEdit(this);
    rangeTo_->setPlaceholderText(tr("to"));
    rangeTo_->setAccessibleName(tr("Range end"));
    rangeTo_->setToolTip(tr("The last key of the range scan"));
    rangeTo_->setMaximumWidth(140);
    keepRoomFor(rangeTo_, 8); // room for a key of several digits (it was a sliver)
    row->addWidget(rangeTo_);
    addButton(tr("Add 10 random"), tr("Insert ten random keys, one after the other"), [this] {
        addOp(Op::insertRandom(10, static_cast<std::uint64_t>(ops().size()) + 1, 1, 999));
    });

    addPreset(tr("Sequential inserts (10 to 200)"), [this] {
        std::vector<Op> seq;
        for (int k = 10; k <= 200; k += 10) {
            seq.push_back(Op::insert(k));
        }
        setScenario(defaults().params, seq);
    });
    addPreset(tr("30 random keys"),
              [this] { setScenario(defaults().params, {Op::insertRandom(30, 7, 1, 999)}); });
    addPreset(tr("Build, then delete (borrow and merge)"), [this] {
        std::vector<Op> seq;
        for (int k = 1; k <= 15; ++k) {
            seq.push_back(Op::insert(k * 10));
        }
        for (int k : {60, 70, 80, 10, 20}) {
            seq.push_back(Op::remove(k));
        }
        setScenario(defaults().params, seq);
    });
    // Order 11: a leaf holds 10 keys, and a rightmost split at 90% keeps 9 on the left; 36 keys
    // make four leaves of 9 (the rightmost splits only when it reaches 11).
    addPreset(tr("PostgreSQL's B+-tree: 36 keys in ascending order fill every leaf 90% "
                 "(order 11), then a range scan"),
              [this] {
                  std::vector<Op> seq;
                  for (int k = 1; k <= 36; ++k) {
                      seq.push_back(Op::insert(k));
                  }
                  seq.push_back(Op::range(12, 23));
                  setScenario(variantParams(2, 11), seq);
              });
    // 100,000 random draws from 1..9,999,999 collide: 515 draw a key already in the tree, and an
    // insert of a key already present changes nothing (test_btree_view checks the count).
    addPreset(tr("A real index: 100,000 random inserts (99,485 distinct keys) at order 64, then "
                 "a search"),
              [this] {
                  setScenario(btree::Params::withOrder(64),
                              {Op::insertRandom(100'000, 64, 1, 9'999'999), Op::search(4'242'424)},
                              stepsBeforeLast(3));
              });
    variant_ = new QComboBox(this);
    variant_->addItem(tr("B-Tree"));
    variant_->addItem(tr("B+-tree"));
    variant_->addItem(tr("B+-tree, as PostgreSQL"));
    variant_->setCurrentIndex(variantIndex(params()));
    variant_->setAccessibleName(tr("Tree variant"));
    variant_->setToolTip(
        tr("B-Tree: each key sits in one node, inner or leaf.\nB+-tree: every key sits in a "
           "leaf; inner nodes hold copies of leaf keys (separators) that guide a search, and each "
           "leaf links to the next for range scans.\nAs PostgreSQL: a B+-tree whose rightmost "
           "leaf splits leaving 90% on the left (its fillfactor), so ascending keys pack the "
           "leaves, and whose deletes never merge leaves."));
    connect(variant_, &QComboBox::currentIndexChanged, this, [this](int i) {
        changeParams([i](Scenario& s) { s.params = variantParams(i, s.params.order); });
    });
    finishControls();

    row->addStretch(1);
    row->addWidget(variant_);
    auto* orderLabel = new QLabel(tr("Order (most children per node):"), this);
    row->addWidget(orderLabel);
    order_ = new RangeSpinBox(this);
    order_->setRange(btree::Params::kMinOrder, btree::Params::kMaxOrder);
    order_->setValue(params().order);
    order_->setAccessibleName(tr("Order"));
    order_->setToolTip(tr("The most children a node may have; a node holds one key fewer"));
    orderLabel->setBuddy(order_);
    connect(order_, &QSpinBox::valueChanged, this, [this](int m) {
        changeParams([m](Scenario& s) { // the variant stays; a CLRS tree splits on overflow now
            s.params.order = m;
            s.params.split = btree::SplitRule::kOnOverflow;
        });
    });
    row->addWidget(order_);
    connect(key_, &QLineEdit::returnPressed, this, [this] {
        if (btree::Key k; readKey(k)) {
            addOp(Op::insert(k));
        }
    });

    openDefaultScenario();
}

bool BTreeView::readKey(btree::Key& out) {
    return readKey(key_, out);
}

bool BTreeView::readKey(const QLineEdit* box, btree::Key& out) {
    bool ok = false;
    const QString text = box->text().trimmed();
    out = text.toLongLong(&ok);
    if (!ok) {
        // Digits that do not fit are a whole number all the same: say what is wrong with it.
        static const QRegularExpression digits(QStringLiteral("^[+-]?[0-9]+$"));
        showMessage(
            text.isEmpty() ? tr("Type a whole number as the key first.")
            : digits.match(text).hasMatch()
                ? tr("%1 is too large: keys here are integers from %2 to %3, like "
                     "PostgreSQL's bigint.")
                      .arg(text.size() > 40 ? text.left(40) + QStringLiteral("\u2026") : text)
                      .arg(std::numeric_limits<qlonglong>::min())
                      .arg(std::numeric_limits<qlonglong>::max())
                : tr("\"%1\" is not a whole number: keys here are integers, like "
                     "PostgreSQL's bigint.")
                      .arg(text.left(40)));
        return false;
    }
    showMessage({});
    return true;
}

void BTreeView::setScenario(btree::Params params, std::vector<Op> ops, int position) {
    setScenario({params, std::move(ops), true}, position);
}

void BTreeView::showParams(const Scenario& scenario) {
    const QSignalBlocker block(order_);
    order_->setValue(scenario.params.order);
    const QSignalBlocker blockVariant(variant_);
    variant_->setCurrentIndex(variantIndex(scenario.params));
}

void BTreeView::refresh() {
    const btree::State* shown = stateOnScreen();
    if (!shown) {
        return;
    }
    const auto& s = *shown;
    QString counters =
        tr("Height: %1   Nodes: %2   Keys: %3   Splits: %4   Merges: %5   "
           "Page writes: %6   Page reads: %7")
            .arg(inEnglishNumber(tr("%n level(s)", nullptr, int(s.stats.height)), s.stats.height))
            .arg(s.stats.nodes)
            .arg(s.stats.keys)
            .arg(s.stats.splits)
            .arg(s.stats.merges)
            .arg(s.stats.pageWrites)
            .arg(s.stats.pageReads);
    if (s.bplus) {
        // How full the leaves are: what PostgreSQL's pgstatindex calls avg_leaf_density.
        const double capacity = double(s.stats.leaves) * params().maxKeys();
        if (double(s.stats.keys) > capacity) {
            // A leaf past its capacity, its split to come (the next step): "108% full" read as
            // a tree fuller than full (a tester).
            const auto over = static_cast<int>(double(s.stats.keys) - capacity);
            counters += inEnglishNumber(tr("   Leaves: %1, full, and %n key(s) over until the "
                                           "split",
                                           nullptr, over),
                                        over)
                            .arg(s.stats.leaves);
        } else {
            counters += tr("   Leaves: %1, %2% full")
                            .arg(s.stats.leaves)
                            .arg(qRound(100.0 * double(s.stats.keys) / capacity));
        }
    }
    setCounters(counters);
}

} // namespace fg
