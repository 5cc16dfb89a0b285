// MainWindow (main_window.h): its menus, their shortcuts and access keys.
#include "app/export_actions.h"
#include "app/main_window.h"
#include "app/page_tabs.h"
#include "app/presentation/presentation.h"
#include "app/reader/chapter_tree.h"
#include "app/reader/reader_view.h"
#include "app/reader/search_dock.h"
#include "app/reader/search_panel.h"
#include "app/sidebar_splitter.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/practice/practice_view.h"
#include "widgets/practice/worksheet.h"
#include "widgets/study/quiz_anki_export.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>

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

} // namespace

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
    action(file, tr("Export practice &worksheet PDF\u2026"), {}, [this] {
        // The Practice page's choices when it is on screen; else the topic of the diagram.
        QWidget* tab = tabs_->currentWidget();
        WorksheetChoice start;
        if (auto* practice = qobject_cast<PracticeView*>(tab)) {
            start = practice->choices();
        } else if (tab && !practice::typesOf(tab->property("diagramId").toString().toStdString())
                               .empty()) {
            start.topic = tab->property("diagramId").toString();
        }
        const QPointer<QWidget> focus = QApplication::focusWidget();
        const QString saved = exportWorksheetInteractive(this, start);
        afterDialog(focus);
        saySaved(tr("Worksheet saved as %1."), saved);
    });
    action(file, tr("Export quiz cards for An&ki\u2026"), {}, [this] {
        const QPointer<QWidget> focus = QApplication::focusWidget();
        const QString saved = exportQuizCardsInteractive(this, quizDeck(), course_);
        afterDialog(focus);
        saySaved(tr("Quiz cards saved as %1: import it in Anki with File > Import."), saved);
    });
    file->addSeparator();
    // Ctrl+W written out: the standard Close is Ctrl+F4 alone on some platforms (offscreen's).
    action(file, tr("&Close tab"), {QKeySequence::Close, QKeySequence(Qt::CTRL | Qt::Key_W)},
           [this] { closeTab(tabs_->currentIndex()); });
    action(file, tr("&Reopen closed tab"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T)},
           [this] { reopenClosedTab(); });
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
    // In every theme: good, bad and warn set apart by lightness as well as hue.
    safeColoursAction_ = view->addAction(tr("Colours for colour &blindness"));
    safeColoursAction_->setCheckable(true);
    safeColoursAction_->setToolTip(tr("Marks for good, bad and warning that stay apart for "
                                      "readers who do not tell red from green or blue from "
                                      "yellow"));
    safeColoursAction_->setStatusTip(safeColoursAction_->toolTip());
    connect(safeColoursAction_, &QAction::toggled, this, &MainWindow::setSafeColours);
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
        QAction* a = diagrams->addAction(d.title());
        connect(a, &QAction::triggered, this, [this, id = d.id] { openDiagram(id); });
    }
    diagrams->setToolTipsVisible(true);
    giveAccessKeys(diagrams);

    QMenu* study = menuBar()->addMenu(tr("&Study"));
    int group = 0;
    const std::vector<StudyTool> tools = studyTools();
    for (const StudyTool& tool : tools) {
        if (tool.group == kLabGroup) {
            continue;
        }
        if (tool.group != group) {
            study->addSeparator();
            group = tool.group;
        }
        action(study, tool.menuText, {}, [this, id = tool.id] { openTool(id); });
    }
    study->addSeparator(); // the section's own aids
    QAction* bookmark = action(study, tr("&Bookmark this section"),
                               {QKeySequence(Qt::CTRL | Qt::Key_D)}, [this] { toggleBookmark(); });
    // It says what Ctrl+D will do: "Remove bookmark" on a bookmarked section (a tester).
    connect(study, &QMenu::aboutToShow, this, [this, bookmark] {
        const QString chapter = currentChapterId(), section = reader_->currentSection();
        bookmark->setText(!chapter.isEmpty() && progress_->isBookmarked(chapter, section)
                              ? tr("Remove &bookmark")
                              : tr("&Bookmark this section"));
    });
    action(study, tr("&Note on this section\u2026"),
           {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)}, [this] { editSectionNote(); });
    QMenu* marked = study->addMenu(tr("&Your bookmarks and notes"));
    marked->setObjectName(QStringLiteral("markedSections"));
    connect(marked, &QMenu::aboutToShow, this, [this, marked] { fillMarkedSections(marked); });
    giveAccessKeys(study);
    studyMenu_ = study;

    // The Lab: real servers on this machine beside the models (widgets/lab).
    QMenu* lab = menuBar()->addMenu(tr("&Lab"));
    for (const StudyTool& tool : tools) {
        if (tool.group == kLabGroup) {
            action(lab, tool.menuText, {}, [this, id = tool.id] { openTool(id); });
        }
    }
    giveAccessKeys(lab);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    // Over the slides while presenting (from there F1 did nothing).
    action(help, tr("&Keyboard shortcuts"), {QKeySequence::HelpContents},
           [this] { showKeyboardHelp(presentation_ ? presentation_.data() : nullptr); });
    action(help, tr("&About fieldguide"), {}, [this] { showAbout(); });
}

QTabWidget* MainWindow::tabs() {
    return tabs_;
}

void MainWindow::closeTab(int index) {
    QWidget* page = index > 0 && index < tabs_->count() ? tabs_->widget(index) : nullptr;
    const bool lab = page && page->property("endsOnClose").toBool();
    const QString name = tabs_->closePage(index);
    keepSoon();
    if (!name.isEmpty() && lab) {
        lastLabClosed_ = name;
        statusBar()->showMessage(
            tr("\u201c%1\u201d closed: its servers are stopped and their files removed, so it "
               "cannot come back as it was. The Lab menu opens it afresh.")
                .arg(name),
            8000);
    } else if (!name.isEmpty()) {
        lastLabClosed_.clear();
        statusBar()->showMessage(
            tr("\u201c%1\u201d closed. Ctrl+Shift+T (File > Reopen closed tab) brings it back as "
               "it was.")
                .arg(name),
            8000);
    }
}

void MainWindow::reopenClosedTab() {
    QWidget* page = tabs_->reopenClosedPage();
    if (!page) {
        statusBar()->showMessage(
            lastLabClosed_.isEmpty()
                ? tr("No closed tab to bring back.")
                : tr("No closed tab to bring back: \u201c%1\u201d was a Lab page, which stops "
                     "its servers when it closes. The Lab menu opens it afresh.")
                      .arg(lastLabClosed_),
            8000);
        return;
    }
    if (Page* p = pageOf(page)) {
        p->setTheme(theme_); // the theme may have changed while it was closed
    }
    statusBar()->clearMessage();
    page->setFocus();
}

} // namespace fg
