// MainWindow (main_window.h): the study aids: notes and bookmarks on sections, saving progress,
// and the study tools as tabs.
#include "app/main_window.h"
#include "app/notice_bar.h"
#include "app/page_tabs.h"
#include "app/page_zoom.h"
#include "app/reader/chapter_tree.h"
#include "app/reader/reader_view.h"
#include "models/io/status_text.h"
#include "widgets/decision/architecture.h"
#include "widgets/decision/decision_views.h"
#include "widgets/diagrams/diagram_view.h"
#include "widgets/lab/buckets_lab_page.h"
#include "widgets/lab/kafka_lab_page.h"
#include "widgets/lab/lsm_lab_page.h"
#include "widgets/lab/pg_lab_page.h"
#include "widgets/lab/redis_lab_page.h"
#include "widgets/practice/practice_view.h"
#include "widgets/simulators/simulator_view.h"
#include "widgets/simulators/simulators.h"
#include "widgets/study/progress_view.h"
#include "widgets/study/quiz_view.h"

#include <QApplication>
#include <QHash>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QStatusBar>
#include <algorithm>
#include <nlohmann/json.hpp>

namespace fg {

const QuizDeck& MainWindow::quizDeck() const {
    if (!deck_) {
        deck_ = loadQuizDeck(defaultContentRoot(), course_.locales); // in the course's language
    }
    return *deck_;
}

void MainWindow::editSectionNote() {
    const QString chapter = currentChapterId(), section = reader_->currentSection();
    if (chapter.isEmpty() || section.isEmpty()) {
        return;
    }
    // The section named (a tester could not tell which section the note was for).
    QString where = section;
    if (const Chapter* ch = course_.chapter(chapter)) {
        for (const auto& s : ch->sections) {
            if (s.id == section) {
                where = sectionPath(ch->title, s.title);
            }
        }
    }
    const QPointer<QWidget> focus = QApplication::focusWidget();
    QInputDialog dialog(this);
    dialog.setOption(QInputDialog::UsePlainTextEditForTextInput);
    dialog.setWindowTitle(tr("Note on this section"));
    // "&" doubled: the label is its box's buddy, and "Key-Value & Caching" lost its "&" to a
    // keyboard mnemonic ("Key-Value _Caching", a tester).
    dialog.setLabelText(tr("Your note on %1 (kept with your progress; empty removes it). "
                           "Ctrl+Enter saves it:")
                            .arg(QString(where).replace(QLatin1Char('&'), QLatin1String("&&"))));
    dialog.setTextValue(progress_->note(chapter, section));
    // Tab goes on to the buttons (it typed a tab into the note, and the keyboard was stuck in
    // it), and Ctrl+Enter saves, as in the app's other boxes of several lines (a tester).
    if (auto* box = dialog.findChild<QPlainTextEdit*>()) {
        box->setTabChangesFocus(true);
    }
    for (const QKeySequence& keys :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto* save = new QShortcut(keys, &dialog);
        connect(save, &QShortcut::activated, &dialog, &QDialog::accept);
    }
    const bool ok = dialog.exec() == QDialog::Accepted;
    const QString text = dialog.textValue();
    afterDialog(focus);
    if (ok) {
        setSectionNote(chapter, section, text);
    }
}

void MainWindow::toggleBookmark() {
    const QString chapter = currentChapterId(), section = reader_->currentSection();
    if (chapter.isEmpty() || section.isEmpty()) {
        return;
    }
    const bool on = !progress_->isBookmarked(chapter, section);
    progress_->setBookmark(chapter, section, on);
    markStudyAids(chapter, section);
    if (saveProgress()) {
        statusBar()->showMessage(on ? tr("Bookmarked.") : tr("Bookmark removed."), 3000);
    }
}

void MainWindow::markStudyAids(const QString& chapter, const QString& section) {
    const auto mark = [this](const QString& ch, const QString& s) {
        tree_->setSectionMarks(course_.indexOf(ch), s, progress_->isBookmarked(ch, s),
                               progress_->note(ch, s));
    };
    if (!chapter.isEmpty()) {
        mark(chapter, section);
        return;
    }
    for (const Chapter& ch : course_.chapters) {
        const ChapterProgress p = progress_->chapter(ch.id);
        for (const QString& s : p.bookmarks) {
            mark(ch.id, s);
        }
        for (auto it = p.notes.cbegin(); it != p.notes.cend(); ++it) {
            mark(ch.id, it.key());
        }
    }
}

void MainWindow::fillMarkedSections(QMenu* menu) {
    menu->clear();
    int listed = 0;
    bool more = false;
    for (std::size_t c = 0; c < course_.chapters.size() && !more; ++c) {
        const Chapter& ch = course_.chapters[c];
        const ChapterProgress p = progress_->chapter(ch.id);
        for (const Section& s : ch.sections) {
            const bool bookmarked = p.bookmarks.contains(s.id);
            const QString note = p.notes.value(s.id);
            if (!bookmarked && note.isEmpty()) {
                continue;
            }
            if (listed == kMarkedSectionsListed) {
                more = true;
                break;
            }
            QString marks;
            if (bookmarked) {
                marks += ChapterTree::kBookmarkMark;
            }
            if (!note.isEmpty()) {
                marks += ChapterTree::kNoteMark;
            }
            QString text = QStringLiteral("%1  %2 \u203a %3").arg(marks, ch.title, s.title);
            QAction* a = menu->addAction(text.replace(QLatin1Char('&'), QLatin1String("&&")));
            a->setToolTip(note.isEmpty() ? tr("Bookmarked") : tr("Your note: %1").arg(note));
            connect(a, &QAction::triggered, this,
                    [this, index = int(c), id = s.id] { showSection(index, id); });
            ++listed;
        }
    }
    if (listed == 0) {
        menu->addAction(tr("None yet: Ctrl+D &bookmarks the section you read, Ctrl+Shift+N adds "
                           "a note to it"))
            ->setEnabled(false);
    }
    if (more) {
        menu->addSeparator();
        menu->addAction(tr("All of them: My progress"), this,
                        [this] { openTool(QStringLiteral("progress")); });
    }
    menu->setToolTipsVisible(true);
}

bool MainWindow::saveProgress() {
    const Status saved = progress_->isDirty() ? progress_->save() : Status::ok();
    if (saved) {
        saveNotice_->hide();
        return true;
    }
    // Saving is off (a damaged file that could not be moved aside, a newer version's file): the
    // damage notice already says why; trying again cannot help.
    saveNotice_->findChild<QPushButton*>(QStringLiteral("action"))
        ->setVisible(progress_->canSave());
    QString error = messageOf(saved);
    if (!error.endsWith(QLatin1Char('.'))) {
        error += QLatin1Char('.');
    }
    showNotice(saveNotice_, progress_->canSave()
                                ? tr("%1 What you did is kept while Field Guide stays open, and "
                                     "saving is tried again at your next change.")
                                      .arg(error)
                                : error);
    return false;
}

bool MainWindow::confirmProgressSaved() {
    while (!saveProgress()) {
        QMessageBox box(QMessageBox::Warning, tr("Progress not saved"),
                        tr("Your progress could not be saved, so what you did since the last "
                           "save would be lost if you quit now."),
                        QMessageBox::NoButton, this);
        box.setInformativeText(progress_->error());
        QPushButton* retry = progress_->canSave()
                                 ? box.addButton(tr("Try again"), QMessageBox::AcceptRole)
                                 : nullptr;
        QPushButton* quit = box.addButton(tr("Quit anyway"), QMessageBox::DestructiveRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(retry ? retry : quit);
        box.exec();
        if (box.clickedButton() == quit) {
            return true;
        }
        if (!retry || box.clickedButton() != retry) {
            return false; // Cancel: back to the window, nothing lost yet
        }
    }
    return true;
}

void MainWindow::setSectionNote(const QString& chapter, const QString& section,
                                const QString& text) {
    progress_->setNote(chapter, section, text.trimmed());
    markStudyAids(chapter, section);
    if (!saveProgress()) {
        return;
    }
    statusBar()->showMessage(text.trimmed().isEmpty() ? tr("Note removed.") : tr("Note saved."),
                             3000);
}

std::vector<MainWindow::StudyTool> MainWindow::studyTools() {
    auto openChapter = [this](const QString& chapter, const QString& section) {
        showSection(course_.indexOf(chapter), section);
    };
    std::vector<StudyTool> tools = {
        {QStringLiteral("wizard"), tr("Decision &wizard: which database?"), tr("Wizard"), 0, true,
         [this, openChapter](QWidget* parent, std::vector<ContentError>& errors) {
             auto* w = new WizardView(
                 DecisionTree::load(QStringLiteral(":/content/tools/wizard.json"), course_, errors),
                 parent);
             connect(w, &WizardView::chapterLinkActivated, this, openChapter);
             connect(w, &WizardView::resultExported, this, [this](const QString& path) {
                 saySaved(tr("Recommendation saved as %1."), path);
             });
             connect(w, &WizardView::keptSettingsChanged, this, &MainWindow::keepSoon);
             return w;
         }},
        // Not in the study type: the matrix's table fills the window's width (in the Projector's
        // type at 1280 px, larger type cut its last column).
        {QStringLiteral("matrix"), tr("Decision &matrix"), tr("Matrix"), 0, false,
         [this, openChapter](QWidget* parent, std::vector<ContentError>& errors) {
             auto* m =
                 new MatrixView(DecisionMatrix::load(QStringLiteral(":/content/tools/matrix.json"),
                                                     course_, errors),
                                parent);
             connect(m, &MatrixView::chapterLinkActivated, this, openChapter);
             connect(m, &MatrixView::keptSettingsChanged, this, &MainWindow::keepSoon);
             return m;
         }},
        {QStringLiteral("scenarios"), tr("&Scenario explorer: architectures"), tr("Scenarios"), 0,
         true,
         [this, openChapter](QWidget* parent, std::vector<ContentError>& errors) {
             auto* a = new ArchitectureView(
                 loadArchitectures(QStringLiteral(":/content/tools/architectures.json"), course_,
                                   errors),
                 parent);
             connect(a, &ArchitectureView::chapterLinkActivated, this, openChapter);
             return a;
         }},
    };
    for (const auto& sim : simulators()) {
        tools.push_back(
            {sim.id, sim.title(), sim.tabName(), 1, false,
             [make = sim.make](QWidget* parent, std::vector<ContentError>&) -> QWidget* {
                 return make(parent);
             }});
    }
    tools.push_back(
        {QStringLiteral("quiz"), tr("&Quiz: checklist questions and common mistakes"), tr("Quiz"),
         2, true, [this, openChapter](QWidget* parent, std::vector<ContentError>& errors) {
             auto* q = new QuizView(parent);
             QHash<QString, QString> titles;
             for (const auto& ch : course_.chapters) {
                 titles.insert(ch.id, ch.title);
                 for (const auto& s : ch.sections) {
                     titles.insert(ch.id + QLatin1Char('#') + s.id, s.title);
                 }
             }
             q->setTitles(titles);
             q->setDeck(&quizDeck(), progress_.get());
             connect(q, &QuizView::chapterLinkActivated, this, openChapter);
             connect(q, &QuizView::answered, this, [this] { saveProgress(); });
             errors.insert(errors.end(), quizDeck().errors.begin(), quizDeck().errors.end());
             return q;
         }});
    tools.push_back(
        {QStringLiteral("practice"), tr("P&ractice: exercises the engines make and grade"),
         tr("Practice"), 2, true, [this](QWidget* parent, std::vector<ContentError>&) {
             auto* p = new PracticeView(parent);
             p->setStore(progress_.get());
             connect(p, &PracticeView::answered, this, [this] { saveProgress(); });
             connect(p, &PracticeView::showMeRequested, this, &MainWindow::showPracticeScenario);
             connect(p, &PracticeView::keptSettingsChanged, this, &MainWindow::keepSoon);
             return p;
         }});
    tools.push_back({QStringLiteral("progress"), tr("My &progress"), tr("Progress"), 2, true,
                     [this, openChapter](QWidget* parent, std::vector<ContentError>&) {
                         auto* p = new ProgressView(parent);
                         p->setData(&course_, &quizDeck(), progress_.get());
                         connect(p, &ProgressView::chapterLinkActivated, this, openChapter);
                         return p;
                     }});
    // The Lab's pages, in a menu of their own (kLabGroup): real servers beside the models, each
    // page with a helper program of its own that ends, with its servers, when the tab closes.
    tools.push_back({QStringLiteral("lab-postgres"),
                     tr("&PostgreSQL index: a real B-Tree beside the model"), tr("Lab: PostgreSQL"),
                     kLabGroup, false, [](QWidget* parent, std::vector<ContentError>&) -> QWidget* {
                         return new PgLabPage(parent);
                     }});
    tools.push_back({QStringLiteral("lab-redis"),
                     tr("&Redis Cluster: real slots and redirects beside the model"),
                     tr("Lab: Redis"), kLabGroup, false,
                     [](QWidget* parent, std::vector<ContentError>&) -> QWidget* {
                         return new RedisLabPage(parent);
                     }});
    tools.push_back({QStringLiteral("lab-rocksdb"),
                     tr("Rocks&DB: a real LSM-tree beside the model"), tr("Lab: RocksDB"),
                     kLabGroup, false, [](QWidget* parent, std::vector<ContentError>&) -> QWidget* {
                         return new LsmLabPage(parent);
                     }});
    // lab-kafka
    tools.push_back({QStringLiteral("lab-kafka"),
                     tr("&Kafka: a real client against librdkafka's mock cluster"),
                     tr("Lab: Kafka"), kLabGroup, false,
                     [](QWidget* parent, std::vector<ContentError>&) -> QWidget* {
                         return new KafkaLabPage(parent);
                     }});
    // lab-buckets
    tools.push_back({QStringLiteral("lab-buckets"),
                     tr("&Time buckets: PostgreSQL's date_bin and RRDtool beside the model"),
                     tr("Lab: Time buckets"), kLabGroup, false,
                     [](QWidget* parent, std::vector<ContentError>&) -> QWidget* {
                         return new BucketsLabPage(parent);
                     }});
    return tools;
}

// The open diagram of `engine` (its scenario as on its tab now), if one is open.
std::optional<nlohmann::json> MainWindow::openDiagramScenario(const QString& engine) const {
    for (int i = 1; i < tabs_->count(); ++i) {
        auto* view = qobject_cast<DiagramView*>(tabs_->widget(i));
        if (view && view->property("diagramId").toString() == engine) {
            return view->scenarioJson();
        }
    }
    return std::nullopt;
}

// The Lab pages that run a whole scenario (RocksDB, Kafka, time buckets) take the open LSM,
// Kafka or downsample diagram's. True if `page` is one of them.
bool MainWindow::offerDiagramScenario(QWidget* page, bool pick) {
    auto* lsm = qobject_cast<LsmLabPage*>(page);
    auto* kafka = qobject_cast<KafkaLabPage*>(page);
    auto* buckets = qobject_cast<BucketsLabPage*>(page);
    if (!lsm && !kafka && !buckets) {
        return false;
    }
    const QString engine = lsm     ? QStringLiteral("lsm")
                           : kafka ? QStringLiteral("kafka")
                                   : QStringLiteral("downsample");
    const std::optional<nlohmann::json> scenario = openDiagramScenario(engine);
    if (!scenario) {
        return true;
    }
    const QString title = QString::fromStdString(scenario->value("title", std::string()));
    const QString diagram = lsm     ? tr("The LSM diagram's scenario")
                            : kafka ? tr("The Kafka diagram's scenario")
                                    : tr("The downsampling diagram's scenario");
    const QString from = title.trimmed().isEmpty() ? tr("%1, as on its tab now").arg(diagram)
                                                   : tr("%1: %2").arg(diagram, title);
    if (lsm) {
        lsm->offerScenario(from, *scenario, pick);
    } else if (kafka) {
        kafka->offerScenario(from, *scenario, pick);
    } else {
        buckets->offerScenario(from, *scenario, pick);
    }
    return true;
}

// A Lab page takes the open B-Tree (PostgreSQL) or Redis diagram's keys, or the LSM, Kafka or
// downsample diagram's scenario, as one of its sources: the same input through the model on
// screen and through the real system.
void MainWindow::offerDiagramKeys(QWidget* page, bool pick) {
    if (offerDiagramScenario(page, pick)) {
        return;
    }
    auto* pg = qobject_cast<PgLabPage*>(page);
    auto* redis = qobject_cast<RedisLabPage*>(page);
    if (!pg && !redis) {
        return;
    }
    const std::optional<nlohmann::json> found =
        openDiagramScenario(pg ? QStringLiteral("btree") : QStringLiteral("hashslot"));
    if (!found) {
        return;
    }
    const nlohmann::json& scenario = *found;
    std::vector<std::int64_t> numbers;
    QStringList keys;
    for (const nlohmann::json& op : scenario.value("ops", nlohmann::json::array())) {
        const auto key = op.find("key");
        if (!op.is_object() || key == op.end()) {
            continue;
        }
        if (pg && op.value("op", "") == "insert" && key->is_number_integer()) {
            numbers.push_back(key->get<std::int64_t>());
        } else if (redis && op.value("op", "") == "route") {
            keys << QString::fromStdString(key->is_string() ? key->get<std::string>()
                                                            : key->dump());
        }
    }
    const QString title = QString::fromStdString(scenario.value("title", std::string()));
    // The name first: an argument moved from may be moved before the other is made (it read
    // "the B-Tree diagram's 0 inserts ()", a tester).
    const auto named = [&](const QString& what) {
        return title.trimmed().isEmpty() ? what : tr("%1 (%2)").arg(what, title);
    };
    if (pg && !numbers.empty()) {
        const QString from =
            named(numbers.size() == 1 ? tr("the B-Tree diagram's 1 insert")
                                      : tr("the B-Tree diagram's %1 inserts").arg(numbers.size()));
        pg->offerKeys(from, std::move(numbers), pick);
    } else if (redis && !keys.isEmpty()) {
        // Each key once: a SET and a GET of one key were "2 keys", and Send sent 1 (tester 41).
        keys.removeDuplicates();
        redis->offerKeys(named(keys.size() == 1
                                   ? tr("the Redis diagram's 1 key")
                                   : tr("the Redis diagram's %1 keys").arg(keys.size())),
                         keys, pick);
    }
}

void MainWindow::offerPractice(QWidget* view, const QString& diagramId) {
    if (auto* diagram = qobject_cast<DiagramView*>(view);
        diagram && !practice::typesOf(diagramId.toStdString()).empty()) {
        diagram->addPracticeAction([this, diagramId] { openPractice(diagramId); });
    }
}

void MainWindow::openPractice(const QString& topic) {
    openTool(QStringLiteral("practice"));
    if (auto* practice = qobject_cast<PracticeView*>(tabs_->currentWidget())) {
        practice->practiseTopic(topic); // questions on the diagram's topic at once
    }
}

void MainWindow::showPracticeScenario(const QString& diagram, const QByteArray& scenario,
                                      int fromStep) {
    openDiagram(diagram);
    auto* view = qobject_cast<DiagramView*>(tabs_->currentWidget());
    const nlohmann::json j = nlohmann::json::parse(scenario.toStdString(), nullptr, false);
    if (!view || j.is_discarded()) {
        return;
    }
    // As a preset does: what the student had built there comes back with Undo.
    if (const Status loaded = view->loadScenarioUndoably(j); !loaded) {
        statusBar()->showMessage(
            tr("The exercise could not be shown: %1").arg(QString::fromStdString(loaded.message())),
            8000);
        return;
    }
    // At the step before the exercise's operation: Right arrow (or Play) shows it step by step.
    view->afterBuild([view, fromStep] { view->panel()->player()->seek(fromStep); });
    if (view->canUndo()) {
        statusBar()->showMessage(tr("The diagram shows the exercise; Undo (Ctrl+Z) brings back "
                                    "what it showed before."),
                                 10000);
    }
}

void MainWindow::openTool(const QString& id) {
    for (int i = 1; i < tabs_->count(); ++i) {
        if (tabs_->widget(i)->property("toolId").toString() == id) {
            // The keys go to it as to a tool just opened (its table: Space ticks a need), not
            // left where they were (tester 36 #7).
            tabs_->setCurrentIndex(i);
            tabs_->widget(i)->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
    tabs_->forgetClosed("toolId", id);
    const std::vector<StudyTool> tools = studyTools();
    const auto tool =
        std::find_if(tools.begin(), tools.end(), [&](const StudyTool& t) { return t.id == id; });
    if (tool == tools.end()) {
        return;
    }
    std::vector<ContentError> errors;
    QWidget* view = tool->make(tabs_, errors);
    pageOf(view)->setTheme(theme_);
    // The other pages take the application's type, which has the theme's scale (AppTheme::apply
    // hands it to the windows at once): scaled again, a page opened in Projector had it twice,
    // and kept a Projector's type after a switch to Light (tester 41).
    if (tool->studyType) {
        useStudyType(view, theme_.fontScale); // pages read as a whole
    }
    if (!errors.empty()) {
        statusBar()->showMessage(
            tr("Problems in the course's tool files: %1").arg(joined(errors, QStringLiteral("; "))),
            15000);
    }
    view->setProperty("toolId", id);
    // A Lab page is not kept for Reopen closed tab: closing it stops its servers.
    view->setProperty("endsOnClose", tool->group == kLabGroup);
    offerDiagramKeys(view, true);
    setTypeZoom(view, QSettings().value(typeZoomKey(view)).toInt()); // as the student left it
    // A short name on the tab, the whole title in its tooltip: with a dozen tabs open the long
    // titles took the room and the diagrams' tabs were elided to "R..." and "B-...".
    const int tab = tabs_->addTab(view, tool->tabName);
    tabs_->setTabToolTip(tab, pageOf(view)->pageTitle());
    tabs_->setCurrentIndex(tab);
    // The page takes the focus itself (the quiz's number keys): a screen reader says its title
    // there (it was a nameless "filler": Orca said nothing but "layered pane").
    if (view->accessibleName().isEmpty()) {
        view->setAccessibleName(pageOf(view)->pageTitle());
    }
    view->setFocus();
}

// The quiz and practice pages answer by number keys: the chapter list, when it kept the focus
// after a click, took them as type-ahead and jumped to chapter "4. Redis" (a tester's quiz).
void MainWindow::focusStudyPage() {
    QWidget* page = tabs_->currentWidget();
    QWidget* focus = QApplication::focusWidget();
    if ((qobject_cast<QuizView*>(page) || qobject_cast<PracticeView*>(page)) && focus &&
        (focus == tree_ || tree_->isAncestorOf(focus))) {
        page->setFocus(Qt::OtherFocusReason);
    }
}

} // namespace fg
