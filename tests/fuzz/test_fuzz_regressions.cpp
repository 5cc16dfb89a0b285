// Replays every fuzz seed (fuzz/corpus, and the shipped chapters for the content target) and every
// input that once crashed a fuzz target (fuzz/regressions) through the same entry points, in the
// normal build: a crash found by fuzzing stays fixed.
#include "fuzz/fuzz_content.h"
#include "fuzz/fuzz_targets.h"
#include "models/course/content_loader.h"
#include "models/course/content_validator.h"
#include "tests/suite_main.h"
#include "widgets/diagrams/diagram_registry.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <nlohmann/json.hpp>

namespace {

const char* const kTargets[] = {"scenario", "csv", "keys", "content"};

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestFuzzRegressions : public QObject {
    Q_OBJECT
private slots:
    void everySeedAndRegressionRuns_data() {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("path");
        for (const char* target : kTargets) {
            for (const char* kind : {"corpus", "regressions"}) {
                const QDir dir(QStringLiteral(FUZZ_DIR "/%1/%2").arg(kind, target));
                for (const QString& name : dir.entryList(QDir::Files)) {
                    QTest::newRow(qPrintable(QStringLiteral("%1/%2/%3").arg(kind, target, name)))
                        << QString(target) << dir.filePath(name);
                }
            }
        }
        // The content target's other seeds: the shipped chapters (tools/fuzz.sh).
        const QDir chapters(QStringLiteral(CHAPTERS_DIR));
        for (const QString& name : chapters.entryList({QStringLiteral("*.json")}, QDir::Files)) {
            QTest::newRow(qPrintable(QStringLiteral("content/chapters/%1").arg(name)))
                << QStringLiteral("content") << chapters.filePath(name);
        }
    }
    void everySeedAndRegressionRuns() {
        QFETCH(QString, target);
        QFETCH(QString, path);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.constData());
        const auto size = static_cast<std::size_t>(bytes.size());
        const int r = target == "scenario" ? fg::fuzz::scenario(data, size)
                      : target == "csv"    ? fg::fuzz::csv(data, size)
                      : target == "keys"   ? fg::fuzz::keys(data, size)
                                           : fg::fuzz::content(data, size);
        QCOMPARE(r, 0);
    }
    void seedsExistForEveryTarget() {
        for (const char* target : kTargets) {
            QVERIFY(!QDir(QStringLiteral(FUZZ_DIR "/corpus/%1").arg(target))
                         .entryList(QDir::Files)
                         .isEmpty());
        }
    }
    // The hand-written content seeds that stand for a good chapter must stay valid, or the fuzzer
    // starts from files that never get past the validator.
    void validContentSeedsValidate_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("every-kind") << QStringLiteral("every-kind.json");
        QTest::newRow("deep-nesting") << QStringLiteral("deep-nesting.json");
    }
    void validContentSeedsValidate() {
        QFETCH(QString, name);
        const QByteArray bytes = readAll(QStringLiteral(FUZZ_DIR "/corpus/content/") + name);
        nlohmann::json j;
        std::vector<fg::ContentError> errors;
        QVERIFY(fg::parseContentJson(bytes, name, j, errors));
        const fg::DiagramLinks links = fg::diagramLinks();
        fg::ContentValidator v(name, &links); // as loadCourse checks chapters
        fg::Chapter ch;
        v.chapter(j, QString::fromStdString(j.value("id", std::string())), ch);
        for (const auto& e : v.errors()) {
            qWarning("%s", qPrintable(e.toString()));
        }
        QVERIFY(v.errors().empty());
    }
    // Nesting deeper than the loader's cap is a load error with its place, not a stack overflow
    // (fuzz/regressions/content/stack-overflow-*); the cap is well above what chapters need.
    void nestingBeyondTheCapIsALoadError() {
        const auto nested = [](int depth) {
            return QByteArray("\n  ") + QByteArray(depth, '[') + QByteArray(depth, ']');
        };
        nlohmann::json j;
        std::vector<fg::ContentError> errors;
        QVERIFY(fg::parseContentJson(nested(64), QStringLiteral("a.json"), j, errors));
        QVERIFY(errors.empty());
        QVERIFY(!fg::parseContentJson(nested(65), QStringLiteral("a.json"), j, errors));
        QCOMPARE(errors.size(), std::size_t(1));
        QCOMPARE(errors[0].path, QStringLiteral("line 2, column 67"));
        QVERIFY(errors[0].message.contains(QLatin1String("64 levels")));
        // Brackets inside strings do not count.
        errors.clear();
        QVERIFY(fg::parseContentJson("[\"" + QByteArray(100, '[') + "\\\"\"]",
                                     QStringLiteral("a.json"), j, errors));
    }
    // A number too large for a double is a load error with its place, not an uncaught exception
    // (fuzz/regressions/content/uncaught-number-overflow.json).
    void hugeNumberIsALoadError() {
        nlohmann::json j;
        std::vector<fg::ContentError> errors;
        QVERIFY(
            !fg::parseContentJson("{\"value\":\n  1e400}", QStringLiteral("a.json"), j, errors));
        QCOMPARE(errors.size(), std::size_t(1));
        QCOMPARE(errors[0].path, QStringLiteral("line 2, column 3"));
        QVERIFY2(errors[0].message.startsWith(QLatin1String("invalid JSON: number overflow")),
                 qPrintable(errors[0].message));
    }
    // loadCourse reads every file through parseContentJson: the shipped course still loads.
    void shippedCourseLoads() {
        const fg::Course c =
            fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent, QStringLiteral(":/content"));
        for (const auto& e : c.errors) {
            qWarning("%s", qPrintable(e.toString()));
        }
        QVERIFY(c.errors.empty());
        QCOMPARE(c.chapters.size(),
                 std::size_t(QDir(QStringLiteral(CHAPTERS_DIR)).entryList({"*.json"}).size()));
    }
};

FG_TEST_MAIN(TestFuzzRegressions)
#include "test_fuzz_regressions.moc"
