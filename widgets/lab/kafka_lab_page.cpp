#include "widgets/lab/kafka_lab_page.h"

#include "engines/scenario/kafka_scenario.h"
#include "widgets/canvas/diagram_canvas.h"
#include "widgets/controls/zoom_buttons.h"
#include "widgets/export/diagram_picture.h"
#include "widgets/lab/kafka_lab_source.h"
#include "widgets/lab/lab_client.h"
#include "widgets/lab/lab_scenario_run.h"
#include "widgets/lab/lab_sides.h"
#include "widgets/lab/lab_widgets.h"
#include "widgets/lab/lsm_lab_source.h"
#include "widgets/playback/playback_bar.h"

#include <QComboBox>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace fg {

namespace {

void kafkaSetRow(QTableWidget* t, int row, const QStringList& cells) {
    for (int c = 0; c < cells.size(); ++c) {
        t->setItem(row, c, new QTableWidgetItem(cells[c]));
    }
}

QString placed(int partition, std::int64_t offset, const std::string& topic) {
    if (partition < 0) {
        return {};
    }
    return QStringLiteral("%1-%2, offset %3")
        .arg(QString::fromStdString(topic))
        .arg(partition)
        .arg(offset);
}

} // namespace

KafkaLabPage::KafkaLabPage(QWidget* parent) : QWidget(parent), client_(new LabClient(this)) {
    auto* page = scrolledPage(this);
    page->addWidget(labSentence(
        tr("Kafka's real client library (librdkafka, the one behind most non-Java Kafka "
           "clients) produces the same records and runs the same consumer groups as the model, "
           "against librdkafka's mock cluster, not Apache Kafka's broker (the server program that "
           "keeps a topic's partitions and serves producers and consumers): Debian 12 ships no "
           "Kafka server package, only client libraries, so the lab uses the small cluster built "
           "into librdkafka for tests, which speaks Kafka's protocol, inside the lab's helper "
           "program, on this computer only. Keyed records must land on the same "
           "partition on both sides; where keyless records go and who reads what may differ, "
           "and the tables below say why. A consumer joining waits seconds on the mock's group "
           "coordinator, as a real broker waits for more members. To run records of your own, "
           "build them in Diagrams > Kafka: they appear in the Scenario list."),
        this));
    picker_ = new LabScenarioRun(tr("&Run in librdkafka's mock cluster and the model"),
                                 QStringLiteral(":/content/scenarios/kafka.json"), client_, this);
    page->addWidget(picker_);
    page->addWidget(buildSides(), 3);
    bar_ = new PlaybackBar(real_->player(), this);
    bar_->installKeys(this);
    auto* barRow = new QHBoxLayout;
    barRow->addWidget(bar_, 1);
    barRow->addWidget(labZoomButtons(
        this, [this](int direction) { zoomPage(direction); }, this));
    page->addLayout(barRow);
    page->addWidget(buildTables(), 2);
    connect(picker_, &LabScenarioRun::runRequested, this, &KafkaLabPage::run);
    connect(picker_, &LabScenarioRun::failed, this, [this] { emit runFinished(false); });
    connect(picker_, &LabScenarioRun::partRead, this, &KafkaLabPage::takePart);
}

QWidget* KafkaLabPage::buildSides() {
    auto* sides = new LabSides(200, this);
    real_ = sides->real();
    model_ = sides->model();
    realTitle_ = sides->realTitle();
    modelTitle_ = sides->modelTitle();
    realNarration_ = sides->realNarration();
    modelNarration_ = sides->modelNarration();
    sides->setTitles(tr("librdkafka's mock cluster, not Apache Kafka's broker (real client)"),
                     tr("The model"));
    return sides;
}

QWidget* KafkaLabPage::buildTables() {
    auto* below = new QWidget(this);
    auto* layout = new QVBoxLayout(below);
    comparison_ = labTable({tr("Quantity"), tr("librdkafka + mock cluster"), tr("Model"),
                            tr("Why (they differ, or agree)")},
                           below);
    records_ = labTable({tr("Key"), tr("Real: partition, offset"), tr("Model: partition, offset"),
                         tr("Same partition?")},
                        below);
    comparison_->setAccessibleName(tr("Comparison of the real client and the model"));
    records_->setAccessibleName(tr("Records: where each side placed them"));
    showRows(comparison_, 40);
    showRows(records_, 12);
    shareWidth(comparison_);
    shareWidth(records_);
    settings_ = labSentence(QString(), below);
    layout->addWidget(new QLabel(tr("How they compare"), below));
    layout->addWidget(comparison_);
    layout->addWidget(
        new QLabel(tr("Every record: where each side put it (differences first)"), below));
    layout->addWidget(records_);
    layout->addWidget(settings_);
    return labScroll(below, this);
}

KafkaLabPage::~KafkaLabPage() {
    real_->setSource(nullptr);
    model_->setSource(nullptr);
}

void KafkaLabPage::setTheme(const Theme& theme) {
    theme_ = theme;
    real_->setTheme(theme);
    model_->setTheme(theme);
}

QString KafkaLabPage::pageTitle() const {
    return tr("Lab: Kafka's client on librdkafka's mock cluster beside the model");
}

std::optional<Exportable> KafkaLabPage::exportable() {
    if (!run_ || run_->moments.empty()) {
        return std::nullopt;
    }
    Exportable e;
    const int at = std::max(0, real_->player()->position());
    e.picture = [run = run_, params = params_, at,
                 version = QString::fromStdString(run_->version)](const Theme& theme) {
        const KafkaLabSource real(run, params, true), model(run, params, false);
        const Frame both = LsmLabSource::sideBySide(
            real.frame(at, theme),
            tr("librdkafka %1 on its mock cluster (not Apache Kafka's broker)").arg(version),
            model.frame(at, theme), tr("The model"), theme);
        const QString caption = real.narration(at);
        return PaintFunction([both, caption, theme](QPainter& painter, QSizeF size) {
            paintDiagramPicture(painter, size, both, caption, theme);
        });
    };
    e.screenSize = QSize(real_->width() + model_->width(), real_->height());
    e.baseName = QStringLiteral("kafka-lab");
    return e;
}

void KafkaLabPage::offerScenario(const QString& from, const nlohmann::json& scenario, bool pick) {
    picker_->offer(from, scenario, pick);
}

void KafkaLabPage::setStatus(const QString& text) {
    picker_->setStatus(text);
}

void KafkaLabPage::run() {
    partial_.reset();
    picker_->run(QStringLiteral("kafka.run"),
                 [this](const nlohmann::json& result, const nlohmann::json& scenario) {
                     showRun(result, scenario);
                 });
}

namespace {

Status readParams(const nlohmann::json& scenario, kafka::KafkaParams* params) {
    KafkaScenario parsed;
    nlohmann::json bulk = scenario;
    bulk["narrate"] = false;
    Status s = parseKafkaScenario(bulk, parsed);
    *params = parsed.params;
    return s;
}

} // namespace

// A moment the lab sent ahead of its answer: the drawings, the narration and the records table
// show the run so far (the mock's coordinator makes a run take seconds); the comparison comes
// with the answer.
void KafkaLabPage::takePart(const nlohmann::json& part) {
    if (!partial_) {
        partial_ = std::make_shared<lab::KafkaLabRun>();
        if (!readParams(picker_->running(), &partialParams_)) {
            partial_.reset();
            return;
        }
    }
    if (!lab::addPart(part, partial_.get())) {
        return; // the answer will say what went wrong, if anything did
    }
    display(std::make_shared<lab::KafkaLabRun>(*partial_), partialParams_);
}

void KafkaLabPage::showRun(const nlohmann::json& result, const nlohmann::json& scenario) {
    partial_.reset();
    auto run = std::make_shared<lab::KafkaLabRun>();
    kafka::KafkaParams params;
    Status s = lab::fromJson(result, run.get());
    if (s) {
        s = readParams(scenario, &params);
    }
    if (!s) {
        setStatus(
            tr("The lab's answer could not be read: %1").arg(QString::fromStdString(s.message())));
        emit runFinished(false);
        return;
    }
    display(run, params);
    const QString stepping = startStepping(real_->player()); // the model's follows
    const int agree = static_cast<int>(
        std::count_if(run_->rows.begin(), run_->rows.end(), [](const auto& r) { return r.agree; }));
    // No keyed record, nothing to compare partitions by: "0 of 0 keyed records on the same
    // partition" told the student nothing (a tester). Said, with what to do instead.
    const QString keyed =
        run_->keyed == 0
            ? tr("No record of this scenario has a key, so no partition is compared (keyless "
                 "records go where each partitioner puts them): produce records with keys in "
                 "Diagrams > Kafka, or pick a scenario with keys, to compare where they land.")
            : tr("%1 of %2 keyed records on the same partition;")
                  .arg(run_->keyedAgree)
                  .arg(run_->keyed);
    setStatus(tr("%1 %2 of %3 comparisons agree (every difference says why below). The real "
                 "side took %4 s, most of it waiting on the mock cluster's group coordinator. "
                 "%5 moments to step through.")
                  .arg(keyed)
                  .arg(agree)
                  .arg(run_->rows.size())
                  .arg(run_->seconds, 0, 'f', 1)
                  .arg(run_->moments.size()) +
              sentenceAfter(stepping));
    emit runFinished(true);
}

void KafkaLabPage::display(std::shared_ptr<lab::KafkaLabRun> run,
                           const kafka::KafkaParams& params) {
    real_->setSource(nullptr);
    model_->setSource(nullptr);
    run_ = std::move(run);
    params_ = params;
    realSource_ = std::make_unique<KafkaLabSource>(run_, params_, true);
    modelSource_ = std::make_unique<KafkaLabSource>(run_, params_, false);
    real_->setSource(realSource_.get());
    model_->setSource(modelSource_.get());
    realTitle_->setText(QStringLiteral("<b>%1</b>")
                            .arg(tr("librdkafka %1 on its mock cluster (not Apache Kafka's broker)")
                                     .arg(QString::fromStdString(run_->version).toHtmlEscaped())));
    modelTitle_->setText(
        QStringLiteral("<b>%1</b>").arg(tr("The model (fieldguide's Kafka engine)")));
    fillTables();
    real_->player()->toEnd();
    real_->showStart(); // a run drawn anew, from its top-left
    model_->showStart();
}

bool KafkaLabPage::zoomPage(int direction) {
    zoomCanvases({real_, model_}, direction);
    return true;
}

void KafkaLabPage::fillTables() {
    comparison_->setRowCount(static_cast<int>(run_->rows.size()));
    for (int i = 0; i < comparison_->rowCount(); ++i) {
        const lab::KafkaComparisonRow& r = run_->rows[static_cast<std::size_t>(i)];
        kafkaSetRow(comparison_, i,
                    {QString::fromStdString(r.quantity), QString::fromStdString(r.real),
                     QString::fromStdString(r.model),
                     (r.agree ? tr("They agree. ") : QString()) + QString::fromStdString(r.why)});
    }
    fillRecords();
    QStringList lines;
    for (const std::string& setting : run_->settings) {
        lines << QStringLiteral("\u2022 ") + QString::fromStdString(setting);
    }
    settings_->setText(tr("How the lab set librdkafka and its mock cluster up:") +
                       QLatin1Char('\n') + lines.join(QLatin1Char('\n')));
}

// Keyed records whose partitions differ first, then the other keyed ones, then the keyless (whose
// partition is a random pick on each side).
void KafkaLabPage::fillRecords() {
    std::vector<const lab::KafkaRecordRow*> rows;
    for (const auto& r : run_->records) {
        rows.push_back(&r);
    }
    auto rank = [](const lab::KafkaRecordRow* r) {
        return !r->keyed() ? 2 : r->samePartition() ? 1 : 0;
    };
    std::stable_sort(rows.begin(), rows.end(),
                     [&](const auto* a, const auto* b) { return rank(a) < rank(b); });
    records_->setRowCount(static_cast<int>(rows.size()));
    for (int i = 0; i < records_->rowCount(); ++i) {
        const lab::KafkaRecordRow& r = *rows[static_cast<std::size_t>(i)];
        const QString real = r.realPartition >= 0
                                 ? placed(r.realPartition, r.realOffset, r.topic)
                                 : tr("not delivered: %1").arg(QString::fromStdString(r.realError));
        const QString model = r.modelPartition >= 0
                                  ? placed(r.modelPartition, r.modelOffset, r.topic)
                                  : tr("refused (no leader)");
        const QString same = !r.keyed()          ? tr("no key: a random pick on each side")
                             : r.samePartition() ? tr("yes")
                                                 : tr("no");
        kafkaSetRow(records_, i,
                    {r.key ? QString::fromStdString(*r.key) : tr("(none)"), real, model, same});
    }
}

QString KafkaLabPage::status() const {
    return picker_->status();
}

QString KafkaLabPage::realNarration() const {
    return realNarration_->text();
}

QString KafkaLabPage::modelNarration() const {
    return modelNarration_->text();
}

int KafkaLabPage::moments() const {
    return run_ ? static_cast<int>(run_->moments.size()) : 0;
}

QStringList KafkaLabPage::comparisonRows() const {
    QStringList out;
    for (int i = 0; i < comparison_->rowCount(); ++i) {
        out << QStringLiteral("%1: %2 / %3")
                   .arg(comparison_->item(i, 0)->text(), comparison_->item(i, 1)->text(),
                        comparison_->item(i, 2)->text());
    }
    return out;
}

QStringList KafkaLabPage::recordRows() const {
    QStringList out;
    for (int i = 0; i < records_->rowCount(); ++i) {
        out << QStringLiteral("%1: %2 / %3 / %4")
                   .arg(records_->item(i, 0)->text(), records_->item(i, 1)->text(),
                        records_->item(i, 2)->text(), records_->item(i, 3)->text());
    }
    return out;
}

} // namespace fg
