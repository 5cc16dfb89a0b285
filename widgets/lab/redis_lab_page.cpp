#include "widgets/lab/redis_lab_page.h"

#include "lab/lab_programs.h"
#include "widgets/canvas/chart_style.h"
#include "widgets/canvas/diagram_canvas.h"
#include "widgets/controls/range_box.h"
#include "widgets/controls/tab_bar.h"
#include "widgets/controls/zoom_buttons.h"
#include "widgets/lab/lab_client.h"
#include "widgets/lab/lab_widgets.h"
#include "widgets/lab/redis_key_table.h"
#include "widgets/lab/redis_lab_pictures.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QResizeEvent>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <qcustomplot.h>
#include <utility>

namespace fg {

namespace {

// The helper's refusal without its argument's name in front ("master: node 0 is..."), as a
// sentence: "Node 0 is...".
QString plainError(QString text) {
    static const QRegularExpression where(QStringLiteral("^[a-z][A-Za-z0-9_/]*: "));
    text.remove(where);
    if (!text.isEmpty()) {
        text[0] = text[0].toUpper();
    }
    return text;
}

} // namespace

// "1 key", "1,000 keys".
QString labCount(qint64 n, const QString& one, const QString& many) {
    return QLocale().toString(n) + QLatin1Char(' ') + (n == 1 ? one : many);
}

RedisLabPage::RedisLabPage(QWidget* parent) : QWidget(parent), client_(new LabClient(this)) {
    setObjectName(QStringLiteral("redisLabPage"));
    auto* layout = scrolledPage(this);
    buildIntro();
    layout->addWidget(intro_);
    layout->addWidget(buildClusterRow());
    split_ = new QSplitter(Qt::Vertical, this);
    auto* split = split_;
    tabs_ = new LabTabs(split); // tabs that say the focus truly (tab_bar.h)
    tabs_->addTab(buildKeysTab(), tr("&Keys and slots"));
    tabs_->addTab(buildReshardTab(), tr("Re&sharding"));
    tabs_->addTab(buildFailoverTab(), tr("&Failover"));
    split->addWidget(tabs_);
    split->addWidget(buildDrawings());
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    layout->addWidget(split, 1);
    connect(tabs_, &QTabWidget::currentChanged, this, [this](int tab) {
        // The failover tab has a line of text, the others tables: the drawings get the room.
        const int total = split_->height();
        split_->setSizes(tab == 2 ? QList<int>{total / 5, total - total / 5}
                                  : QList<int>{total * 2 / 5, total - total * 2 / 5});
        // An error of what another tab did goes with it (a reshard's "Slot 1649 is already on
        // node 1" stayed on the Failover tab: a tester).
        if (statusError_ && errorTab_ >= 0 && errorTab_ != tab) {
            setStatus({});
        }
        if (tab == 1 && !steps_.empty()) {
            showReshardPictures();
        } else if (realNow_) {
            showClusters(realCanvas_->narrationAt(0), modelCanvas_->narrationAt(0));
        }
    });
    connect(client_, &LabClient::progress, this, [this](const QString& s) { setStatus(s); });
    connect(client_, &LabClient::helperEnded, this, [this](const QString& why) {
        clearResults();
        setStatus(why, true);
        errorTab_ = -1; // the page's, not a tab's: it stays
    });
    lab::labAvailable(lab::LabKind::kRedisCluster, &missing_);
    setStatus(missing_.isEmpty() ? tr("No cluster yet: press Start.")
                                 : tr("The Lab cannot start Redis here. %1 Everything else in the "
                                      "app works without it.")
                                       .arg(missing_),
              !missing_.isEmpty());
    setTheme(theme_);
    refreshControls();
}

// Ends the helper program (LabClient's destructor): it stops every server and removes the folder.
RedisLabPage::~RedisLabPage() = default;

QString RedisLabPage::pageTitle() const {
    return tr("Lab: Redis Cluster");
}

// The cluster and keys chosen (a tester's masters and replicas were back to the defaults after a
// restart).
nlohmann::json RedisLabPage::keptSettings() const {
    return {{"masters", masters_->value()},
            {"replicas", replicas_->isChecked()},
            {"keys_from", source_->currentIndex()},
            {"key_count", count_->value()}};
}

void RedisLabPage::restoreSettings(const nlohmann::json& kept) {
    restoreValue(kept, "masters", masters_);
    restoreChecked(kept, "replicas", replicas_);
    restoreIndex(kept, "keys_from", source_);
    restoreValue(kept, "key_count", count_);
}

void RedisLabPage::buildIntro() {
    intro_ = new QLabel(this);
    intro_->setWordWrap(true);
    intro_->setTextFormat(Qt::PlainText);
    intro_->setText(
        tr("Your own Redis Cluster of 3 to 6 masters (up to 12 servers with their replicas) on "
           "this computer, only reachable from it "
           "(127.0.0.1, a password of its own), removed when you close this tab. Redis splits "
           "its keys into 16,384 hash slots (a key's slot is CRC16 of the key modulo 16384) and "
           "each master serves some of the slots. Send keys, and the real cluster's slot map is "
           "drawn beside the model's; then move a slot step by step, or stop a master."));
}

QWidget* RedisLabPage::buildClusterRow() {
    auto* row = new QWidget(this);
    auto* h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    auto* label = new QLabel(tr("&Masters:"), row);
    masters_ = new RangeSpinBox(row);
    masters_->setRange(3, 6);
    masters_->setAccessibleName(tr("Masters"));
    masters_->setToolTip(tr("How many master servers share the 16,384 slots (3 to 6)"));
    label->setBuddy(masters_);
    replicas_ = new QCheckBox(tr("A &replica for each master"), row);
    replicas_->setToolTip(tr("One more server per master that copies it and takes over when it "
                             "stops (needed for Failover)"));
    start_ = new QPushButton(tr("S&tart"), row);
    start_->setToolTip(tr("Start the servers and make them one cluster (a second or two)"));
    stop_ = new QPushButton(tr("St&op"), row);
    stop_->setToolTip(tr("Stop every server of this cluster and remove its folder"));
    status_ = new QLabel(row);
    status_->setWordWrap(true);
    status_->setTextFormat(Qt::RichText);
    status_->setAccessibleDescription(tr("Lab status"));
    h->addWidget(label);
    h->addWidget(masters_);
    h->addWidget(replicas_);
    h->addWidget(start_);
    h->addWidget(stop_);
    h->addWidget(status_, 1);
    connect(start_, &QPushButton::clicked, this, [this] {
        if (confirmRestart()) {
            startCluster(masters_->value(), replicas_->isChecked());
        }
    });
    connect(stop_, &QPushButton::clicked, this, &RedisLabPage::stopCluster);
    return row;
}

QWidget* RedisLabPage::buildKeysTab() {
    auto* tab = new QWidget(this);
    auto* v = new QVBoxLayout(tab);
    auto* row = new QHBoxLayout();
    auto* label = new QLabel(tr("K&eys:"), tab);
    source_ = new QComboBox(tab);
    source_->addItem(tr("The Redis diagram's keys (open the Redis Cluster diagram first)"));
    source_->addItem(tr("Keys typed or pasted below, one per line"));
    source_->addItem(tr("Generated keys user:1 to user:N"));
    source_->setCurrentIndex(2);
    source_->setAccessibleName(tr("Key source"));
    label->setBuddy(source_);
    count_ = new RangeSpinBox(tab);
    count_->setRange(1, kMaxPageKeys);
    count_->setValue(1000);
    count_->setGroupSeparatorShown(true);
    count_->setPrefix(tr("N = "));
    count_->setAccessibleName(tr("How many keys to generate"));
    send_button_ = new QPushButton(tr("Se&nd keys"), tab);
    send_button_->setToolTip(tr("SET every key in the real cluster (replacing what it held), "
                                "then read back each key's slot and server"));
    row->addWidget(label);
    row->addWidget(source_, 1);
    row->addWidget(count_);
    row->addWidget(send_button_);
    v->addLayout(row);
    typed_ = new QPlainTextEdit(tab);
    typed_->setPlaceholderText(tr("user:1000\n{user:1000}.cart\norder:10086"));
    typed_->setAccessibleName(tr("Keys, one per line"));
    typed_->setMaximumHeight(90);
    v->addWidget(typed_);
    agree_ = new QLabel(tab);
    agree_->setWordWrap(true);
    agree_->setTextFormat(Qt::RichText);
    v->addWidget(agree_);
    keyTable_ = new RedisKeyTable(this);
    keyView_ = new QTableView(tab);
    keyView_->setModel(keyTable_);
    keyView_->setAccessibleName(tr("Keys sent: slot and server, real and model"));
    keyView_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    keyView_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    keyView_->verticalHeader()->setVisible(false);
    v->addWidget(keyView_, 1);
    connect(source_, &QComboBox::currentIndexChanged, this, [this] { refreshControls(); });
    connect(send_button_, &QPushButton::clicked, this, &RedisLabPage::sendKeys);
    return tab;
}

namespace {

// The drawings' area, which says when its height changes (the charts under the drawings come and
// go with it: RedisLabPage::placeCharts).
class DrawingsArea : public QWidget {
public:
    DrawingsArea(QWidget* parent, std::function<void()> resized)
        : QWidget(parent), resized_(std::move(resized)) {}

protected:
    void resizeEvent(QResizeEvent* event) override {
        QWidget::resizeEvent(event);
        if (event->size().height() != event->oldSize().height()) {
            resized_();
        }
    }

private:
    std::function<void()> resized_;
};

} // namespace

void RedisLabPage::placeCharts() {
    if (!realChart_) {
        return; // still being built
    }
    const bool room = drawings_->height() >= int(kChartsFromPx * theme_.fontScale);
    for (QCustomPlot* chart : {realChart_, modelChart_}) {
        chart->setVisible(room);
    }
}

QWidget* RedisLabPage::buildDrawings() {
    drawings_ = new DrawingsArea(this, [this] { placeCharts(); });
    auto* under = new QVBoxLayout(drawings_);
    under->setContentsMargins(0, 0, 0, 0);
    auto* h = new QHBoxLayout;
    under->addLayout(h, 1);
    under->addWidget(labZoomButtons(
                         this, [this](int direction) { zoomPage(direction); }, drawings_),
                     0, Qt::AlignRight);
    const auto column = [this, h](const QString& title, QLabel** heading, DiagramCanvas** canvas,
                                  QCustomPlot** chart) {
        auto* box = new QWidget(drawings_);
        auto* v = new QVBoxLayout(box);
        v->setContentsMargins(0, 0, 0, 0);
        *heading = new QLabel(box);
        setBold(*heading, title);
        (*heading)->setWordWrap(true);
        *canvas = labCanvas(box);
        (*canvas)->setAccessibleName(title);
        *chart = new QCustomPlot(box);
        (*chart)->setAccessibleName(tr("Histogram of keys per master: %1").arg(title));
        setUpKeysHistogram(*chart);
        v->addWidget(*heading);
        v->addWidget(*canvas, 1);
        v->addWidget(*chart);
        h->addWidget(box, 1);
    };
    column(tr("The real cluster (CLUSTER SHARDS)"), &realTitle_, &realCanvas_, &realChart_);
    column(tr("The model (the Redis diagram's engine)"), &modelTitle_, &modelCanvas_, &modelChart_);
    return drawings_;
}

void RedisLabPage::setTheme(const Theme& theme) {
    theme_ = theme;
    realCanvas_->setTheme(theme);
    modelCanvas_->setTheme(theme);
    sizeCharts();
    drawHistograms();
    renderStatus();
}

bool RedisLabPage::zoomPage(int direction) {
    const int step = direction == 0 ? 0 : std::clamp(zoomStep_ + direction, -3, 8);
    // Step 0 is the fitted drawing; past the clamp a key zooms nothing.
    if (step == 0 || step != zoomStep_) {
        zoomCanvases({realCanvas_, modelCanvas_}, step == 0 ? 0 : (step > zoomStep_ ? 1 : -1));
    }
    zoomStep_ = step;
    sizeCharts();
    drawHistograms();
    return true;
}

// The charts' letters and height follow the theme's type (Projector's larger letters in a chart
// of a desk's height left a thin strip of plot); their letters follow the zoom too, a quarter a
// step as the drawings, but not their height: zoomed charts took the drawings' room and left the
// cluster a strip 180 pixels high, its nodes cut in half (a tester).
void RedisLabPage::sizeCharts() {
    const qreal scale = theme_.fontScale;
    for (QCustomPlot* chart : {realChart_, modelChart_}) {
        styleChart(chart, theme_);
        for (QCPAxis* axis : {chart->xAxis, chart->yAxis}) {
            QFont font = axis->tickLabelFont();
            font.setPointSizeF(font.pointSizeF() * std::pow(1.25, zoomStep_));
            axis->setTickLabelFont(font);
            axis->setLabelFont(font);
        }
        chart->setMinimumHeight(int(110 * scale));
        chart->setMaximumHeight(int(170 * scale));
    }
    for (DiagramCanvas* canvas : {realCanvas_, modelCanvas_}) {
        canvas->setMinimumHeight(int(180 * theme_.fontScale));
    }
    placeCharts();
}

// Start on a running cluster removes it and what was done with it: asked first.
bool RedisLabPage::confirmRestart() {
    if (!running()) {
        return true;
    }
    const QString keys = send_.keys > 0
                             ? tr("its %1").arg(labCount(send_.keys, tr("key"), tr("keys")))
                             : tr("its slot map");
    return QMessageBox::question(
               this, tr("Restart the cluster?"),
               tr("A cluster is running. Restarting removes it with %1 and what the Resharding "
                  "and Failover tabs show, then starts %2.")
                   .arg(keys, replicas_->isChecked()
                                  ? tr("%1 masters, each with a replica").arg(masters_->value())
                                  : tr("%1 masters without replicas").arg(masters_->value())),
               QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) == QMessageBox::Yes;
}

// Bold by markup, not by a font of its own: the label keeps following the page's type as the
// theme and the zoom change it (a font set on it was scaled twice, Projector's came out huge).
void RedisLabPage::setBold(QLabel* label, const QString& text) {
    label->setProperty("plainText", text);
    label->setText(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()));
}

void RedisLabPage::setStatus(const QString& text, bool error) {
    statusText_ = text;
    statusError_ = error;
    errorTab_ = error && tabs_ ? tabs_->currentIndex() : -1;
    renderStatus();
}

// An error in the theme's colour for bad news (set again when the theme changes).
void RedisLabPage::renderStatus() {
    status_->setText(statusError_ ? QStringLiteral("<span style=\"color:%1\">%2</span>")
                                        .arg(theme_.bad.name(), statusText_.toHtmlEscaped())
                                  : statusText_.toHtmlEscaped());
}

QString RedisLabPage::status() const {
    return statusText_;
}

QString RedisLabPage::agreement() const {
    return agree_->property("plainText").toString();
}

bool RedisLabPage::busy() const {
    return client_->busy();
}

void RedisLabPage::refreshControls() {
    const bool can = missing_.isEmpty();
    const bool idle = !client_->busy();
    const bool on = running();
    start_->setEnabled(can && idle);
    masters_->setEnabled(can && idle);
    replicas_->setEnabled(can && idle);
    stop_->setEnabled((on || !idle) && !stopping_); // during a call it stops the call too
    send_button_->setEnabled(on && idle);
    const auto source = KeySource(source_->currentIndex());
    count_->setVisible(source == KeySource::kGenerated);
    typed_->setVisible(source == KeySource::kTyped);
    reshardButton_->setEnabled(on && idle);
    back_->setEnabled(step_ > 0);
    next_->setEnabled(step_ >= 0 && step_ + 1 < int(steps_.size()));
    const bool someone = !stoppableMasters().empty();
    victim_->setEnabled(on && idle && someone);
    failButton_->setEnabled(on && idle && someone);
    failButton_->setToolTip(someone         ? tr("Stop this master at once (SIGKILL): its replica "
                                                         "should take over its slots")
                            : withReplicas_ ? tr("No master has a replica left to take over: "
                                                 "press Start for a new cluster")
                                            : tr("Start the cluster with a replica for each master "
                                                 "first: a master without one has no one to take "
                                                 "over"));
    start_->setText(on ? tr("Res&tart") : tr("S&tart"));
    start_->setToolTip(on ? tr("Remove this cluster (its keys, reshards and failovers) and start "
                               "a new one")
                          : tr("Start the servers and make them one cluster (a second or two)"));
}

void RedisLabPage::call(const QString& op, nlohmann::json args,
                        std::function<void(const nlohmann::json&)> done) {
    client_->call(op, std::move(args), this,
                  [this, done = std::move(done)](const Status& s, const nlohmann::json& result) {
                      if (std::exchange(stopping_, false)) {
                          stopped();
                      } else if (!s) {
                          setStatus(plainError(QString::fromStdString(s.message())), true);
                      } else {
                          try {
                              done(result);
                          } catch (const nlohmann::json::exception& e) {
                              setStatus(tr("The Lab's helper answered something unexpected: %1")
                                            .arg(QString::fromUtf8(e.what())),
                                        true);
                          }
                      }
                      refreshControls();
                      emit updated();
                  });
    refreshControls();
}

void RedisLabPage::startCluster(int masters, bool replicas) {
    if (!missing_.isEmpty()) {
        setStatus(missing_, true);
        return;
    }
    clearResults();
    masters_->setValue(masters);
    replicas_->setChecked(replicas);
    setStatus(tr("Starting..."));
    call(QStringLiteral("redis.start"), {{"masters", masters}, {"replicas", replicas}},
         [this](const nlohmann::json& r) { onStarted(r); });
}

void RedisLabPage::onStarted(const nlohmann::json& result) {
    nodes_.clear();
    for (const nlohmann::json& n : result.at("nodes")) {
        lab::RedisNode node;
        lab::fromJson(n, &node);
        nodes_.push_back(node);
    }
    std::vector<lab::Shard> shards;
    for (const nlohmann::json& s : result.at("shards")) {
        shards.emplace_back();
        lab::fromJson(s, &shards.back());
    }
    masterCount_ = result.at("masters").get<int>();
    withReplicas_ = result.at("replicas").get<bool>();
    engine_ = redis::ClusterEngine(masterCount_, withReplicas_ ? 1 : 0);
    model_ = engine_.initialState();
    realNow_ = std::make_shared<redis::ClusterState>(realCluster(nodes_, shards, {}));
    modelNow_ = std::make_shared<redis::ClusterState>(model_);
    target_->setRange(0, int(nodes_.size()) - 1); // a promoted replica is a master too
    folder_ = QString::fromStdString(result.at("folder").get<std::string>());
    QStringList ports;
    for (const lab::RedisNode& n : nodes_) {
        ports << QString::number(n.port);
    }
    setStatus(tr("Running: %1 Redis servers on 127.0.0.1 (ports %2), in %3.")
                  .arg(QString::number(ports.size()), ports.join(QStringLiteral(", ")), folder_));
    showClusters(tr("The real cluster: its slot map as CLUSTER SHARDS reports it, no keys yet."),
                 tr("The model: the same masters, the slots split as redis-cli splits them."));
}

void RedisLabPage::stopCluster() {
    if (client_->busy()) {
        // The helper answers one request at a time: ending it is what stops a start or a send
        // now (tester 32: Stop stayed grey through a start). The call's failure says stopped.
        stopping_ = true;
        setStatus(tr("Stopping..."));
        client_->shutdown();
        return;
    }
    call(QStringLiteral("redis.stop"), nlohmann::json::object(),
         [this](const nlohmann::json&) { stopped(); });
}

void RedisLabPage::stopped() {
    clearResults();
    setStatus(tr("Stopped: the servers ended and their folder was removed."));
}

void RedisLabPage::offerKeys(const QString& from, QStringList keys, bool pick) {
    offeredFrom_ = from;
    offered_ = std::move(keys);
    // "the Redis diagram's 3 keys (Title)" as the item's sentence; no "()" for an untitled one.
    QString item = from;
    item.remove(QStringLiteral(" ()"));
    source_->setItemText(0, item.left(1).toUpper() + item.mid(1));
    if (pick) {
        source_->setCurrentIndex(0);
    }
}

void RedisLabPage::setKeySource(KeySource source) {
    source_->setCurrentIndex(int(source));
}

void RedisLabPage::setTypedKeys(const QString& text) {
    typed_->setPlainText(text);
}

void RedisLabPage::setGeneratedCount(int n) {
    count_->setValue(n);
}

QStringList RedisLabPage::chosenKeys(QString* why) const {
    QStringList keys;
    switch (KeySource(source_->currentIndex())) {
    case KeySource::kOffered:
        keys = offered_;
        *why = tr("No diagram's keys: open Diagrams > Redis Cluster, then this tab again, or "
                  "pick another source.");
        break;
    case KeySource::kTyped:
        keys = typed_->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        *why = tr("Type or paste keys first, one per line.");
        break;
    case KeySource::kGenerated:
        for (int i = 1; i <= count_->value(); ++i) {
            keys << QStringLiteral("user:%1").arg(i);
        }
        break;
    }
    // A key given twice is one key in the cluster (a second SET overwrites it): counted once (a
    // tester's typed user:1 twice made "Sent 8 keys" of a cluster that held 7).
    keys.removeDuplicates();
    if (keys.size() > kMaxPageKeys) {
        *why = tr("%1 keys: the page sends at most %2 at once (the command line, fieldguide lab "
                  "redis, takes up to 1,000,000).")
                   .arg(QLocale().toString(keys.size()), QLocale().toString(kMaxPageKeys));
        return {};
    }
    for (const QString& k : keys) {
        if (k.toUtf8().size() > 65536) {
            *why = tr("A key is longer than 65,536 bytes, the Lab's limit for a key.");
            return {};
        }
    }
    return keys;
}

void RedisLabPage::sendKeys() {
    QString why;
    const QStringList keys = chosenKeys(&why);
    if (keys.isEmpty()) {
        setStatus(why, true);
        return;
    }
    nlohmann::json list = nlohmann::json::array();
    for (const QString& k : keys) {
        list.push_back(k.toStdString());
    }
    call(QStringLiteral("redis.send"), {{"keys", std::move(list)}, {"replace", true}},
         [this](const nlohmann::json& r) { onSent(r); });
}

void RedisLabPage::onSent(const nlohmann::json& result) {
    lab::fromJson(result, &send_);
    std::vector<lab::Shard> shards = send_.shards;
    realNow_ =
        std::make_shared<redis::ClusterState>(realCluster(nodes_, shards, send_.keysPerNode));
    modelNow_ =
        std::make_shared<redis::ClusterState>(withKeyCounts(model_, send_.modelKeysPerNode));
    const QLocale here;
    const QString n = here.toString(send_.keys);
    const bool all = send_.slotsAgree == send_.keys && send_.ownersAgree == send_.keys;
    const QString has =
        send_.slotsAgree == 1 ? tr("1 has") : tr("%1 have").arg(here.toString(send_.slotsAgree));
    QString agreed =
        all && send_.keys == 1
            ? tr("The key: the same slot and the same server in the real cluster and in the model.")
        : all ? tr("All %1 keys: the same slot and the same server in the real cluster and in the "
                   "model.")
                    .arg(n)
              : tr("Of %1, %2 the same slot and %3 the same server in the real cluster and in the "
                   "model; the table lists those that differ first.")
                    .arg(labCount(send_.keys, tr("key"), tr("keys")), has,
                         here.toString(send_.ownersAgree));
    keyTable_->setRows(send_.rows);
    if (send_.rowsLeftOut > 0) {
        agreed += QLatin1Char(' ') +
                  tr("The table shows %1 of them.").arg(here.toString(qint64(send_.rows.size())));
    }
    setBold(agree_, agreed);
    if (!send_.rows.empty()) {
        // The first key's slot, to a master other than its owner.
        slot_->setValue(send_.rows.front().slot);
        target_->setValue((send_.rows.front().owner + 1) % std::max(1, masterCount_));
    }
    setStatus(tr("Sent %1 and read back each key's slot (CLUSTER KEYSLOT) and the slot map "
                 "(CLUSTER SHARDS).")
                  .arg(labCount(send_.keys, tr("key"), tr("keys"))));
    showClusters(tr("The real cluster: its slot map as CLUSTER SHARDS reports it, and the keys "
                    "each master holds (COUNTKEYSINSLOT)."),
                 tr("The model: the slots and keys each master holds by the model's count."));
}

void RedisLabPage::clearResults() {
    nodes_.clear();
    steps_.clear();
    step_ = -1;
    send_ = {};
    failover_ = {};
    realNow_.reset();
    modelNow_.reset();
    keyTable_->setRows({});
    setBold(agree_, {});
    setBold(stepText_, reshardHint());
    commands_->clear();
    failText_->setText(failoverHint());
    reshardRealBase_.reset();
    reshardModelBase_.reset();
    replies_->setRowCount(0);
    realCanvas_->setSource(nullptr);
    modelCanvas_->setSource(nullptr);
    realPictures_.reset();
    modelPictures_.reset();
    drawHistograms();
    refreshVictims();
    refreshControls();
}

void RedisLabPage::sayOutOfRange(const QString& text) {
    if (!text.isEmpty()) {
        setStatus(text);
    }
}

} // namespace fg
