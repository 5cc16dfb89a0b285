#include "widgets/diagrams/kafka_view.h"

#include "engines/scenario/scenario_writer.h"
#include "widgets/diagrams/kafka_diagram.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

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

KafkaView::KafkaView(QWidget* parent) : DiagramView(parent) {
    auto* ops = controls();
    key_ = new QLineEdit(this);
    key_->setPlaceholderText(tr("Key (empty: no key)"));
    key_->setAccessibleName(tr("Record key"));
    key_->setMaxLength(4096);
    ops->addWidget(key_, 1);
    addButton(tr("Produce"), [this] {
        const QString k = key_->text();
        addOp(produce(k.isEmpty() ? std::nullopt : std::optional<std::string>(k.toStdString())));
    });
    addButton(tr("Produce 8 without key"), [this] { addOp(produce(std::nullopt, 8)); });
    consumer_ = new QLineEdit(QStringLiteral("C0"), this);
    consumer_->setAccessibleName(tr("Consumer"));
    consumer_->setMaximumWidth(90);
    ops->addWidget(consumer_);
    addButton(tr("Join"),
              [this] { addOp(member(Kind::Join, "orders-app", consumer_->text().toStdString())); });
    addButton(tr("Leave"), [this] {
        addOp(member(Kind::Leave, "orders-app", consumer_->text().toStdString()));
    });
    addButton(tr("Consume"), [this] { addOp(member(Kind::Consume, "orders-app", "")); });
    broker_ = new QSpinBox(this);
    broker_->setRange(0, 2);
    broker_->setAccessibleName(tr("Broker"));
    ops->addWidget(broker_);
    addButton(tr("Fail broker"), [this] {
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
        rebuild(-2); // same ops, new rule: show the result
    };
    connect(partitioner_, &QComboBox::currentIndexChanged, this, reparam);
    connect(assignor_, &QComboBox::currentIndexChanged, this, reparam);

    addPreset(tr("Same key, same partition, in order"), [this] {
        setScenario(params_, {produce(std::string("user-1")), produce(std::string("user-2")),
                              produce(std::string("user-1")), produce(std::string("hello")),
                              produce(std::string("user-1"))});
    });
    addPreset(tr("Keyless records: sticky batches"),
              [this] { setScenario(params_, {produce(std::nullopt, 12)}); });
    addPreset(tr("A consumer group grows, then one leaves"), [this] {
        setScenario(params_,
                    {produce(std::nullopt, 6), member(Kind::Join, "orders-app", "C0"),
                     member(Kind::Join, "orders-app", "C1"), member(Kind::Join, "orders-app", "C2"),
                     member(Kind::Consume, "orders-app", ""),
                     member(Kind::Leave, "orders-app", "C1")});
    });
    addPreset(tr("Two groups read the same topic (fan-out)"), [this] {
        setScenario(params_,
                    {produce(std::nullopt, 6), member(Kind::Join, "analytics", "A0"),
                     member(Kind::Join, "emails", "E0"), member(Kind::Join, "emails", "E1"),
                     member(Kind::Consume, "analytics", "")});
    });
    addPreset(tr("A broker fails: a new leader from the ISR"), [this] {
        kafka::KafkaOp fail;
        fail.kind = Kind::FailBroker;
        fail.broker = 0;
        setScenario(params_, {produce(std::string("user-1"), 3), produce(std::nullopt, 4), fail,
                              produce(std::nullopt, 4)});
    });
    finishControls();
    connect(key_, &QLineEdit::returnPressed, this, [this] {
        const QString k = key_->text();
        addOp(produce(k.isEmpty() ? std::nullopt : std::optional<std::string>(k.toStdString())));
    });
    openDefaultScenario();
}

void KafkaView::setScenario(kafka::KafkaParams params, std::vector<kafka::KafkaOp> ops) {
    params_ = std::move(params);
    ops_ = std::move(ops);
    const QSignalBlocker b1(partitioner_), b2(assignor_);
    if (const int i = partitioner_->findData(int(params_.partitioner)); i >= 0) {
        partitioner_->setCurrentIndex(i);
    }
    if (const int i = assignor_->findData(int(params_.assignor)); i >= 0) {
        assignor_->setCurrentIndex(i);
    }
    broker_->setRange(0, std::max(0, params_.brokers - 1));
    rebuild(-1);
}

void KafkaView::addOp(const kafka::KafkaOp& op) {
    const int firstNew = diagram_ ? diagram_->stepCount() : 0;
    ops_.push_back(op);
    rebuild(firstNew - 1);
    panel()->player()->play();
}

void KafkaView::rebuild(int position) {
    auto d = std::make_unique<KafkaDiagram>(params_, ops_);
    diagram_ = d.get();
    showSource(std::move(d), position);
}

nlohmann::json KafkaView::scenarioJson() const {
    return writeKafkaScenario({params_, ops_, true});
}

Status KafkaView::applyScenario(const nlohmann::json& scenario) {
    KafkaScenario s;
    if (Status st = parseKafkaScenario(scenario, s); !st) {
        return st;
    }
    setScenario(std::move(s.params), std::move(s.ops));
    return Status::ok();
}

void KafkaView::refresh() {
    if (!diagram_) {
        return;
    }
    const auto& s = diagram_->stateAt(panel()->player()->position());
    setCounters(tr("Records: %1   Consumed: %2   Rebalances: %3   Partitions moved: %4   "
                   "Leader elections: %5   Rejected writes: %6")
                    .arg(s.stats.produced)
                    .arg(s.stats.consumed)
                    .arg(s.stats.rebalances)
                    .arg(s.stats.partitionsMoved)
                    .arg(s.stats.elections)
                    .arg(s.stats.rejected));
}

} // namespace fg
