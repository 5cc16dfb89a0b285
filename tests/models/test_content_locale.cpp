// The course in another language: a chapter translated into the learner's language
// (content/<locale>/chapters/<id>.json) replaces the English one, an untranslated one is read in
// English, and a broken translation is reported as a broken English file is, naming its file.
#include "models/course/content_loader.h"
#include "models/study/quiz_deck.h"
#include "tests/suite_main.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

const fg::DiagramLinks kTwoDiagrams = {{"btree", "B-Tree"}, {"lsm", "LSM-tree"}};
const QStringList kGerman = {QStringLiteral("de_DE"), QStringLiteral("de")};

// A chapter file with one section, titled `title`.
QByteArray chapterJson(const char* id, const char* title) {
    return QStringLiteral(R"({ "id": "%1", "title": "%2", "summary": "Kurz.",
  "sections": [ { "id": "eins", "title": "Eins", "blocks": [
    { "type": "paragraph", "text": "Ein Absatz." } ] } ] })")
        .arg(QLatin1String(id), QString::fromUtf8(title))
        .toUtf8();
}

// The English test course (tests/models/data/good) copied into a folder of its own.
class CourseFolder {
public:
    CourseFolder() {
        const QDir from(QStringLiteral(TEST_DATA_DIR "/good"));
        QDir(dir_.path()).mkpath(QStringLiteral("chapters"));
        QFile::copy(from.filePath(QStringLiteral("index.json")), path("index.json"));
        for (const char* id : {"alpha", "beta"}) {
            const QString name = QStringLiteral("chapters/%1.json").arg(QLatin1String(id));
            QFile::copy(from.filePath(name), path(name));
        }
    }
    QString root() const { return dir_.path(); }
    QString path(const QString& name) const { return dir_.filePath(name); }
    void write(const QString& name, const QByteArray& bytes) const {
        QDir(dir_.path()).mkpath(QFileInfo(name).path());
        QFile f(path(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }

private:
    QTemporaryDir dir_;
};

} // namespace

class TestContentLocale : public QObject {
    Q_OBJECT
private slots:
    void theLocaleFoldersGoFromTheMostSpecific_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("folders");
        QTest::newRow("country") << "de_DE" << QStringList{"de_DE", "de"};
        QTest::newRow("language") << "de" << QStringList{"de"};
        QTest::newRow("as LANG") << "pt_BR.UTF-8" << QStringList{"pt_BR", "pt"};
        QTest::newRow("C") << "C" << QStringList{};
        QTest::newRow("a path") << "../x" << QStringList{};
        QTest::newRow("empty") << "" << QStringList{};
    }
    void theLocaleFoldersGoFromTheMostSpecific() {
        QFETCH(QString, name);
        QFETCH(QStringList, folders);
        QCOMPARE(fg::localeFolders(name), folders);
    }

    // The language is the app's to decide (app_language.h): the loader reads the folders it is
    // given and nothing else, whatever the environment says.
    void theLoaderReadsOnlyTheLanguageItIsGiven() {
        const CourseFolder folder;
        folder.write(QStringLiteral("de/chapters/alpha.json"), chapterJson("alpha", "Alpha-Läden"));
        const QByteArray lang = qgetenv("LANG");
        qputenv("FIELDGUIDE_LANG", "de");
        qputenv("LANG", "de_DE.UTF-8");
        const fg::Course english = fg::loadCourse(kTwoDiagrams, fg::kEnglishContent, folder.root());
        const fg::Course german = fg::loadCourse(kTwoDiagrams, kGerman, folder.root());
        qunsetenv("FIELDGUIDE_LANG");
        qputenv("LANG", lang);
        QCOMPARE(english.chapter("alpha")->title, QStringLiteral("Alpha stores"));
        QCOMPARE(german.chapter("alpha")->title, QStringLiteral("Alpha-Läden"));
        // Each course says the language it was read in, for what is read with it (the quiz).
        QVERIFY(english.locales.isEmpty());
        QCOMPARE(german.locales, kGerman);
    }

    void aTranslatedChapterReplacesTheEnglishOne() {
        const CourseFolder folder;
        folder.write(QStringLiteral("de/chapters/alpha.json"), chapterJson("alpha", "Alpha-Läden"));
        const fg::Course c = fg::loadCourse(kTwoDiagrams, kGerman, folder.root());
        QVERIFY2(c.errors.empty(), qPrintable(fg::joined(c.errors, QStringLiteral("\n"))));
        QCOMPARE(c.chapter("alpha")->title, QStringLiteral("Alpha-Läden"));
        QCOMPARE(int(c.chapter("alpha")->sections.size()), 1);
        // In English (no locale, or one with no folder) the same course reads the English file.
        for (const QStringList& locales : {QStringList{}, QStringList{"fr"}}) {
            const fg::Course english = fg::loadCourse(kTwoDiagrams, locales, folder.root());
            QCOMPARE(english.chapter("alpha")->sections.size(), std::size_t(2));
        }
    }

    void theMostSpecificTranslationWins() {
        const CourseFolder folder;
        folder.write(QStringLiteral("de/chapters/alpha.json"), chapterJson("alpha", "Deutsch"));
        folder.write(QStringLiteral("de_AT/chapters/alpha.json"), chapterJson("alpha", "Österr."));
        const QStringList austrian = {QStringLiteral("de_AT"), QStringLiteral("de")};
        QCOMPARE(fg::loadCourse(kTwoDiagrams, austrian, folder.root()).chapter("alpha")->title,
                 QStringLiteral("Österr."));
        QCOMPARE(fg::loadCourse(kTwoDiagrams, kGerman, folder.root()).chapter("alpha")->title,
                 QStringLiteral("Deutsch"));
    }

    void anUntranslatedChapterIsReadInEnglish() {
        const CourseFolder folder;
        folder.write(QStringLiteral("de/chapters/alpha.json"), chapterJson("alpha", "Alpha"));
        const fg::Course c = fg::loadCourse(kTwoDiagrams, kGerman, folder.root());
        QCOMPARE(c.chapter("beta")->title, QStringLiteral("Beta stores"));
        QVERIFY(c.chapter("beta")->loaded());
    }

    void aTranslatedIndexGivesTheCourseTitle() {
        const CourseFolder folder;
        folder.write(QStringLiteral("de/index.json"),
                     R"({ "title": "Testkurs", "subtitle": "Zwei Kapitel",
                          "chapters": ["alpha", "beta"] })");
        const fg::Course c = fg::loadCourse(kTwoDiagrams, kGerman, folder.root());
        QVERIFY2(c.errors.empty(), qPrintable(fg::joined(c.errors, QStringLiteral("\n"))));
        QCOMPARE(c.title, QStringLiteral("Testkurs"));
        QCOMPARE(int(c.chapters.size()), 2);
    }

    // The same words as for a broken English file, with the translated file's name: the
    // translator knows which file to mend, and the other chapters still open.
    void aBrokenTranslationIsReportedAsABrokenEnglishFileIs() {
        const CourseFolder folder;
        const QByteArray broken = "{ \"id\": \"alpha\", \"title\": \"Kaputt\",\n  \"summary\" }";
        folder.write(QStringLiteral("chapters/alpha.json"), broken);
        const fg::Course english = fg::loadCourse(kTwoDiagrams, {}, folder.root());
        QCOMPARE(int(english.errors.size()), 1);

        const CourseFolder translated;
        translated.write(QStringLiteral("de/chapters/alpha.json"), broken);
        const fg::Course german = fg::loadCourse(kTwoDiagrams, kGerman, translated.root());
        QCOMPARE(int(german.errors.size()), 1);
        const fg::ContentError& e = german.errors.front();
        QCOMPARE(e.file, QStringLiteral("de/chapters/alpha.json"));
        QCOMPARE(e.path, english.errors.front().path);
        QCOMPARE(e.message, english.errors.front().message);
        QVERIFY(e.toString().contains(QStringLiteral("de/chapters/alpha.json")));
        QVERIFY(!german.chapter("alpha")->loaded());
        QVERIFY(german.chapter("beta")->loaded());
    }

    void aTranslatedQuizFileReplacesTheEnglishOne() {
        const QString root = QStringLiteral(":/content"); // the shipped course
        const fg::QuizDeck english = fg::loadQuizDeck(root, {});
        QVERIFY(!english.cards.empty());
        QTemporaryDir dir;
        QDir(dir.path()).mkpath(QStringLiteral("quizzes"));
        QDir(dir.path()).mkpath(QStringLiteral("de/quizzes"));
        const QString name = QStringLiteral("quizzes/common-mistakes.json");
        QVERIFY(QFile::copy(root + QLatin1Char('/') + name, dir.filePath(name)));
        QFile broken(dir.filePath(QStringLiteral("de/") + name));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{ \"cards\": [ }");
        broken.close();
        const fg::QuizDeck german = fg::loadQuizDeck(dir.path(), kGerman);
        QVERIFY(german.cards.empty());
        QCOMPARE(int(german.errors.size()), 1);
        QCOMPARE(german.errors.front().file, QStringLiteral("de/quizzes/common-mistakes.json"));
        QVERIFY(!fg::loadQuizDeck(dir.path(), {}).cards.empty());
    }
};

FG_TEST_GUILESS_MAIN(TestContentLocale)
#include "test_content_locale.moc"
