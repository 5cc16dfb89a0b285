#include "diagrams/hashslot_view.h"

#include "diagrams/hashslot_diagram.h"
#include "redis/key_slot.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

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

HashslotView::HashslotView(QWidget* parent) : QWidget(parent) {
    auto* column = new QVBoxLayout(this);
    auto* ops = new QHBoxLayout;
    key_ = new QLineEdit(this);
    key_->setPlaceholderText(tr("Key, e.g. user:{42}:cart"));
    key_->setAccessibleName(tr("Key"));
    key_->setMaxLength(4096);
    ops->addWidget(key_, 1);
    auto button = [&](const QString& text, auto onClick) {
        auto* b = new QPushButton(text, this);
        b->setAccessibleName(text);
        connect(b, &QPushButton::clicked, this, onClick);
        ops->addWidget(b);
    };
    button(tr("SET"), [this] {
        if (!key_->text().isEmpty()) {
            addOp(route(key_->text().toStdString(), std::string("value")));
        }
    });
    button(tr("GET"), [this] {
        if (!key_->text().isEmpty()) {
            addOp(route(key_->text().toStdString(), std::nullopt));
        }
    });
    button(tr("Add node"), [this] { addOp(nodeOp(Kind::AddNode)); });
    ops->addWidget(new QLabel(tr("Node:"), this));
    node_ = new QSpinBox(this);
    node_->setRange(0, 99);
    node_->setAccessibleName(tr("Node"));
    ops->addWidget(node_);
    button(tr("Fail node"), [this] { addOp(nodeOp(Kind::FailNode, node_->value())); });
    button(tr("Remove node"), [this] { addOp(nodeOp(Kind::RemoveNode, node_->value())); });
    ops->addWidget(new QLabel(tr("Slot:"), this));
    slot_ = new QSpinBox(this);
    slot_->setRange(0, redis::kSlots - 1);
    slot_->setAccessibleName(tr("Slot"));
    ops->addWidget(slot_);
    button(tr("Move slot to node"), [this] { addOp(migrate(slot_->value(), node_->value(), -1)); });
    button(tr("Move one key"), [this] { addOp(migrate(slot_->value(), node_->value(), 1)); });

    auto* presets = new QToolButton(this);
    presets->setText(tr("Presets"));
    presets->setAccessibleName(tr("Presets"));
    presets->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(presets);
    menu->addAction(tr("Hash tags keep a user's keys together"), this, [this] {
        setScenario(
            3, 1,
            {route("user:1000", std::string("a")), route("{user:1000}.name", std::string("b")),
             route("{user:1000}.cart", std::string("c")), route("user:1001", std::string("d"))});
        panel_->player()->play();
    });
    menu->addAction(tr("Add a node: stale clients get MOVED"), this, [this] {
        std::vector<redis::ClusterOp> seq;
        for (const char* k : {"user:1000", "order:10086", "foo", "somekey", "key1", "key2"}) {
            seq.push_back(route(k, std::string("v")));
        }
        seq.push_back(nodeOp(Kind::AddNode));
        for (const char* k : {"user:1000", "order:10086", "foo", "somekey", "key1", "key2"}) {
            seq.push_back(route(k, std::nullopt));
        }
        setScenario(3, 1, seq);
        panel_->player()->play();
    });
    menu->addAction(tr("Resharding a slot key by key: ASK"), this, [this] {
        const int slot = redis::keySlot("u");
        setScenario(3, 1,
                    {route("{u}:a", std::string("1")), route("{u}:b", std::string("2")),
                     migrate(slot, 2, 1), route("{u}:a", std::nullopt),
                     route("{u}:b", std::nullopt), migrate(slot, 2, -1),
                     route("{u}:b", std::nullopt)});
        panel_->player()->play();
    });
    menu->addAction(tr("A master fails: its replica takes over"), this, [this] {
        setScenario(3, 1,
                    {route("user:1000", std::string("v")), nodeOp(Kind::FailNode, 0),
                     route("user:1000", std::nullopt)});
        panel_->player()->play();
    });
    presets->setMenu(menu);
    ops->addWidget(presets);
    column->addLayout(ops);

    panel_ = new DiagramPanel(this);
    column->addWidget(panel_, 1);
    counters_ = new QLabel(this);
    counters_->setAccessibleName(tr("Counters"));
    column->addWidget(counters_);
    connect(panel_->player(), &Player::positionChanged, this, &HashslotView::refreshCounters);
    connect(key_, &QLineEdit::returnPressed, this, [this] {
        if (!key_->text().isEmpty()) {
            addOp(route(key_->text().toStdString(), std::string("value")));
        }
    });
    setScenario(3, 1,
                {route("user:1000", std::string("Ada")),
                 route("{user:1000}.cart", std::string("3 items")),
                 route("order:10086", std::string("paid"))});
    panel_->player()->toEnd();
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
    panel_->player()->play();
}

void HashslotView::rebuild(int position) {
    auto d = std::make_unique<HashslotDiagram>(masters_, replicas_, ops_);
    diagram_ = d.get();
    panel_->setSource(std::move(d));
    panel_->player()->seek(position);
    refreshCounters();
}

void HashslotView::refreshCounters() {
    if (!diagram_) {
        return;
    }
    const int pos = panel_->player()->position();
    const auto s = pos < 0 ? diagram_->timeline().initialState()
                           : diagram_->timeline().stateAfter(static_cast<std::size_t>(pos));
    QStringList perNode;
    for (const auto& n : s.nodes) {
        if (!n.removed && n.replicaOf < 0) {
            perNode << tr("node %1: %2").arg(n.id).arg(s.keysOn(n.id));
        }
    }
    counters_->setText(tr("Routes: %1   MOVED: %2   ASK: %3   CLUSTERDOWN: %4   Keys per node: %5")
                           .arg(s.stats.routes)
                           .arg(s.stats.moved)
                           .arg(s.stats.ask)
                           .arg(s.stats.clusterDown)
                           .arg(perNode.join(QStringLiteral(", "))));
}

} // namespace fg
