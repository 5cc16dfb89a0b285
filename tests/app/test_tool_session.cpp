// The study tools' choices come back at the next start as the diagrams' steps do: a tester found
// the decision wizard at question 1 again after a restart, with every diagram at its step. The
// wizard keeps the answers taken (replayed from its first question, up to an answer the tree no
// longer has), the matrix the needs ticked; each is kept a second after a change, without a quit.
#include "app/main_window.h"
#include "models/course/content_loader.h"
#include "tests/app/app_test_support.h"
#include "tests/suite_main.h"
#include "widgets/decision/decision_views.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/diagrams/diagram_view.h"
#include "widgets/practice/practice_view.h"

#include <QAction>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <nlohmann/json.hpp>

namespace {

std::unique_ptr<fg::MainWindow> freshWindow() {
    return std::make_unique<fg::MainWindow>(
        fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
}

// Closes every tab but the Reader's, then the window: the next start opens nothing more.
bool closedWithTheReaderAlone(fg::MainWindow& w) {
    while (w.tabs()->count() > 1) {
        w.closeTab(1);
    }
    return w.close();
}

template <typename View>
View* toolTab(fg::MainWindow& w, const char* tool) {
    for (int i = 0; i < w.tabs()->count(); ++i) {
        if (w.tabs()->widget(i)->property("toolId").toString() == QLatin1String(tool)) {
            return qobject_cast<View*>(w.tabs()->widget(i));
        }
    }
    return nullptr;
}

} // namespace

class TestToolSession : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { useOwnTestSettings("tool-session"); }
    void init() {
        QSettings().clear();
        QFile::remove(fg::MainWindow::sessionPath());
    }

    // A diagram's run comes back under its name (a preset's): a slide of it was titled with the
    // diagram's name alone after a restart (tester 44).
    void aPresetsNameComesBackWithItsRun() {
        QString name;
        {
            auto w = freshWindow();
            w->openDiagram(QStringLiteral("hashslot"));
            auto* view = qobject_cast<fg::DiagramView*>(w->tabs()->currentWidget());
            QVERIFY(view);
            QAction* preset = view->presetActions().value(1);
            QVERIFY(preset);
            preset->trigger();
            name = preset->text();
            QCOMPARE(view->scenarioTitle(), name);
            QVERIFY(w->close());
        }
        auto again = freshWindow();
        again->restoreSession();
        fg::DiagramView* view = nullptr;
        for (int i = 0; i < again->tabs()->count() && !view; ++i) {
            view = qobject_cast<fg::DiagramView*>(again->tabs()->widget(i));
        }
        QVERIFY(view);
        QCOMPARE(view->scenarioTitle(), name);
        QVERIFY(closedWithTheReaderAlone(*again));
    }

    void theWizardAndTheMatrixComeBackAsTheyWereLeft() {
        QStringList trail;
        QString question, result, verdict;
        {
            auto w = freshWindow();
            w->openTool(QStringLiteral("wizard"));
            auto* wizard = toolTab<fg::WizardView>(*w, "wizard");
            QVERIFY(wizard);
            wizard->answer(1);
            wizard->answer(0);
            QVERIFY(wizard->trail().size() == 2);
            trail = wizard->trail();
            question = wizard->currentQuestion();
            result = wizard->resultId();
            w->openTool(QStringLiteral("matrix"));
            auto* matrix = toolTab<fg::MatrixView>(*w, "matrix");
            QVERIFY(matrix);
            matrix->setTicked(0, true);
            matrix->setTicked(3, true);
            verdict = matrix->verdict();
            QVERIFY(w->close());
        }
        QVERIFY(QFileInfo::exists(fg::MainWindow::sessionPath()));
        auto again = freshWindow();
        again->restoreSession();
        auto* wizard = toolTab<fg::WizardView>(*again, "wizard");
        auto* matrix = toolTab<fg::MatrixView>(*again, "matrix");
        QVERIFY(wizard && matrix);
        QCOMPARE(wizard->trail(), trail);
        QCOMPARE(wizard->currentQuestion(), question);
        QCOMPARE(wizard->resultId(), result);
        QCOMPARE(matrix->verdict(), verdict);
        QCOMPARE(matrix->table()->item(0, 0)->checkState(), Qt::Checked);
        QCOMPARE(matrix->table()->item(1, 0)->checkState(), Qt::Unchecked);
        QCOMPARE(matrix->table()->item(3, 0)->checkState(), Qt::Checked);
        QVERIFY(closedWithTheReaderAlone(*again));
    }

    // Tester 42: a class told to use seed 1234 found a new seed after a restart. The practice
    // page's choices come back; a seed out of the box's range is left.
    void thePracticeChoicesComeBack() {
        {
            auto w = freshWindow();
            w->openTool(QStringLiteral("practice"));
            auto* practice = toolTab<fg::PracticeView>(*w, "practice");
            QVERIFY(practice);
            practice->setTopic(QStringLiteral("kafka"));
            practice->restoreSettings({{"seed", 1234}, {"level", 2}, {"questions", 7}});
            QCOMPARE(practice->choices().seed, std::uint64_t(1234));
            QVERIFY(w->close());
        }
        auto again = freshWindow();
        again->restoreSession();
        auto* practice = toolTab<fg::PracticeView>(*again, "practice");
        QVERIFY(practice);
        const fg::WorksheetChoice c = practice->choices();
        QCOMPARE(c.seed, std::uint64_t(1234));
        QCOMPARE(c.topic, QStringLiteral("kafka"));
        QCOMPARE(int(c.level), 2);
        QCOMPARE(c.count, 7);
        // (The box takes up to 9223372036854775807, the command line's --seed: tester 43.)
        practice->restoreSettings({{"seed", 10'000'000'000'000'000'000ULL}, {"questions", 0}});
        QCOMPARE(practice->choices().seed, std::uint64_t(1234));
        QCOMPARE(practice->choices().count, 7);
        QVERIFY(closedWithTheReaderAlone(*again));
    }

    // An answer out of range (a tree edited since) ends the replay there; junk changes nothing.
    void aKeptAnswerTheTreeNoLongerHasEndsTheReplay() {
        auto w = freshWindow();
        w->openTool(QStringLiteral("wizard"));
        auto* wizard = toolTab<fg::WizardView>(*w, "wizard");
        QVERIFY(wizard);
        wizard->restoreSettings({{"answers", {1, 99, 0}}});
        QCOMPARE(wizard->trail().size(), 1);
        wizard->restoreSettings({{"answers", "all of them"}});
        QCOMPARE(wizard->trail().size(), 1);
        wizard->restoreSettings({{"answers", nlohmann::json::array()}});
        QCOMPARE(wizard->trail().size(), 0);
    }

    // Kept a second after an answer, the window still open (as a killed app leaves it).
    void anAnswerIsKeptWithoutAQuit() {
        auto w = freshWindow();
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        w->openTool(QStringLiteral("wizard"));
        auto* wizard = toolTab<fg::WizardView>(*w, "wizard");
        QVERIFY(wizard);
        QTest::qWait(fg::MainWindow::kKeepDelayMs + 200); // what the opening kept
        wizard->answer(1);
        QTRY_VERIFY_WITH_TIMEOUT(
            [] {
                QFile file(fg::MainWindow::sessionPath());
                return file.open(QIODevice::ReadOnly) && file.readAll().contains("\"answers\":[1]");
            }(),
            fg::MainWindow::kKeepDelayMs + 1500);
    }
};

FG_TEST_MAIN(TestToolSession)
#include "test_tool_session.moc"
