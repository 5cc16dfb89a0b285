#include "widgets/diagrams/hashslot_view.h"

#include "engines/redis/key_slot.h"
#include "widgets/canvas/counted.h"
#include "widgets/controls/range_box.h"
#include "widgets/diagrams/hashslot_histogram.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <qcustomplot.h>

namespace fg {

using redis::ClusterOp;

Status HashslotViewTraits::parse(const nlohmann::json& json, Scenario& out) {
    return parseHashslotScenario(json, out);
}

nlohmann::json HashslotViewTraits::write(const Scenario& scenario) {
    return writeHashslotScenario(scenario);
}

std::unique_ptr<HashslotDiagram>
HashslotViewTraits::diagram(Scenario scenario, std::optional<KeepOnly> only, BuildWatch* watch) {
    return std::make_unique<HashslotDiagram>(scenario.masters, scenario.replicas,
                                             std::move(scenario.ops), only, watch);
}

bool HashslotViewTraits::keyEvent(const HashslotDiagram::Step& step) {
    // A client is redirected (MOVED, ASK) or refused; a replica takes over.
    return step.redirect != redis::Redirect::kNone || step.kind == redis::StepKind::kPromote;
}

HashslotView::HashslotView(QWidget* parent) : StepView(parent, {3, 1, {}, true}) {
    auto* row = controls();
    key_ = new QLineEdit(this);
    key_->setPlaceholderText(tr("Key, e.g. user:{42}:cart"));
    key_->setAccessibleName(tr("Key"));
    key_->setToolTip(
        tr("A key: its hash slot is CRC16 of the key (or of its {hash tag}) modulo 16384"));
    limitKeyBox(key_);
    keepRoomFor(key_, 12); // however crowded the row (it shrank to "K...")
    row->addWidget(key_, 1);
    auto keyOp = [this](std::optional<std::string> value) {
        if (key_->text().isEmpty()) {
            showMessage(tr("Type a key first."));
            return;
        }
        showMessage({});
        addOp(ClusterOp::route(key_->text().toStdString(), std::move(value)));
    };
    addButton(tr("SET"),
              tr("Write the key: the client goes to the node that owns its slot (Enter too)"),
              [keyOp] { keyOp(std::string("value")); });
    addButton(tr("GET"), tr("Read the key from the node that owns its slot"),
              [keyOp] { keyOp(std::nullopt); });
    // What the cluster would refuse (a node it never had, one that is down, a replica as a
    // slot's owner) is said and not added: it was added as a step that changed nothing, and a
    // saved scenario naming node 99 did not open again (a tester's tab was gone after a restart).
    const auto addChecked = [this](const ClusterOp& op) {
        if (diagram()) {
            const std::string why =
                redis::ClusterEngine::refusal(diagram()->timeline().finalState(), op);
            if (!why.empty()) {
                showMessage(QString::fromStdString(why));
                return;
            }
        }
        addOp(op);
    };
    addButton(tr("Add node"), tr("Add an empty master; slots move to it with Move slot to node"),
              [this] { addOp(ClusterOp::addNode()); });
    auto* nodeLabel = new QLabel(tr("Node:"), this);
    row->addWidget(nodeLabel);
    node_ = new RangeSpinBox(this);
    nodeLabel->setBuddy(node_); // the label stays on the line of its box when the row wraps
    node_->setRange(0, 99);
    node_->setAccessibleName(tr("Node"));
    node_->setToolTip(tr("The node that Fail node, Remove node and Move slot to node act on"));
    row->addWidget(node_);
    addButton(tr("Fail node"), tr("Stop the node: its replica takes over its slots"),
              [this, addChecked] { addChecked(ClusterOp::failNode(node_->value())); });
    addButton(tr("Remove node"),
              tr("Take the node out of the cluster (its slots must have moved away)"),
              [this, addChecked] { addChecked(ClusterOp::removeNode(node_->value())); });
    auto* slotLabel = new QLabel(tr("Slot:"), this);
    row->addWidget(slotLabel);
    slot_ = new RangeSpinBox(this);
    slotLabel->setBuddy(slot_);
    slot_->setRange(0, redis::kSlots - 1);
    slot_->setAccessibleName(tr("Slot"));
    slot_->setToolTip(tr("A hash slot, 0 to 16383"));
    row->addWidget(slot_);
    addButton(
        tr("Move slot to node"), tr("Reshard: migrate the slot and its keys to the chosen node"),
        [this, addChecked] { addChecked(ClusterOp::migrate(slot_->value(), node_->value())); });
    addButton(
        tr("Move one key"),
        tr("Migrate one key of the slot: clients asking for it meanwhile get ASK"),
        [this, addChecked] { addChecked(ClusterOp::migrate(slot_->value(), node_->value(), 1)); });

    addPreset(tr("Hash tags keep a user's keys together"), [this] {
        setScenario(3, 1,
                    {ClusterOp::route("user:1000", "a"), ClusterOp::route("{user:1000}.name", "b"),
                     ClusterOp::route("{user:1000}.cart", "c"),
                     ClusterOp::route("user:1001", "d")});
    });
    addPreset(tr("Add a node: stale clients get MOVED"), [this] {
        std::vector<ClusterOp> seq;
        for (const char* k : {"user:1000", "order:10086", "foo", "somekey", "key1", "key2"}) {
            seq.push_back(ClusterOp::route(k, "v"));
        }
        seq.push_back(ClusterOp::addNode());
        for (const char* k : {"user:1000", "order:10086", "foo", "somekey", "key1", "key2"}) {
            seq.push_back(ClusterOp::route(k));
        }
        setScenario(3, 1, seq);
    });
    // Slot 11826 ({u}) is node 2's: one of its two keys moves to node 0, and the client asking
    // node 2 for it is sent there with ASK; the other key is still served by node 2; then the
    // slot moves whole, and the stale client gets MOVED. (It moved the slot "to" node 2, its
    // owner already, and nothing happened: tester 43.)
    addPreset(tr("Resharding a slot key by key: ASK"), [this] {
        const int slot = redis::keySlot("u");
        setScenario(3, 1,
                    {ClusterOp::route("{u}:a", "1"), ClusterOp::route("{u}:b", "2"),
                     ClusterOp::migrate(slot, 0, 1), ClusterOp::route("{u}:a"),
                     ClusterOp::route("{u}:b"), ClusterOp::migrate(slot, 0),
                     ClusterOp::route("{u}:b")});
    });
    addPreset(tr("A master fails: its replica takes over"), [this] {
        setScenario(3, 1,
                    {ClusterOp::route("user:1000", "v"), ClusterOp::failNode(0),
                     ClusterOp::route("user:1000")});
    });
    addPreset(tr("300 keys spread over the masters, then a fourth master"), [this] {
        std::vector<ClusterOp> seq;
        for (int i = 0; i < 300; ++i) {
            seq.push_back(ClusterOp::route("user:" + std::to_string(i), "v"));
        }
        seq.push_back(ClusterOp::addNode());
        setScenario(3, 1, seq);
    });
    finishControls();

    auto* plot = addChart(tr("Histogram of keys per master"));
    setUpKeysHistogram(plot);
    connect(plot, &QCustomPlot::beforeReplot, this, &HashslotView::fitNodeLabels);
    connect(key_, &QLineEdit::returnPressed, this, [keyOp] { keyOp(std::string("value")); });
    openDefaultScenario();
}

void HashslotView::fitNodeLabels() {
    QCustomPlot* plot = chart();
    if (!plot || ticks_.isEmpty()) {
        return;
    }
    // The room of one bar, less a gap between two labels. Before a replot the axis rect still
    // has the last layout's size: the plot's width now, less the margins it kept for its axes.
    const QCPAxisRect* rect = plot->axisRect();
    const int axes = rect->outerRect().width() - rect->width();
    const int width = plot->viewport().width() - std::max(0, axes);
    const QFontMetrics fm(plot->xAxis->tickLabelFont());
    const int room = width / int(ticks_.size()) - fm.averageCharWidth();
    std::size_t form = 0;
    for (; form + 1 < labels_.size(); ++form) {
        int widest = 0;
        for (const QString& label : labels_[form]) {
            for (const QString& line : label.split(QLatin1Char('\n'))) {
                widest = std::max(widest, fm.horizontalAdvance(line));
            }
        }
        if (widest <= room) {
            break;
        }
    }
    auto ticker = qSharedPointerDynamicCast<QCPAxisTickerText>(plot->xAxis->ticker());
    if (!ticker) {
        ticker = QSharedPointer<QCPAxisTickerText>::create();
        plot->xAxis->setTicker(ticker);
    }
    ticker->setTicks(ticks_, labels_[form]);
    // The axis's title only when the labels do not say what they count (a slide's chart needs
    // the line for the drawing).
    plot->xAxis->setLabel(form == 0 ? QString() : tr("master node"));
}

void HashslotView::setScenario(int masters, int replicas, std::vector<ClusterOp> ops) {
    setScenario({masters, replicas, std::move(ops), true});
}

void HashslotView::refresh() {
    const redis::ClusterState* shown = stateOnScreen();
    if (!shown) {
        return;
    }
    const auto& s = *shown;
    QStringList perNode;
    QVector<double> x, keys;
    std::array<QVector<QString>, 4> labels;
    QVector<int> ids;
    for (const auto& n : s.nodes) {
        if (!n.removed && n.replicaOf < 0) {
            const auto k = s.keysOn(n.id);
            perNode << tr("node %1: %2").arg(n.id).arg(k);
            x << double(x.size());
            keys << double(k);
            ids << n.id;
            const int slotCount = int(s.slotsOf(n.id).size());
            const QString owned = inEnglishNumber(tr("%n slot(s)", nullptr, slotCount), slotCount);
            // A failed master is no master any more (its replica took its slots): said so, as
            // its box in the drawing says it.
            if (n.alive) {
                labels[0] << tr("master node %1 \u00B7 %2").arg(n.id).arg(owned); // one line
                labels[1] << tr("node %1\n%2").arg(n.id).arg(owned);
                labels[2] << tr("node %1").arg(n.id);
                labels[3] << QString::number(n.id);
            } else {
                labels[0] << tr("failed node %1 \u00B7 %2").arg(n.id).arg(owned);
                labels[1] << tr("failed node %1\n%2").arg(n.id).arg(owned);
                labels[2] << tr("\u2718 node %1").arg(n.id);
                labels[3] << tr("\u2718%1").arg(n.id);
            }
        }
    }
    // Each master's keys while they fit a line or two; past a dozen masters, their range (with
    // 1,000 masters the list ran to 30 lines and squeezed the drawing to a strip: tester 45).
    QString keysPerNode = perNode.join(QStringLiteral(", "));
    if (perNode.size() > kMastersListed) {
        const auto [least, most] = std::minmax_element(keys.begin(), keys.end());
        keysPerNode = tr("%1 to %2 on each of %3 masters (the chart has each)")
                          .arg(qint64(*least))
                          .arg(qint64(*most))
                          .arg(perNode.size());
    }
    setCounters(tr("Routes: %1   MOVED: %2   ASK: %3   CLUSTERDOWN: %4   Keys per node: %5")
                    .arg(s.stats.routes)
                    .arg(s.stats.moved)
                    .arg(s.stats.ask)
                    .arg(s.stats.clusterDown)
                    .arg(keysPerNode));
    std::vector<KeysBar> bars;
    for (int i = 0; i < x.size(); ++i) {
        bars.push_back({ids[i], keys[i]});
    }
    QCustomPlot* plot = chart();
    ticks_ = x;
    labels_ = labels;
    drawKeysHistogram(plot, bars, theme());
    fitNodeLabels();
}

} // namespace fg
