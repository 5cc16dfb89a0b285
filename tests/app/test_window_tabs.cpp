// The main window's tabs closed and brought back: Ctrl+W on a B-Tree built key by key threw the
// student's work away with no prompt and no way back (a tester). A closed tab is kept, paused,
// and Ctrl+Shift+T brings it back where it was, as it was, as a web browser does.
#include "app/main_window.h"
#include "models/course/content_loader.h"
#include "tests/app/app_test_support.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/playback/player.h"

#include <QApplication>
#include <QPointer>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>

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

    // A B-Tree stepped to its fifth step and playing, closed with Ctrl+W between two other tabs:
    // it stops playing, and Ctrl+Shift+T, after another tab was opened and the theme changed,
    // brings back the same page at its place, on screen, at the same step.
    void aClosedTabComesBackAsItWas() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks()));
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
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks()));
        QVERIFY(showActive(w));
        QWidget* reader = w.tabs()->widget(0);
        closeKey(w);
        w.closeTab(0);
        QCOMPARE(w.tabs()->count(), 1);
        QCOMPARE(w.tabs()->widget(0), reader);
        reopenKey(w);
        QCOMPARE(w.tabs()->count(), 1);
    }

    // The last five closed pages are kept, older ones are let go (a 100,000-key B-Tree holds
    // hundreds of megabytes); they come back last closed first.
    void theLastFiveClosedAreKept() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks()));
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
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks()));
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
};

QTEST_MAIN(TestWindowTabs)
#include "test_window_tabs.moc"
