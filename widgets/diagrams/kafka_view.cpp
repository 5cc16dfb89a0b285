#include "diagrams/kafka_view.h"

#include "diagrams/kafka_diagram.h"

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

using Kind = kafka::KafkaOp::Kind;

namespace {

kafka::KafkaOp produce(std::optional<std::string> key, int count = 1) {
    kafka::KafkaOp op;
    op.kind = Kind::Produce;
    op.topic = "orders";
    op.key = std::move(key);
    op.value = "order";
    op.count = count;
    return op;
}

kafka::KafkaOp member(Kind k, const std::string& group, const std::string& consumer) {
    kafka::KafkaOp op;
    op.kind = k;
    op.group = group;
    op.consumer = consumer;
    return op;
}

} // namespace

KafkaView::KafkaView(QWidget* parent) : QWidget(parent) {
    auto* column = new QVBoxLayout(this);
    auto* ops = new QHBoxLayout;
    key_ = new QLineEdit(this);
    key_->setPlaceholderText(tr("Key (empty: no key)"));
    key_->setAccessibleName(tr("Record key"));
    key_->setMaxLength(4096);
    ops->addWidget(key_, 1);
    auto button = [&](const QString& text, auto onClick) {
        auto* b = new QPushButton(text, this);
        b->setAccessibleName(text);
        connect(b, &QPushButton::clicked, this, onClick);
        ops->addWidget(b);
    };
    button(tr("Produce"), [this] {
        const QString k = key_->text();
        addOp(produce(k.isEmpty() ? std::nullopt : std::optional<std::string>(k.toStdString())));
    });
    button(tr("Produce 8 without key"), [this] { addOp(produce(std::nullopt, 8)); });
    consumer_ = new QLineEdit(QStringLiteral("C0"), this);
    consumer_->setAccessibleName(tr("Consumer"));
    consumer_->setMaximumWidth(90);
    ops->addWidget(consumer_);
    button(tr("Join"),
           [this] { addOp(member(Kind::Join, "orders-app", consumer_->text().toStdString())); });
    button(tr("Leave"),
           [this] { addOp(member(Kind::Leave, "orders-app", consumer_->text().toStdString())); });
    button(tr("Consume"), [this] { addOp(member(Kind::Consume, "orders-app", "")); });
    broker_ = new QSpinBox(this);
    broker_->setRange(0, 2);
    broker_->setAccessibleName(tr("Broker"));
    ops->addWidget(broker_);
    button(tr("Fail broker"), [this] {
        kafka::KafkaOp op;
        op.kind = Kind::FailBroker;
        op.broker = broker_->value();
        addOp(op);
    });
    partitioner_ = new QComboBox(this);
    partitioner_->setAccessibleName(tr("Keyless partitioner"));
    partitioner_->addItem(tr("sticky (Kafka 2.4+)"), int(kafka::Partitioner::Sticky));
    partitioner_->addItem(tr("round-robin (up to 2.3)"), int(kafka::Partitioner::RoundRobin));
    ops->addWidget(partitioner_);
    assignor_ = new QComboBox(this);
    assignor_->setAccessibleName(tr("Assignor"));
    for (auto a : {kafka::AssignorKind::Range, kafka::AssignorKind::RoundRobin,
                   kafka::AssignorKind::Sticky, kafka::AssignorKind::CooperativeSticky}) {
        assignor_->addItem(QString::fromStdString(kafka::assignorName(a)), int(a));
    }
    ops->addWidget(assignor_);
    auto reparam = [this] {
        params_.partitioner = static_cast<kafka::Partitioner>(partitioner_->currentData().toInt());
        params_.assignor = static_cast<kafka::AssignorKind>(assignor_->currentData().toInt());
        rebuild(diagram_ ? diagram_->stepCount() : -1); // same ops, new rule: show the result
        panel_->player()->toEnd();
    };
    connect(partitioner_, &QComboBox::currentIndexChanged, this, reparam);
    connect(assignor_, &QComboBox::currentIndexChanged, this, reparam);

    auto* presets = new QToolButton(this);
    presets->setText(tr("Presets"));
    presets->setAccessibleName(tr("Presets"));
    presets->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(presets);
    menu->addAction(tr("Same key, same partition, in order"), this, [this] {
        setScenario(params_, {produce(std::string("user-1")), produce(std::string("user-2")),
                              produce(std::string("user-1")), produce(std::string("hello")),
                              produce(std::string("user-1"))});
        panel_->player()->play();
    });
    menu->addAction(tr("Keyless records: sticky batches"), this, [this] {
        setScenario(params_, {produce(std::nullopt, 12)});
        panel_->player()->play();
    });
    menu->addAction(tr("A consumer group grows, then one leaves"), this, [this] {
        setScenario(params_,
                    {produce(std::nullopt, 6), member(Kind::Join, "orders-app", "C0"),
                     member(Kind::Join, "orders-app", "C1"), member(Kind::Join, "orders-app", "C2"),
                     member(Kind::Consume, "orders-app", ""),
                     member(Kind::Leave, "orders-app", "C1")});
        panel_->player()->play();
    });
    menu->addAction(tr("Two groups read the same topic (fan-out)"), this, [this] {
        setScenario(params_,
                    {produce(std::nullopt, 6), member(Kind::Join, "analytics", "A0"),
                     member(Kind::Join, "emails", "E0"), member(Kind::Join, "emails", "E1"),
                     member(Kind::Consume, "analytics", "")});
        panel_->player()->play();
    });
    menu->addAction(tr("A broker fails: a new leader from the ISR"), this, [this] {
        kafka::KafkaOp fail;
        fail.kind = Kind::FailBroker;
        fail.broker = 0;
        setScenario(params_, {produce(std::string("user-1"), 3), produce(std::nullopt, 4), fail,
                              produce(std::nullopt, 4)});
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
    connect(panel_->player(), &Player::positionChanged, this, &KafkaView::refreshCounters);
    connect(key_, &QLineEdit::returnPressed, this, [this] {
        const QString k = key_->text();
        addOp(produce(k.isEmpty() ? std::nullopt : std::optional<std::string>(k.toStdString())));
    });
    setScenario(params_, {produce(std::string("user-1")), produce(std::nullopt, 5),
                          produce(std::string("user-1")), member(Kind::Join, "orders-app", "C0"),
                          member(Kind::Join, "orders-app", "C1")});
    panel_->player()->toEnd();
}

void KafkaView::setScenario(kafka::KafkaParams params, std::vector<kafka::KafkaOp> ops) {
    params_ = std::move(params);
    ops_ = std::move(ops);
    rebuild(-1);
}

void KafkaView::addOp(const kafka::KafkaOp& op) {
    const int firstNew = diagram_ ? diagram_->stepCount() : 0;
    ops_.push_back(op);
    rebuild(firstNew - 1);
    panel_->player()->play();
}

void KafkaView::rebuild(int position) {
    auto d = std::make_unique<KafkaDiagram>(params_, ops_);
    diagram_ = d.get();
    panel_->setSource(std::move(d));
    panel_->player()->seek(position);
    refreshCounters();
}

void KafkaView::refreshCounters() {
    if (!diagram_) {
        return;
    }
    const int pos = panel_->player()->position();
    const auto s = pos < 0 ? diagram_->timeline().initialState()
                           : diagram_->timeline().stateAfter(static_cast<std::size_t>(pos));
    counters_->setText(tr("Records: %1   Consumed: %2   Rebalances: %3   Partitions moved: %4   "
                          "Leader elections: %5   Rejected writes: %6")
                           .arg(s.stats.produced)
                           .arg(s.stats.consumed)
                           .arg(s.stats.rebalances)
                           .arg(s.stats.partitionsMoved)
                           .arg(s.stats.elections)
                           .arg(s.stats.rejected));
}

} // namespace fg
