// The main window's tabs closed and brought back: Ctrl+W on a B-Tree built key by key threw the
// student's work away with no prompt and no way back (a tester). A closed tab is kept, paused,
// and Ctrl+Shift+T brings it back where it was, as it was, as a web browser does. And the tabs
// open at quit are open again at the next start (Ctrl+Q had thrown four diagrams away).
#include "app/main_window.h"
#include "app/page_presenter.h"
#include "app/page_zoom.h"
#include "app/reader/chapter_tree.h"
#include "engines/practice/practice_session.h"
#include "models/course/content_loader.h"
#include "tests/app/app_test_support.h"
#include "tests/suite_main.h"
#include "widgets/canvas/diagram_canvas.h"
#include "widgets/canvas/diagram_panel.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/diagrams/diagram_view.h"
#include "widgets/playback/player.h"
#include "widgets/practice/practice_view.h"
#include "widgets/simulators/simulators.h"

#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>
#include <nlohmann/json.hpp>

class TestWindowTabs : public QObject {
    Q_OBJECT

    DesktopLook desktop_;

    // Shows `w`, active: its shortcuts work.
    static bool showActive(fg::MainWindow& w) {
        w.show();
        w.activateWindow();
        return QTest::qWaitForWindowActive(&w);
    }
    static void closeKey(fg::MainWindow& w) { QTest::keyClick(&w, Qt::Key_W, Qt::ControlModifier); }
    static void reopenKey(fg::MainWindow& w) {
        QTest::keyClick(&w, Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
    }
    static void deleteLaterNow() {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
    static int tabsOf(fg::MainWindow& w, const QString& diagramId) {
        int n = 0;
        for (int i = 0; i < w.tabs()->count(); ++i) {
            n += w.tabs()->widget(i)->property("diagramId").toString() == diagramId ? 1 : 0;
        }
        return n;
    }

private slots:
    void initTestCase() { useOwnTestSettings("window-tabs"); }
    void cleanup() { desktop_.restore(); }

    // A tester pressed Ctrl+E on the Reader, then opened a diagram: its export dialog still had
    // "Open a live diagram (Diagrams menu) to export it" under it. A hint about the tab shown
    // goes when another tab is shown; a message that is not about it stays its time.
    void aHintAboutTheTabShownGoesWithIt() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.resize(1920, 1080); // the chapter list stays beside the diagram, saying nothing
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.exportDiagram();
        QVERIFY2(w.statusBar()->currentMessage().startsWith(QLatin1String("Open a live diagram")),
                 qPrintable(w.statusBar()->currentMessage()));
        w.openDiagram(QStringLiteral("btree"));
        QCOMPARE(w.statusBar()->currentMessage(), QString());
        w.tabs()->setCurrentIndex(0);
        w.exportAnimation();
        QVERIFY(w.statusBar()->currentMessage().startsWith(QLatin1String("Open a live diagram")));
        const QString saved = QStringLiteral("Diagram saved as /tmp/btree.png.");
        w.statusBar()->showMessage(saved, 10000);
        w.tabs()->setCurrentIndex(1);
        QCOMPARE(w.statusBar()->currentMessage(), saved);
    }

    // Tab from the drawing goes round the whole window and reaches every control of the diagram
    // page, its row of controls included (a tester: Tab went from the drawing through the bar,
    // the chapter list and the tabs, and back to the drawing, never to Insert or Presets), and
    // Shift+Tab goes the same way back.
    void tabReachesEveryControlOfADiagramPage() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.resize(1600, 1000);
        QVERIFY(showActive(w));
        w.openDiagram(QStringLiteral("btree"));
        auto* view = qobject_cast<fg::DiagramView*>(w.tabs()->currentWidget());
        QVERIFY(view);
        QTest::qWait(20); // the page orders its Tab stops once made
        QList<QWidget*> stops;
        for (QWidget* c : view->findChildren<QWidget*>()) {
            if ((c->focusPolicy() & Qt::TabFocus) && !c->focusProxy() && c->isVisible() &&
                c->isEnabled()) {
                stops << c;
            }
        }
        QVERIFY(stops.size() > 15);
        const auto walk = [&](Qt::KeyboardModifiers mods) {
            view->findChild<fg::DiagramCanvas*>()->setFocus(Qt::TabFocusReason);
            QList<QWidget*> seen;
            for (int i = 0; i < 200; ++i) {
                QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab, mods);
                seen << QApplication::focusWidget();
            }
            return seen;
        };
        for (const auto mods :
             {Qt::KeyboardModifiers(Qt::NoModifier), Qt::KeyboardModifiers(Qt::ShiftModifier)}) {
            const QList<QWidget*> seen = walk(mods);
            QStringList missed;
            for (QWidget* stop : stops) {
                if (!seen.contains(stop)) {
                    missed << (stop->accessibleName().isEmpty() ? stop->metaObject()->className()
                                                                : stop->accessibleName());
                }
            }
            QVERIFY2(missed.isEmpty(), qPrintable(missed.join(QStringLiteral(", "))));
        }
    }

    // A B-Tree stepped to its fifth step and playing, closed with Ctrl+W between two other tabs:
    // it stops playing, and Ctrl+Shift+T, after another tab was opened and the theme changed,
    // brings back the same page at its place, on screen, at the same step.
    void aClosedTabComesBackAsItWas() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.resize(1280, 800);
        QVERIFY(showActive(w));
        const auto& diagrams = fg::liveDiagrams();
        QVERIFY(diagrams.size() >= 3);
        w.openDiagram(diagrams[0].id);
        const int at = w.tabs()->currentIndex();
        QPointer<QWidget> page = w.tabs()->currentWidget();
        const QString name = w.tabs()->tabText(at);
        w.openDiagram(diagrams[1].id);
        w.tabs()->setCurrentIndex(at);
        auto* player = page->findChild<fg::Player*>();
        QVERIFY(player);
        QVERIFY(player->stepCount() > 6);
        player->seek(4);
        player->play();
        QVERIFY(player->isPlaying());
        const int tabs = w.tabs()->count();

        closeKey(w);
        QCOMPARE(w.tabs()->count(), tabs - 1);
        QCOMPARE(w.tabs()->indexOf(page), -1);
        QVERIFY(!player->isPlaying()); // a closed page does not play on, unseen
        QVERIFY2(w.statusBar()->currentMessage().contains(name) &&
                     w.statusBar()->currentMessage().contains(QStringLiteral("Ctrl+Shift+T")),
                 qPrintable(w.statusBar()->currentMessage()));
        w.openDiagram(diagrams[2].id);
        w.setThemeChoice(fg::ThemeChoice::Dark);
        deleteLaterNow();
        QVERIFY(page);

        reopenKey(w);
        QCOMPARE(w.tabs()->count(), tabs + 1);
        QCOMPARE(w.tabs()->indexOf(page), at);
        QCOMPARE(w.tabs()->currentIndex(), at);
        QCOMPARE(w.tabs()->tabText(at), name);
        QVERIFY(page->isVisible());
        QCOMPARE(player->position(), 4);
        QCOMPARE(tabsOf(w, diagrams[0].id), 1);

        // Nothing more to bring back: said, and no tab changes.
        reopenKey(w);
        QCOMPARE(w.tabs()->count(), tabs + 1);
        QVERIFY(w.statusBar()->currentMessage().contains(QStringLiteral("No closed tab")));
    }

    // The Reader's tab is never closed, by the key or by the window's closeTab().
    void theReaderStays() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        QVERIFY(showActive(w));
        QWidget* reader = w.tabs()->widget(0);
        closeKey(w);
        w.closeTab(0);
        QCOMPARE(w.tabs()->count(), 1);
        QCOMPARE(w.tabs()->widget(0), reader);
        reopenKey(w);
        QCOMPARE(w.tabs()->count(), 1);
    }

    // Every tool of the Study menu opens as a tab of its own, once (choosing it again shows the
    // same tab), with a short name and its title as the tooltip; the menu keeps its three groups
    // (decision tools, simulators, quiz and progress) apart with lines.
    // A live diagram whose engine has exercises offers "Practice this": the Practice page on its
    // topic. The page's "Show me" opens the exercise's diagram at the exercise's operation.
    void practiceThisAndShowMeGoBothWays() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        QVERIFY(showActive(w));
        w.openDiagram(QStringLiteral("kafka"));
        QAction* practiceThis = nullptr;
        for (auto* a : w.tabs()->currentWidget()->findChildren<QAction*>()) {
            practiceThis = a->text().startsWith(QStringLiteral("Practice this")) ? a : practiceThis;
        }
        QVERIFY(practiceThis);
        practiceThis->trigger();
        auto* practice = qobject_cast<fg::PracticeView*>(w.tabs()->currentWidget());
        QVERIFY(practice);
        QCOMPARE(w.tabs()->currentWidget()->property("toolId").toString(),
                 QStringLiteral("practice"));
        QVERIFY(practice->current()); // questions on the topic at once
        QCOMPARE(practice->current()->engine, std::string("kafka"));
        // The same from the button beside the zoom buttons, on a Redis Cluster page.
        w.openDiagram(QStringLiteral("hashslot"));
        auto* button =
            w.tabs()->currentWidget()->findChild<QToolButton*>(QStringLiteral("practiceThis"));
        QVERIFY(button && button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(w.tabs()->currentWidget(), practice);
        QCOMPARE(practice->current()->engine, std::string("hashslot"));
        // "Show me" of a B-Tree insert: the B-Tree diagram, its scenario loaded, at the step
        // where the inserted key's own steps begin.
        std::uint64_t seed = 5;
        do { // an insert: its prefilled answer can be checked as it is
            practice->start(QStringLiteral("btree"), fg::practice::Level::Easy, 1, seed++);
        } while (practice->current()->type != "insert");
        const auto e = *practice->current();
        QSignalSpy spy(practice, &fg::PracticeView::showMeRequested);
        practice->check(); // Show me comes once the answer is checked
        for (auto* b : practice->findChildren<QPushButton*>()) {
            if (b->text() == QStringLiteral("Sh&ow me")) {
                QTest::mouseClick(b, Qt::LeftButton);
            }
        }
        QCOMPARE(spy.count(), 1);
        auto* diagram = qobject_cast<fg::DiagramView*>(w.tabs()->currentWidget());
        QVERIFY(diagram);
        QCOMPARE(diagram->property("diagramId").toString(), QStringLiteral("btree"));
        QTRY_COMPARE(diagram->panel()->player()->position(), spy.at(0).at(2).toInt());
        // What the student had there comes back with Undo (a tester's own keys were lost).
        QVERIFY(diagram->canUndo());
        const auto shown = fg::practice::showMe(e);
        QVERIFY(shown);
        QCOMPARE(diagram->scenarioJson()["ops"].dump(), shown->scenario["ops"].dump());
    }

    void everyStudyMenuToolOpensOnceAsATab() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        QVERIFY(showActive(w));
        QMenu* study = nullptr;
        for (QAction* a : w.menuBar()->actions()) {
            if (a->menu() && a->text().remove(QLatin1Char('&')) == QStringLiteral("Study")) {
                study = a->menu();
            }
        }
        QVERIFY(study);
        QStringList opened;
        int separators = 0;
        for (QAction* a : study->actions()) {
            if (a->isSeparator()) {
                ++separators;
                continue;
            }
            if (!a->shortcut().isEmpty()) {
                break; // Bookmark (Ctrl+D) and Note: actions on the section, not tools
            }
            const int before = w.tabs()->count();
            a->trigger();
            QCOMPARE(w.tabs()->count(), before + 1);
            QWidget* page = w.tabs()->currentWidget();
            const QString id = page->property("toolId").toString();
            QVERIFY2(!id.isEmpty() && !opened.contains(id), qPrintable(a->text()));
            opened << id;
            const int tab = w.tabs()->currentIndex();
            QVERIFY(!w.tabs()->tabText(tab).isEmpty());
            QVERIFY(!w.tabs()->tabToolTip(tab).isEmpty());
            a->trigger(); // again: the same tab, no second one
            QCOMPARE(w.tabs()->count(), before + 1);
            QCOMPARE(w.tabs()->currentWidget(), page);
        }
        QCOMPARE(separators, 3); // the three groups of tools, then the section's own aids
        QCOMPARE(opened.size(), qsizetype(6 + fg::simulators().size()));
        for (const char* id : {"wizard", "matrix", "scenarios", "quiz", "practice", "progress"}) {
            QVERIFY2(opened.contains(QLatin1String(id)), id);
        }
        const int count = w.tabs()->count();
        w.openTool(QStringLiteral("no-such-tool"));
        QCOMPARE(w.tabs()->count(), count);
    }

    // The quiz answers by number keys: after a click in the chapter list, going to the quiz's
    // tab moves the focus there (the list took "4" as type-ahead and opened chapter 4).
    void aStudyPageTakesTheFocusFromTheChapterList() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        QVERIFY(showActive(w));
        w.openTool(QStringLiteral("quiz"));
        QWidget* quiz = w.tabs()->currentWidget();
        w.tabs()->setCurrentIndex(0);
        w.tree()->setFocus();
        QVERIFY(QTest::qWaitFor([&] { return w.tree()->hasFocus(); }));
        w.tabs()->setCurrentWidget(quiz);
        QVERIFY(QTest::qWaitFor([&] {
            return quiz->isAncestorOf(QApplication::focusWidget()) ||
                   QApplication::focusWidget() == quiz;
        }));
        const int tabs = w.tabs()->count();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_4);
        QCOMPARE(w.tabs()->currentWidget(), quiz); // still the quiz
        QCOMPARE(w.tabs()->count(), tabs);
    }

    // A study or Lab page takes the focus itself as it opens (the quiz's number keys): a screen
    // reader says the page's title there, not a nameless "filler" (Orca said "layered pane").
    void aStudyPageWithTheFocusSaysItsTitle() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        QVERIFY(showActive(w));
        for (const char* id : {"quiz", "wizard", "lab-redis"}) {
            w.openTool(QString::fromLatin1(id));
            QAccessibleInterface* focus =
                QAccessible::queryAccessibleInterface(QApplication::focusWidget());
            QVERIFY2(focus && !focus->text(QAccessible::Name).isEmpty(), id);
        }
    }

    // The last five closed pages are kept, older ones are let go (a 100,000-key B-Tree holds
    // hundreds of megabytes); they come back last closed first.
    void theLastFiveClosedAreKept() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        QVERIFY(showActive(w));
        std::vector<QPointer<QWidget>> pages;
        for (const auto& d : fg::liveDiagrams()) {
            w.openDiagram(d.id);
            pages.emplace_back(w.tabs()->currentWidget());
        }
        for (const char* tool : {"wizard", "matrix", "quiz"}) {
            w.openTool(QString::fromLatin1(tool));
            pages.emplace_back(w.tabs()->currentWidget());
        }
        QVERIFY(pages.size() >= 7);
        pages.resize(7);
        while (w.tabs()->count() > 8) {
            w.closeTab(8); // only the seven
        }
        deleteLaterNow();
        QCOMPARE(w.tabs()->count(), 8);
        for (std::size_t i = 0; i < 7; ++i) {
            w.closeTab(w.tabs()->indexOf(pages[i]));
        }
        deleteLaterNow();
        QCOMPARE(w.tabs()->count(), 1);
        QVERIFY(!pages[0] && !pages[1]);
        for (std::size_t i = 7; i-- > 2;) {
            QVERIFY(pages[i]);
            w.reopenClosedTab();
            QCOMPARE(w.tabs()->currentWidget(), pages[i].data());
        }
        QCOMPARE(w.tabs()->count(), 6);
        w.reopenClosedTab();
        QCOMPARE(w.tabs()->count(), 6);
    }

    // A diagram opened afresh after its tab was closed lets the closed one go: Ctrl+Shift+T then
    // does not make two tabs of one name.
    void openingAfreshLetsTheClosedOneGo() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        QVERIFY(showActive(w));
        const QString id = fg::liveDiagrams().front().id;
        w.openDiagram(id);
        QPointer<QWidget> closed = w.tabs()->currentWidget();
        closeKey(w);
        w.openDiagram(id);
        QVERIFY(w.tabs()->currentWidget() != closed.data());
        deleteLaterNow();
        QVERIFY(!closed);
        reopenKey(w);
        QCOMPARE(tabsOf(w, id), 1);
        QCOMPARE(w.tabs()->count(), 2);
    }

    // A B-Tree of the student's own (order 3, five keys) at its third step, and the wizard: the
    // window closes, and a new one opens both again, the B-Tree's scenario and step as they
    // were, the B-Tree's tab on screen.
    void theTabsOpenAtQuitAreBackAtTheNextStart() {
        QFile::remove(fg::MainWindow::sessionPath());
        const auto scenario = nlohmann::json::parse(R"({"engine": "btree", "params": {"order": 3},
            "ops": [{"op": "insert", "key": 5}, {"op": "insert", "key": 9},
                    {"op": "insert", "key": 1}, {"op": "insert", "key": 7},
                    {"op": "insert", "key": 3}]})");
        nlohmann::json shown;
        {
            fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
            QVERIFY(showActive(w));
            w.openDiagram(QStringLiteral("btree"));
            auto* view = qobject_cast<fg::DiagramView*>(w.tabs()->currentWidget());
            QVERIFY(view);
            QVERIFY(view->loadScenario(scenario));
            view->waitForBuild();
            view->panel()->player()->seek(2);
            view->panel()->player()->setSpeed(4); // a tester's 8x came back at 1x
            shown = view->scenarioJson();
            w.openTool(QStringLiteral("wizard"));
            w.tabs()->setCurrentWidget(view);
            QVERIFY(w.close());
        }
        QVERIFY(QFileInfo::exists(fg::MainWindow::sessionPath()));
        fg::MainWindow again(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        again.restoreSession();
        QCOMPARE(again.tabs()->count(), 3);
        QCOMPARE(again.tabs()->currentIndex(), 1);
        auto* view = qobject_cast<fg::DiagramView*>(again.tabs()->widget(1));
        QVERIFY(view);
        QCOMPARE(view->property("diagramId").toString(), QStringLiteral("btree"));
        view->waitForBuild();
        QTRY_COMPARE(view->panel()->player()->position(), 2);
        QCOMPARE(view->panel()->player()->speed(), 4.0);
        QCOMPARE(view->scenarioJson().dump(), shown.dump());
        QCOMPARE(view->scenarioJson()["params"]["order"].get<int>(), 3);
        QCOMPARE(again.tabs()->widget(2)->property("toolId").toString(), QStringLiteral("wizard"));
        // Closed with the Reader alone, the next start opens nothing more.
        while (again.tabs()->count() > 1) {
            again.closeTab(1);
        }
        QVERIFY(again.close());
        QVERIFY(!QFileInfo::exists(fg::MainWindow::sessionPath()));
    }

    // A tester chose 5 masters with replicas on Lab: Redis and 50,000 sequential keys on Lab:
    // PostgreSQL, quit, and found the defaults at the next start: the Lab tabs keep their
    // settings (not a connection string); a kept value out of range is left at the default.
    void aLabTabKeepsItsSettingsToTheNextStart() {
        QFile::remove(fg::MainWindow::sessionPath());
        const auto box = [](QWidget* page, const QString& name) {
            for (auto* w : page->findChildren<QWidget*>()) {
                if (w->accessibleName() == name) {
                    return w;
                }
            }
            return static_cast<QWidget*>(nullptr);
        };
        const auto replicas = [](QWidget* page) {
            for (auto* c : page->findChildren<QCheckBox*>()) {
                if (c->text().contains(QStringLiteral("replica"))) {
                    return c;
                }
            }
            return static_cast<QCheckBox*>(nullptr);
        };
        {
            fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
            QVERIFY(showActive(w));
            w.openTool(QStringLiteral("lab-redis"));
            QWidget* redis = w.tabs()->currentWidget();
            qobject_cast<QSpinBox*>(box(redis, QStringLiteral("Masters")))->setValue(5);
            replicas(redis)->setChecked(true);
            w.openTool(QStringLiteral("lab-postgres"));
            QWidget* pg = w.tabs()->currentWidget();
            qobject_cast<QComboBox*>(box(pg, QStringLiteral("Which keys")))->setCurrentIndex(1);
            qobject_cast<QSpinBox*>(box(pg, QStringLiteral("How many keys")))->setValue(50000);
            QVERIFY(w.close());
        }
        fg::MainWindow again(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        again.restoreSession();
        QCOMPARE(again.tabs()->count(), 3);
        QWidget* redis = again.tabs()->widget(1);
        QWidget* pg = again.tabs()->widget(2);
        QCOMPARE(qobject_cast<QSpinBox*>(box(redis, QStringLiteral("Masters")))->value(), 5);
        QVERIFY(replicas(redis)->isChecked());
        QCOMPARE(qobject_cast<QComboBox*>(box(pg, QStringLiteral("Which keys")))->currentIndex(),
                 1);
        QCOMPARE(qobject_cast<QSpinBox*>(box(pg, QStringLiteral("How many keys")))->value(), 50000);
        // Out of range or of another type: the page's own value stays.
        fg::pageOf(redis)->restoreSettings({{"masters", 99}, {"replicas", "yes"}});
        QCOMPARE(qobject_cast<QSpinBox*>(box(redis, QStringLiteral("Masters")))->value(), 5);
        QVERIFY(replicas(redis)->isChecked());
        while (again.tabs()->count() > 1) {
            again.closeTab(1);
        }
        QVERIFY(again.close());
    }

    // A tester set the Dark theme, opened a diagram and killed the app (kill -9): the next start
    // had the old theme and no tab. Settings and tabs are kept a second after a change, with
    // the window still open (no close, no destructor: as a killed app leaves them).
    void settingsAndTabsAreKeptWithoutAQuit() {
        QFile::remove(fg::MainWindow::sessionPath());
        QSettings().remove(QStringLiteral("view/theme"));
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        QVERIFY(showActive(w));
        QTest::qWait(fg::MainWindow::kKeepDelayMs + 200); // what the start itself kept
        w.setThemeChoice(fg::ThemeChoice::Dark);
        w.openDiagram(QStringLiteral("lsm"));
        // Not at once (a burst of changes is one write), but within a second or so.
        QVERIFY(QSettings().value(QStringLiteral("view/theme")).toString() != "dark");
        QTRY_COMPARE_WITH_TIMEOUT(QSettings().value(QStringLiteral("view/theme")).toString(),
                                  QStringLiteral("dark"), fg::MainWindow::kKeepDelayMs + 1000);
        QTRY_VERIFY(QFileInfo::exists(fg::MainWindow::sessionPath()));
        QFile file(fg::MainWindow::sessionPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("\"lsm\""));
        // Closing the tab is kept too: the session file goes (nothing to open next time).
        w.closeTab(1);
        QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(fg::MainWindow::sessionPath()),
                                 fg::MainWindow::kKeepDelayMs + 1000);
    }

    // F5 on a page without slides (a tester pressed it on a Lab page: only a line in the status
    // bar): the page fills the screen, still live, the menus' keys still working; Esc, F5 or
    // another tab gives the window back as it was, and the settings never keep the full screen.
    void f5OnAPageWithoutSlidesFillsTheScreen() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        QVERIFY(showActive(w));
        w.openTool(QStringLiteral("wizard"));
        QWidget* page = w.tabs()->currentWidget();
        const Qt::WindowStates before = w.windowState();
        const QRect pageBefore = page->geometry();
        const int typeBefore = fg::typeZoom(page);
        QTest::keyClick(&w, Qt::Key_F5);
        QVERIFY(w.pagePresenter()->active());
        QVERIFY(!w.presentation());
        QVERIFY(w.windowState() & Qt::WindowFullScreen);
        QVERIFY(w.tabs()->tabBar()->isHidden());
        QVERIFY(w.statusBar()->isHidden());
        QVERIFY(w.tree()->isHidden() || w.tree()->width() == 0);
        QCOMPARE(w.menuBar()->height(), 0);
        QVERIFY(w.pagePresenter()->hint()->isVisible());
        QTRY_VERIFY(page->width() > pageBefore.width()); // the page took the chapter list's room
        // Its type larger for the room, by the presentation's steps (not kept as the page's own
        // zoom); a zoom step meanwhile is kept, and stays after the presentation.
        QCOMPARE(fg::typeZoom(page), typeBefore + fg::PagePresenter::kTypeSteps);
        QTest::keyClick(&w, Qt::Key_Plus, Qt::ControlModifier);
        QCOMPARE(fg::typeZoom(page), typeBefore + fg::PagePresenter::kTypeSteps + 1);
        QCOMPARE(QSettings().value(QStringLiteral("view/zoom/wizard")).toInt(), typeBefore + 1);
        w.saveSettings();
        QCOMPARE(QSettings().value(QStringLiteral("window/chapterList")).toBool(), true);
        QTest::keyClick(&w, Qt::Key_Escape);
        QVERIFY(!w.pagePresenter()->active());
        QCOMPARE(fg::typeZoom(page), typeBefore + 1);
        QTest::keyClick(&w, Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(fg::typeZoom(page), 0);
        QCOMPARE(w.windowState(), before);
        QVERIFY(!w.tabs()->tabBar()->isHidden());
        QVERIFY(!w.statusBar()->isHidden());
        QVERIFY(w.menuBar()->height() > 0);
        QVERIFY(!w.pagePresenter()->hint()->isVisible());
        // F5 twice; then another tab ends it too.
        QTest::keyClick(&w, Qt::Key_F5);
        QVERIFY(w.pagePresenter()->active());
        QTest::keyClick(&w, Qt::Key_F5);
        QVERIFY(!w.pagePresenter()->active());
        QTest::keyClick(&w, Qt::Key_F5);
        w.tabs()->setCurrentIndex(0);
        QVERIFY(!w.pagePresenter()->active());
        QVERIFY(!(w.windowState() & Qt::WindowFullScreen));
    }

    // A session file of junk is said in the status bar and set aside (kept, renamed), and the
    // window opens with the Reader alone; a diagram whose scenario no longer loads is left out
    // and named, the others open.
    void aSessionThatCannotBeReadIsSaidAndSetAside() {
        const QString path = fg::MainWindow::sessionPath();
        QDir().mkpath(QFileInfo(path).absolutePath());
        const auto write = [&path](const QByteArray& bytes) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(bytes);
        };
        write("{\"tabs\": [ {\"diagram\": \"btree\", junk");
        {
            fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
            w.restoreSession();
            QCOMPARE(w.tabs()->count(), 1);
            const QString said = w.statusBar()->currentMessage();
            QVERIFY2(said.contains(QStringLiteral("could not be opened again")) &&
                         said.contains(QStringLiteral(".unreadable-")),
                     qPrintable(said));
            QVERIFY(!QFileInfo::exists(path));
            const QStringList aside = QFileInfo(path).dir().entryList(
                {QStringLiteral("session.json.unreadable-*")}, QDir::Files);
            QCOMPARE(aside.size(), 1);
            QFile::remove(QFileInfo(path).dir().filePath(aside.front()));
        }
        // One written by a newer fieldguide (a format this one does not know) is set aside too.
        write(R"({"version": 99, "tabs": [{"tool": "matrix"}]})");
        {
            fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
            w.restoreSession();
            QCOMPARE(w.tabs()->count(), 1);
            QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("newer")),
                     qPrintable(w.statusBar()->currentMessage()));
            const QStringList aside = QFileInfo(path).dir().entryList(
                {QStringLiteral("session.json.unreadable-*")}, QDir::Files);
            QCOMPARE(aside.size(), 1);
            QFile::remove(QFileInfo(path).dir().filePath(aside.front()));
        }
        write(R"({"version": 1, "current": 2, "tabs": [
            {"diagram": "btree", "scenario": {"engine": "lsm", "ops": []}},
            {"diagram": "no-such-diagram"},
            {"tool": "matrix"}]})");
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.restoreSession();
        QCOMPARE(w.tabs()->count(), 2);
        QCOMPARE(w.tabs()->widget(1)->property("toolId").toString(), QStringLiteral("matrix"));
        const QString said = w.statusBar()->currentMessage();
        QVERIFY2(said.contains(QStringLiteral("B-Tree")) &&
                     said.contains(QStringLiteral("no-such-diagram")),
                 qPrintable(said));
        QFile::remove(path);
    }
};

FG_TEST_MAIN(TestWindowTabs)
#include "test_window_tabs.moc"
