// The first start says where to begin: a new student saw the first chapter and nothing pointing
// to the course's start, the decision wizard or the keys (a tester). Later starts say nothing.
#include "app/main_window.h"
#include "models/course/content_loader.h"
#include "tests/app/app_test_support.h"
#include "tests/suite_main.h"
#include "widgets/diagrams/diagram_registry.h"

#include <QSettings>
#include <QStatusBar>
#include <QTest>

class TestFirstStart : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { useOwnTestSettings("first-start"); }
    void init() { QSettings().clear(); }

    void theFirstStartSaysWhereToBegin() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        const QString said = w.statusBar()->currentMessage();
        QVERIFY2(said.contains(QStringLiteral("first chapter")) &&
                     said.contains(QStringLiteral("Decision wizard")) &&
                     said.contains(QStringLiteral("F1")),
                 qPrintable(said));
        w.saveSettings(); // as a quit does
    }

    void laterStartsSayNothing() {
        {
            fg::MainWindow first(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
            first.saveSettings();
        }
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        QVERIFY2(w.statusBar()->currentMessage().isEmpty(),
                 qPrintable(w.statusBar()->currentMessage()));
    }
};

FG_TEST_MAIN(TestFirstStart)
#include "test_first_start.moc"
