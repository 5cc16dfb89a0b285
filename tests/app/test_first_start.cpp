// The first start says where to begin: a new student saw the first chapter and nothing pointing
// to the course's start, the decision wizard or the keys (a tester); then a line in the status
// bar that went after 30 seconds (a tester): a welcome bar that stays until it is closed, and
// the chapter list marks the chapter opened, not its first section. Later starts say nothing.
#include "app/main_window.h"
#include "app/reader/chapter_tree.h"
#include "models/course/content_loader.h"
#include "tests/app/app_test_support.h"
#include "tests/suite_main.h"
#include "widgets/diagrams/diagram_registry.h"

#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

class TestFirstStart : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { useOwnTestSettings("first-start"); }
    void init() { QSettings().clear(); }

    void theFirstStartSaysWhereToBegin() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.resize(1600, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QWidget* bar = w.welcomeNotice();
        QVERIFY(bar->isVisible());
        const QString said = bar->findChild<QLabel*>(QStringLiteral("text"))->text();
        QVERIFY2(said.contains(QStringLiteral("first chapter")) &&
                     said.contains(QStringLiteral("decision wizard")) &&
                     said.contains(QStringLiteral("F1")),
                 qPrintable(said));
        QTest::qWait(200); // still there after the first moments (the status line went by 30 s)
        QVERIFY(bar->isVisible());
        // The list marks the first chapter itself: the reader shows its title.
        const QTreeWidgetItem* current = w.tree()->currentItem();
        QVERIFY(current && !current->parent());
        QCOMPARE(w.tree()->indexOfTopLevelItem(const_cast<QTreeWidgetItem*>(current)), 0);
        // Its button opens the wizard, and the bar has done its work.
        auto* wizard = bar->findChild<QPushButton*>(QStringLiteral("action"));
        QVERIFY(wizard && wizard->isVisible());
        wizard->click();
        QVERIFY(!bar->isVisible());
        QCOMPARE(w.tabs()->currentWidget()->property("toolId").toString(),
                 QStringLiteral("wizard"));
        w.saveSettings(); // as a quit does
    }

    // A tester clicked at a tab and missed it: the welcome bar, on the Reader tab only, moved
    // the tab bar 40 px at each change of tab. The tab bar stays where it is, and so do the
    // pages' tops.
    void theWelcomeLeavesTheTabsWhereTheyAre() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.resize(1728, 972);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.welcomeNotice()->isVisible());
        const auto tabsAt = [&w] { return w.tabs()->tabBar()->mapTo(&w, QPoint(0, 0)); };
        const QPoint onReader = tabsAt();
        w.openDiagram(QStringLiteral("btree"));
        QTest::qWait(50);
        QVERIFY(!w.welcomeNotice()->isVisible()); // not over a drawing
        QCOMPARE(tabsAt(), onReader);
        w.tabs()->setCurrentIndex(0);
        QTest::qWait(50);
        QVERIFY(w.welcomeNotice()->isVisible());
        QCOMPARE(tabsAt(), onReader);
    }

    // Close takes it away.
    void theWelcomeCloses() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.welcomeNotice()->isVisible());
        w.welcomeNotice()->findChild<QPushButton*>(QStringLiteral("close"))->click();
        QVERIFY(!w.welcomeNotice()->isVisible());
    }

    // Tester 45: a window left on a large screen came back taller than a small one (922x938 on
    // 1024x768), the foot of every page out of reach. It comes back no larger than its screen,
    // and wholly on it.
    void aWindowLargerThanItsScreenComesBackOnIt() {
        const QRect room = QGuiApplication::primaryScreen()->availableGeometry();
        {
            QWidget big;
            big.setGeometry(room.left(), room.top() + 20, room.width(), room.height() + 170);
            QSettings().setValue("window/geometry", big.saveGeometry());
        }
        fg::MainWindow window(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        QVERIFY2(room.contains(window.geometry()), qPrintable(QStringLiteral("%1,%2 %3x%4 on %5x%6")
                                                                  .arg(window.x())
                                                                  .arg(window.y())
                                                                  .arg(window.width())
                                                                  .arg(window.height())
                                                                  .arg(room.width())
                                                                  .arg(room.height())));
        QCOMPARE(window.width(), room.width()); // the width it had: it fitted
    }

    void laterStartsSayNothing() {
        {
            fg::MainWindow first(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
            first.saveSettings();
        }
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(!w.welcomeNotice()->isVisible());
        QVERIFY2(w.statusBar()->currentMessage().isEmpty(),
                 qPrintable(w.statusBar()->currentMessage()));
    }
};

FG_TEST_MAIN(TestFirstStart)
#include "test_first_start.moc"
