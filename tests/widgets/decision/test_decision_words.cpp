// What the decision tools say, in words a student can check: the wizard's result names the
// store's CAP class and its PACELC class (it read "CAP / PACELC: CP", the CAP class alone, a
// tester), each as the course gives it, and a wizard file that leaves one out or makes them
// disagree is refused; the matrix's way out when no store meets every need says what polyglot
// persistence is.
#include "models/course/content_loader.h"
#include "tests/suite_main.h"
#include "widgets/decision/decision_views.h"
#include "widgets/diagrams/diagram_registry.h"

#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <map>

namespace decision_words {

const char* kWizard = ":/content/tools/wizard.json";
const char* kMatrix = ":/content/tools/matrix.json";

// The result on screen as a reader sees it, without the markup.
QString plainResult(const fg::WizardView& view) {
    QTextDocument doc;
    doc.setHtml(view.resultHtml());
    return doc.toPlainText();
}

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

    void theResultNamesBothClasses() {
        std::vector<fg::ContentError> errors;
        const auto tree = fg::DecisionTree::load(decision_words::kWizard, course_, errors);
        QVERIFY2(errors.empty(), qPrintable(fg::joined(errors, "\n")));
        fg::WizardView view(tree);
        std::map<QString, QString> shown; // result id: its text
        for (const auto& p : tree.paths()) {
            view.restart();
            for (int a : p.answers) {
                view.answer(a);
            }
            QVERIFY(view.atResult());
            const fg::WizardResult& r = *tree.result(p.result);
            const QString text = decision_words::plainResult(view);
            QVERIFY2(text.contains(QStringLiteral("CAP: ") + r.cap) &&
                         text.contains(QStringLiteral("PACELC: ") + r.pacelc) &&
                         !text.contains(QStringLiteral("CAP / PACELC")),
                     qPrintable(text));
            // And what the letters mean, for a student who has not read the chapters.
            QVERIFY2(text.contains(QStringLiteral("when nothing has failed")), qPrintable(text));
            shown[p.result] = text;
        }
        // The classes the course gives (the chapters' CAP/PACELC tables), and for stores the
        // course classifies only under CAP, the PACELC class that goes with it.
        const std::pair<const char*, const char*> expected[] = {
            {"relational", "CAP: CP with synchronous replication; AP with asynchronous"},
            {"relational", "PACELC: PC/EC with synchronous replication"},
            {"cassandra", "CAP: AP"},
            {"cassandra", "PACELC: PA/EL"},
            {"redis", "PACELC: PA/EL"},
            {"timeseries", "PACELC: PA/EL"},
            {"newsql", "CAP: CP"},
            {"newsql", "PACELC: PC/EC"},
            {"document", "PACELC: PC/EC"},
            {"graph", "PACELC: PC/EC"},
            {"kafka", "PACELC: PC/EC with acks=all"},
            {"dynamodb", "PACELC: PA/EL"},
            {"search", "PACELC: PA/EL"},
        };
        for (const auto& [id, words] : expected) {
            QVERIFY2(shown.count(id), id);
            QVERIFY2(shown[id].contains(QString::fromUtf8(words)),
                     qPrintable(QStringLiteral("%1: %2").arg(id, shown[id])));
        }
    }

    // A result with the CAP class alone, or with classes that disagree on what is kept during a
    // partition, is refused with what is wrong.
    void aResultWithoutBothClassesIsRefused() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.json"));
        const auto load = [&](const QByteArray& classes) {
            QFile f(path);
            if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
                return QStringLiteral("cannot write %1").arg(path);
            }
            f.write(R"({"start": "a", "questions": {"a": {"text": "Q?", "answers": [
                {"label": "x", "next": "r"}, {"label": "y", "next": "r"}]}},
                "results": {"r": {"title": "T", "stores": ["S"], "why": "w", "tradeoffs": "t", )" +
                    classes + "}}}");
            f.close();
            std::vector<fg::ContentError> errors;
            fg::DecisionTree::load(path, course_, errors);
            return fg::joined(errors, "\n");
        };
        const QString capAlone = load(R"j("cap": "CP")j");
        QVERIFY2(capAlone.contains(QStringLiteral("cap and pacelc")), qPrintable(capAlone));
        const QString noClass = load(R"j("cap": "CP / PACELC", "pacelc": "?")j");
        QVERIFY2(noClass.contains(QStringLiteral("PC/EC")), qPrintable(noClass));
        const QString disagree = load(R"j("cap": "CP (x)", "pacelc": "PA/EL")j");
        QVERIFY2(disagree.contains(QStringLiteral("\"r\"")), qPrintable(disagree));
        const QString disagreeToo = load(R"j("cap": "AP", "pacelc": "PC/EL")j");
        QVERIFY2(disagreeToo.contains(QStringLiteral("\"r\"")), qPrintable(disagreeToo));
        const QString good = load(R"j("cap": "CP (x)", "pacelc": "PC/EL (y)")j");
        QVERIFY2(good.isEmpty(), qPrintable(good));
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
