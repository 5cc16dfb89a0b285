#include "widgets/lab/buckets_lab_page.h"

#include "engines/timeseries/clock_text.h"
#include "widgets/canvas/diagram_canvas.h"
#include "widgets/controls/zoom_buttons.h"
#include "widgets/export/diagram_picture.h"
#include "widgets/lab/buckets_lab_source.h"
#include "widgets/lab/lab_client.h"
#include "widgets/lab/lab_scenario_run.h"
#include "widgets/lab/lab_widgets.h"
#include "widgets/playback/playback_bar.h"

#include <QComboBox>
#include <QFile>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace fg {

namespace {

// The most table rows the page lists (differences come first, so none is left out before an
// agreeing one).
constexpr int kMaxBucketTableRows = 2000;

QString bucketValuesText(const std::optional<lab::BucketValues>& v, bool withCount) {
    if (!v) {
        return QStringLiteral("\u2014");
    }
    // Two short lines: the table's columns stay narrow enough for the reasons beside them. Six
    // significant digits, in the reader's language ("51.6667", not "51.66666667": a tester);
    // whether two sides agree is decided on the values, not on these words.
    const QLocale locale;
    const auto shown = [&locale](double x) { return locale.toString(x, 'g', 6); };
    const QString avg = QStringLiteral("avg %1").arg(shown(v->avg));
    const QString range = QStringLiteral("min %1, max %2").arg(shown(v->min), shown(v->max));
    return withCount ? QStringLiteral("%1 (%2 points)\n%3").arg(avg).arg(v->count).arg(range)
                     : QStringLiteral("%1\n%2").arg(avg, range);
}

} // namespace

BucketsLabPage::BucketsLabPage(QWidget* parent) : QWidget(parent), client_(new LabClient(this)) {
    auto* page = scrolledPage(this);
    page->addWidget(labSentence(
        tr("The same points rolled up three ways: by the model, by PostgreSQL's date_bin (a "
           "private server on this computer, started at the first run and removed when you "
           "close this tab) and by "
           "RRDtool (the round-robin database behind many monitoring graphs). A bucket is the "
           "points of one stretch of time summed up (count, average, minimum, maximum). "
           "date_bin must agree with the model exactly; RRDtool follows rules of its own, "
           "explained under the drawing. To run points of your own, build them in Diagrams > "
           "Time-series downsampling, retention and compression: they appear in the Scenario "
           "list."),
        this));
    picker_ =
        new LabScenarioRun(tr("&Run in date_bin, RRDtool and the model"),
                           QStringLiteral(":/content/scenarios/downsample.json"), client_, this);
    page->addWidget(picker_);

    auto* split = new QSplitter(Qt::Vertical, this);
    auto* top = new QWidget(split);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    canvas_ = labCanvas(top);
    canvas_->setMinimumHeight(260);
    narration_ = labSentence(QString(), top);
    bar_ = new PlaybackBar(canvas_->player(), top);
    bar_->installKeys(this);
    topLayout->addWidget(canvas_, 1);
    topLayout->addWidget(narration_);
    auto* barRow = new QHBoxLayout;
    barRow->addWidget(bar_, 1);
    barRow->addWidget(labZoomButtons(
        this, [this](int direction) { zoomPage(direction); }, top));
    topLayout->addLayout(barRow);
    split->addWidget(top);
    split->addWidget(buildBelow());
    // Half the height each: at 2 to 1 the bucket table showed a row and a half, two thirds of
    // the page went to a drawing with room to spare (a tester).
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    page->addWidget(split, 1);
    connect(canvas_, &DiagramCanvas::narrationChanged, narration_, &QLabel::setText);
    connect(picker_, &LabScenarioRun::runRequested, this, &BucketsLabPage::run);
    connect(picker_, &LabScenarioRun::failed, this, [this] { emit runFinished(false); });
    setStatus(tr("Pick a scenario and press Run. The player's steps go through the tiers."));
}

BucketsLabPage::~BucketsLabPage() {
    canvas_->setSource(nullptr); // the canvas lets go of the source before it goes
}

// Under the drawing: the counts, the table of buckets, RRDtool's rules, what the lab ran.
QWidget* BucketsLabPage::buildBelow() {
    auto* below = new QWidget(this);
    auto* v = new QVBoxLayout(below);
    counts_ = labSentence(QString(), below);
    table_ = labTable({tr("Tier"), tr("Bucket"), tr("Model"), tr("date_bin"), tr("RRDtool"),
                       tr("Why they differ")},
                      below);
    table_->setAccessibleName(tr("Buckets of each tier: the model, date_bin and RRDtool"));
    showRows(table_, 15);
    shareWidth(table_);
    rules_ = labSentence(QString(), below);
    definitions_ = labSentence(QString(), below);
    definitions_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    v->addWidget(counts_);
    v->addWidget(new QLabel(tr("Every bucket, the ones that differ first"), below));
    v->addWidget(table_);
    v->addWidget(rules_);
    v->addWidget(definitions_);
    return labScroll(below, this);
}

void BucketsLabPage::setTheme(const Theme& theme) {
    theme_ = theme;
    canvas_->setTheme(theme);
}

QString BucketsLabPage::pageTitle() const {
    return tr("Lab: Time buckets, date_bin and RRDtool beside the model");
}

std::optional<Exportable> BucketsLabPage::exportable() {
    if (!run_ || run_->tiers.empty()) {
        return std::nullopt;
    }
    Exportable e;
    const int at = std::max(0, canvas_->player()->position());
    e.picture = [run = run_, at](const Theme& theme) {
        const BucketsLabSource source(run);
        const Frame frame = source.frame(at, theme);
        const QString caption = source.narration(at);
        return PaintFunction([frame, caption, theme](QPainter& painter, QSizeF size) {
            paintDiagramPicture(painter, size, frame, caption, theme);
        });
    };
    e.screenSize = canvas_->size();
    e.baseName = QStringLiteral("time-buckets-lab");
    return e;
}

bool BucketsLabPage::zoomPage(int direction) {
    zoomCanvases({canvas_}, direction);
    return true;
}

void BucketsLabPage::offerScenario(const QString& from, const nlohmann::json& scenario, bool pick) {
    picker_->offer(from, scenario, pick);
}

void BucketsLabPage::setStatus(const QString& text) {
    picker_->setStatus(text);
}

void BucketsLabPage::run() {
    picker_->run(QStringLiteral("buckets.run"),
                 [this](const nlohmann::json& result, const nlohmann::json&) { showRun(result); });
}

void BucketsLabPage::showRun(const nlohmann::json& result) {
    auto run = std::make_shared<lab::BucketsLabRun>();
    if (const Status s = lab::fromJson(result, run.get()); !s) {
        setStatus(
            tr("The lab's answer could not be read: %1").arg(QString::fromStdString(s.message())));
        emit runFinished(false);
        return;
    }
    canvas_->setSource(nullptr);
    run_ = run;
    source_ = std::make_unique<BucketsLabSource>(run_);
    canvas_->setSource(source_.get());
    fillTable();
    fillTexts();
    const QString stepping = startStepping(canvas_->player());
    setStatus((run_->dateBinRan
                   ? tr("%1 points rolled up into %2 tiers. Step through the tiers with the "
                        "player; every difference says why in the table.")
                         .arg(run_->points)
                         .arg(run_->tiers.size())
                   : tr("%1 points rolled up by RRDtool and the model; date_bin did not run: %2")
                         .arg(run_->points)
                         .arg(QString::fromStdString(run_->dateBinMissing))) +
              sentenceAfter(stepping));
    emit runFinished(true);
}

void BucketsLabPage::fillTable() {
    std::vector<std::pair<const lab::BucketTier*, const lab::BucketCompare*>> rows, agreeing;
    for (const lab::BucketTier& t : run_->tiers) {
        for (const lab::BucketCompare& b : t.buckets) {
            (b.dateBinWhy.empty() && b.rrdWhy.empty() ? agreeing : rows).emplace_back(&t, &b);
        }
    }
    rows.insert(rows.end(), agreeing.begin(), agreeing.end());
    const int n = std::min(kMaxBucketTableRows, static_cast<int>(rows.size()));
    table_->setRowCount(n);
    for (int i = 0; i < n; ++i) {
        const auto& [t, b] = rows[static_cast<std::size_t>(i)];
        QStringList why;
        for (const std::string* w : {&b->dateBinWhy, &b->rrdWhy}) {
            if (!w->empty()) {
                why << QString::fromStdString(*w);
            }
        }
        const QStringList cells{
            QString::fromStdString(t->name),
            QString::fromStdString(timeseries::clockText(b->start)),
            b->modelDropped ? tr("dropped (retention)") : bucketValuesText(b->model, true),
            run_->dateBinRan ? bucketValuesText(b->dateBin, true) : tr("not run"),
            b->rrdUnknown ? tr("UNKNOWN") : bucketValuesText(b->rrd, false),
            why.isEmpty() ? tr("they agree") : why.join(QLatin1Char(' '))};
        for (int c = 0; c < cells.size(); ++c) {
            table_->setItem(i, c, new QTableWidgetItem(cells[c]));
        }
        table_->item(i, 5)->setToolTip(cells[5]); // whole, where a narrow window cuts it short
    }
}

void BucketsLabPage::fillTexts() {
    QStringList counts;
    for (const lab::BucketTier& t : run_->tiers) {
        counts << BucketsLabSource::tierText(*run_, t);
    }
    if (!run_->dateBinRan) {
        counts << tr("date_bin did not run: %1").arg(QString::fromStdString(run_->dateBinMissing));
    }
    counts_->setText(counts.join(QLatin1Char('\n')));
    QStringList rules;
    for (const std::string& r : run_->rules) {
        rules << QStringLiteral("\u2022 ") + QString::fromStdString(r);
    }
    rules_->setText(tr("How RRDtool's rows line up with the buckets, and where they differ:") +
                    QLatin1Char('\n') + rules.join(QLatin1Char('\n')));
    QStringList defs;
    defs << tr("RRDtool %1: rrdtool create points.rrd --step %2 %3")
                .arg(QString::fromStdString(run_->rrdVersion))
                .arg(run_->rrdStepS)
                .arg(QString::fromStdString([&] {
                    std::string all;
                    for (const std::string& d : run_->rrdDefinition) {
                        all += (all.empty() ? "" : " ") + d;
                    }
                    return all;
                }()));
    if (run_->dateBinRan) {
        defs << tr("PostgreSQL %1 (origin %2):")
                    .arg(QString::fromStdString(run_->pgVersion),
                         QString::fromStdString(run_->origin));
        for (const std::string& sql : run_->sql) {
            defs << QString::fromStdString(sql) + QLatin1Char(';');
        }
    }
    definitions_->setText(defs.join(QLatin1Char('\n')));
}

QString BucketsLabPage::status() const {
    return picker_->status();
}

QString BucketsLabPage::narration() const {
    return narration_->text();
}

QStringList BucketsLabPage::tableRows() const {
    QStringList out;
    for (int i = 0; i < table_->rowCount(); ++i) {
        const QString why = table_->item(i, 5)->text();
        out << QStringLiteral("%1 %2: %3")
                   .arg(table_->item(i, 0)->text(), table_->item(i, 1)->text(),
                        why == tr("they agree") ? QString() : why);
    }
    return out;
}

QString BucketsLabPage::definitions() const {
    return definitions_->text();
}

} // namespace fg
