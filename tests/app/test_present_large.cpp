// A live diagram too large to build at once (StepView::kBackgroundWork keys or more), presented
// from its tab with F5: the slide shows it at the tab's step once its copy is built, and Esc
// leaves the tab at the slide's step; left before the copy was built, the tab keeps its own
// (the 100,000-key B-Tree opened at step 0 and the tab was left there: tester 41).
#include "app/main_window.h"
#include "app/presentation/presentation.h"
#include "models/course/content_loader.h"
#include "tests/app/app_test_support.h"
#include "tests/suite_main.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/diagrams/diagram_view.h"
#include "widgets/diagrams/step_view.h"
#include "widgets/playback/player.h"

#include <QSettings>
#include <QTabWidget>
#include <QTest>
#include <nlohmann/json.hpp>

class TestPresentLarge : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { useOwnTestSettings("present-large"); }
    void init() { QSettings().clear(); }

    void aLargeRunIsPresentedAtItsStepAndLeftThere() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openDiagram(QStringLiteral("btree"));
        auto* view = qobject_cast<fg::DiagramView*>(w.tabs()->currentWidget());
        QVERIFY(view);
        nlohmann::json scenario = {{"engine", "btree"}, {"params", {{"order", 4}}}};
        nlohmann::json ops = nlohmann::json::array();
        for (int i = 0; i < fg::kBackgroundWork + 500; ++i) {
            ops.push_back({{"op", "insert"}, {"key", (i * 7919) % 100'003}});
        }
        scenario["ops"] = ops;
        QVERIFY(view->loadScenario(scenario));
        view->waitForBuild();
        fg::Player* desk = view->panel()->player();
        const int step = desk->stepCount() - 7;
        QVERIFY(step > fg::kBackgroundWork);
        desk->seek(step);

        QTest::keyClick(&w, Qt::Key_F5);
        QVERIFY(w.presentation());
        const auto slideStep = [&w] {
            fg::DiagramView* shown = w.presentation() ? w.presentation()->diagramView() : nullptr;
            return shown && !shown->building() ? shown->panel()->player()->position() : -100;
        };
        QTRY_COMPARE_WITH_TIMEOUT(slideStep(), step, 30'000);
        w.presentation()->diagramView()->panel()->player()->seek(step + 2); // the teacher steps
        QTest::keyClick(w.presentation(), Qt::Key_Escape);
        QTRY_VERIFY(!w.presentation());
        QCOMPARE(desk->position(), step + 2);

        // Esc at once, the slide's copy still being built: the tab keeps its step.
        QTest::keyClick(&w, Qt::Key_F5);
        QVERIFY(w.presentation());
        QVERIFY(w.presentation()->diagramView()->building());
        QTest::keyClick(w.presentation(), Qt::Key_Escape);
        QTRY_VERIFY(!w.presentation());
        QCOMPARE(desk->position(), step + 2);
    }
};

FG_TEST_MAIN(TestPresentLarge)
#include "test_present_large.moc"
