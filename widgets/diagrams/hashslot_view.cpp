#include "widgets/diagrams/hashslot_view.h"

#include "engines/redis/key_slot.h"
#include "engines/scenario/scenario_writer.h"
#include "widgets/diagrams/hashslot_diagram.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <qcustomplot.h>

namespace fg {

using Kind = redis::ClusterOp::Kind;

namespace {

redis::ClusterOp route(const std::string& key, std::optional<std::string> value) {
    redis::ClusterOp op;
    op.kind = Kind::Route;
    op.key = key;
    op.value = std::move(value);
    return op;
}

redis::ClusterOp nodeOp(Kind k, int node = -1) {
    redis::ClusterOp op;
    op.kind = k;
    op.node = node;
    return op;
}

redis::ClusterOp migrate(int slot, int to, int batch) {
    redis::ClusterOp op;
    op.kind = Kind::Migrate;
    op.slot = slot;
    op.to = to;
    op.batch = batch;
    return op;
}

} // namespace

HashslotView::HashslotView(QWidget* parent) : DiagramView(parent) {
    auto* ops = controls();
    key_ = new QLineEdit(this);
    key_->setPlaceholderText(tr("Key, e.g. user:{42}:cart"));
    key_->setAccessibleName(tr("Key"));
    key_->setMaxLength(4096);
    ops->addWidget(key_, 1);
    auto keyOp = [this](std::optional<std::string> value) {
        if (key_->text().isEmpty()) {
            showMessage(tr("Type a key first."));
            return;
        }
        showMessage({});
        addOp(route(key_->text().toStdString(), std::move(value)));
    };
    addButton(tr("SET"), [keyOp] { keyOp(std::string("value")); });
    addButton(tr("GET"), [keyOp] { keyOp(std::nullopt); });
    addButton(tr("Add node"), [this] { addOp(nodeOp(Kind::AddNode)); });
    ops->addWidget(new QLabel(tr("Node:"), this));
    node_ = new QSpinBox(this);
    node_->setRange(0, 99);
    node_->setAccessibleName(tr("Node"));
    ops->addWidget(node_);
    addButton(tr("Fail node"), [this] { addOp(nodeOp(Kind::FailNode, node_->value())); });
    addButton(tr("Remove node"), [this] { addOp(nodeOp(Kind::RemoveNode, node_->value())); });
    ops->addWidget(new QLabel(tr("Slot:"), this));
    slot_ = new QSpinBox(this);
    slot_->setRange(0, redis::kSlots - 1);
    slot_->setAccessibleName(tr("Slot"));
    ops->addWidget(slot_);
    addButton(tr("Move slot to node"),
              [this] { addOp(migrate(slot_->value(), node_->value(), -1)); });
    addButton(tr("Move one key"), [this] { addOp(migrate(slot_->value(), node_->value(), 1)); });

    addPreset(tr("Hash tags keep a user's keys together"), [this] {
        setScenario(
            3, 1,
            {route("user:1000", std::string("a")), route("{user:1000}.name", std::string("b")),
             route("{user:1000}.cart", std::string("c")), route("user:1001", std::string("d"))});
    });
    addPreset(tr("Add a node: stale clients get MOVED"), [this] {
        std::vector<redis::ClusterOp> seq;
        for (const char* k : {"user:1000", "order:10086", "foo", "somekey", "key1", "key2"}) {
            seq.push_back(route(k, std::string("v")));
        }
        seq.push_back(nodeOp(Kind::AddNode));
        for (const char* k : {"user:1000", "order:10086", "foo", "somekey", "key1", "key2"}) {
            seq.push_back(route(k, std::nullopt));
        }
        setScenario(3, 1, seq);
    });
    addPreset(tr("Resharding a slot key by key: ASK"), [this] {
        const int slot = redis::keySlot("u");
        setScenario(3, 1,
                    {route("{u}:a", std::string("1")), route("{u}:b", std::string("2")),
                     migrate(slot, 2, 1), route("{u}:a", std::nullopt),
                     route("{u}:b", std::nullopt), migrate(slot, 2, -1),
                     route("{u}:b", std::nullopt)});
    });
    addPreset(tr("A master fails: its replica takes over"), [this] {
        setScenario(3, 1,
                    {route("user:1000", std::string("v")), nodeOp(Kind::FailNode, 0),
                     route("user:1000", std::nullopt)});
    });
    addPreset(tr("300 keys spread over the masters, then a fourth master"), [this] {
        std::vector<redis::ClusterOp> seq;
        for (int i = 0; i < 300; ++i) {
            seq.push_back(route("user:" + std::to_string(i), std::string("v")));
        }
        seq.push_back(nodeOp(Kind::AddNode));
        setScenario(3, 1, seq);
    });
    finishControls();

    auto* plot = addChart(tr("Histogram of keys per master"));
    plot->xAxis->setLabel(tr("master node"));
    plot->yAxis->setLabel(tr("keys"));
    plot->legend->setVisible(false);
    connect(key_, &QLineEdit::returnPressed, this, [keyOp] { keyOp(std::string("value")); });
    openDefaultScenario();
}

void HashslotView::setScenario(int masters, int replicas, std::vector<redis::ClusterOp> ops) {
    masters_ = masters;
    replicas_ = replicas;
    ops_ = std::move(ops);
    rebuild(-1);
}

void HashslotView::addOp(const redis::ClusterOp& op) {
    const int firstNew = diagram_ ? diagram_->stepCount() : 0;
    ops_.push_back(op);
    rebuild(firstNew - 1);
    panel()->player()->play();
}

void HashslotView::rebuild(int position) {
    auto d = std::make_unique<HashslotDiagram>(masters_, replicas_, ops_);
    diagram_ = d.get();
    showSource(std::move(d), position);
}

nlohmann::json HashslotView::scenarioJson() const {
    return writeHashslotScenario({masters_, replicas_, ops_, true});
}

Status HashslotView::applyScenario(const nlohmann::json& scenario) {
    HashslotScenario s;
    if (Status st = parseHashslotScenario(scenario, s); !st) {
        return st;
    }
    setScenario(s.masters, s.replicas, std::move(s.ops));
    return Status::ok();
}

void HashslotView::refresh() {
    if (!diagram_) {
        return;
    }
    const auto& s = diagram_->stateAt(panel()->player()->position());
    QStringList perNode;
    QVector<double> x, keys;
    QVector<QString> labels;
    for (const auto& n : s.nodes) {
        if (!n.removed && n.replicaOf < 0) {
            const auto k = s.keysOn(n.id);
            perNode << tr("node %1: %2").arg(n.id).arg(k);
            x << double(x.size());
            keys << double(k);
            labels << tr("node %1\n%2 slots").arg(n.id).arg(s.slotsOf(n.id).size());
        }
    }
    setCounters(tr("Routes: %1   MOVED: %2   ASK: %3   CLUSTERDOWN: %4   Keys per node: %5")
                    .arg(s.stats.routes)
                    .arg(s.stats.moved)
                    .arg(s.stats.ask)
                    .arg(s.stats.clusterDown)
                    .arg(perNode.join(QStringLiteral(", "))));
    QCustomPlot* plot = chart();
    plot->clearPlottables();
    // One bar per master, in the colour the diagram gives that node.
    for (int i = 0; i < x.size(); ++i) {
        auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
        bars->setData({x[i]}, {keys[i]}, true);
        bars->setWidth(0.6);
        const QColor c = theme().categorical[std::size_t(i) % theme().categorical.size()];
        bars->setPen(QPen(c.darker(130), theme().lineWidth));
        QColor fill = c;
        fill.setAlpha(170);
        bars->setBrush(fill);
    }
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    ticker->addTicks(x, labels);
    plot->xAxis->setTicker(ticker);
    plot->xAxis->setRange(-0.6, std::max<double>(1, x.size()) - 0.4);
    double top = 1;
    for (double k : keys) {
        top = std::max(top, k);
    }
    plot->yAxis->setRange(0, top * 1.15);
    plot->replot();
}

} // namespace fg
