// Content loading: a good course loads whole; in a broken one each problem is reported with its
// file, JSON path and what was expected, and every other chapter still opens.
#include "models/course/content_loader.h"
#include "tests/suite_main.h"

#include <QTest>
#include <nlohmann/json.hpp>

namespace {

// The live diagrams the test chapters may place (the app passes its diagram registry's).
const fg::DiagramLinks kDiagrams = {{"btree", "B-Tree"}, {"lsm", "LSM-tree"}};

const fg::ContentError* findError(const fg::Course& c, const QString& file, const QString& path) {
    for (const auto& e : c.errors) {
        if (e.file == file && e.path == path) {
            return &e;
        }
    }
    return nullptr;
}

QString allErrors(const fg::Course& c) {
    QStringList l;
    for (const auto& e : c.errors) {
        l << e.toString();
    }
    return l.join('\n');
}

} // namespace

class TestContent : public QObject {
    Q_OBJECT
private slots:
    void aGoodCourseLoadsWhole() {
        const fg::Course c =
            fg::loadCourse(kDiagrams, fg::kEnglishContent, QStringLiteral(TEST_DATA_DIR "/good"));
        QVERIFY2(c.errors.empty(), qPrintable(allErrors(c)));
        QCOMPARE(c.title, QStringLiteral("Test course"));
        QCOMPARE(int(c.chapters.size()), 2);
        const fg::Chapter* a = c.chapter("alpha");
        QVERIFY(a && a->loaded());
        QCOMPARE(a->number, QStringLiteral("1"));
        QCOMPARE(int(a->sections.size()), 2);
        QCOMPARE(a->diagramIds(), QStringList{"btree"});
        QVERIFY(a->section("details"));
    }

    void eachProblemNamesItsFileAndPath_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        QTest::newRow("syntax") << "chapters/syntax.json"
                                << "line 2, column 58"
                                << "invalid JSON";
        QTest::newRow("missing field") << "chapters/missing-field.json"
                                       << "/summary"
                                       << "missing";
        QTest::newRow("wrong type") << "chapters/wrong-type.json"
                                    << "/sections/0/blocks/0/text"
                                    << "expected a text";
        QTest::newRow("row length") << "chapters/row-mismatch.json"
                                    << "/sections/0/blocks/0/rows/4"
                                    << "expected 2 cells";
        QTest::newRow("unknown block") << "chapters/unknown-block.json"
                                       << "/sections/0/blocks/1/type"
                                       << "unknown block type";
        QTest::newRow("broken link") << "chapters/good.json"
                                     << "/sections/0/blocks/0/text"
                                     << "no such chapter";
        QTest::newRow("duplicate figure") << "chapters/dup-figure.json"
                                          << "/sections/0/blocks/0/id"
                                          << "already used";
        QTest::newRow("absent file") << "chapters/absent.json"
                                     << ""
                                     << "cannot be read";
    }
    void eachProblemNamesItsFileAndPath() {
        QFETCH(QString, file);
        QFETCH(QString, path);
        QFETCH(QString, expected);
        const fg::Course c =
            fg::loadCourse(kDiagrams, fg::kEnglishContent, QStringLiteral(TEST_DATA_DIR "/broken"));
        const fg::ContentError* e = findError(c, file, path);
        QVERIFY2(e, qPrintable(allErrors(c)));
        QVERIFY2(e->message.contains(expected), qPrintable(e->message));
    }

    void theOtherChaptersStillOpen() {
        const fg::Course c =
            fg::loadCourse(kDiagrams, fg::kEnglishContent, QStringLiteral(TEST_DATA_DIR "/broken"));
        QCOMPARE(int(c.chapters.size()), 8);
        QVERIFY(c.chapter("good")->loaded()); // a bad link is reported; the chapter still opens
        for (const char* broken :
             {"syntax", "missing-field", "wrong-type", "row-mismatch", "unknown-block", "absent"}) {
            QVERIFY2(!c.chapter(broken)->loaded(), broken);
            QVERIFY(c.chapter(broken)->sections.empty());
        }
    }

    // The live diagrams a chapter may place are the loader's argument: a diagram block naming
    // another id breaks its chapter, and the error lists the ids it could have named.
    void aDiagramNotInTheListIsReported() {
        const fg::Course c = fg::loadCourse({{"lsm", "LSM-tree"}, {"kafka", "Kafka"}},
                                            fg::kEnglishContent, TEST_DATA_DIR "/good");
        const fg::ContentError* e = findError(c, "chapters/alpha.json", "/sections/0/blocks/2/id");
        QVERIFY2(e, qPrintable(allErrors(c)));
        QCOMPARE(e->message,
                 QStringLiteral("unknown live diagram \"btree\": expected one of: lsm, kafka"));
        QVERIFY(!c.chapter("alpha")->loaded());
        QVERIFY(c.chapter("beta")->loaded());
    }

    // The app reads the course on a thread while Qt starts: the same course, problems and all.
    void theCourseReadInTheBackgroundIsTheSame_data() {
        QTest::addColumn<QString>("root");
        QTest::newRow("good") << QStringLiteral(TEST_DATA_DIR "/good");
        QTest::newRow("broken") << QStringLiteral(TEST_DATA_DIR "/broken");
        QTest::newRow("no index") << QStringLiteral(TEST_DATA_DIR "/nowhere");
    }
    void theCourseReadInTheBackgroundIsTheSame() {
        QFETCH(QString, root);
        const fg::Course direct = fg::loadCourse(kDiagrams, fg::kEnglishContent, root);
        const fg::Course background =
            fg::loadCourseInBackground(kDiagrams, fg::kEnglishContent, root).get();
        QCOMPARE(allErrors(background), allErrors(direct));
        QCOMPARE(background.title, direct.title);
        QCOMPARE(background.chapters.size(), direct.chapters.size());
        for (std::size_t i = 0; i < direct.chapters.size(); ++i) {
            const fg::Chapter& a = background.chapters[i];
            const fg::Chapter& b = direct.chapters[i];
            QCOMPARE(a.id, b.id);
            QCOMPARE(a.title, b.title);
            QCOMPARE(a.sections.size(), b.sections.size());
            for (std::size_t k = 0; k < b.sections.size(); ++k) {
                QCOMPARE(a.sections[k].id, b.sections[k].id);
                QVERIFY(a.sections[k].blocks == b.sections[k].blocks);
            }
        }
    }

    void aMissingIndexIsReported() {
        const fg::Course c = fg::loadCourse(kDiagrams, fg::kEnglishContent,
                                            QStringLiteral(TEST_DATA_DIR "/nowhere"));
        QVERIFY(c.chapters.empty());
        QVERIFY(findError(c, "index.json", ""));
    }
};

FG_TEST_GUILESS_MAIN(TestContent)
#include "test_content.moc"
