// RedisLabPage: resharding a slot step by step and stopping a master, and the drawings (real and
// model) with their histograms.
#include "engines/redis/key_slot.h"
#include "widgets/canvas/diagram_canvas.h"
#include "widgets/controls/range_box.h"
#include "widgets/lab/redis_lab_page.h"
#include "widgets/lab/redis_lab_pictures.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QVBoxLayout>
#include <nlohmann/json.hpp>
#include <qcustomplot.h>

namespace fg {

namespace {

QSpinBox* labSpin(QWidget* parent, int lo, int hi, const QString& name, const QString& tip) {
    auto* box = new RangeSpinBox(parent); // says what became of a number out of its range
    box->setRange(lo, hi);
    box->setAccessibleName(name);
    box->setToolTip(tip);
    return box;
}

QString nodeWords(int node) {
    return node < 0 ? RedisLabPage::tr("no node") : RedisLabPage::tr("node %1").arg(node);
}

// A reply as the student reads it: "-ASK 866 127.0.0.1:7003, then 1 after ASKING".
QString realReplyText(const lab::StaleReply& r) {
    QString text = QString::fromStdString(r.reply);
    if (r.redirect == "ASK") {
        text += RedisLabPage::tr(", then %1 after ASKING").arg(QString::fromStdString(r.followed));
    } else if (r.redirect == "MOVED") {
        text += RedisLabPage::tr(", then %1").arg(QString::fromStdString(r.followed));
    }
    return text;
}

// Why the model's client and the real one got different replies in a step, in a sentence; empty
// when they agree.
QString differenceWhy(const std::vector<lab::StaleReply>& replies) {
    for (const lab::StaleReply& r : replies) {
        if (r.redirect == r.modelRedirect) {
            continue;
        }
        if (r.redirect == "ASK" && r.modelRedirect == "MOVED") {
            return RedisLabPage::tr(
                "Here the model and Redis differ: the model ends a migration as "
                "soon as the slot's last key has moved, while Redis keeps the slot "
                "MIGRATING until CLUSTER SETSLOT ... NODE, so it still answers "
                "ASK.");
        }
        return RedisLabPage::tr("Here the model and Redis differ: the table shows each one's reply "
                                "to the client with the old map.");
    }
    return {};
}

QString modelReplyText(const lab::StaleReply& r) {
    return r.modelRedirect.empty()
               ? RedisLabPage::tr("served by %1").arg(nodeWords(r.modelNode))
               : RedisLabPage::tr("%1 to %2")
                     .arg(QString::fromStdString(r.modelRedirect), nodeWords(r.modelNode));
}

// The stale client's replies in a step, one row per GET; a row picked is the one drawn.
QTableWidget* repliesTable(QWidget* parent) {
    auto* table = new QTableWidget(0, 4, parent);
    table->setHorizontalHeaderLabels({RedisLabPage::tr("GET key (client with the old map)"),
                                      RedisLabPage::tr("Asked"), RedisLabPage::tr("Real reply"),
                                      RedisLabPage::tr("Model's reply")});
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table->verticalHeader()->setVisible(false);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAccessibleName(RedisLabPage::tr("A stale client's replies: pick one to draw it"));
    return table;
}

} // namespace

QWidget* RedisLabPage::buildReshardTab() {
    auto* tab = new QWidget(this);
    auto* v = new QVBoxLayout(tab);
    auto* row = new QHBoxLayout();
    slot_ = labSpin(tab, 0, redis::kSlots - 1, tr("Slot to move"),
                    tr("The hash slot to move (0 to 16383); the first key sent's slot by default"));
    slot_->setPrefix(tr("slot "));
    target_ = labSpin(tab, 0, 5, tr("Master to move it to"), tr("The master that takes the slot"));
    target_->setPrefix(tr("to node "));
    batch_ = labSpin(tab, 0, 1000, tr("Keys moved by the first MIGRATE"),
                     tr("How many of the slot's keys the first MIGRATE moves (the rest follow in "
                        "the next step): in between, a client asking for a moved key gets ASK"));
    batch_->setPrefix(tr("first MIGRATE moves "));
    batch_->setSuffix(tr(" key"));
    connect(batch_, &QSpinBox::valueChanged, this,
            [this](int n) { batch_->setSuffix(n == 1 ? tr(" key") : tr(" keys")); });
    batch_->setValue(1);
    reshardButton_ = new QPushButton(tr("&Move the slot step by step"), tab);
    back_ = new QPushButton(tr("&Back"), tab);
    next_ = new QPushButton(tr("Ne&xt"), tab);
    back_->setToolTip(tr("The step before (Left)"));
    next_->setToolTip(tr("The next step (Right)"));
    for (QWidget* w :
         std::initializer_list<QWidget*>{slot_, target_, batch_, reshardButton_, back_, next_}) {
        row->addWidget(w);
    }
    row->addStretch(1);
    v->addLayout(row);
    stepText_ = new QLabel(tab);
    stepText_->setWordWrap(true);
    stepText_->setTextFormat(Qt::RichText);
    setBold(stepText_, reshardHint());
    v->addWidget(stepText_);
    commands_ = new QPlainTextEdit(tab);
    commands_->setReadOnly(true);
    commands_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    commands_->setAccessibleName(tr("Commands sent in this step"));
    commands_->setMaximumHeight(110);
    v->addWidget(commands_);
    replies_ = repliesTable(tab);
    v->addWidget(replies_, 1);
    connect(reshardButton_, &QPushButton::clicked, this,
            [this] { reshard(slot_->value(), target_->value(), batch_->value()); });
    connect(back_, &QPushButton::clicked, this, [this] { showReshardStep(step_ - 1); });
    connect(next_, &QPushButton::clicked, this, [this] { showReshardStep(step_ + 1); });
    connect(replies_, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row >= 0 && row != probe_) {
            probe_ = row;
            showReshardPictures();
        }
    });
    for (const auto& [key, delta] : {std::pair{Qt::Key_Left, -1}, std::pair{Qt::Key_Right, 1}}) {
        auto* sc = new QShortcut(QKeySequence(key), tab);
        sc->setContext(Qt::WidgetWithChildrenShortcut);
        connect(sc, &QShortcut::activated, this, [this, d = delta] { showReshardStep(step_ + d); });
    }
    return tab;
}

QWidget* RedisLabPage::buildFailoverTab() {
    auto* tab = new QWidget(this);
    auto* v = new QVBoxLayout(tab);
    auto* row = new QHBoxLayout();
    auto* label = new QLabel(tr("&Master to stop:"), tab);
    victim_ = new QComboBox(tab);
    victim_->setAccessibleName(tr("Master to stop"));
    victim_->setToolTip(tr("The live masters of the cluster, by node (a promoted replica too)"));
    victim_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    label->setBuddy(victim_);
    row->addWidget(label);
    failButton_ = new QPushButton(tr("Stop this &server"), tab);
    row->addWidget(victim_);
    row->addWidget(failButton_);
    row->addStretch(1);
    v->addLayout(row);
    failText_ = new QLabel(tab);
    failText_->setWordWrap(true);
    failText_->setTextFormat(Qt::PlainText);
    failText_->setText(failoverHint());
    v->addWidget(failText_);
    v->addStretch(1);
    connect(failButton_, &QPushButton::clicked, this,
            [this] { failMaster(victim_->currentData().toInt()); });
    return tab;
}

void RedisLabPage::reshard(int slot, int to, int firstBatch) {
    slot_->setValue(slot);
    target_->setValue(to);
    batch_->setValue(firstBatch);
    reshardBatch_ = firstBatch;
    tabs_->setCurrentIndex(1);
    call(QStringLiteral("redis.reshard"), {{"slot", slot}, {"to", to}, {"firstBatch", firstBatch}},
         [this](const nlohmann::json& r) { onResharded(r); });
}

void RedisLabPage::onResharded(const nlohmann::json& result) {
    steps_.clear();
    for (const nlohmann::json& s : result.at("steps")) {
        steps_.emplace_back();
        lab::fromJson(s, &steps_.back());
    }
    reshardSlot_ = result.at("slot").get<int>();
    reshardFrom_ = result.at("from").get<int>();
    reshardTo_ = result.at("to").get<int>();
    probe_ = 0;
    // The model moves the slot too: keys sent next are compared with the model as it is now.
    SilentSink<redis::ClusterStep, redis::ClusterState> silent;
    engine_.apply(model_, redis::ClusterOp::migrate(reshardSlot_, reshardTo_), silent);
    // The steps are drawn from the clusters before; after them, the clusters are as at the end.
    reshardRealBase_ = realNow_;
    reshardModelBase_ = modelNow_;
    const long long keys = slotKeys();
    if (realNow_ && modelNow_) {
        realNow_ = std::make_shared<redis::ClusterState>(reshardState(
            *realNow_, 3, reshardSlot_, reshardFrom_, reshardTo_, keys, reshardBatch_));
        modelNow_ = std::make_shared<redis::ClusterState>(reshardState(
            *modelNow_, 3, reshardSlot_, reshardFrom_, reshardTo_, keys, reshardBatch_));
    }
    setStatus(tr("Slot %1 moved from node %2 to node %3 in %4: step through them.")
                  .arg(reshardSlot_)
                  .arg(reshardFrom_)
                  .arg(reshardTo_)
                  .arg(labCount(qint64(steps_.size()), tr("step"), tr("steps"))));
    showReshardStep(0);
}

void RedisLabPage::showReshardStep(int step) {
    if (steps_.empty() || step < 0 || step >= int(steps_.size())) {
        return;
    }
    step_ = step;
    const lab::ReshardStep& s = steps_[std::size_t(step)];
    setBold(stepText_, tr("Step %1 of %2: %3")
                           .arg(step + 1)
                           .arg(steps_.size())
                           .arg(QString::fromStdString(s.text)));
    QStringList lines;
    for (const std::string& c : s.commands) {
        lines << QString::fromStdString(c);
    }
    commands_->setPlainText(lines.isEmpty() ? tr("(no command: the state before the reshard)")
                                            : lines.join(QLatin1Char('\n')));
    replies_->setRowCount(int(s.replies.size()));
    for (std::size_t i = 0; i < s.replies.size(); ++i) {
        const lab::StaleReply& r = s.replies[i];
        const bool same = r.modelRedirect == r.redirect;
        const QStringList cells{QString::fromStdString(r.key), nodeWords(r.asked), realReplyText(r),
                                modelReplyText(r) +
                                    (same ? tr(" (the same)") : tr(" (DIFFERENT)"))};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setToolTip(cells[c]); // whole, when the column cuts it
            replies_->setItem(int(i), c, item);
        }
    }
    const QString why = differenceWhy(s.replies);
    if (!why.isEmpty()) {
        setBold(stepText_, stepText_->property("plainText").toString() + QLatin1Char(' ') + why);
    }
    probe_ = std::clamp(probe_, 0, std::max(0, int(s.replies.size()) - 1));
    showReshardPictures();
    refreshControls();
    emit updated();
}

void RedisLabPage::showReshardPictures() {
    if (step_ < 0 || !reshardRealBase_ || !reshardModelBase_) {
        return;
    }
    const lab::ReshardStep& s = steps_[std::size_t(step_)];
    const long long keys = slotKeys();
    auto picture = [&](const redis::ClusterState& before, bool model) {
        ClusterPictures::Picture p;
        p.state = std::make_shared<redis::ClusterState>(reshardState(
            before, step_, reshardSlot_, reshardFrom_, reshardTo_, keys, reshardBatch_));
        if (std::size_t(probe_) < s.replies.size()) {
            p.step = staleRoute(s.replies[std::size_t(probe_)], model);
        }
        p.narration = QString::fromStdString(s.text);
        return std::vector<ClusterPictures::Picture>{p};
    };
    realPictures_ = std::make_unique<ClusterPictures>(picture(*reshardRealBase_, false));
    modelPictures_ = std::make_unique<ClusterPictures>(picture(*reshardModelBase_, true));
    realCanvas_->setSource(realPictures_.get());
    modelCanvas_->setSource(modelPictures_.get());
    realCanvas_->player()->seek(0);
    modelCanvas_->player()->seek(0);
    setBold(realTitle_, tr("The real cluster: a client with the old map sends GET"));
    setBold(modelTitle_, tr("The model: its client with the same old map"));
    drawHistograms();
}

long long RedisLabPage::slotKeys() const {
    long long keys = 0;
    for (const lab::SlotCount& c : send_.slotCounts) {
        keys = c.slot == reshardSlot_ ? c.real : keys;
    }
    return keys;
}

void RedisLabPage::failMaster(int master) {
    tabs_->setCurrentIndex(2);
    if (const QString why = cannotStop(master); !why.isEmpty()) {
        setStatus(why, true);
        return;
    }
    victim_->setCurrentIndex(victim_->findData(master));
    call(QStringLiteral("redis.fail"), {{"master", master}},
         [this](const nlohmann::json& r) { onFailedOver(r); });
}

void RedisLabPage::onFailedOver(const nlohmann::json& result) {
    lab::fromJson(result, &failover_);
    SilentSink<redis::ClusterStep, redis::ClusterState> silent;
    engine_.apply(model_, redis::ClusterOp::failNode(failover_.failed), silent);
    const auto counts = [&result](const char* name) {
        return result.value(name, std::vector<long long>{});
    };
    auto real = realCluster(nodes_, failover_.shards, counts("keysPerNode"));
    // The lab killed that process: drawn failed whatever a node still says of it.
    if (failover_.failed >= 0 && std::size_t(failover_.failed) < real.nodes.size()) {
        real.nodes[std::size_t(failover_.failed)].alive = false;
    }
    realNow_ = std::make_shared<redis::ClusterState>(std::move(real));
    modelNow_ =
        std::make_shared<redis::ClusterState>(withKeyCounts(model_, counts("modelKeysPerNode")));
    const bool same = failover_.promoted == failover_.modelPromoted;
    failText_->setText(
        tr("Master node %1 was stopped (SIGKILL). %2 seconds later the real cluster reports "
           "%3 as the master of its slots (CLUSTER SHARDS). The model promotes %4: %5.")
            .arg(failover_.failed)
            .arg(QLocale().toString(failover_.seconds, 'f', 1))
            .arg(nodeWords(failover_.promoted), nodeWords(failover_.modelPromoted),
                 same ? tr("the same replica") : tr("a different one")));
    setStatus(tr("Master node %1 stopped; its replica took over.").arg(failover_.failed));
    showClusters(tr("The real cluster after the failover (CLUSTER SHARDS), the keys counted "
                    "again (COUNTKEYSINSLOT)."),
                 tr("The model after the same failure."));
}

std::vector<int> RedisLabPage::stoppableMasters() const {
    std::vector<int> masters;
    if (!realNow_ || !withReplicas_) {
        return masters;
    }
    const auto& nodes = realNow_->nodes;
    for (const redis::ClusterNode& m : nodes) {
        const bool replicated = std::any_of(nodes.begin(), nodes.end(), [&](const auto& r) {
            return r.alive && r.replicaOf == m.id;
        });
        if (m.alive && m.replicaOf < 0 && replicated) {
            masters.push_back(m.id);
        }
    }
    return masters;
}

namespace {

// "node 1", "node 1 or node 2", "node 1, node 2 or node 4".
QString nodeChoice(const std::vector<int>& nodes) {
    QStringList words;
    for (const int n : nodes) {
        words << nodeWords(n);
    }
    const QString last = words.isEmpty() ? QString() : words.takeLast();
    return words.isEmpty() ? last : RedisLabPage::tr("%1 or %2").arg(words.join(", "), last);
}

} // namespace

// Empty when `master` can be stopped now, else why not and which can, in a sentence.
QString RedisLabPage::cannotStop(int master) const {
    const std::vector<int> can = stoppableMasters();
    if (std::find(can.begin(), can.end(), master) != can.end()) {
        return {};
    }
    const auto& nodes = realNow_ ? realNow_->nodes : std::vector<redis::ClusterNode>{};
    const bool known = master >= 0 && std::size_t(master) < nodes.size();
    const QString why =
        !realNow_ ? tr("No cluster is running.")
        : !withReplicas_
            ? tr("This cluster has no replicas, so no one would take over a stopped master.")
        : !known                            ? tr("There is no node %1.").arg(master)
        : !nodes[std::size_t(master)].alive ? tr("Node %1 is stopped already.").arg(master)
        : nodes[std::size_t(master)].replicaOf >= 0
            ? tr("Node %1 is a replica, not a master.").arg(master)
            : tr("Node %1 has no replica left to take over its slots.").arg(master);
    return can.empty() ? why + QLatin1Char(' ') +
                             tr("Press Start for a new cluster with a replica for each master.")
                       : why + QLatin1Char(' ') + tr("You can stop %1.").arg(nodeChoice(can));
}

// The picker lists the live masters; one without a replica left is shown but cannot be picked.
void RedisLabPage::refreshVictims() {
    const int was = victim_->currentData().toInt();
    victim_->clear();
    const std::vector<int> can = stoppableMasters();
    auto* items = qobject_cast<QStandardItemModel*>(victim_->model());
    for (const redis::ClusterNode& n :
         realNow_ ? realNow_->nodes : std::vector<redis::ClusterNode>{}) {
        if (!n.alive || n.replicaOf >= 0) {
            continue;
        }
        const bool ok = std::find(can.begin(), can.end(), n.id) != can.end();
        victim_->addItem(ok ? tr("node %1").arg(n.id)
                            : tr("node %1 (no replica left to take over)").arg(n.id),
                         n.id);
        items->item(victim_->count() - 1)->setEnabled(ok);
    }
    const int again = victim_->findData(was);
    victim_->setCurrentIndex(again >= 0 && std::find(can.begin(), can.end(), was) != can.end()
                                 ? again
                                 : victim_->findData(can.empty() ? -1 : can.front()));
}

QString RedisLabPage::reshardStepText() const {
    return stepText_->property("plainText").toString();
}

QString RedisLabPage::failoverHint() {
    return tr("Start the cluster with a replica for each master, then stop one master: its "
              "replica takes over once the other masters agree it is gone (two or three "
              "seconds here: cluster-node-timeout is 1 s, then the replicas vote).");
}

QString RedisLabPage::reshardHint() {
    return tr("Pick a slot and the master to move it to, then Move the slot step by step: each "
              "step shows the commands the Lab sent and what a client with the old slot map gets "
              "(the Left and Right arrow keys step).");
}

QString RedisLabPage::failoverText() const {
    return failText_->text();
}

void RedisLabPage::showClusters(const QString& realNarration, const QString& modelNarration) {
    if (!realNow_ || !modelNow_) {
        return;
    }
    realPictures_ = std::make_unique<ClusterPictures>(
        std::vector<ClusterPictures::Picture>{{realNow_, std::nullopt, realNarration}});
    modelPictures_ = std::make_unique<ClusterPictures>(
        std::vector<ClusterPictures::Picture>{{modelNow_, std::nullopt, modelNarration}});
    realCanvas_->setSource(realPictures_.get());
    modelCanvas_->setSource(modelPictures_.get());
    realCanvas_->player()->seek(0);
    modelCanvas_->player()->seek(0);
    setBold(realTitle_, tr("The real cluster (CLUSTER SHARDS)"));
    setBold(modelTitle_, tr("The model (the Redis diagram's engine)"));
    drawHistograms();
    refreshVictims();
}

void RedisLabPage::drawHistograms() {
    // Each bar named by its node under it (after a failover the masters are 0, 2 and 4, say).
    const auto draw = [this](QCustomPlot* chart, const ClusterPictures* pictures) {
        const std::vector<KeysBar> bars =
            pictures ? keysBars(pictures->state(0)) : std::vector<KeysBar>{};
        drawKeysHistogram(chart, bars, theme_);
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        for (std::size_t i = 0; i < bars.size(); ++i) {
            ticker->addTick(double(i), tr("node %1").arg(bars[i].node));
        }
        chart->xAxis->setTicker(ticker);
    };
    draw(realChart_, realPictures_.get());
    draw(modelChart_, modelPictures_.get());
}

} // namespace fg
