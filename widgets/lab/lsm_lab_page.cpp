#include "widgets/lab/lsm_lab_page.h"

#include "engines/scenario/lsm_scenario.h"
#include "widgets/canvas/diagram_canvas.h"
#include "widgets/controls/zoom_buttons.h"
#include "widgets/export/diagram_picture.h"
#include "widgets/lab/lab_client.h"
#include "widgets/lab/lab_scenario_run.h"
#include "widgets/lab/lab_sides.h"
#include "widgets/lab/lab_widgets.h"
#include "widgets/lab/lsm_amp_chart.h"
#include "widgets/lab/lsm_lab_source.h"
#include "widgets/playback/playback_bar.h"

#include <QComboBox>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <vector>

namespace fg {

namespace {

QString lsmNumber(double v) {
    return v == static_cast<double>(static_cast<long long>(v)) ? QString::number(qint64(v))
                                                               : QString::number(v, 'f', 1);
}

void lsmSetRow(QTableWidget* t, int row, const QStringList& cells) {
    for (int c = 0; c < cells.size(); ++c) {
        t->setItem(row, c, new QTableWidgetItem(cells[c]));
    }
}

} // namespace

LsmLabPage::LsmLabPage(QWidget* parent) : QWidget(parent), client_(new LabClient(this)) {
    auto* page = scrolledPage(this);
    page->addWidget(labSentence(
        tr("A real RocksDB, the LSM-tree store inside many databases (Cassandra keeps its data "
           "the same way), takes the same writes as the model, on this computer, in a temporary "
           "folder removed after each run. The lab flushes RocksDB's memtable (its sorted "
           "in-memory table) when the model's is full; RocksDB decides its compactions itself. "
           "Step through both trees below, then read how they compare and why they differ. To "
           "run writes of your own, build them in Diagrams > LSM-tree (or load a scenario "
           "there): they appear in the Scenario list."),
        this));

    picker_ = new LabScenarioRun(tr("&Run in RocksDB and the model"),
                                 QStringLiteral(":/content/scenarios/lsm.json"), client_, this);
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
    connect(picker_, &LabScenarioRun::runRequested, this, &LsmLabPage::run);
    connect(picker_, &LabScenarioRun::failed, this, [this] { emit runFinished(false); });
}

// The two sides, each a title, the drawing and its narration; one bar (the real side's player)
// moves both.
QWidget* LsmLabPage::buildSides() {
    auto* sides = new LabSides(260, this);
    real_ = sides->real();
    model_ = sides->model();
    realTitle_ = sides->realTitle();
    modelTitle_ = sides->modelTitle();
    realNarration_ = sides->realNarration();
    modelNarration_ = sides->modelNarration();
    sides->setTitles(tr("RocksDB (real)"), tr("The model"));
    connect(real_->player(), &Player::positionChanged, this,
            [this](int position) { amp_->setMoment(position); });
    return sides;
}

// Under the drawings: how they compare, every get, and how the lab set RocksDB up.
QWidget* LsmLabPage::buildTables() {
    auto* below = new QWidget(this);
    auto* belowLayout = new QVBoxLayout(below);
    comparison_ =
        labTable({tr("Quantity"), tr("RocksDB"), tr("Model"), tr("Why they differ")}, below);
    gets_ = labTable({tr("Get"), tr("RocksDB"), tr("Model")}, below);
    comparison_->setAccessibleName(tr("Comparison of RocksDB and the model"));
    gets_->setAccessibleName(tr("Gets: what each side found, and where it looked"));
    showRows(comparison_, 40); // every quantity: the point of the lab
    showRows(gets_, 10);
    shareWidth(comparison_); // the reasons (and the model's side of a get) wrap in the rest
    shareWidth(gets_);
    settings_ = labSentence(QString(), below);
    amp_ = new LsmAmpChart(below);
    // The comparison first: it is where the lab says why the sides differ, and under the chart
    // it showed one row without scrolling (a tester).
    belowLayout->addWidget(
        new QLabel(tr("How they compare at the end, the differences first"), below));
    belowLayout->addWidget(comparison_);
    belowLayout->addWidget(new QLabel(tr("Each get: what it found, and where it looked"), below));
    belowLayout->addWidget(gets_);
    belowLayout->addWidget(labSentence(
        tr("Write amplification as the run goes: the bytes written to files by flushes and "
           "compactions, over the bytes the scenario's puts and deletes carried (RocksDB's from "
           "its statistics, the model's from its own counts; the dotted line is the moment on "
           "screen)"),
        below));
    belowLayout->addWidget(amp_);
    belowLayout->addWidget(settings_);
    return labScroll(below, this);
}

LsmLabPage::~LsmLabPage() {
    // The canvases must let go of their sources before the sources go.
    real_->setSource(nullptr);
    model_->setSource(nullptr);
}

void LsmLabPage::setTheme(const Theme& theme) {
    theme_ = theme;
    real_->setTheme(theme);
    model_->setTheme(theme);
    amp_->setTheme(theme);
}

QString LsmLabPage::pageTitle() const {
    return tr("Lab: RocksDB beside the LSM model");
}

std::optional<Exportable> LsmLabPage::exportable() {
    if (!run_ || run_->moments.empty()) {
        return std::nullopt;
    }
    Exportable e;
    const int at = std::max(0, real_->player()->position());
    e.picture = [run = run_, params = params_, at,
                 version = QString::fromStdString(run_->version)](const Theme& theme) {
        const LsmLabSource real(run, params, true), model(run, params, false);
        const Frame both =
            LsmLabSource::sideBySide(real.frame(at, theme), tr("RocksDB %1 (real)").arg(version),
                                     model.frame(at, theme), tr("The model"), theme);
        const QString caption = real.narration(at);
        return PaintFunction([both, caption, theme](QPainter& painter, QSizeF size) {
            paintDiagramPicture(painter, size, both, caption, theme);
        });
    };
    e.screenSize = QSize(real_->width() + model_->width(), real_->height());
    e.baseName = QStringLiteral("rocksdb-lab");
    return e;
}

void LsmLabPage::offerScenario(const QString& from, const nlohmann::json& scenario, bool pick) {
    picker_->offer(from, scenario, pick);
}

void LsmLabPage::setStatus(const QString& text) {
    picker_->setStatus(text);
}

void LsmLabPage::run() {
    picker_->run(QStringLiteral("lsm.run"),
                 [this](const nlohmann::json& result, const nlohmann::json& scenario) {
                     showRun(result, scenario);
                 });
}

void LsmLabPage::showRun(const nlohmann::json& result, const nlohmann::json& scenario) {
    auto run = std::make_shared<lab::LsmLabRun>();
    LsmScenario parsed;
    Status s = lab::fromJson(result, run.get());
    if (s) {
        s = parseLsmScenario(scenario, parsed);
    }
    if (!s) {
        setStatus(
            tr("The lab's answer could not be read: %1").arg(QString::fromStdString(s.message())));
        emit runFinished(false);
        return;
    }
    real_->setSource(nullptr);
    model_->setSource(nullptr);
    run_ = run;
    params_ = parsed.params;
    realSource_ = std::make_unique<LsmLabSource>(run_, parsed.params, true);
    modelSource_ = std::make_unique<LsmLabSource>(run_, parsed.params, false);
    real_->setSource(realSource_.get());
    model_->setSource(modelSource_.get());
    realTitle_->setText(QStringLiteral("<b>%1</b>")
                            .arg(tr("RocksDB %1 (real: its files and levels as it reports them)")
                                     .arg(QString::fromStdString(run_->version).toHtmlEscaped())));
    modelTitle_->setText(
        QStringLiteral("<b>%1</b>").arg(tr("The model (fieldguide's LSM engine)")));
    fillTables();
    amp_->setRun(*run_);
    const int agree = static_cast<int>(
        std::count_if(run_->rows.begin(), run_->rows.end(), [](const auto& r) { return r.agree; }));
    const QString leftOut =
        run_->momentsLeftOut > 0
            ? tr(" (the first ones: %1 more are left out, to keep the page light)")
                  .arg(run_->momentsLeftOut)
            : QString();
    const QString stepping = startStepping(real_->player()); // the model's follows
    setStatus(tr("%1 moments to step through%2. They agree on %3 of %4 quantities; every "
                 "difference says why below.")
                  .arg(run_->moments.size())
                  .arg(leftOut)
                  .arg(agree)
                  .arg(run_->rows.size()) +
              sentenceAfter(stepping));
    real_->showStart(); // a run drawn anew, from its top-left
    model_->showStart();
    emit runFinished(true);
}

bool LsmLabPage::zoomPage(int direction) {
    zoomCanvases({real_, model_}, direction);
    return true;
}

void LsmLabPage::fillTables() {
    // The differences first, as the Time buckets Lab lists them: among nine "they agree" rows
    // the two that differ were hard to find, one below the fold (a tester).
    std::vector<const lab::LsmComparisonRow*> rows;
    for (const auto& r : run_->rows) {
        rows.push_back(&r);
    }
    std::stable_partition(rows.begin(), rows.end(), [](const auto* r) { return !r->agree; });
    comparison_->setRowCount(static_cast<int>(rows.size()));
    for (int i = 0; i < comparison_->rowCount(); ++i) {
        const lab::LsmComparisonRow& r = *rows[static_cast<std::size_t>(i)];
        lsmSetRow(comparison_, i,
                  {QString::fromStdString(r.quantity), lsmNumber(r.real), lsmNumber(r.model),
                   r.agree ? tr("they agree") : QString::fromStdString(r.why)});
    }
    gets_->setRowCount(static_cast<int>(run_->gets.size()));
    for (int i = 0; i < gets_->rowCount(); ++i) {
        const lab::LsmGet& g = run_->gets[static_cast<std::size_t>(i)];
        lsmSetRow(gets_, i,
                  {QString::fromStdString(g.key), LsmLabSource::getText(g, true),
                   LsmLabSource::getText(g, false)});
    }
    QStringList lines;
    for (const std::string& setting : run_->settings) {
        lines << QStringLiteral("\u2022 ") + QString::fromStdString(setting);
    }
    settings_->setText(tr("How the lab set RocksDB up:") + QLatin1Char('\n') +
                       lines.join(QLatin1Char('\n')));
}

QString LsmLabPage::status() const {
    return picker_->status();
}

QString LsmLabPage::realNarration() const {
    return realNarration_->text();
}

QString LsmLabPage::modelNarration() const {
    return modelNarration_->text();
}

int LsmLabPage::moments() const {
    return run_ ? static_cast<int>(run_->moments.size()) : 0;
}

QStringList LsmLabPage::comparisonRows() const {
    QStringList out;
    for (int i = 0; i < comparison_->rowCount(); ++i) {
        out << QStringLiteral("%1: %2 / %3")
                   .arg(comparison_->item(i, 0)->text(), comparison_->item(i, 1)->text(),
                        comparison_->item(i, 2)->text());
    }
    return out;
}

} // namespace fg
