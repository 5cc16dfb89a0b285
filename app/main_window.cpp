#include "app/main_window.h"

#include "app/export_actions.h"
#include "app/notice_bar.h"
#include "app/page_presenter.h"
#include "app/page_tabs.h"
#include "app/page_zoom.h"
#include "app/presentation/presentation.h"
#include "app/reader/chapter_tree.h"
#include "app/reader/reader_view.h"
#include "app/reader/search_dock.h"
#include "app/reader/search_panel.h"
#include "app/sidebar_splitter.h"
#include "app/window_keys.h"
#include "app/window_tab_order.h"
#include "models/course/content_loader.h"
#include "models/io/status_text.h"
#include "widgets/canvas/diagram_panel.h"
#include "widgets/controls/button_keys.h"
#include "widgets/controls/focus_keeper.h"
#include "widgets/controls/focus_ring.h"
#include "widgets/decision/architecture.h"
#include "widgets/decision/decision_views.h"
#include "widgets/diagrams/diagram_factory.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/diagrams/diagram_view.h"
#include "widgets/simulators/simulators.h"
#include "widgets/study/progress_view.h"
#include "widgets/study/quiz_view.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QFrame>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHash>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace fg {

MainWindow::MainWindow(Course course, QWidget* parent)
    : QMainWindow(parent), course_(std::move(course)) {
    AppTheme::installStyle(); // before the widgets: each is polished once, in it
    FocusRing::install();
    FocusKeeper::install();
    ButtonKeys::install();
    tree_ = new ChapterTree(this);
    tree_->setCourse(course_);
    reader_ = new ReaderView(this);
    reader_->waitForWindow();
    reader_->setCourse(&course_);
    updateWindowTitle();
    keepTimer_ = new QTimer(this);
    keepTimer_->setSingleShot(true);
    keepTimer_->setInterval(kKeepDelayMs);
    connect(keepTimer_, &QTimer::timeout, this, [this] {
        saveSettings();
        saveSession();
    });
    tabs_ = new PageTabs(this);
    tabs_->setAccessibleName(tr("Reader and diagrams"));
    tabs_->addTab(reader_, reader_->pageTitle());
    tabs_->setTabToolTip(0, reader_->pageTitle());
    tabs_->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr); // the reader stays
    connect(tabs_, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);

    connect(tabs_, &QTabWidget::currentChanged, this, [this] {
        if (statusBar()->currentMessage() == tabHint_) {
            statusBar()->clearMessage(); // before the new tab's own (the chapter list's, below)
        }
        updateWindowTitle();
        followTabInSidebar();
        focusStudyPage();
        offerDiagramKeys(tabs_->currentWidget(), false); // the diagram may have changed
        keepSoon();
    });

    auto* split = new SidebarSplitter(tree_, tabs_, this);
    split_ = split;
    split->setObjectName(QStringLiteral("mainSplitter"));
    split->setSizes({300, 1300});
    split->setSidebar(300); // until the student drags it (remembered: restoreSettings)
    connect(split, &QSplitter::splitterMoved, this, &MainWindow::keepSoon);
    pagePresenter_ = new PagePresenter(this, tabs_, split);
    // Another tab, or the page closed: the window is given back first.
    connect(tabs_, &QTabWidget::currentChanged, pagePresenter_, &PagePresenter::stop);
    const QString listAside = tr("The chapter list stepped aside to give this page room: it is "
                                 "back on the Reader tab (F9 shows it here).");
    connect(split, &SidebarSplitter::steppedAsideForPage, this,
            [this, listAside] { statusBar()->showMessage(listAside, 8000); });
    connect(split, &SidebarSplitter::shownAgain, this, [this, listAside] {
        if (statusBar()->currentMessage() == listAside) {
            statusBar()->clearMessage();
        }
    });
    // The notice bars sit above the chapter list and the reader, in the window's width.
    buildWelcome();
    damageNotice_ = makeNoticeBar(this, QStringLiteral("damageNotice"));
    saveNotice_ = makeNoticeBar(this, QStringLiteral("saveNotice"));
    auto* retry = saveNotice_->findChild<QPushButton*>(QStringLiteral("action"));
    retry->setText(tr("Try again"));
    retry->show();
    connect(retry, &QPushButton::clicked, this, [this] { saveProgress(); });
    auto* central = new QWidget(this);
    auto* column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(damageNotice_);
    column->addWidget(saveNotice_);
    column->addWidget(split, 1);
    // The welcome under the pages: shown on the Reader tab only, above them it moved the tab bar
    // 40 px at each change of tab, and a click aimed at a tab missed it (a tester).
    column->addWidget(welcomeNotice_);
    setCentralWidget(central);

    search_ = new SearchPanel(this);
    search_->setCourse(course_);
    searchDock_ = new SearchDock(search_, tabs_, this);
    searchDock_->setPageRoom([this] { return split_->pageWidth(); });
    qApp->installEventFilter(new WindowKeysInLineEdits(this));
    tabOrder_ = std::make_unique<WindowTabOrder>([this] {
        QWidget* page = tabs_->currentWidget();
        return QList<WindowTabOrder::Part>{{welcomeNotice_}, {damageNotice_}, {saveNotice_},
                                           {tree_},          {tabs_, page},   {page},
                                           {searchDock_}};
    });
    const QString asideNote = tr("The search stepped aside to leave this page room: it is back "
                                 "on the Reader tab (Ctrl+F shows it here).");
    connect(searchDock_, &SearchDock::steppedAsideForPage, this,
            [this, asideNote] { statusBar()->showMessage(asideNote, 8000); });
    // The chapter list back beside a page at its least width: the search gives it the room.
    connect(split_, &SidebarSplitter::wantsRoom, this, [this](int pixels) {
        if (searchDock_->isVisible() && searchDock_->width() - pixels > 200) {
            resizeDocks({searchDock_}, {searchDock_->width() - pixels}, Qt::Horizontal);
        }
    });
    // Shown again, the note that it stepped aside is over (it stayed after Ctrl+F showed it).
    connect(searchDock_, &QDockWidget::visibilityChanged, this, [this, asideNote](bool shown) {
        if (shown && statusBar()->currentMessage() == asideNote) {
            statusBar()->clearMessage();
        }
    });

    tree_->sendPageKeysTo(reader_);
    connect(tree_, &ChapterTree::chapterSectionActivated, this, &MainWindow::showSection);
    connect(tree_, &ChapterTree::chapterSectionBrowsed, this, &MainWindow::browseSection);
    // The list marks the reader's section while the reader is on screen; behind a diagram's tab
    // (the reader laid out again at a switch of theme), the diagram's section stays marked (a
    // tester saw "Scaling Redis" marked beside the B-Tree).
    // Not while the student moves in the list with the arrows: the list is theirs then.
    connect(reader_, &ReaderView::sectionChanged, this, [this](const QString& s) {
        if (tabs_->currentWidget() == reader_ && (!tree_->hasFocus() || tree_->pagedTheReader())) {
            tree_->select(reader_->chapterIndex(), reader_->atChapterTop() ? QString() : s);
        }
    });
    connect(reader_, &ReaderView::chapterLinkActivated, this,
            [this](const QString& c, const QString& s) { showSection(course_.indexOf(c), s); });
    connect(reader_, &ReaderView::diagramRequested, this, &MainWindow::openDiagram);
    connect(search_, &SearchPanel::resultActivated, this,
            [this](int chapter, const QString& section, const QString& query) {
                tabs_->setCurrentWidget(reader_);
                reader_->showChapter(chapter, section);
                lastQuery_ = query; // F3 goes on with it, across the chapters
                reader_->highlight(query, section);
                tree_->select(chapter, reader_->currentSection());
                updateWindowTitle();
            });
    // A new query takes the old one's marks off the reader ("VACUUM" stayed marked while the
    // panel listed "hash slot", a tester); Enter or a result marks the new one.
    connect(search_, &SearchPanel::queryChanged, this, [this](const QString& query) {
        if (!reader_->query().isEmpty() && reader_->query() != query) {
            reader_->clearHighlights();
        }
    });
    // F3 and Shift+F3 in the reader move the panel's current result along with them.
    connect(reader_, &ReaderView::hitChanged, this, [this](const QString& section) {
        search_->followHit(reader_->chapterIndex(), section);
    });
    // Esc closes the search and takes its highlights off, from the panel or from the reader.
    connect(search_, &SearchPanel::closeRequested, this, &MainWindow::closeSearch);
    auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), reader_);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, [this] {
        if (searchDock_->isVisible() || !reader_->query().isEmpty()) {
            closeSearch();
        }
    });

    if (!course_.errors.empty()) {
        auto* warning = new QLabel(
            tr("%n problem(s) in the course files: broken chapters are marked in the list.", "",
               static_cast<int>(course_.errors.size())),
            this);
        QStringList all;
        for (const auto& e : course_.errors) {
            all << e.toString();
        }
        warning->setToolTip(all.join('\n'));
        statusBar()->addPermanentWidget(warning);
    }
    // Progress (sections read, quiz results, bookmarks): a damaged file is kept aside and said.
    // It stays on top of the window until closed: a status-bar message went by in 20 seconds,
    // cut off at the window's edge.
    progress_ = std::make_unique<ProgressStore>();
    if (const Status loaded = progress_->load(); !loaded) {
        showNotice(damageNotice_, messageOf(loaded));
    }
    markStudyAids();
    // Read: the section being read, and every other whose heading comes on screen, however the
    // student scrolls (a page at a time passes short sections by; a short chapter that fits the
    // window, or a short last section, was never "the current one"). Saved when something is new.
    const auto markRead = [this](const QString& current) {
        const QString chapter = currentChapterId();
        if (chapter.isEmpty()) {
            return;
        }
        QStringList seen = reader_->sectionsInView();
        if (!current.isEmpty()) {
            seen << current;
        }
        bool changed = false;
        for (const QString& s : seen) {
            if (!progress_->isSectionRead(chapter, s)) {
                progress_->setSectionRead(chapter, s);
                changed = true;
            }
        }
        if (changed) {
            saveProgress();
        }
    };
    connect(reader_, &ReaderView::sectionChanged, this, markRead);
    connect(reader_, &ReaderView::sectionChanged, this, &MainWindow::keepSoon);
    connect(reader_->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [markRead] { markRead({}); });
    buildMenus();
    restoreSettings();
}

MainWindow::~MainWindow() {
    saveSettings();
    // The reader's figures drawn on worker threads read the course, a member gone before the
    // child widgets are: they end first (a window closed as it was opening crashed a test).
    reader_->setCourse(nullptr);
}

void MainWindow::showSection(int chapter, const QString& sectionId) {
    if (chapter < 0 || chapter >= static_cast<int>(course_.chapters.size())) {
        return;
    }
    tabs_->setCurrentWidget(reader_);
    reader_->showChapter(chapter, sectionId);
    // A chapter opened at its top is marked as the chapter, not as its first section.
    tree_->select(chapter, sectionId.isEmpty() && !reader_->atChapterTop()
                               ? reader_->currentSection()
                               : sectionId);
    updateWindowTitle();
}

void MainWindow::updateWindowTitle() {
    // "<chapter> - fieldguide", so the task bar and window list say what is being read; on
    // another tab, that tab's page ("Redis Cluster hash slots - fieldguide"), not the chapter
    // last read.
    const Chapter* ch = currentChapter();
    QString what = ch ? ch->title : course_.title;
    if (tabs_ && tabs_->currentIndex() > 0) {
        what = tabs_->tabToolTip(tabs_->currentIndex()); // the page's whole title
    }
    setWindowTitle(what.isEmpty() ? tr("fieldguide") : tr("%1 \u2014 fieldguide").arg(what));
}

void MainWindow::findNext(bool backward) {
    if (lastQuery_.isEmpty()) {
        statusBar()->showMessage(
            tr("Nothing to go to: search first (Ctrl+F), then F3 goes to the next hit."), 5000);
        return;
    }
    tabs_->setCurrentWidget(reader_);
    // Highlights taken off (Esc) or another chapter opened since: the hits of this chapter
    // again, from the section being read.
    if (reader_->query() != lastQuery_) {
        reader_->highlight(lastQuery_, reader_->currentSection());
        if (reader_->hitCount() > 0) {
            statusBar()->showMessage(tr("Hit %1 of %2 in this chapter")
                                         .arg(reader_->currentHit() + 1)
                                         .arg(reader_->hitCount()),
                                     3000);
            return;
        }
    }
    const int n = reader_->hitCount();
    const int next = reader_->currentHit() + (backward ? -1 : 1);
    bool wrapped = false;
    if (n == 0 || next < 0 || next >= n) {
        // Past this chapter's last (or first) hit: on to the next (previous) chapter with hits,
        // round from the course's last one to its first, as a browser's find does.
        const QList<int> chapters = search_->chaptersWithHits(lastQuery_);
        if (chapters.isEmpty()) {
            statusBar()->showMessage(tr("No section mentions \u201c%1\u201d.").arg(lastQuery_),
                                     5000);
            return;
        }
        const int here = reader_->chapterIndex();
        int target = -1;
        for (int i = 0; i < chapters.size(); ++i) {
            const int c = backward ? chapters[chapters.size() - 1 - i] : chapters[i];
            if (backward ? c < here : c > here) {
                target = c;
                break;
            }
        }
        if (target < 0) {
            wrapped = true;
            target = backward ? chapters.last() : chapters.first();
        }
        if (target != here) {
            showSection(target, {});
        }
        reader_->highlight(lastQuery_);
        if (reader_->hitCount() == 0) {
            statusBar()->showMessage(
                tr("No hit for \u201c%1\u201d in this chapter.").arg(lastQuery_), 5000);
            return;
        }
        reader_->showHit(backward ? reader_->hitCount() - 1 : 0);
        tree_->select(reader_->chapterIndex(), reader_->hitSection());
        updateWindowTitle();
    } else {
        reader_->nextHit(backward);
    }
    const QString where =
        tr("Hit %1 of %2 in this chapter").arg(reader_->currentHit() + 1).arg(reader_->hitCount());
    if (wrapped) {
        statusBar()->showMessage(
            backward ? tr("Search wrapped to the bottom: back to the last hit. %1").arg(where)
                     : tr("Search wrapped to the top: back to the first hit. %1").arg(where),
            5000);
    } else {
        statusBar()->showMessage(where, 3000);
    }
}

void MainWindow::closeSearch() {
    searchDock_->dismiss();
    reader_->clearHighlights();
    statusBar()->clearMessage(); // "Hit 3 of 5" stayed after the hits were gone
    reader_->setFocus(Qt::OtherFocusReason);
}

void MainWindow::afterDialog(QWidget* focus) {
    // A closed dialog does not always give the keyboard back (no window manager, or one that
    // activates nothing): without this, Ctrl+E and the other keys do nothing until a click.
    activateWindow();
    raise();
    if (focus && focus->isVisible() && focus->window() == this) {
        focus->setFocus(Qt::ActiveWindowFocusReason);
    } else if (QWidget* page = tabs_->currentWidget()) {
        page->setFocus(Qt::ActiveWindowFocusReason);
    }
}

void MainWindow::goSection(int delta) {
    std::vector<std::pair<int, QString>> all;
    int here = -1;
    const QString current = reader_->currentSection();
    for (std::size_t c = 0; c < course_.chapters.size(); ++c) {
        const Chapter& ch = course_.chapters[c];
        if (ch.sections.empty()) {
            all.emplace_back(static_cast<int>(c), QString());
        }
        for (const auto& s : ch.sections) {
            if (static_cast<int>(c) == reader_->chapterIndex() && s.id == current) {
                here = static_cast<int>(all.size());
            }
            all.emplace_back(static_cast<int>(c), s.id);
        }
    }
    if (all.empty()) {
        return;
    }
    const int next = std::clamp(here + delta, 0, static_cast<int>(all.size()) - 1);
    showSection(all[static_cast<std::size_t>(next)].first,
                all[static_cast<std::size_t>(next)].second);
}

void MainWindow::goChapter(int delta) {
    const int next = std::clamp(reader_->chapterIndex() + delta, 0,
                                static_cast<int>(course_.chapters.size()) - 1);
    showSection(next, {});
}

void MainWindow::goTab(int delta) {
    const int n = tabs_->count();
    if (n > 1) {
        tabs_->setCurrentIndex(((tabs_->currentIndex() + delta) % n + n) % n);
        if (QWidget* page = tabs_->currentWidget()) {
            page->setFocus(Qt::TabFocusReason); // the page's keys work at once
        }
    }
}

void MainWindow::openDiagram(const QString& id) {
    for (int i = 1; i < tabs_->count(); ++i) {
        if (tabs_->widget(i)->property("diagramId").toString() == id) {
            tabs_->setCurrentIndex(i);
            return;
        }
    }
    tabs_->forgetClosed("diagramId", id);
    QWidget* view = createDiagramPage(id, theme_, tabs_);
    if (!view) {
        statusBar()->showMessage(
            tr("The live diagram \u201c%1\u201d is not in this version yet.").arg(id), 5000);
        return;
    }
    view->setProperty("diagramId", id);
    offerPractice(view, id);
    setTypeZoom(view, QSettings().value(typeZoomKey(view)).toInt()); // B-Tree vs LSM-tree's type
    // The tab says the diagram's short name ("B-Tree"), its tooltip the page's whole title:
    // with several open, the long titles were elided to "B-..." and "R...".
    const LiveDiagram* row = liveDiagram(id);
    const int tab = tabs_->addTab(view, row ? row->pictureTitle() : pageOf(view)->pageTitle());
    tabs_->setTabToolTip(tab, pageOf(view)->pageTitle());
    tabs_->setCurrentIndex(tab);
    view->setFocus();
}

const Chapter* MainWindow::currentChapter() const {
    const int i = reader_->chapterIndex();
    return i < 0 || i >= static_cast<int>(course_.chapters.size())
               ? nullptr
               : &course_.chapters[static_cast<std::size_t>(i)];
}

void MainWindow::setThemeChoice(ThemeChoice choice) {
    themeChoice_ = choice;
    const qreal oldScale = theme_.fontScale;
    const OwnFontSizes ownSizes = ownFontSizes(this); // before the application's type changes
    theme_ = appTheme_.apply(choice);
    // Widgets that set a font of their own (a larger question, the narration, the sidebar) do not
    // follow the application's font: scale them by the change of the theme's type scale.
    if (const qreal ratio = theme_.fontScale / oldScale; std::abs(ratio - 1) > 1e-6) {
        scaleOwnFonts(this, ratio, ownSizes);
        AppTheme::repolishStyleSheets(); // their style-sheet children take the new fonts
    }
    for (int i = 0; i < tabs_->count(); ++i) { // the reader, then every page opened
        if (Page* page = pageOf(tabs_->widget(i))) {
            page->setTheme(theme_);
        }
    }
    for (QAction* a : themeGroup_->actions()) {
        a->setChecked(a->data().toString() == themeChoiceName(choice));
    }
    keepSoon();
}

void MainWindow::setSafeColours(bool safe) {
    if (safe == appTheme_.safeColours()) {
        return;
    }
    appTheme_.setSafeColours(safe);
    safeColoursAction_->setChecked(safe);
    setThemeChoice(themeChoice_); // the same theme, its marks in the other palette
    // Most pages look the same either way (their colours are safe already): say what changed, or
    // a student who ticks it sees nothing and cannot tell whether it worked (a tester).
    statusBar()->showMessage(
        safe ? tr("Colours for colour blindness: on. The green, red and amber marks (fits, "
                  "rule-outs, warnings) now differ in lightness too. The diagrams' other colours "
                  "are already told apart with any colour vision, so they do not change.")
             : tr("Colours for colour blindness: off. The green, red and amber marks have their "
                  "usual colours again."),
        12000);
}

// The menus stay in full screen: hidden, Alt+V and the other menu keys did nothing and F11 was
// the only way back (a tester). Presentation mode (F5) is the screen without them.
void MainWindow::toggleFullScreen() {
    setWindowState(windowState() ^ Qt::WindowFullScreen);
}

namespace {

// The diagram a Lab page puts its real system beside, by the page's tool id.
QString labDiagram(const QString& toolId) {
    static const QHash<QString, QString> diagrams{{QStringLiteral("lab-postgres"), "btree"},
                                                  {QStringLiteral("lab-redis"), "hashslot"},
                                                  {QStringLiteral("lab-rocksdb"), "lsm"},
                                                  {QStringLiteral("lab-kafka"), "kafka"},
                                                  {QStringLiteral("lab-buckets"), "downsample"}};
    return diagrams.value(toolId);
}

} // namespace

// The chapter list shows where the tab on screen belongs: the reader's section, or the first
// section that has the diagram on screen, or the one a Lab page sets its real system beside (it
// stayed on the section read last: "Common Mistakes" beside the B-Tree, "Scaling Redis" beside
// Lab: PostgreSQL).
void MainWindow::followTabInSidebar() {
    const QWidget* page = tabs_->currentWidget();
    if (page == reader_) {
        tree_->select(reader_->chapterIndex(), reader_->currentSection());
        return;
    }
    QString id = page ? page->property("diagramId").toString() : QString();
    if (id.isEmpty() && page) {
        id = labDiagram(page->property("toolId").toString());
    }
    if (id.isEmpty()) {
        return;
    }
    for (std::size_t c = 0; c < course_.chapters.size(); ++c) {
        for (const Section& s : course_.chapters[c].sections) {
            for (const auto& b : s.blocks) {
                if (b.value("type", std::string()) == "diagram" &&
                    QString::fromStdString(b.value("id", std::string())) == id) {
                    tree_->select(static_cast<int>(c), s.id);
                    return;
                }
            }
        }
    }
}

QString MainWindow::currentChapterId() const {
    const int i = reader_->chapterIndex();
    return i < 0 ? QString() : course_.chapters[static_cast<std::size_t>(i)].id;
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    if (sidebarWidth_ > 0) {
        split_->setSidebar(sidebarWidth_);
        sidebarWidth_ = 0;
    }
    reader_->windowShown(); // its width is final now
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!confirmProgressSaved()) {
        event->ignore();
        return;
    }
    saveSettings();
    saveSession();
    event->accept();
}

} // namespace fg
