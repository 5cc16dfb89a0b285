#include "widgets/diagrams/kafka_view.h"

#include "widgets/controls/range_box.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>

namespace fg {

using kafka::KafkaOp;

namespace {

// The page's records go to topic "orders", valued "order" ("order-0", "order-1"... in a batch).
KafkaOp produce(std::optional<std::string> key, int count = 1) {
    return KafkaOp::produce("orders", std::move(key), "order", count);
}

// The typed key, or none when the box is empty.
std::optional<std::string> keyOf(const QLineEdit* box) {
    const QString k = box->text();
    return k.isEmpty() ? std::nullopt : std::optional<std::string>(k.toStdString());
}

} // namespace

Status KafkaViewTraits::parse(const nlohmann::json& json, Scenario& out) {
    return parseKafkaScenario(json, out);
}

nlohmann::json KafkaViewTraits::write(const Scenario& scenario) {
    return writeKafkaScenario(scenario);
}

std::unique_ptr<KafkaDiagram>
KafkaViewTraits::diagram(Scenario scenario, std::optional<KeepOnly> only, BuildWatch* watch) {
    return std::make_unique<KafkaDiagram>(std::move(scenario.params), std::move(scenario.ops), only,
                                          watch);
}

bool KafkaViewTraits::keyEvent(const KafkaDiagram::Step& step) {
    // The group rebalances; a partition gets a new leader.
    return step.kind == kafka::StepKind::kRebalance ||
           step.kind == kafka::StepKind::kLeaderElection;
}

KafkaView::KafkaView(QWidget* parent) : StepView(parent) {
    auto* row = controls();
    // What each count counts (a tester read "Partitions moved: 1" after C1 left and expected 2).
    setCountersToolTip(
        tr("Rebalances: the times the group handed its partitions out again (a consumer joined "
           "or left).\n"
           "Partitions moved: partitions taken from one consumer and given to another at a "
           "rebalance, all rebalances counted. A leaving consumer's partitions are handed on, "
           "not taken from anyone, so they do not count.\n"
           "Leader elections: partitions that lost their leader with a broker (a new leader was "
           "chosen, or none was in sync: offline), or got one back when a broker returned.\n"
           "Rejected writes: records refused (no such topic, or their partition had no leader)."));
    key_ = new QLineEdit(this);
    // A short hint that fits the box ("Key (empty..." was cut); the tooltip says the rest.
    key_->setPlaceholderText(tr("Key"));
    key_->setAccessibleName(tr("Record key"));
    key_->setToolTip(tr("The record's key: records with the same key go to the same partition. "
                        "Leave it empty to send a record without a key."));
    limitKeyBox(key_);
    keepRoomFor(key_, 12); // however crowded the row (it shrank to "K...")
    row->addWidget(key_, 1);
    addButton(tr("Produce"), tr("Send one record with this key"),
              [this] { addOp(produce(keyOf(key_))); });
    addButton(tr("Produce 8 without key"),
              tr("Send eight records without a key: the keyless partitioner places them"),
              [this] { addOp(produce(std::nullopt, 8)); });
    auto* consumerLabel = new QLabel(tr("Consumer:"), this);
    row->addWidget(consumerLabel);
    consumer_ = new QLineEdit(QStringLiteral("C0"), this);
    consumerLabel->setBuddy(consumer_);
    consumer_->setAccessibleName(tr("Consumer"));
    consumer_->setToolTip(tr("The name of a consumer in the group orders-app"));
    keepRoomFor(consumer_, 6, 10); // names are short: C0, C1
    row->addWidget(consumer_);
    // A consumer is known by its name: an empty one (a tester's) drew a nameless box holding a
    // partition the group said nobody read.
    const auto named = [this]() -> std::optional<std::string> {
        const QString name = consumer_->text().trimmed();
        if (name.isEmpty()) {
            showMessage(tr("Type the consumer's name first (C0, C1...): the group knows its "
                           "members by name."));
            consumer_->setFocus();
            return std::nullopt;
        }
        showMessage({});
        return name.toStdString();
    };
    // The group orders-app as the operations so far leave it (the engine's last state), or
    // null; and whether `name` is among its members. Leave and Consume ask it before adding.
    const auto group = [this]() -> const kafka::GroupState* {
        if (!diagram()) {
            return nullptr;
        }
        const auto& groups = diagram()->timeline().finalState().groups;
        const auto g = groups.find("orders-app");
        return g == groups.end() ? nullptr : &g->second;
    };
    const auto memberOf = [](const kafka::GroupState* g, const std::string& name) {
        return g && std::any_of(g->members.begin(), g->members.end(),
                                [&](const auto& m) { return m.id == name; });
    };
    QPushButton* join =
        addButton(tr("Join"), tr("The consumer joins the group: partitions are assigned again"),
                  [this, named] {
                      if (const auto name = named()) {
                          addOp(KafkaOp::join("orders-app", *name));
                      }
                  });
    // Enter in the name joins, as Enter in the key produces (a tester pressed it: nothing).
    connect(consumer_, &QLineEdit::returnPressed, join, &QPushButton::click);
    addButton(tr("Leave"), tr("The consumer leaves the group: its partitions go to the others"),
              [this, named, group, memberOf] {
                  const auto name = named();
                  if (!name) {
                      return;
                  }
                  if (!memberOf(group(), *name)) {
                      showMessage(tr("%1 is not in the group orders-app, so it has nothing to "
                                     "leave (Kafka answers UNKNOWN_MEMBER_ID and nothing moves). "
                                     "Join it first.")
                                      .arg(QString::fromStdString(*name)));
                      return;
                  }
                  addOp(KafkaOp::leave("orders-app", *name));
              });
    // The consumer named in the box reads, as a Kafka consumer polls for itself (a tester typed
    // C3 and saw C0, C1 and C2 read).
    addButton(tr("Consume"),
              tr("The consumer named in the box reads what its partitions hold and commits its "
                 "offsets"),
              [this, named, group, memberOf] {
                  const auto name = named();
                  if (!name) {
                      return;
                  }
                  const QString who = QString::fromStdString(*name);
                  const kafka::GroupState* g = group();
                  if (!memberOf(g, *name)) {
                      showMessage(tr("%1 is not in the group orders-app, so it reads nothing. "
                                     "Join it first.")
                                      .arg(who));
                      return;
                  }
                  const auto held = g->assignment.find(*name);
                  if (held == g->assignment.end() || held->second.empty()) {
                      showMessage(tr("%1 holds no partition (the group has more consumers than "
                                     "partitions), so it has nothing to read.")
                                      .arg(who));
                      return;
                  }
                  // Everything its partitions hold already read: a consume would read nothing
                  // (a tester's second click did nothing, without a word).
                  const auto& state = diagram()->timeline().finalState();
                  std::int64_t behind = 0;
                  for (const auto& tp : held->second) {
                      if (const auto* p = state.find(tp.topic, tp.partition)) {
                          behind += state.lag("orders-app", *p);
                      }
                  }
                  if (behind == 0) {
                      showMessage(tr("%1 has read everything its partitions hold (lag 0): "
                                     "produce records first, then consume.")
                                      .arg(who));
                      return;
                  }
                  addOp(KafkaOp::consume("orders-app", *name));
              });
    // Named on screen, as the Redis page's node box is (a lone "0" beside Fail broker said
    // nothing to a tester).
    auto* brokerLabel = new QLabel(tr("Broker:"), this);
    row->addWidget(brokerLabel);
    broker_ = new RangeSpinBox(this);
    brokerLabel->setBuddy(broker_); // the label stays on the line of its box when the row wraps
    broker_->setRange(0, 2);
    broker_->setAccessibleName(tr("Broker"));
    broker_->setToolTip(tr("The broker that Fail stops and Restart brings back"));
    row->addWidget(broker_);
    // Short words after "Broker:", so that the row stays one line at 1920 px with Restart.
    addButton(tr("Fail"),
              tr("Stop the broker: a follower in sync becomes leader of its partitions"),
              [this] { addOp(KafkaOp::failBroker(broker_->value())); });
    addButton(tr("Restart"),
              tr("Restart the failed broker: it catches up, rejoins the in-sync replicas, and "
                 "leads its preferred partitions again"),
              [this] { addOp(KafkaOp::recoverBroker(broker_->value())); });
    partitioner_ = new QComboBox(this);
    partitioner_->setAccessibleName(tr("Keyless partitioner"));
    partitioner_->setToolTip(tr("How records without a key are spread over partitions"));
    partitioner_->addItem(tr("sticky (Kafka 2.4+)"), int(kafka::Partitioner::Sticky));
    partitioner_->addItem(tr("round-robin (up to 2.3)"), int(kafka::Partitioner::RoundRobin));
    row->addWidget(partitioner_);
    assignor_ = new QComboBox(this);
    assignor_->setAccessibleName(tr("Assignor"));
    assignor_->setToolTip(tr("How the group's partitions are shared out among its consumers"));
    for (auto a : {kafka::AssignorKind::Range, kafka::AssignorKind::RoundRobin,
                   kafka::AssignorKind::Sticky, kafka::AssignorKind::CooperativeSticky}) {
        assignor_->addItem(QString::fromStdString(kafka::assignorName(a)), int(a));
    }
    row->addWidget(assignor_);
    auto reparam = [this] {
        changeParams([this](Scenario& s) { // same ops, new rule: show the result
            s.params.partitioner =
                static_cast<kafka::Partitioner>(partitioner_->currentData().toInt());
            s.params.assignor = static_cast<kafka::AssignorKind>(assignor_->currentData().toInt());
        });
    };
    connect(partitioner_, &QComboBox::currentIndexChanged, this, reparam);
    connect(assignor_, &QComboBox::currentIndexChanged, this, reparam);

    addPreset(tr("Same key, same partition, in order"), [this] {
        setScenario(defaults().params, {produce("user-1"), produce("user-2"), produce("user-1"),
                                        produce("hello"), produce("user-1")});
    });
    addPreset(tr("Keyless records: sticky batches"),
              [this] { setScenario(defaults().params, {produce(std::nullopt, 12)}); });
    addPreset(tr("A consumer group grows, then one leaves"), [this] {
        setScenario(defaults().params,
                    {produce(std::nullopt, 6), KafkaOp::join("orders-app", "C0"),
                     KafkaOp::join("orders-app", "C1"), KafkaOp::join("orders-app", "C2"),
                     KafkaOp::consume("orders-app"), KafkaOp::leave("orders-app", "C1")});
    });
    addPreset(tr("Two groups read the same topic (fan-out)"), [this] {
        setScenario(defaults().params,
                    {produce(std::nullopt, 6), KafkaOp::join("analytics", "A0"),
                     KafkaOp::join("emails", "E0"), KafkaOp::join("emails", "E1"),
                     KafkaOp::consume("analytics")});
    });
    addPreset(tr("A broker fails: a new leader from the ISR"), [this] {
        setScenario(defaults().params, {produce("user-1", 3), produce(std::nullopt, 4),
                                        KafkaOp::failBroker(0), produce(std::nullopt, 4)});
    });
    addPreset(tr("A broker fails and comes back: it leads again"), [this] {
        setScenario(defaults().params,
                    {produce("user-8", 3), KafkaOp::failBroker(0), produce("user-8", 2),
                     KafkaOp::recoverBroker(0), produce("user-8", 2)}); // user-8: partition 0
    });
    finishControls();
    connect(key_, &QLineEdit::returnPressed, this, [this] { addOp(produce(keyOf(key_))); });
    openDefaultScenario();
}

void KafkaView::setScenario(kafka::KafkaParams params, std::vector<KafkaOp> ops) {
    setScenario({std::move(params), std::move(ops), true});
}

void KafkaView::showParams(const Scenario& scenario) {
    const QSignalBlocker b1(partitioner_), b2(assignor_);
    if (const int i = partitioner_->findData(int(scenario.params.partitioner)); i >= 0) {
        partitioner_->setCurrentIndex(i);
    }
    if (const int i = assignor_->findData(int(scenario.params.assignor)); i >= 0) {
        assignor_->setCurrentIndex(i);
    }
    broker_->setRange(0, std::max(0, scenario.params.brokers - 1));
}

void KafkaView::refresh() {
    const kafka::KafkaState* shown = stateOnScreen();
    if (!shown) {
        return;
    }
    const auto& s = *shown;
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
