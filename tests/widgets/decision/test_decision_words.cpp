// What the decision tools say, in words a student can check: the matrix's way out when no store
// meets every need says what polyglot persistence is (a tester found the term defined nowhere).
#include "models/course/content_loader.h"
#include "tests/suite_main.h"
#include "widgets/decision/decision_views.h"
#include "widgets/diagrams/diagram_registry.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>

namespace decision_words {

const char* kMatrix = ":/content/tools/matrix.json";

} // namespace decision_words

class TestDecisionWords : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("fieldguide-test"));
        QCoreApplication::setApplicationName(QStringLiteral("fieldguide-test-decision-words"));
        QSettings().clear();
        course_ = fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent);
    }

    // No store meets every need ticked: the verdict's way out says what it is.
    void theMatrixWayOutIsSaidInPlainWords() {
        std::vector<fg::ContentError> errors;
        const auto m = fg::DecisionMatrix::load(decision_words::kMatrix, course_, errors);
        QVERIFY2(errors.empty(), qPrintable(fg::joined(errors, "\n")));
        fg::MatrixView view(m);
        for (int r = 0; r < view.table()->rowCount(); ++r) {
            view.setTicked(r, true);
        }
        QVERIFY2(view.verdict().startsWith(QStringLiteral("Fits every need: none")),
                 qPrintable(view.verdict()));
        QVERIFY2(view.verdict().contains(QStringLiteral(
                     "(polyglot persistence: one application using several databases, each for "
                     "the job it does best)")),
                 qPrintable(view.verdict()));
    }

private:
    fg::Course course_;
};

FG_TEST_MAIN(TestDecisionWords)
#include "test_decision_words.moc"
