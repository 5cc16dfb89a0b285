// The desktop's type at 150% (CTest runs this with QT_SCALE_FACTOR=1.5 on one 1920x1080 screen:
// 1280x720 logical pixels): the first window is sized to the screen's room, inside it, and every
// live diagram's controls keep to two lines in it.
#include "tests/app/window_test_support.h"
#include "tests/suite_main.h"
#include "widgets/diagrams/diagram_view.h"

#include <QGuiApplication>
#include <QScreen>
#include <QTabWidget>

class TestLargeText : public WindowSuite {
    Q_OBJECT
private slots:
    void initTestCase() {
        useOwnTestSettings("large-text");
        QVERIFY2(QGuiApplication::primaryScreen()->devicePixelRatio() > 1.4,
                 "run with QT_SCALE_FACTOR=1.5 (tests/app/CMakeLists.txt)");
    }
    void init() { QSettings().clear(); }
    void cleanup() { desktop_.restore(); }

    void theFirstWindowIsSizedToTheScreen() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        settle();
        const QRect room = w.screen()->availableGeometry();
        const QString sizes = QStringLiteral("a %1x%2 window in %3x%4")
                                  .arg(w.frameGeometry().width())
                                  .arg(w.frameGeometry().height())
                                  .arg(room.width())
                                  .arg(room.height());
        QVERIFY2(w.width() <= room.width() && w.height() <= room.height(), qPrintable(sizes));
        QVERIFY2(w.width() >= room.width() * 0.8 && w.height() >= room.height() * 0.8,
                 qPrintable(sizes));
    }

    void everyDiagramsControlsKeepToTwoLines() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QStringList problems;
        for (const auto& d : fg::liveDiagrams()) {
            w.openDiagram(d.id);
            settle();
            if (auto* view = qobject_cast<fg::DiagramView*>(w.tabs()->currentWidget());
                view && view->controlLines() > 2) {
                problems << QStringLiteral("%1: %2 lines").arg(d.id).arg(view->controlLines());
            }
        }
        QVERIFY2(w.width() <= w.screen()->availableGeometry().width(), "wider than the screen");
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
};

FG_TEST_MAIN(TestLargeText)
#include "test_large_text.moc"
