#include "app/main_window.h"

#include "app/export_actions.h"
#include "app/page_tabs.h"
#include "app/page_zoom.h"
#include "app/presentation/presentation.h"
#include "app/reader/chapter_tree.h"
#include "app/reader/reader_view.h"
#include "app/reader/search_dock.h"
#include "app/reader/search_panel.h"
#include "app/sidebar_splitter.h"
#include "app/window_keys.h"
#include "models/course/content_loader.h"
#include "widgets/canvas/diagram_panel.h"
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

namespace fg {

namespace {

// The access key of a menu entry's text (the letter after a single "&"), or a null QChar (a "&"
// before a space is no key: a title's own "&", written as is).
QChar accessKeyOf(const QString& text) {
    for (int i = 0; i + 1 < text.size(); ++i) {
        if (text[i] == QLatin1Char('&')) {
            if (text[i + 1].isLetterOrNumber()) {
                return text[i + 1].toLower();
            }
            ++i; // "&&" is a "&"
        }
    }
    return {};
}

// Gives every entry of `menu` without an access key (Alt+letter with the menu open) one of its
// own: the first letter of one of its words no other entry has, else any such letter. The
// course's titles (the diagrams, the simulators) come without; a "&" in them stays a "&".
void giveAccessKeys(QMenu* menu) {
    QString taken;
    for (const QAction* a : menu->actions()) {
        if (const QChar key = accessKeyOf(a->text()); !key.isNull()) {
            taken += key;
        }
    }
    for (QAction* a : menu->actions()) {
        if (a->isSeparator() || !accessKeyOf(a->text()).isNull()) {
            continue;
        }
        QString text = a->text();
        text.replace(QLatin1Char('&'), QLatin1String("&&"));
        int pick = -1;
        for (bool wordStart : {true, false}) {
            for (int i = 0; i < text.size() && pick < 0; ++i) {
                const QChar c = text[i];
                const bool starts = i == 0 || !text[i - 1].isLetterOrNumber();
                if (c.isLetter() && (starts || !wordStart) && !taken.contains(c.toLower())) {
                    pick = i;
                }
            }
        }
        if (pick >= 0) {
            taken += text[pick].toLower();
            a->setText(text.insert(pick, QLatin1Char('&')));
        }
    }
}

// A bar across the top of the window that stays until it is closed or no longer true: a warning
// icon, the message (selectable, wrapped to the window's width), an optional action button and
// Close. The message is in a QLabel named "text".
QWidget* makeNoticeBar(QWidget* parent, const QString& name) {
    auto* bar = new QFrame(parent);
    bar->setObjectName(name);
    bar->setFrameShape(QFrame::StyledPanel);
    bar->setAutoFillBackground(true);
    QPalette pal = bar->palette();
    pal.setColor(QPalette::Window, QColor(0xff, 0xf4, 0xce)); // a pale amber, dark text on it
    pal.setColor(QPalette::WindowText, QColor(0x33, 0x2b, 0x00));
    bar->setPalette(pal);
    auto* row = new QHBoxLayout(bar);
    auto* icon = new QLabel(bar);
    const int px = bar->style()->pixelMetric(QStyle::PM_SmallIconSize);
    icon->setPixmap(bar->style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(px, px));
    row->addWidget(icon, 0, Qt::AlignTop);
    auto* text = new QLabel(bar);
    text->setObjectName(QStringLiteral("text"));
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->addWidget(text, 1);
    auto* action = new QPushButton(bar);
    action->setObjectName(QStringLiteral("action"));
    action->hide();
    row->addWidget(action, 0, Qt::AlignTop);
    auto* close = new QPushButton(QObject::tr("Close"), bar);
    close->setObjectName(QStringLiteral("close"));
    QObject::connect(close, &QPushButton::clicked, bar, &QWidget::hide);
    row->addWidget(close, 0, Qt::AlignTop);
    bar->hide();
    return bar;
}

void showNotice(QWidget* bar, const QString& text) {
    bar->findChild<QLabel*>(QStringLiteral("text"))->setText(text);
    bar->setAccessibleDescription(text);
    bar->show();
}

} // namespace

MainWindow::MainWindow(Course course, QWidget* parent)
    : QMainWindow(parent), course_(std::move(course)) {
    tree_ = new ChapterTree(this);
    tree_->setCourse(course_);
    reader_ = new ReaderView(this);
    reader_->setCourse(&course_);
    updateWindowTitle();
    tabs_ = new PageTabs(this);
    tabs_->setAccessibleName(tr("Reader and diagrams"));
    tabs_->addTab(reader_, reader_->pageTitle());
    tabs_->setTabToolTip(0, reader_->pageTitle());
    tabs_->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr); // the reader stays
    connect(tabs_, &QTabWidget::tabCloseRequested, this, [this](int i) {
        if (i > 0) {
            QWidget* w = tabs_->widget(i);
            tabs_->removeTab(i);
            w->deleteLater();
        }
    });

    connect(tabs_, &QTabWidget::currentChanged, this, [this] {
        updateWindowTitle();
        followTabInSidebar();
    });

    auto* split = new SidebarSplitter(tree_, tabs_, this);
    split_ = split;
    split->setObjectName(QStringLiteral("mainSplitter"));
    split->setSizes({300, 1300});
    split->setSidebar(300); // until the student drags it (remembered: restoreSettings)
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
    setCentralWidget(central);

    search_ = new SearchPanel(this);
    search_->setCourse(course_);
    searchDock_ = new SearchDock(search_, tabs_, this);
    searchDock_->setPageRoom([this] { return split_->pageWidth(); });
    qApp->installEventFilter(new WindowKeysInLineEdits(this));
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

    connect(tree_, &ChapterTree::chapterSectionActivated, this, &MainWindow::showSection);
    connect(reader_, &ReaderView::sectionChanged, this,
            [this](const QString& s) { tree_->select(reader_->chapterIndex(), s); });
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
    if (!progress_->load() || !progress_->error().isEmpty()) {
        showNotice(damageNotice_, progress_->error());
    }
    deck_ = loadQuizDeck(defaultContentRoot());
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
    connect(reader_->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [markRead] { markRead({}); });
    buildMenus();
    restoreSettings();
}

MainWindow::~MainWindow() {
    saveSettings();
}

void MainWindow::buildMenus() {
    auto action = [this](QMenu* menu, const QString& text, QList<QKeySequence> keys, auto slot) {
        auto* a = menu->addAction(text);
        // A key listed twice (a platform's standard key that is also written out, as Ctrl+Q for
        // Quit on X11) would be an ambiguous shortcut that does nothing.
        QList<QKeySequence> once;
        for (const QKeySequence& k : keys) {
            if (!k.isEmpty() && !once.contains(k)) {
                once << k;
            }
        }
        a->setShortcuts(once);
        connect(a, &QAction::triggered, this, slot);
        addAction(a); // shortcuts work in full screen, with the menu bar hidden
        return a;
    };
    QMenu* file = menuBar()->addMenu(tr("&File"));
    action(file, tr("&Export diagram\u2026"), {QKeySequence(Qt::CTRL | Qt::Key_E)},
           [this] { exportDiagram(); });
    action(file, tr("Export &animation (GIF or frames)\u2026"),
           {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)}, [this] { exportAnimation(); });
    action(file, tr("Export chapter as &handout PDF\u2026"), {}, [this] {
        // The chapter the user is looking at: a diagram tab's own chapter, else the reader's.
        const QWidget* tab = tabs_->currentWidget();
        const QPointer<QWidget> focus = QApplication::focusWidget();
        const QString saved =
            exportHandoutInteractive(this, course_, reader_->chapterIndex(),
                                     tab ? tab->property("diagramId").toString() : QString());
        afterDialog(focus);
        saySaved(tr("Handout saved as %1."), saved);
    });
    file->addSeparator();
    action(file, tr("&Close tab"), {QKeySequence::Close}, [this] {
        if (const int i = tabs_->currentIndex(); i > 0) { // the reader stays
            QWidget* w = tabs_->widget(i);
            tabs_->removeTab(i);
            w->deleteLater();
        }
    });
    action(file, tr("&Quit"), {QKeySequence::Quit, QKeySequence(Qt::CTRL | Qt::Key_Q)},
           [this] { close(); });

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    action(edit, tr("&Copy diagram as image"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)},
           [this] {
               if (const auto e = currentExportable()) {
                   copyDiagramToClipboard(*e, theme_);
                   statusBar()->showMessage(tr("Diagram copied as an image."), 3000);
               } else {
                   statusBar()->showMessage(tr("Open a live diagram to copy it."), 5000);
               }
           });
    edit->addSeparator();
    action(edit, tr("&Find in all chapters\u2026"), {QKeySequence::Find}, [this] {
        searchDock_->open();
        search_->focusQuery();
    });
    action(edit, tr("Find &next"), {QKeySequence(Qt::Key_F3)}, [this] { findNext(false); });
    action(edit, tr("Find &previous"), {QKeySequence(Qt::SHIFT | Qt::Key_F3)},
           [this] { findNext(true); });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    // On the tab on screen: the reader's text, a diagram's drawing, a tool's type.
    action(view, tr("Zoom &in"), {QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)},
           [this] { zoomCurrentPage(1); });
    action(view, tr("Zoom &out"), {QKeySequence::ZoomOut}, [this] { zoomCurrentPage(-1); });
    action(view, tr("&Reset zoom"), {QKeySequence(Qt::CTRL | Qt::Key_0)},
           [this] { zoomCurrentPage(0); });
    view->addSeparator();
    // F9, as a file manager's sidebar: the chapter list hidden, or shown on any tab. Asked for
    // last, it has the room: the search steps aside if the page beside both would be narrow.
    action(view, tr("Show or hide the &chapter list"), {QKeySequence(Qt::Key_F9)}, [this] {
        split_->toggle();
        if (!tree_->isHidden()) {
            searchDock_->leaveRoom(split_->pageWidth());
        }
    });
    QMenu* themes = view->addMenu(tr("&Theme"));
    themeGroup_ = new QActionGroup(this);
    for (ThemeChoice c :
         {ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark, ThemeChoice::Projector}) {
        const QString label = c == ThemeChoice::System  ? tr("Follow the &system")
                              : c == ThemeChoice::Light ? tr("&Light")
                              : c == ThemeChoice::Dark  ? tr("&Dark")
                                                        : tr("&Projector (high contrast, large)");
        QAction* a = themes->addAction(label);
        a->setCheckable(true);
        a->setData(themeChoiceName(c));
        themeGroup_->addAction(a);
        connect(a, &QAction::triggered, this, [this, c] { setThemeChoice(c); });
    }
    QList<QKeySequence> fullKeys = QKeySequence::keyBindings(QKeySequence::FullScreen);
    if (!fullKeys.contains(QKeySequence(Qt::Key_F11))) {
        fullKeys << QKeySequence(Qt::Key_F11); // plain X11 binds nothing to full screen
    }
    view->addSeparator();
    action(view, tr("&Full screen"), fullKeys, [this] { toggleFullScreen(); });
    // As in PowerPoint and Keynote: F5 presents the chapter from its first slide, Shift+F5 from
    // the slide of the section being read.
    action(view, tr("&Presentation mode"), {QKeySequence(Qt::Key_F5)},
           [this] { startPresentation(); });
    action(view, tr("Present from this &section"), {QKeySequence(Qt::SHIFT | Qt::Key_F5)},
           [this] { startPresentation(true); });

    QMenu* go = menuBar()->addMenu(tr("&Go"));
    action(go, tr("&Next section"), {QKeySequence(Qt::ALT | Qt::Key_Down)},
           [this] { goSection(1); });
    action(go, tr("&Previous section"), {QKeySequence(Qt::ALT | Qt::Key_Up)},
           [this] { goSection(-1); });
    action(go, tr("Next &chapter"), {QKeySequence(Qt::ALT | Qt::Key_PageDown)},
           [this] { goChapter(1); });
    action(go, tr("Previous c&hapter"), {QKeySequence(Qt::ALT | Qt::Key_PageUp)},
           [this] { goChapter(-1); });
    go->addSeparator();
    // As in every tabbed program: Ctrl+PgDown / Ctrl+PgUp, round from the last tab to the first,
    // and Ctrl+Tab / Ctrl+Shift+Tab wherever the focus is (the matrix's table took Ctrl+Tab to
    // move between its cells: the tabs could not be left from there).
    action(go, tr("Next &tab"),
           {QKeySequence(Qt::CTRL | Qt::Key_PageDown), QKeySequence(Qt::CTRL | Qt::Key_Tab)},
           [this] { goTab(1); });
    action(go, tr("Previous t&ab"),
           {QKeySequence(Qt::CTRL | Qt::Key_PageUp),
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab),
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Tab)},
           [this] { goTab(-1); });

    QMenu* diagrams = menuBar()->addMenu(tr("&Diagrams"));
    for (const auto& d : liveDiagrams()) {
        QAction* a = diagrams->addAction(d.title);
        connect(a, &QAction::triggered, this, [this, id = d.id] { openDiagram(id); });
    }
    diagrams->setToolTipsVisible(true);
    giveAccessKeys(diagrams);

    QMenu* study = menuBar()->addMenu(tr("&Study"));
    action(study, tr("Decision &wizard: which database?"), {},
           [this] { openTool(QStringLiteral("wizard")); });
    action(study, tr("Decision &matrix"), {}, [this] { openTool(QStringLiteral("matrix")); });
    action(study, tr("&Scenario explorer: architectures"), {},
           [this] { openTool(QStringLiteral("scenarios")); });
    study->addSeparator();
    for (const auto& sim : simulators()) {
        action(study, sim.title, {}, [this, id = sim.id] { openTool(id); });
    }
    study->addSeparator();
    action(study, tr("&Quiz: checklist questions and common mistakes"), {},
           [this] { openTool(QStringLiteral("quiz")); });
    action(study, tr("My &progress"), {}, [this] { openTool(QStringLiteral("progress")); });
    action(study, tr("&Bookmark this section"), {QKeySequence(Qt::CTRL | Qt::Key_D)},
           [this] { toggleBookmark(); });
    action(study, tr("&Note on this section\u2026"),
           {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)}, [this] { editSectionNote(); });
    giveAccessKeys(study);
    studyMenu_ = study;

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    // Over the slides while presenting (from there F1 did nothing).
    action(help, tr("&Keyboard shortcuts"), {QKeySequence::HelpContents},
           [this] { showKeyboardHelp(presentation_ ? presentation_.data() : nullptr); });
    action(help, tr("&About fieldguide"), {}, [this] { showAbout(); });
}

void MainWindow::showSection(int chapter, const QString& sectionId) {
    if (chapter < 0 || chapter >= static_cast<int>(course_.chapters.size())) {
        return;
    }
    tabs_->setCurrentWidget(reader_);
    reader_->showChapter(chapter, sectionId);
    tree_->select(chapter, sectionId.isEmpty() ? reader_->currentSection() : sectionId);
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
    QWidget* view = createDiagramPage(id, theme_, tabs_);
    if (!view) {
        statusBar()->showMessage(
            tr("The live diagram \u201c%1\u201d is not in this version yet.").arg(id), 5000);
        return;
    }
    view->setProperty("diagramId", id);
    setTypeZoom(view, QSettings().value(typeZoomKey(view)).toInt()); // B-Tree vs LSM-tree's type
    // The tab says the diagram's short name ("B-Tree"), its tooltip the page's whole title:
    // with several open, the long titles were elided to "B-..." and "R...".
    const LiveDiagram* row = liveDiagram(id);
    const int tab = tabs_->addTab(view, row ? row->pictureTitle : pageOf(view)->pageTitle());
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

std::optional<Exportable> MainWindow::currentExportable() const {
    Page* page = pageOf(tabs_->currentWidget());
    return page ? page->exportable() : std::nullopt;
}

void MainWindow::exportDiagram() {
    if (const auto e = currentExportable()) {
        const QPointer<QWidget> focus = QApplication::focusWidget();
        const QString saved = exportDiagramInteractive(this, *e, theme_);
        afterDialog(focus);
        saySaved(tr("Diagram saved as %1."), saved);
    } else {
        statusBar()->showMessage(
            tr("Open a live diagram (Diagrams menu) to export it; File > Export chapter as "
               "handout PDF exports the chapter with its figures."),
            8000);
    }
}

void MainWindow::exportAnimation() {
    if (const auto e = currentExportable()) {
        const QPointer<QWidget> focus = QApplication::focusWidget();
        const QString saved = exportAnimationInteractive(this, *e, theme_);
        afterDialog(focus);
        saySaved(QFileInfo(saved).isDir() ? tr("Animation frames saved in %1.")
                                          : tr("Animation saved as %1."),
                 saved);
    } else {
        statusBar()->showMessage(tr("Open a live diagram (Diagrams menu) to export it."), 5000);
    }
}

void MainWindow::saySaved(const QString& sentence, const QString& path) {
    if (!path.isEmpty()) {
        statusBar()->showMessage(sentence.arg(QDir::toNativeSeparators(path)), 10000);
    }
}

void MainWindow::startPresentation(bool fromSection) {
    if (presentation_) {
        presentation_->activateWindow();
        return;
    }
    // What is on screen: the live diagram of the tab (its scenario, at its step), or the chapter
    // being read, from the section on screen.
    QWidget* tab = tabs_->currentWidget();
    const QString diagramId = tab ? tab->property("diagramId").toString() : QString();
    if (!diagramId.isEmpty()) {
        if (auto* view = qobject_cast<DiagramView*>(tab)) {
            presentation_ = new PresentationWindow(view, diagramId, theme_, this);
        } else {
            presentation_ = new PresentationWindow(diagramId, nlohmann::json(), -2, theme_, this);
        }
    } else if (tab != reader_) {
        statusBar()->showMessage(tr("Presentation mode shows a chapter or a live diagram: go to "
                                    "the reader's tab or a diagram's tab, then press F5."),
                                 8000);
        return;
    } else {
        const Chapter* ch = currentChapter();
        if (!ch || !ch->loaded()) {
            return;
        }
        // The first slide (the chapter's title), or the slide of the section being read.
        const auto slides = slidesOf(*ch);
        int start = 0;
        for (int i = 0; fromSection && i < static_cast<int>(slides.size()); ++i) {
            const Slide& s = slides[std::size_t(i)];
            if (s.kind == Slide::Kind::Section && s.section >= 0 &&
                ch->sections[std::size_t(s.section)].id == reader_->currentSection()) {
                start = i;
                break;
            }
        }
        presentation_ = new PresentationWindow(*ch, theme_, start, this);
        // Leaving, the reader is where the presentation was (as Keynote and PowerPoint leave
        // the document at the slide shown): the section of the slide on screen, the chapter's
        // top for its title slide. It stayed where F5 was pressed.
        const int chapter = reader_->chapterIndex();
        PresentationWindow* shown = presentation_;
        connect(presentation_, &PresentationWindow::closed, this, [this, chapter, shown] {
            const Slide& s = shown->slide(shown->currentSlide());
            const Chapter& c = course_.chapters[std::size_t(chapter)];
            showSection(chapter, s.section >= 0 && s.section < int(c.sections.size())
                                     ? c.sections[std::size_t(s.section)].id
                                     : QString());
        });
    }
    // Leaving gives the keyboard back to this window, where it was (Ctrl+F and the other keys
    // work at once, without a click).
    const QPointer<QWidget> focus = QApplication::focusWidget();
    connect(presentation_, &PresentationWindow::closed, this,
            [this, focus] { QTimer::singleShot(0, this, [this, focus] { afterDialog(focus); }); });
    connect(presentation_, &PresentationWindow::helpRequested, this,
            [this] { showKeyboardHelp(presentation_); });
    // Until the slides' window is active, a key would still go to this window's focus (a
    // diagram's drawing, whose shortcuts take Right and Space): nothing here holds it meanwhile.
    if (focus && isAncestorOf(focus)) {
        focus->clearFocus();
    }
    presentation_->start();
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
    bool ok = false;
    const QPointer<QWidget> focus = QApplication::focusWidget();
    const QString text = QInputDialog::getMultiLineText(
        this, tr("Note on this section"),
        tr("Your note on %1 (kept with your progress; empty removes it):").arg(where),
        progress_->note(chapter, section), &ok);
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
    if (saveProgress()) {
        statusBar()->showMessage(on ? tr("Bookmarked.") : tr("Bookmark removed."), 3000);
    }
}

bool MainWindow::saveProgress() {
    if (!progress_->isDirty() || progress_->save()) {
        saveNotice_->hide();
        return true;
    }
    // Saving is off (a damaged file that could not be moved aside, a newer version's file): the
    // damage notice already says why; trying again cannot help.
    saveNotice_->findChild<QPushButton*>(QStringLiteral("action"))
        ->setVisible(progress_->canSave());
    QString error = progress_->error();
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
    if (!saveProgress()) {
        return;
    }
    statusBar()->showMessage(text.trimmed().isEmpty() ? tr("Note removed.") : tr("Note saved."),
                             3000);
}

void MainWindow::openTool(const QString& id) {
    for (int i = 1; i < tabs_->count(); ++i) {
        if (tabs_->widget(i)->property("toolId").toString() == id) {
            tabs_->setCurrentIndex(i);
            return;
        }
    }
    QWidget* view = nullptr;
    // A short name on the tab, the whole title in its tooltip: with a dozen tabs open the long
    // titles took the room and the diagrams' tabs were elided to "R..." and "B-...".
    QString name;
    QStringList errors;
    auto openChapter = [this](const QString& chapter, const QString& section) {
        showSection(course_.indexOf(chapter), section);
    };
    if (id == QLatin1String("wizard")) {
        auto* w = new WizardView(
            DecisionTree::load(QStringLiteral(":/content/tools/wizard.json"), course_, errors),
            tabs_);
        connect(w, &WizardView::chapterLinkActivated, this, openChapter);
        connect(w, &WizardView::resultExported, this,
                [this](const QString& path) { saySaved(tr("Recommendation saved as %1."), path); });
        view = w;
        name = tr("Wizard");
    } else if (id == QLatin1String("matrix")) {
        auto* m = new MatrixView(
            DecisionMatrix::load(QStringLiteral(":/content/tools/matrix.json"), course_, errors),
            tabs_);
        connect(m, &MatrixView::chapterLinkActivated, this, openChapter);
        view = m;
        name = tr("Matrix");
    } else if (id == QLatin1String("scenarios")) {
        auto* a = new ArchitectureView(
            loadArchitectures(QStringLiteral(":/content/tools/architectures.json"), course_,
                              errors),
            tabs_);
        connect(a, &ArchitectureView::chapterLinkActivated, this, openChapter);
        view = a;
        name = tr("Scenarios");
    } else if (id == QLatin1String("quiz")) {
        auto* q = new QuizView(tabs_);
        QHash<QString, QString> titles;
        for (const auto& ch : course_.chapters) {
            titles.insert(ch.id, ch.title);
            for (const auto& s : ch.sections) {
                titles.insert(ch.id + QLatin1Char('#') + s.id, s.title);
            }
        }
        q->setTitles(titles);
        q->setDeck(&deck_, progress_.get());
        connect(q, &QuizView::chapterLinkActivated, this, openChapter);
        connect(q, &QuizView::answered, this, [this] { saveProgress(); });
        errors << deck_.errors;
        view = q;
        name = tr("Quiz");
    } else if (id == QLatin1String("progress")) {
        auto* p = new ProgressView(tabs_);
        p->setData(&course_, &deck_, progress_.get());
        connect(p, &ProgressView::chapterLinkActivated, this, openChapter);
        view = p;
        name = tr("Progress");
    }
    if (view) {
        pageOf(view)->setTheme(theme_);
        // Pages read as a whole; not the matrix, whose table fills the window's width (in the
        // Projector's type at 1280 px, larger type cut its last column).
        if (id != QLatin1String("matrix")) {
            useStudyType(view, theme_.fontScale);
        }
    } else {
        for (const auto& sim : simulators()) {
            if (sim.id == id) {
                view = createSimulatorView(id, theme_, tabs_); // themed
                name = sim.tabName;
            }
        }
    }
    if (!view) {
        return;
    }
    if (!errors.isEmpty()) {
        statusBar()->showMessage(
            tr("Problems in the course's tool files: %1").arg(errors.join(QStringLiteral("; "))),
            15000);
    }
    view->setProperty("toolId", id);
    setTypeZoom(view, QSettings().value(typeZoomKey(view)).toInt()); // as the student left it
    const int tab = tabs_->addTab(view, name.isEmpty() ? pageOf(view)->pageTitle() : name);
    tabs_->setTabToolTip(tab, pageOf(view)->pageTitle());
    tabs_->setCurrentIndex(tab);
    view->setFocus();
}

void MainWindow::setThemeChoice(ThemeChoice choice) {
    themeChoice_ = choice;
    const qreal oldScale = theme_.fontScale;
    theme_ = appTheme_.apply(choice);
    // Widgets that set a font of their own (a larger question, the narration, the sidebar) do not
    // follow the application's font: scale them by the change of the theme's type scale.
    if (const qreal ratio = theme_.fontScale / oldScale; std::abs(ratio - 1) > 1e-6) {
        scaleOwnFonts(this, ratio);
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
}

// Each kind of tool page keeps its own type zoom (the wizard read from afar, the matrix close).
QString MainWindow::typeZoomKey(const QWidget* page) {
    const QString tool = page->property("toolId").toString();
    return QStringLiteral("view/zoom/") +
           (tool.isEmpty() ? page->property("diagramId").toString() : tool);
}

void MainWindow::zoomCurrentPage(int direction) {
    QWidget* w = tabs_->currentWidget();
    Page* page = pageOf(w);
    if (!page || page->zoomPage(direction)) {
        return;
    }
    setTypeZoom(w, direction == 0 ? 0 : typeZoom(w) + direction);
    QSettings().setValue(typeZoomKey(w), typeZoom(w));
}

// The menus stay in full screen: hidden, Alt+V and the other menu keys did nothing and F11 was
// the only way back (a tester). Presentation mode (F5) is the screen without them.
void MainWindow::toggleFullScreen() {
    setWindowState(windowState() ^ Qt::WindowFullScreen);
}

// The chapter list shows where the tab on screen belongs: the reader's section, or the first
// section that has the diagram on screen (it stayed on the section read last: "Common Mistakes"
// beside the B-Tree).
void MainWindow::followTabInSidebar() {
    const QWidget* page = tabs_->currentWidget();
    if (page == reader_) {
        tree_->select(reader_->chapterIndex(), reader_->currentSection());
        return;
    }
    const QString id = page ? page->property("diagramId").toString() : QString();
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

namespace {

// The groups of keys the app writes to its settings file: reader/ and view/ and window/ (this
// window), export/ (the export dialog), scenarios/ (the Scenario menu). A key outside them came
// from elsewhere (a damaged or foreign file): it is ignored, and dropped when the settings are
// saved, so junk is not carried from save to save. A new group of settings is added here.
bool knownSettingsKey(const QString& key) {
    static const QStringList groups = {QStringLiteral("reader/"), QStringLiteral("view/"),
                                       QStringLiteral("window/"), QStringLiteral("export/"),
                                       QStringLiteral("scenarios/")};
    return std::any_of(groups.begin(), groups.end(),
                       [&](const QString& g) { return key.startsWith(g); });
}

constexpr QSize kMinimumWindow(800, 500);

} // namespace

void MainWindow::saveSettings() const {
    if (progress_ && progress_->isDirty()) {
        progress_->save();
    }
    QSettings s;
    for (const QString& key : s.allKeys()) {
        if (!knownSettingsKey(key)) {
            s.remove(key);
        }
    }
    s.setValue("reader/chapter", currentChapterId());
    s.setValue("reader/section", reader_->currentSection());
    s.setValue("reader/zoom", reader_->zoom());
    s.setValue("view/theme", themeChoiceName(themeChoice_));
    s.setValue("window/geometry", saveGeometry());
    s.setValue("window/state", saveState());
    s.setValue("window/sidebar", split_->sidebar());
    s.setValue("window/chapterList", split_->wanted());
}

void MainWindow::restoreSettings() {
    QSettings s;
    // A settings file that is not ours (junk, or unreadable) is said once: its unknown keys are
    // dropped at the next save, so the next start finds a clean file.
    int unknown = 0;
    for (const QString& key : s.allKeys()) {
        unknown += knownSettingsKey(key) ? 0 : 1;
    }
    if (s.status() != QSettings::NoError || unknown > 0) {
        showNotice(damageNotice_,
                   (damageNotice_->isVisible()
                        ? damageNotice_->findChild<QLabel*>(QStringLiteral("text"))->text() +
                              QStringLiteral("\n")
                        : QString()) +
                       tr("Your settings file %1 is damaged or holds settings Field Guide does "
                          "not know (%n unknown entries); they are ignored and will be removed "
                          "when Field Guide closes. Settings that were not valid are back to "
                          "their defaults.",
                          "", unknown)
                           .arg(QDir::toNativeSeparators(s.fileName())));
    }
    // A geometry is used only if it is at least the minimum size and mostly on a screen: a
    // damaged one opened a window of 201 x 117 pixels.
    const bool restored =
        s.contains("window/geometry") && restoreGeometry(s.value("window/geometry").toByteArray());
    bool fits = false;
    if (restored) {
        const QRect g = geometry();
        for (const QScreen* screen : QGuiApplication::screens()) {
            const QRect on = screen->availableGeometry().intersected(g);
            fits = fits || (qint64(on.width()) * on.height() * 2 >= qint64(g.width()) * g.height());
        }
        fits = fits && g.width() >= kMinimumWindow.width() && g.height() >= kMinimumWindow.height();
    }
    if (!fits) { // the default, as on a first start
        setWindowState(Qt::WindowNoState);
        // 1600x1000, or 90% of a smaller screen (a 1280x800 screen got a window past its edges).
        QSize size(1600, 1000);
        if (const QScreen* on = screen()) {
            size = size.boundedTo(on->availableGeometry().size() * 0.9);
        }
        resize(size.expandedTo(kMinimumWindow));
    }
    restoreState(s.value("window/state").toByteArray());
    // The sidebar's width the student chose, set once the window has its size (showEvent).
    sidebarWidth_ = std::max(0, s.value("window/sidebar", 0).toInt());
    split_->setWanted(s.value("window/chapterList", true).toBool());
    setThemeChoice(themeChoiceFromName(s.value("view/theme").toString()));
    reader_->setZoom(s.value("reader/zoom", 0).toInt());
    const int chapter = std::max(0, course_.indexOf(s.value("reader/chapter").toString()));
    showSection(chapter, s.value("reader/section").toString());
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    if (sidebarWidth_ > 0) {
        split_->setSidebar(sidebarWidth_);
        sidebarWidth_ = 0;
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!confirmProgressSaved()) {
        event->ignore();
        return;
    }
    saveSettings();
    event->accept();
}

void MainWindow::showKeyboardHelp(QWidget* over) {
    // A dialog of its own, not a message box: in the Projector's type the sheet was taller than a
    // 1080-pixel screen, cut at the bottom with no scroll bar ("In a live diagram" lost). Its text
    // scrolls, and the dialog is at most 85% of the screen high.
    const QPointer<QWidget> focus = QApplication::focusWidget();
    QDialog sheet(over ? over : this);
    sheet.setObjectName(QStringLiteral("keyboardHelp"));
    sheet.setWindowTitle(tr("Keyboard shortcuts"));
    auto* text = new QTextBrowser(&sheet);
    text->setAccessibleName(tr("Keyboard shortcuts"));
    text->setFrameShape(QFrame::NoFrame);
    text->setHtml(
        tr("<table cellpadding=4>"
           "<tr><td><b>Alt+Down / Alt+Up</b></td><td>Next / previous section</td></tr>"
           "<tr><td><b>Alt+PgDown / Alt+PgUp</b></td><td>Next / previous chapter</td></tr>"
           "<tr><td><b>Ctrl+F</b></td><td>Search every chapter (Esc closes the search)</td></tr>"
           "<tr><td><b>F3 / Shift+F3</b></td><td>Next / previous search hit</td></tr>"
           "<tr><td><b>Ctrl+= / Ctrl+- / Ctrl+0</b></td><td>Larger / smaller / normal "
           "text</td></tr>"
           "<tr><td><b>Ctrl+D</b></td><td>Bookmark this section (again: remove the "
           "bookmark)</td></tr>"
           "<tr><td><b>Ctrl+Shift+N</b></td><td>Note on this section</td></tr>"
           "<tr><td><b>F9</b></td><td>Show or hide the chapter list (in a narrow window it "
           "steps aside on a diagram's tab)</td></tr>"
           "<tr><td><b>F11</b></td><td>Full screen</td></tr>"
           "<tr><td><b>F5 / Shift+F5</b></td><td>Present what is on screen: the chapter from "
           "its first slide / from the section being read, or the live diagram of the tab (Esc "
           "leaves, the reader then at the slide's section). There, Right / Left step a "
           "diagram, then go to the "
           "next / previous slide; Home / End its first / last step, then the first / last "
           "slide; PgDn / PgUp (a clicker) go to the next / previous slide; "
           "B blank, L spotlight, Z zoom, T timer</td></tr>"
           "<tr><td><b>Ctrl+E</b></td><td>Export the diagram (PNG, SVG, PDF)</td></tr>"
           "<tr><td><b>Ctrl+Shift+E</b></td><td>Export an animation (GIF, PNG frames)</td></tr>"
           "<tr><td><b>Ctrl+Shift+C</b></td><td>Copy the diagram as an image</td></tr>"
           "<tr><td><b>Ctrl+PgDown / Ctrl+PgUp, Ctrl+Tab / Ctrl+Shift+Tab</b></td><td>Next / "
           "previous tab</td></tr>"
           "<tr><td><b>Ctrl+W</b></td><td>Close the tab</td></tr>"
           "<tr><td><b>Ctrl+Q</b></td><td>Quit</td></tr>"
           "<tr><td><b>Esc</b></td><td>Stop what is going on: close the search, cancel an "
           "export or a B-Tree vs LSM run, leave the presentation</td></tr>"
           "<tr><td colspan=2><br><b>In a live diagram</b></td></tr>"
           "<tr><td><b>Space</b></td><td>Play / pause</td></tr>"
           "<tr><td><b>Left / Right</b></td><td>Step back / forward</td></tr>"
           "<tr><td><b>Home / End</b></td><td>First / last step</td></tr>"
           "<tr><td><b>- / +</b></td><td>Slower / faster</td></tr>"
           "<tr><td><b>Ctrl+wheel</b></td><td>Zoom the drawing in / out</td></tr>"
           "<tr><td><b>Ctrl++ / Ctrl+- / Ctrl+0</b></td><td>Zoom the drawing in / out / fit "
           "it to the window</td></tr>"
           "<tr><td><b>Ctrl+Z</b></td><td>Undo the last operation you added</td></tr>"
           "<tr><td><b>Drag</b></td><td>Move (pan) the drawing</td></tr></table>"));
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, &sheet);
    connect(close, &QDialogButtonBox::rejected, &sheet, &QDialog::reject);
    auto* column = new QVBoxLayout(&sheet);
    column->addWidget(text);
    column->addWidget(close);
    // As wide as 60 characters of its type, as tall as its text, within 85% of the screen.
    const QFontMetrics fm(text->font());
    const QRect screen =
        this->screen() ? this->screen()->availableGeometry() : QRect(0, 0, 1280, 800);
    const int w = std::min(fm.averageCharWidth() * 70, int(screen.width() * 0.9));
    text->document()->setTextWidth(w);
    const int h = std::min(int(text->document()->size().height()) + 4 * fm.height(),
                           int(screen.height() * 0.85));
    sheet.resize(w + 24, h);
    sheet.exec();
    if (over) {
        over->activateWindow(); // the slides keep the keyboard
        over->raise();
    } else {
        afterDialog(focus);
    }
}

void MainWindow::showAbout() {
    const QPointer<QWidget> focus = QApplication::focusWidget();
    QMessageBox::about(this, tr("About fieldguide"),
                       tr("<b>fieldguide %1</b><p>A field guide to choosing a database, with live "
                          "diagrams of the real algorithms.</p><p>Licensed under the GNU GPL, "
                          "version 3 or later.</p>")
                           .arg(QStringLiteral(FIELDGUIDE_VERSION)));
    afterDialog(focus);
}

} // namespace fg
