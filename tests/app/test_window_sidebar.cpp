// The chapter list and the search beside the pages, on a laptop (1280x800) and a desk screen
// (1920x1080): the sidebar keeps its width, steps aside for a diagram in a narrow window and
// follows the tab on screen, and neither it nor the search cuts a page or widens the window.
#include "app/main_window.h"
#include "app/reader/chapter_tree.h"
#include "app/reader/search_dock.h"
#include "app/reader/search_panel.h"
#include "models/course/content_loader.h"
#include "tests/app/app_test_support.h"
#include "tests/app/window_test_support.h"
#include "tests/suite_main.h"
#include "widgets/canvas/diagram_canvas.h"
#include "widgets/canvas/diagram_panel.h"
#include "widgets/diagrams/btree_vs_lsm_view.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/diagrams/diagram_view.h"
#include "widgets/playback/playback_bar.h"
#include "widgets/simulators/quorum_view.h"
#include "widgets/simulators/simulator_view.h"
#include "widgets/simulators/simulators.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDockWidget>
#include <QFontInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTimer>
#include <QTreeWidget>

class TestWindowSidebar : public WindowSuite {
    Q_OBJECT
private slots:
    void initTestCase() { useOwnTestSettings("window-sidebar"); }
    void init() { QSettings().clear(); }
    // Each test starts from the desktop's type and colours (a window's theme is the whole
    // application's, and the next window would take the projector's type as the system's).
    void cleanup() { desktop_.restore(); }

    void theSidebarKeepsItsWidth() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        settle();
        auto* split = w.findChild<QSplitter*>("mainSplitter");
        QVERIFY(split);
        const int width = w.tree()->width();
        QVERIFY(width > 100);
        const auto check = [&](const QString& step) {
            settle();
            if (w.tree()->isHidden()) {
                // Stepped aside on a diagram's tab at 1280 px: the width it comes back at.
                QVERIFY2(w.tabs()->currentIndex() > 0, qPrintable(step));
                w.tabs()->setCurrentIndex(0);
                settle();
                QVERIFY2(w.tree()->isVisible(), qPrintable(step));
            }
            QVERIFY2(qAbs(w.tree()->width() - width) <= 1,
                     qPrintable(QStringLiteral("%1: the sidebar is %2 px, it was %3")
                                    .arg(step)
                                    .arg(w.tree()->width())
                                    .arg(width)));
        };
        for (fg::ThemeChoice t : kAll) {
            w.setThemeChoice(t);
            check(QStringLiteral("the theme ") + fg::themeChoiceName(t));
            for (const auto& d : fg::liveDiagrams()) {
                w.openDiagram(d.id);
                check(QStringLiteral("the %1 tab in %2").arg(d.id, fg::themeChoiceName(t)));
            }
            // The search beside them.
            w.findChild<QDockWidget*>("searchDock")->show();
            check(QStringLiteral("search opened in ") + fg::themeChoiceName(t));
            w.findChild<QDockWidget*>("searchDock")->hide();
            check(QStringLiteral("search closed in ") + fg::themeChoiceName(t));
        }
        // The student's own drag is the one change, and it is remembered.
        w.setThemeChoice(fg::ThemeChoice::Light);
        QWidget* handle = split->handle(1);
        const QPoint grip(handle->width() / 2, handle->height() / 2);
        QTest::mousePress(handle, Qt::LeftButton, {}, grip);
        QTest::mouseMove(handle, grip + QPoint(60, 0));
        QTest::mouseRelease(handle, Qt::LeftButton, {}, grip + QPoint(60, 0));
        settle();
        const int chosen = w.tree()->width();
        QVERIFY2(chosen > width + 10, qPrintable(QString::number(chosen)));
        w.saveSettings();
        fg::MainWindow again(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        settle();
        QCOMPARE(again.tree()->width(), chosen);
    }

    // A fresh tester at 1280x800 in Projector pressed F9 on the Redis tab (the chapter list
    // shown beside the diagram): the narration and the playback bar were drawn over the
    // drawing, the bar cut after "Step 0 of 3". With the list shown on every diagram's tab, in
    // every theme, the drawing, the narration and the bar stand one under the other, whole.
    void theChapterListBesideADiagramKeepsItWhole() {
        forEveryWindow(
            [&](fg::MainWindow& w, QSize, fg::ThemeChoice t) {
                QStringList problems;
                for (const auto& d : fg::liveDiagrams()) {
                    if (!d.hasSteps()) {
                        continue;
                    }
                    w.openDiagram(d.id);
                    settle();
                    QTest::keyClick(&w, Qt::Key_F9); // the list beside the diagram
                    settle();
                    auto* view = qobject_cast<fg::DiagramView*>(w.tabs()->currentWidget());
                    QVERIFY(view);
                    const QString what = fg::themeChoiceName(t) + QLatin1Char(' ') + d.id;
                    QWidget* panel = view->panel();
                    QWidget* canvas = view->panel()->canvas();
                    QWidget* bar = panel->findChild<fg::PlaybackBar*>();
                    QLabel* narration = nullptr;
                    for (auto* l : panel->findChildren<QLabel*>(Qt::FindDirectChildrenOnly)) {
                        narration = l->accessibleDescription() == QLatin1String("Narration")
                                        ? l
                                        : narration;
                    }
                    QVERIFY2(bar && narration, qPrintable(what));
                    const auto rect = [&](QWidget* c) {
                        return QRect(c->mapTo(panel, QPoint(0, 0)), c->size());
                    };
                    // (The window kept its size: the tabs' least width was the widest page's, and
                    // the list beside it pushed the window past a 1280-px screen, cut at its edge.)
                    if (w.width() != 1280 || w.minimumSizeHint().width() > 1280 ||
                        rect(canvas).bottom() >= rect(narration).top() ||
                        rect(narration).bottom() >= rect(bar).top() ||
                        rect(bar).right() >= panel->width() ||
                        rect(bar).bottom() >= panel->height() ||
                        bar->width() < bar->minimumSizeHint().width()) {
                        problems << QStringLiteral("%1: window %8 px (least %9), drawing %2, "
                                                   "narration %3, bar %4 (least %5) in a panel "
                                                   "%6x%7")
                                        .arg(what)
                                        .arg(QStringLiteral("%1..%2")
                                                 .arg(rect(canvas).top())
                                                 .arg(rect(canvas).bottom()))
                                        .arg(QStringLiteral("%1..%2")
                                                 .arg(rect(narration).top())
                                                 .arg(rect(narration).bottom()))
                                        .arg(QStringLiteral("%1..%2 x..%3")
                                                 .arg(rect(bar).top())
                                                 .arg(rect(bar).bottom())
                                                 .arg(rect(bar).right()))
                                        .arg(bar->minimumSizeHint().width())
                                        .arg(panel->width())
                                        .arg(panel->height())
                                        .arg(w.width())
                                        .arg(w.minimumSizeHint().width());
                        w.resize(1280, 800);
                    }
                    QTest::keyClick(&w, Qt::Key_F9); // and away again
                    settle();
                }
                QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
            },
            {std::begin(kAll), std::end(kAll)}, {QSize(1280, 800)});
    }

    // A fresh tester at 1280x800 with a dozen tabs open opened the search (Ctrl+F) on the
    // reader: the window's least width grew to 1380 px (1416 in Projector), the search panel
    // half off a 1280-px screen: the tabs' least width was their widest page's, a diagram's,
    // not the reader's. In every theme the reader, the chapter list and the search fit 1280 px.
    void theSearchFitsBesideTheReaderAt1280() {
        forEveryWindow(
            [&](fg::MainWindow& w, QSize, fg::ThemeChoice t) {
                for (const auto& d : fg::liveDiagrams()) { // and many tabs open, as the tester had
                    w.openDiagram(d.id);
                }
                for (const char* tool : {"wizard", "matrix", "scenarios", "quorum", "cache"}) {
                    w.openTool(QString::fromLatin1(tool));
                }
                w.tabs()->setCurrentIndex(0);
                settle();
                QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
                settle();
                QVERIFY2(w.minimumSizeHint().width() <= 1280 && w.width() == 1280,
                         qPrintable(QStringLiteral("%1: the window is %2 px wide, at least %3")
                                        .arg(fg::themeChoiceName(t))
                                        .arg(w.width())
                                        .arg(w.minimumSizeHint().width())));
            },
            {std::begin(kAll), std::end(kAll)}, {QSize(1280, 800)});
    }

    // A fresh tester, at 1280x800 with the search open: the diagrams' letters dropped to 6-9 px
    // (the page beside the sidebar and the search was ~650 px wide). On a diagram's tab in a
    // window too narrow for both, the search steps aside: the letters are as large as with no
    // search, and the search is back, with its words, on the Reader tab. Ctrl+F shows it on a
    // diagram's tab all the same; Esc closes it for good. At 1920x1080 it stays beside the
    // diagram, which keeps the least width the search promises a page.
    void theSearchLeavesADiagramItsRoom() {
        for (QSize screen : kScreens) {
            for (fg::ThemeChoice t : {fg::ThemeChoice::Light, fg::ThemeChoice::Projector}) {
                fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
                w.resize(screen);
                w.show();
                QVERIFY(QTest::qWaitForWindowExposed(&w));
                w.setThemeChoice(t);
                auto* dock = w.findChild<QDockWidget*>("searchDock");
                auto* query = w.search()->findChild<QLineEdit*>();
                QVERIFY(dock && query);
                const bool narrow = screen.width() < 1600;
                const QString where = sizeText(screen) + QLatin1Char(' ') + fg::themeChoiceName(t);
                for (const auto& d : fg::liveDiagrams()) {
                    if (d.id == QLatin1String("btree-vs-lsm")) {
                        continue; // charts, not a drawing
                    }
                    const QString what = where + QLatin1Char(' ') + d.id;
                    w.openDiagram(d.id);
                    settle();
                    auto* canvas = w.tabs()->currentWidget()->findChild<fg::DiagramCanvas*>();
                    QVERIFY2(canvas, qPrintable(what));
                    canvas->player()->toEnd();
                    settle();
                    const qreal alone = medianLetters(*canvas);
                    const QSize aloneSize = canvas->size();
                    // The student searches in the reader, then goes back to the diagram.
                    w.tabs()->setCurrentIndex(0);
                    QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
                    settle();
                    QVERIFY2(dock->isVisible(), qPrintable(what));
                    query->setText(QStringLiteral("partition"));
                    w.openDiagram(d.id);
                    settle();
                    QVERIFY2(dock->isVisible() == !narrow, qPrintable(what));
                    if (narrow) {
                        // The status bar says where the search went.
                        QVERIFY2(w.statusBar()->currentMessage().contains(QLatin1String("aside")),
                                 qPrintable(what));
                        // The page keeps its width; its height may differ by the few pixels
                        // the chart's first layout gives it (151 then 158 px in one case).
                        QVERIFY2(std::abs(canvas->width() - aloneSize.width()) <= 1,
                                 qPrintable(QStringLiteral("%1: the drawing is %2 px wide, %3 px "
                                                           "without the search")
                                                .arg(what)
                                                .arg(canvas->width())
                                                .arg(aloneSize.width())));
                        const qreal beside = medianLetters(*canvas);
                        QVERIFY2(
                            beside >= 0.95 * alone,
                            qPrintable(QStringLiteral("%1: letters %2 px with the search "
                                                      "open, %3 px without (%4 then %5)")
                                           .arg(what)
                                           .arg(beside, 0, 'f', 1)
                                           .arg(alone, 0, 'f', 1)
                                           .arg(sizeText(canvas->size()), sizeText(aloneSize))));
                    } else {
                        QVERIFY2(w.tabs()->width() >= fg::SearchDock::kLeastPageWidth,
                                 qPrintable(QStringLiteral("%1: the page is %2 px wide")
                                                .arg(what)
                                                .arg(w.tabs()->width())));
                    }
                    w.tabs()->setCurrentIndex(0);
                    settle();
                    QVERIFY2(dock->isVisible(), qPrintable(what + QLatin1String(", reader")));
                    QCOMPARE(query->text(), QStringLiteral("partition"));
                    // Asked for on the diagram's tab, it is shown there.
                    w.openDiagram(d.id);
                    settle();
                    QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
                    settle();
                    QVERIFY2(dock->isVisible(), qPrintable(what + QLatin1String(", Ctrl+F")));
                    // The note that it stepped aside goes with it (it stayed after Ctrl+F).
                    QVERIFY2(!w.statusBar()->currentMessage().contains(QLatin1String("aside")),
                             qPrintable(w.statusBar()->currentMessage()));
                    // Closed, it stays closed.
                    QTest::keyClick(query, Qt::Key_Escape);
                    settle();
                    w.tabs()->setCurrentIndex(0);
                    settle();
                    QVERIFY2(!dock->isVisible(), qPrintable(what + QLatin1String(", Esc")));
                }
                cleanup();
            }
        }
    }

    // A fresh tester projecting at 1280x800: beside the chapter list, the Kafka and Redis
    // drawings' letters were 9-11 px. On a diagram's tab in a window too narrow for both, the list
    // steps aside (said in the status bar) and the drawing has the window's width; the list is
    // back on the Reader tab. F9 shows it on any tab, or hides it for good. At 1920 px it stays.
    void theChapterListStepsAsideForADiagram() {
        forEveryWindow(
            [&](fg::MainWindow& w, QSize screen, fg::ThemeChoice t) {
                settle();
                const bool narrow = screen.width() < 1600;
                const QString where = sizeText(screen) + QLatin1Char(' ') + fg::themeChoiceName(t);
                QVERIFY2(w.tree()->isVisible(), qPrintable(where));
                QStringList grew;
                for (const auto& d : fg::liveDiagrams()) {
                    const QString what = where + QLatin1Char(' ') + d.id;
                    w.openDiagram(d.id);
                    settle();
                    QVERIFY2(w.tree()->isVisible() == !narrow, qPrintable(what));
                    if (!narrow) {
                        continue;
                    }
                    QVERIFY2(w.statusBar()->currentMessage().contains(QLatin1String("aside")),
                             qPrintable(what));
                    QVERIFY2(w.tabs()->width() >= w.width() - 20,
                             qPrintable(QStringLiteral("%1: the page is %2 px of %3")
                                            .arg(what)
                                            .arg(w.tabs()->width())
                                            .arg(w.width())));
                    auto* canvas = w.tabs()->currentWidget()->findChild<fg::DiagramCanvas*>();
                    if (!canvas) {
                        continue; // charts, not a drawing
                    }
                    canvas->player()->toEnd();
                    settle();
                    const qreal alone = medianLetters(*canvas);
                    // F9 brings the list back here; the drawing is smaller beside it.
                    QTest::keyClick(&w, Qt::Key_F9);
                    settle();
                    QVERIFY2(w.tree()->isVisible(), qPrintable(what + QLatin1String(", F9")));
                    const qreal beside = medianLetters(*canvas);
                    if (alone > beside + 0.5) {
                        grew << d.id;
                    }
                    QVERIFY2(alone >= beside,
                             qPrintable(QStringLiteral("%1: letters %2 px alone, %3 px beside "
                                                       "the list")
                                            .arg(what)
                                            .arg(alone, 0, 'f', 1)
                                            .arg(beside, 0, 'f', 1)));
                    w.tabs()->setCurrentIndex(0);
                    settle();
                    QVERIFY2(w.tree()->isVisible(), qPrintable(what + QLatin1String(", reader")));
                }
                // The drawings bound by the width grow (the B-Tree's letters are at their
                // largest beside the list already).
                if (narrow) {
                    QVERIFY2(grew.contains(QLatin1String("kafka")) &&
                                 grew.contains(QLatin1String("hashslot")),
                             qPrintable(where + QLatin1String(": grew ") + grew.join(", ")));
                }
                // F9 hides it for good, on the reader too, until F9 again.
                w.tabs()->setCurrentIndex(0);
                settle();
                QTest::keyClick(&w, Qt::Key_F9);
                settle();
                QVERIFY2(w.tree()->isHidden(), qPrintable(where));
                w.openDiagram(QStringLiteral("btree"));
                w.tabs()->setCurrentIndex(0);
                settle();
                QVERIFY2(w.tree()->isHidden(), qPrintable(where + QLatin1String(", hidden")));
                QVERIFY(!w.statusBar()->currentMessage().contains(QLatin1String("aside")));
                QTest::keyClick(&w, Qt::Key_F9);
                settle();
                QVERIFY2(w.tree()->isVisible(), qPrintable(where + QLatin1String(", F9 again")));
            },
            {fg::ThemeChoice::Light, fg::ThemeChoice::Projector});
    }

    // A fresh tester at 1280x800 on the Kafka tab pressed Ctrl+F, then F9: the list and the
    // search both beside the diagram left it ~650 px, its letters ~7 px. In a window too narrow
    // for both, the one asked for last is shown, the other steps aside (said in the status bar),
    // and the drawing's letters are as large as beside that one alone; both are back on the
    // Reader tab. At 1920 px both stay and the page keeps the least width the search promises.
    void aDiagramNeverSharesItsTabWithBothPanels() {
        forEveryWindow(
            [&](fg::MainWindow& w, QSize screen, fg::ThemeChoice t) {
                settle();
                const bool narrow = screen.width() < 1600;
                const QString where = sizeText(screen) + QLatin1Char(' ') + fg::themeChoiceName(t);
                auto* dock = w.findChild<QDockWidget*>("searchDock");
                auto* query = w.search()->findChild<QLineEdit*>();
                QVERIFY(dock && query);
                for (const auto& d : fg::liveDiagrams()) {
                    const QString what = where + QLatin1Char(' ') + d.id;
                    w.openDiagram(d.id);
                    settle();
                    auto* canvas = w.tabs()->currentWidget()->findChild<fg::DiagramCanvas*>();
                    const auto letters = [&] {
                        if (!canvas) {
                            return 0.0; // charts, not a drawing
                        }
                        canvas->player()->toEnd();
                        settle();
                        return medianLetters(*canvas);
                    };
                    // `list` and `search` shown as asked, the status bar saying which stepped
                    // aside, the page as wide as the search promises beside both.
                    const auto expect = [&](const char* how, bool list, bool search) {
                        const QString at = what + QLatin1String(", ") + QLatin1String(how);
                        QVERIFY2(w.tree()->isVisible() == list && dock->isVisible() == search,
                                 qPrintable(QStringLiteral("%1: list %2, search %3")
                                                .arg(at)
                                                .arg(w.tree()->isVisible())
                                                .arg(dock->isVisible())));
                        QVERIFY2(!narrow || w.statusBar()->currentMessage().contains(
                                                QLatin1String("aside")),
                                 qPrintable(at));
                        QVERIFY2(narrow || w.tabs()->width() >= fg::SearchDock::kLeastPageWidth,
                                 qPrintable(QStringLiteral("%1: the page is %2 px wide")
                                                .arg(at)
                                                .arg(w.tabs()->width())));
                    };
                    const auto asLarge = [&](const char* how, qreal both, qreal alone) {
                        QVERIFY2(both >= 0.95 * alone,
                                 qPrintable(QStringLiteral("%1, %2: letters %3 px, %4 px beside "
                                                           "that panel alone")
                                                .arg(what, QLatin1String(how))
                                                .arg(both, 0, 'f', 1)
                                                .arg(alone, 0, 'f', 1)));
                    };
                    QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
                    settle();
                    const qreal searchAlone = letters();
                    if (w.tree()->isHidden()) {
                        QTest::keyClick(&w, Qt::Key_F9);
                        settle();
                    }
                    expect("Ctrl+F then F9", true, !narrow);
                    const qreal listLast = letters();
                    QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
                    settle();
                    expect("F9 then Ctrl+F", !narrow, true);
                    asLarge("F9 then Ctrl+F", letters(), searchAlone);
                    if (narrow) {
                        QTest::keyClick(&w, Qt::Key_F9);
                        settle();
                        expect("and F9 again", true, false);
                        // The list beside the drawing, the search closed.
                        QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
                        QTest::keyClick(query, Qt::Key_Escape);
                        QTest::keyClick(&w, Qt::Key_F9);
                        settle();
                        QVERIFY2(w.tree()->isVisible() && dock->isHidden(), qPrintable(what));
                        asLarge("Ctrl+F then F9", listLast, letters());
                    }
                    w.tabs()->setCurrentIndex(0);
                    settle();
                    QVERIFY2(w.tree()->isVisible(), qPrintable(what + QLatin1String(", reader")));
                    QTest::keyClick(query, Qt::Key_Escape);
                    settle();
                }
            },
            {fg::ThemeChoice::Light, fg::ThemeChoice::Projector});
    }

    // A fresh tester made the window 500x400 with the chapter list and the search beside the
    // reader: it was left ~110 px, a heading broken letter by letter. In a window too narrow
    // for them, they give the reader its least width, and are back when the window is wide.
    void aTinyWindowGivesTheReaderItsRoom() {
        for (fg::ThemeChoice t : {fg::ThemeChoice::Light, fg::ThemeChoice::Projector}) {
            fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
            w.resize(1280, 800);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.setThemeChoice(t);
            auto* dock = w.findChild<QDockWidget*>("searchDock");
            QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
            settle();
            QVERIFY(dock->isVisible() && w.tree()->isVisible());
            w.resize(500, 400);
            settle();
            QVERIFY2(w.tabs()->width() >=
                         std::min(fg::SearchDock::kLeastReaderWidth, w.width() - 20),
                     qPrintable(QStringLiteral("%1: the reader %2 px of a %3 px window")
                                    .arg(fg::themeChoiceName(t))
                                    .arg(w.tabs()->width())
                                    .arg(w.width())));
            w.resize(1280, 800);
            settle();
            QVERIFY2(dock->isVisible() && w.tree()->isVisible(),
                     qPrintable(fg::themeChoiceName(t)));
            cleanup();
        }
        // Opened in a narrow window, the search leaves the reader its least width too (it took
        // 280 of 500 px), or keeps 200 px itself (and its frame and handle).
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.resize(500, 400);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
        settle();
        auto* dock = w.findChild<QDockWidget*>("searchDock");
        QVERIFY(dock->isVisible());
        QVERIFY2(w.tabs()->width() >= std::min(fg::SearchDock::kLeastReaderWidth, w.width() - 240),
                 qPrintable(QStringLiteral("the reader %1 px of a %2 px window")
                                .arg(w.tabs()->width())
                                .arg(w.width())));
    }

    // Tester 43: after a click on "3. Cassandra", PgDn moved the list a page down and opened
    // "Common Mistakes". PgDn and PgUp in the list scroll the chapter on screen; the arrows
    // still move in the list. Ctrl+End and Ctrl+Home in the reader go to the chapter's end and
    // top (they did nothing).
    void pageKeysInTheListScrollTheChapter() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        fg::ChapterTree* tree = w.tree();
        const QTreeWidgetItem* cassandra = tree->topLevelItem(3);
        QVERIFY(cassandra);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {},
                          tree->visualItemRect(cassandra).center());
        settle();
        const int chapter = w.reader()->chapterIndex();
        QScrollBar* bar = w.reader()->verticalScrollBar();
        QCOMPARE(bar->value(), bar->minimum());
        tree->setFocus();
        QTest::keyClick(tree, Qt::Key_PageDown);
        settle();
        QCOMPARE(w.reader()->chapterIndex(), chapter);
        QVERIFY2(bar->value() > bar->minimum(), "PgDn in the list did not scroll the chapter");
        for (int i = 0; i < 3; ++i) {
            QTest::keyClick(tree, Qt::Key_PageDown);
        }
        settle();
        // The list follows the section on screen, so Down goes on from there (tester 44).
        QVERIFY2(tree->currentItem() != cassandra && tree->currentItem()->parent() == cassandra,
                 qPrintable(tree->currentItem()->text(0)));
        const int paged = bar->value();
        QTest::keyClick(w.reader(), Qt::Key_End, Qt::ControlModifier);
        QCOMPARE(bar->value(), bar->maximum());
        QTest::keyClick(w.reader(), Qt::Key_Home, Qt::ControlModifier);
        QCOMPARE(bar->value(), bar->minimum());
        QTest::keyClick(w.reader(), Qt::Key_End, Qt::ControlModifier);
        bar->setValue(paged);
        settle();
        QTest::keyClick(tree, Qt::Key_Down);
        settle();
        QVERIFY(tree->currentItem() != cassandra);
    }

    // A tester: the list stepping aside for a diagram's tab moved the tab bar ~300 px to the
    // left under the mouse, and a second click opened another tab. The tabs stay where they are
    // on screen; a button in the list's place says where it went and shows it again.
    void theTabsStayUnderTheMouseWhenTheListStepsAside() {
        for (fg::ThemeChoice t : {fg::ThemeChoice::Light, fg::ThemeChoice::Projector}) {
            QSettings().clear(); // the list was hidden for good (F9) in the last window
            const QString where = fg::themeChoiceName(t);
            fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
            w.resize(1280, 800);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.setThemeChoice(t);
            w.openDiagram(QStringLiteral("btree"));
            w.openDiagram(QStringLiteral("kafka"));
            w.tabs()->setCurrentIndex(0);
            settle();
            QTabBar* bar = w.tabs()->tabBar();
            const auto tabsOnScreen = [&] {
                QList<int> xs;
                for (int i = 0; i < bar->count(); ++i) {
                    xs << bar->mapTo(&w, bar->tabRect(i).topLeft()).x();
                }
                return xs;
            };
            QVERIFY2(w.tree()->isVisible(), qPrintable(where));
            const QList<int> beside = tabsOnScreen();
            auto* placeHolder = w.findChild<QAbstractButton*>("chapterListPlaceHolder");
            QVERIFY(placeHolder && placeHolder->isHidden());
            QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(1).center());
            settle();
            QCOMPARE(w.tabs()->currentIndex(), 1);
            QVERIFY2(w.tree()->isHidden(), qPrintable(where)); // stepped aside
            QVERIFY2(placeHolder->isVisible(), qPrintable(where));
            QCOMPARE(tabsOnScreen(), beside);
            // A second click where the next tab was opens that tab.
            QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(2).center());
            settle();
            QCOMPARE(w.tabs()->currentIndex(), 2);
            QCOMPARE(tabsOnScreen(), beside);
            // The page has the window's width below the bar.
            QVERIFY2(w.tabs()->currentWidget()->width() > 1200,
                     qPrintable(QString::number(w.tabs()->currentWidget()->width())));
            // In a window too narrow for the list on any tab the tabs do not move: no list's
            // width of empty bar (it squeezed the tabs into 200 of 500 px).
            w.resize(500, 400);
            settle();
            QVERIFY2(w.tree()->isHidden() && placeHolder->isHidden(), qPrintable(where));
            w.resize(1280, 800);
            settle();
            QVERIFY2(w.tree()->isHidden() && placeHolder->isVisible(), qPrintable(where));
            QCOMPARE(tabsOnScreen(), beside);
            // Its button shows the list here (as F9 does), and the tabs stay.
            QTest::mouseClick(placeHolder, Qt::LeftButton);
            settle();
            QVERIFY2(w.tree()->isVisible() && placeHolder->isHidden(), qPrintable(where));
            QCOMPARE(tabsOnScreen(), beside);
            // Hidden for good (F9), the list leaves no button behind.
            QTest::keyClick(&w, Qt::Key_F9);
            settle();
            QVERIFY2(w.tree()->isHidden() && placeHolder->isHidden(), qPrintable(where));
            w.tabs()->setCurrentIndex(0);
            settle();
            QVERIFY2(w.tree()->isHidden() && placeHolder->isHidden(), qPrintable(where));
            cleanup();
        }
    }

    // A tester: a diagram's tab reached from the Reader lost the search, the same tab reached
    // from another diagram kept it (the pages' width was read before the chapter list that
    // stepped aside for the tab gave its room back). However a diagram is reached, it has the
    // same panels beside it, and the search is shown exactly when the page keeps its least width
    // beside it; in windows where the list steps aside and the search may stay (1440-1700 px).
    void aDiagramHasTheSamePanelsHoweverItIsReached() {
        for (const QSize size : {QSize(1440, 900), QSize(1600, 1000), QSize(1700, 1000)}) {
            for (fg::ThemeChoice t : {fg::ThemeChoice::Light, fg::ThemeChoice::Projector}) {
                const QString where = sizeText(size) + QLatin1Char(' ') + fg::themeChoiceName(t);
                fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
                w.resize(size);
                w.show();
                QVERIFY(QTest::qWaitForWindowExposed(&w));
                w.setThemeChoice(t);
                auto* dock = w.findChild<QDockWidget*>("searchDock");
                QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
                settle();
                QVERIFY2(dock->isVisible() && w.tree()->isVisible(), qPrintable(where));
                const int searchWidth = dock->width();
                w.openDiagram(QStringLiteral("kafka"));
                settle();
                const int kafka = w.tabs()->currentIndex();
                const bool fromReader = dock->isVisible();
                const bool listFromReader = w.tree()->isVisible();
                w.openDiagram(QStringLiteral("btree"));
                settle();
                w.tabs()->setCurrentIndex(kafka);
                settle();
                QVERIFY2(dock->isVisible() == fromReader && w.tree()->isVisible() == listFromReader,
                         qPrintable(QStringLiteral("%1: from the Reader search %2, list %3; from "
                                                   "a diagram search %4, list %5")
                                        .arg(where)
                                        .arg(fromReader)
                                        .arg(listFromReader)
                                        .arg(dock->isVisible())
                                        .arg(w.tree()->isVisible())));
                // The page beside the search keeps its least width, and the search is not
                // sent aside when it would.
                const int pages = w.tabs()->width();
                const int alone = pages + (dock->isVisible() ? searchWidth : 0);
                QVERIFY2(dock->isVisible() ==
                             (alone - searchWidth >= fg::SearchDock::kLeastPageWidth),
                         qPrintable(QStringLiteral("%1: search %2, the page %3 px, %4 px with the "
                                                   "search aside")
                                        .arg(where)
                                        .arg(dock->isVisible())
                                        .arg(pages)
                                        .arg(alone)));
                cleanup();
            }
        }
    }

    // A tester on the B-Tree's tab saw "Common Mistakes" marked in the chapter list, the section
    // read last. The list marks the section the diagram on screen belongs to, and the reader's
    // section again on the Reader tab.
    void theChapterListFollowsTheTabOnScreen() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.resize(1920, 1080);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const fg::Course& course = w.course();
        const int last = int(course.chapters.size()) - 1;
        w.showSection(last, {});
        settle();
        const QString readerItem = w.tree()->currentItem()->text(0);
        const auto sectionOf = [&](const QString& diagram) { // the first that has the diagram
            QString section;
            for (const auto& ch : course.chapters) {
                for (const auto& sec : ch.sections) {
                    for (const auto& b : sec.blocks) {
                        if (section.isEmpty() && b.value("type", std::string()) == "diagram" &&
                            QString::fromStdString(b.value("id", std::string())) == diagram) {
                            section = sec.title;
                        }
                    }
                }
            }
            return section;
        };
        for (const auto& d : fg::liveDiagrams()) {
            const QString section = sectionOf(d.id);
            QVERIFY2(!section.isEmpty(), qPrintable(d.id));
            w.openDiagram(d.id);
            settle();
            QCOMPARE(w.tree()->currentItem()->text(0), section);
            // A switch of theme lays the reader out again behind the tab: the diagram's section
            // stays marked (the reader's was, a tester).
            for (fg::ThemeChoice t :
                 {fg::ThemeChoice::Dark, fg::ThemeChoice::Projector, fg::ThemeChoice::Light}) {
                w.setThemeChoice(t);
                settle();
                QCOMPARE(w.tree()->currentItem()->text(0), section);
            }
            w.tabs()->setCurrentIndex(0);
            settle();
            QCOMPARE(w.tree()->currentItem()->text(0), readerItem);
        }
        // A Lab page marks the section of the diagram it sets its real system beside (a tester
        // on Lab: Kafka saw "Core Identity" marked, the section read last).
        const std::pair<const char*, const char*> labs[] = {{"lab-postgres", "btree"},
                                                            {"lab-redis", "hashslot"},
                                                            {"lab-rocksdb", "lsm"},
                                                            {"lab-kafka", "kafka"},
                                                            {"lab-buckets", "downsample"}};
        for (const auto& [tool, diagram] : labs) {
            const QString section = sectionOf(QString::fromLatin1(diagram));
            QVERIFY2(!section.isEmpty(), diagram);
            w.openTool(QString::fromLatin1(tool));
            settle();
            QCOMPARE(w.tree()->currentItem()->text(0), section);
            w.tabs()->setCurrentIndex(0);
            settle();
            QCOMPARE(w.tree()->currentItem()->text(0), readerItem);
        }
    }
};

FG_TEST_MAIN(TestWindowSidebar)
#include "test_window_sidebar.moc"
