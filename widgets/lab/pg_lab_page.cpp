// PgLabPage's widgets: what the page is, where the server and the keys come from, the two trees
// side by side, and the tabs under them (comparison, SQL run, query box). The run itself is in
// pg_lab_run.cpp.
#include "widgets/lab/pg_lab_page.h"

#include "lab/btree_compare.h"
#include "lab/lab_programs.h"
#include "widgets/canvas/diagram_canvas.h"
#include "widgets/canvas/diagram_panel.h"
#include "widgets/controls/range_box.h"
#include "widgets/controls/tab_bar.h"
#include "widgets/controls/zoom_buttons.h"
#include "widgets/diagrams/spoken_state.h"
#include "widgets/lab/lab_client.h"
#include "widgets/lab/lab_widgets.h"
#include "widgets/lab/pg_tree_drawing.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <nlohmann/json.hpp>

namespace fg {

PgLabPage::PgLabPage(QWidget* parent)
    : QWidget(parent), client_(new LabClient(this)), theme_(Theme::light()),
      realSource_(std::make_unique<PgFrameSource>()),
      modelSource_(std::make_unique<PgFrameSource>()) {
    // The drawings said in words from what the page holds, when a screen reader asks (redraw runs
    // at every key looked for; nothing at all while the index is gone).
    realSource_->setSummary([this] { return index_ ? spokenIndex(*index_) : QString(); });
    modelSource_->setSummary([this] {
        return modelState_ && comparison_
                   ? spokenBTree(*modelState_, lab::modelParams(comparison_->model.order))
                   : QString();
    });
    layout_ = scrolledPage(this);
    auto* layout = layout_;
    intro_ = labSentence(introText(false), this);
    layout->addWidget(intro_);
    QString missing;
    missing_ = labSentence(QString(), this);
    missing_->setObjectName(QStringLiteral("missingPrograms"));
    if (!lab::labAvailable(lab::LabKind::kPostgres, &missing)) {
        missing_->setText(tr("This computer has no PostgreSQL 15 server programs: %1 Everything "
                             "else in fieldguide works without them.")
                              .arg(missing));
    }
    missing_->setVisible(!missing_->text().isEmpty());
    layout->addWidget(missing_);
    buildControls();
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(buildTrees());
    tabs_ = new LabTabs(split); // tabs that say the focus truly (tab_bar.h)
    comparisonTable_ = labTable(
        {tr("Quantity"), tr("PostgreSQL"), tr("Model"), tr("Agree"), tr("Why they differ")}, tabs_);
    comparisonTable_->setAccessibleName(tr("Comparison of the real index and the model"));
    // The numbers as wide as they are in any type size (the projector's is larger), the reasons
    // wrapped in what is left.
    for (int c = 0; c < 4; ++c) {
        comparisonTable_->horizontalHeader()->setSectionResizeMode(c,
                                                                   QHeaderView::ResizeToContents);
    }
    auto* compareTab = new QWidget(tabs_);
    auto* compareLayout = new QVBoxLayout(compareTab);
    keysNote_ = labSentence(QString(), compareTab);
    compareLayout->addWidget(keysNote_);
    compareLayout->addWidget(comparisonTable_);
    tabs_->addTab(compareTab, tr("Comparison"));
    sqlList_ = new QPlainTextEdit(tabs_);
    sqlList_->setReadOnly(true);
    sqlList_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    sqlList_->setAccessibleName(tr("The SQL the lab ran"));
    tabs_->addTab(sqlList_, tr("SQL run"));
    tabs_->addTab(buildQueryTab(), tr("Query box"));
    split->addWidget(tabs_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({620, 380});
    layout->addWidget(split, 1);
    connect(client_, &LabClient::progress, this, [this](const QString& s) { status_->setText(s); });
    connect(client_, &LabClient::helperEnded, this, [this](const QString& why) {
        serverUp_ = false;
        if (!busy_) {
            status_->setText(why);
        }
    });
    setTheme(theme_);
}

PgLabPage::~PgLabPage() {
    // The canvases draw from the sources: they go first.
    delete realCanvas_;
    delete modelCanvas_;
}

void PgLabPage::buildControls() {
    auto* row = new QHBoxLayout();
    source_ = new QComboBox(this);
    source_->addItems({tr("Private server (started here)"), tr("Connect to a server...")});
    source_->setAccessibleName(tr("Which PostgreSQL server"));
    conninfo_ = new QLineEdit(this);
    conninfo_->setPlaceholderText(tr("Where the server is: host=/var/run/postgresql "
                                     "dbname=shop user=me (a libpq connection string)"));
    conninfo_->setAccessibleName(tr("Connection string"));
    conninfo_->setVisible(false);
    connect(source_, &QComboBox::currentIndexChanged, this, [this](int i) {
        conninfo_->setVisible(i == 1);
        intro_->setText(introText(i == 1));
        stopServer(); // the next run uses the server chosen
        // What to do now, in place of what the other choice said last (a tester's "cannot
        // connect" stayed after going back to the private server).
        status_->setText(i == 1 ? tr("Type where the server is, then press Run.")
                                : tr("Run starts the Lab's own private server."));
    });
    keysFrom_ = new QComboBox(this);
    keysFrom_->addItems({tr("Random keys"), tr("Sequential keys")});
    keysFrom_->setAccessibleName(tr("Which keys"));
    count_ = new RangeSpinBox(this);
    count_->setRange(1, 1'000'000);
    count_->setValue(2000);
    count_->setGroupSeparatorShown(true);
    count_->setSuffix(tr(" keys"));
    count_->setAccessibleName(tr("How many keys"));
    seed_ = new RangeSpinBox(this);
    seed_->setRange(0, 1'000'000);
    seed_->setValue(7);
    seed_->setPrefix(tr("seed "));
    seed_->setAccessibleName(tr("Seed of the random keys"));
    connect(keysFrom_, &QComboBox::currentIndexChanged, this, [this](int i) {
        count_->setEnabled(i < 2);
        seed_->setEnabled(i == 0);
    });
    run_ = new QPushButton(tr("Run"), this);
    run_->setToolTip(tr("Start the server if needed, insert the keys, read the index, draw it"));
    connect(run_, &QPushButton::clicked, this, &PgLabPage::run);
    stop_ = new QPushButton(tr("Stop server"), this);
    stop_->setEnabled(false);
    connect(stop_, &QPushButton::clicked, this, &PgLabPage::stopServer);
    for (QWidget* w : std::initializer_list<QWidget*>{source_, conninfo_, keysFrom_, count_, seed_,
                                                      run_, stop_}) {
        row->addWidget(w, w == conninfo_ ? 1 : 0);
    }
    row->addStretch();
    layout_->addLayout(row);
    status_ = labSentence(QString(), this);
    status_->setObjectName(QStringLiteral("status"));
    layout_->addWidget(status_);
}

QWidget* PgLabPage::buildTrees() {
    auto* trees = new QSplitter(Qt::Horizontal, this);
    const auto side = [&](QLabel*& title, DiagramCanvas*& canvas, PgFrameSource* source,
                          const QString& name) {
        auto* box = new QWidget(trees);
        auto* v = new QVBoxLayout(box);
        v->setContentsMargins(0, 0, 0, 0);
        title = new QLabel(name, box);
        // Bold only: its size stays its parent's, so that a theme or zoom that scales the fonts
        // widgets set themselves does not scale it a second time (it shrank to 8 px).
        QFont bold;
        bold.setBold(true);
        title->setFont(bold);
        title->setProperty(DiagramPanel::kFontFollowsParent, true);
        canvas = labCanvas(box);
        canvas->setSource(source);
        canvas->setAccessibleName(name);
        canvas->setMinimumSize(200, 160);
        canvas->handleZoomKeys(box);
        v->addWidget(title);
        v->addWidget(canvas, 1);
        trees->addWidget(box);
    };
    side(realTitle_, realCanvas_, realSource_.get(), tr("PostgreSQL's index: not read yet"));
    side(modelTitle_, modelCanvas_, modelSource_.get(), tr("The model: not run yet"));
    auto* box = new QWidget(this);
    auto* v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->addWidget(trees, 1);
    auto* row = new QHBoxLayout();
    auto* legend = labSentence(
        tr("Boxes are pages (nodes); dashed keys are separators, copies of leaf keys; a dotted "
           "last cell is a page's high key, an upper bound of its keys; arrows between pages are "
           "right-links; the bar along a page's foot is how full it is. A big tree shows the "
           "pages on the way to one key."),
        box);
    auto* find = new QLabel(tr("&Find a key:"), box);
    focus_ = new QLineEdit(box);
    find->setBuddy(focus_);
    focus_->setPlaceholderText(tr("e.g. 500"));
    focus_->setMaximumWidth(fontMetrics().horizontalAdvance(QLatin1Char('0')) * 22);
    focus_->setAccessibleName(tr("Find a key: mark it and the pages on the way to it"));
    focus_->setToolTip(focus_->accessibleName());
    connect(focus_, &QLineEdit::returnPressed, this, &PgLabPage::redraw);
    row->addWidget(legend, 1);
    row->addWidget(find);
    row->addWidget(focus_);
    row->addWidget(labZoomButtons(
        this, [this](int direction) { zoomPage(direction); }, box));
    v->addLayout(row);
    way_ = labSentence(QString(), box);
    way_->setObjectName(QStringLiteral("keyWay"));
    way_->hide();
    v->addWidget(way_);
    return box;
}

QWidget* PgLabPage::buildQueryTab() {
    auto* tab = new QWidget(this);
    auto* v = new QVBoxLayout(tab);
    v->addWidget(
        labSentence(tr("One SQL statement on the lab's table fieldguide_lab (k bigint). On "
                       "the private server it runs as a role that owns that table and a "
                       "schema \"scratch\" and nothing else; on a server you connected to, "
                       "read-only but for the lab's TEMP table. At most 5 s, 200 rows "
                       "shown. Ctrl+Enter runs it, then the index is read again."),
                    tab));
    queryBox_ = new QPlainTextEdit(tab);
    queryBox_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    queryBox_->setPlaceholderText(QStringLiteral("DELETE FROM fieldguide_lab WHERE k % 2 = 0"));
    queryBox_->setAccessibleName(tr("SQL statement"));
    queryBox_->setMaximumHeight(5 * queryBox_->fontMetrics().lineSpacing() + 12);
    auto* shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), queryBox_);
    shortcut->setContext(Qt::WidgetShortcut);
    connect(shortcut, &QShortcut::activated, this, &PgLabPage::runQuery);
    auto* buttons = new QHBoxLayout();
    runQuery_ = new QPushButton(tr("Run statement"), tab);
    connect(runQuery_, &QPushButton::clicked, this, &PgLabPage::runQuery);
    reread_ = new QPushButton(tr("Re-read the index"), tab);
    connect(reread_, &QPushButton::clicked, this, &PgLabPage::reread);
    queryStatus_ = labSentence(QString(), tab);
    buttons->addWidget(runQuery_);
    buttons->addWidget(reread_);
    buttons->addWidget(queryStatus_, 1);
    queryResult_ = labTable({}, tab);
    queryResult_->setAccessibleName(tr("The statement's result"));
    v->addWidget(queryBox_);
    v->addLayout(buttons);
    v->addWidget(queryResult_, 1);
    return tab;
}

void PgLabPage::setTheme(const Theme& theme) {
    theme_ = theme;
    realCanvas_->setTheme(theme);
    modelCanvas_->setTheme(theme);
    missing_->setStyleSheet(QStringLiteral("color: %1").arg(theme.warn.name()));
    // The type size may have changed with the theme: rows as tall as their wrapped text again.
    QTimer::singleShot(0, comparisonTable_, [t = comparisonTable_] { t->resizeRowsToContents(); });
}

// What Run does, on a private server or on one connected to.
QString PgLabPage::introText(bool connected) {
    const QString reads =
        tr("then reads every page of its index back with pageinspect, PostgreSQL's extension for "
           "looking inside pages as they sit on disk, and draws it beside fieldguide's model of "
           "the same keys.");
    if (connected) {
        return tr("A real PostgreSQL B-Tree index, read page by page. Run connects to the server "
                  "you name below (its host or socket folder, database and user, as psql takes "
                  "them), puts the keys into a temporary table of this connection (gone when you "
                  "close this tab; nothing else in the database is touched) and %1 The database "
                  "needs the extensions pageinspect and pgstattuple (CREATE EXTENSION, by a "
                  "user allowed to).")
            .arg(reads);
    }
    return tr("A real PostgreSQL B-Tree index, read page by page. Run puts the keys into a table "
              "on your own throwaway PostgreSQL 15 on this computer (removed when you close this "
              "tab), %1")
        .arg(reads);
}

QString PgLabPage::pageTitle() const {
    return tr("Lab: PostgreSQL index");
}

// The keys chosen (a tester's key order and count were back to the defaults after a restart);
// not the server: a connection string may hold a password.
nlohmann::json PgLabPage::keptSettings() const {
    return {{"keys_from", keysFrom_->currentIndex()},
            {"key_count", count_->value()},
            {"seed", seed_->value()}};
}

void PgLabPage::restoreSettings(const nlohmann::json& kept) {
    restoreIndex(kept, "keys_from", keysFrom_);
    restoreValue(kept, "key_count", count_);
    restoreValue(kept, "seed", seed_);
}

std::optional<Exportable> PgLabPage::exportable() {
    if (!index_) {
        return std::nullopt;
    }
    Exportable e;
    const lab::PgIndex index = *index_;
    e.picture = [index](const Theme& theme) { return framePicture(drawIndex(index, theme)); };
    e.screenSize = realCanvas_->size();
    e.baseName = QStringLiteral("postgresql-index");
    return e;
}

bool PgLabPage::zoomPage(int direction) {
    zoomCanvases({realCanvas_, modelCanvas_}, direction);
    return true;
}

void PgLabPage::offerKeys(const QString& from, std::vector<std::int64_t> keys, bool pick) {
    if (keys.empty()) {
        return;
    }
    if (keys.size() > 1'000'000) {
        status_->setText(
            tr("%1 are %2 keys: the Lab takes at most 1,000,000.").arg(from).arg(keys.size()));
        return;
    }
    // One entry for the diagram, up to date (a tester's list grew an entry at each visit, and
    // took the student's choice each time).
    if (offered_.empty()) {
        offered_.push_back(std::move(keys));
        keysFrom_->addItem(from);
    } else {
        offered_.front() = std::move(keys);
        keysFrom_->setItemText(2, from);
    }
    if (pick) {
        keysFrom_->setCurrentIndex(2);
    }
}

void PgLabPage::sayOutOfRange(const QString& text) {
    if (!text.isEmpty()) {
        status_->setText(text);
    }
}

} // namespace fg
