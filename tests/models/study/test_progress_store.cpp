// The progress file as a student relies on it: what was saved comes back; a damaged, foreign or
// unreadable file is reported, kept aside byte for byte and never overwritten; no input makes
// loading crash; and killing the app (SIGKILL) in the middle of saving, many times over, never
// loses anything that was saved before.
#include "engines/core/rng.h"
#include "models/study/progress_store.h"
#include "tests/full_disk.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <unistd.h>

using fg::ProgressStore;
using fg::study::Grade;

namespace {

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString noteText(int n) {
    return QStringLiteral("Note %1: ").arg(n) + QString(400, QLatin1Char('x'));
}

// The child process of killDuringSaveLosesNothing: adds one note and one read section, saves,
// then reports "saved <n>" on stdout; forever, until it is killed.
int saveLoop(const QString& path) {
    ProgressStore store(path);
    if (!store.load()) {
        std::fprintf(stdout, "load failed: %s\n", qPrintable(store.error()));
        return 2;
    }
    int n = static_cast<int>(store.chapter(QStringLiteral("loop")).notes.size());
    for (;;) {
        ++n;
        const QString section = QStringLiteral("s%1").arg(n);
        store.setNote(QStringLiteral("loop"), section, noteText(n));
        store.setSectionRead(QStringLiteral("loop"), section);
        store.review().add(section.toStdString(), n);
        if (!store.save()) {
            std::fprintf(stdout, "save failed: %s\n", qPrintable(store.error()));
            return 3;
        }
        std::fprintf(stdout, "saved %d\n", n);
        std::fflush(stdout);
    }
}

// A progress file with something of every kind in it.
void fill(ProgressStore& s) {
    s.setSectionRead("relational", "core-identity");
    s.setSectionRead("relational", "ideal-use-cases");
    s.setQuizResult("common-mistakes", "mistake-kafka-as-database", Grade::Right);
    s.setQuizResult("interview-checklist", "design-with-all-four", Grade::Partly);
    s.setBookmark("kafka", "consumer-groups", true);
    s.setNote("redis", "caching-patterns",
              QStringLiteral("Cache-aside: read → miss → DB → set.\n"
                             "«Unicode» works too."));
    s.review().add("mistake-kafka-as-database", 100);
    s.review().answer("mistake-kafka-as-database", Grade::Right, 100);
    s.recordPractice("btree/insert", true, 100);
    s.recordPractice("btree/insert", false, 101);
    s.recordPractice("hashslot/slot-of-key", true, 101);
}

} // namespace

class TestProgressStore : public QObject {
    Q_OBJECT
private slots:
    void whatIsSavedComesBack() {
        QTemporaryDir dir;
        const QString path = dir.filePath("deep/er/progress.json"); // folders are made
        ProgressStore a(path);
        QVERIFY(a.load()); // no file yet: a fresh start, no error
        QVERIFY(a.error().isEmpty());
        fill(a);
        QVERIFY(a.isDirty());
        QVERIFY2(a.save(), qPrintable(a.error()));
        QVERIFY(!a.isDirty());

        ProgressStore b(path);
        QVERIFY2(b.load(), qPrintable(b.error()));
        QVERIFY(b.error().isEmpty());
        QVERIFY(b.isSectionRead("relational", "ideal-use-cases"));
        QVERIFY(!b.isSectionRead("relational", "cap-pacelc-classification"));
        QCOMPARE(b.chapter("relational").sectionsRead,
                 (QStringList{"core-identity", "ideal-use-cases"}));
        QCOMPARE(b.quizResult("common-mistakes", "mistake-kafka-as-database"), QString("right"));
        QCOMPARE(b.quizResult("interview-checklist", "design-with-all-four"), QString("partly"));
        QVERIFY(b.isBookmarked("kafka", "consumer-groups"));
        QCOMPARE(b.note("redis", "caching-patterns"), a.note("redis", "caching-patterns"));
        QCOMPARE(b.review().toJson().dump(), a.review().toJson().dump());
        QCOMPARE(b.review().state("mistake-kafka-as-database")->box, 2);
        QCOMPARE(b.practiceTally("btree/insert"), (fg::PracticeTally{2, 1}));
        QCOMPARE(b.practiceTally("hashslot/slot-of-key"), (fg::PracticeTally{1, 1}));
        QCOMPARE(b.practiceTallies().size(), 2);
        // The practice review schedules as the quiz's: the miss on day 101 is due again that
        // day, the type answered right waits a day in box 2.
        QCOMPARE(b.practiceReview().toJson().dump(), a.practiceReview().toJson().dump());
        QCOMPARE(b.practiceReview().state("btree/insert")->box, 1);
        QCOMPARE(b.practiceReview().due(101), std::vector<std::string>{"btree/insert"});
        QCOMPARE(b.practiceReview().state("hashslot/slot-of-key")->due, 102L);

        // Removing things sticks too.
        b.setBookmark("kafka", "consumer-groups", false);
        b.setNote("redis", "caching-patterns", QString());
        b.setSectionRead("relational", "core-identity", false);
        QVERIFY(b.save());
        ProgressStore c(path);
        QVERIFY(c.load());
        QVERIFY(!c.isBookmarked("kafka", "consumer-groups"));
        QVERIFY(c.note("redis", "caching-patterns").isEmpty());
        QCOMPARE(c.chapter("relational").sectionsRead, QStringList{"ideal-use-cases"});
        QVERIFY(!c.chapterIds().contains("kafka"));
    }

    void aDamagedFileIsReportedKeptAsideAndNotOverwritten_data() {
        QTest::addColumn<QByteArray>("bytes");
        QByteArray good;
        {
            QTemporaryDir dir;
            ProgressStore s(dir.filePath("p.json"));
            fill(s);
            s.save();
            good = readFile(dir.filePath("p.json"));
        }
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not json") << QByteArray("this is not json");
        QTest::newRow("cut in half") << good.left(good.size() / 2);
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe\x01{\"", 6);
        QTest::newRow("array") << QByteArray("[1, 2, 3]");
        QTest::newRow("other program's file") << QByteArray(R"({"format": "something-else"})");
        QTest::newRow("no version") << QByteArray(R"({"format": "fieldguide-progress"})");
        QTest::newRow("read is a number")
            << QByteArray(R"({"format":"fieldguide-progress","version":1,
                             "chapters":{"kafka":{"read":5}}})");
        QTest::newRow("bad quiz result")
            << QByteArray(R"({"format":"fieldguide-progress","version":1,
                             "chapters":{"kafka":{"quiz":{"c":"maybe"}}}})");
        QTest::newRow("bad review box")
            << QByteArray(R"({"format":"fieldguide-progress","version":1,"review":{"cards":
                             {"c":{"box":0,"due":1,"seen":0,"missed":0,"stamp":0}}}})");
        QTest::newRow("huge numbers")
            << QByteArray(R"({"format":"fieldguide-progress","version":1e400,"review":{"cards":
                             {"c":{"box":1e300,"due":-1e300,"seen":0,"missed":0,"stamp":0}}}})");
        QTest::newRow("practice right above seen")
            << QByteArray(R"({"format":"fieldguide-progress","version":1,
                             "practice":{"tallies":{"btree/insert":{"seen":1,"right":2}}}})");
        QTest::newRow("practice tally negative")
            << QByteArray(R"({"format":"fieldguide-progress","version":1,
                             "practice":{"tallies":{"btree/insert":{"seen":-1,"right":0}}}})");
        QTest::newRow("practice not an object")
            << QByteArray(R"({"format":"fieldguide-progress","version":1,"practice":[]})");
        QTest::newRow("deep nesting") << QByteArray(100000, '[') + QByteArray(100000, ']');
    }
    void aDamagedFileIsReportedKeptAsideAndNotOverwritten() {
        QFETCH(QByteArray, bytes);
        QTemporaryDir dir;
        const QString path = dir.filePath("progress.json");
        QVERIFY(writeFile(path, bytes));
        ProgressStore s(path);
        QVERIFY(!s.load());
        QVERIFY(!s.error().isEmpty());
        QVERIFY2(s.backupPath().startsWith(path + ".corrupt-"), qPrintable(s.backupPath()));
        QVERIFY(s.error().contains(QDir::toNativeSeparators(s.backupPath())));
        QCOMPARE(readFile(s.backupPath()), bytes); // kept byte for byte
        QVERIFY(!QFile::exists(path));
        // Saving now writes a fresh file; the damaged one stays where it was put.
        s.setSectionRead("kafka", "architecture");
        QVERIFY2(s.save(), qPrintable(s.error()));
        QCOMPARE(readFile(s.backupPath()), bytes);
        ProgressStore again(path);
        QVERIFY(again.load());
        QVERIFY(again.isSectionRead("kafka", "architecture"));
    }

    void whatCanBeReadFromADamagedFileIsKept() {
        QTemporaryDir dir;
        const QString path = dir.filePath("progress.json");
        QVERIFY(writeFile(path, R"({"format":"fieldguide-progress","version":1,"chapters":{
            "kafka":{"read":["architecture", 7],"bookmarks":["consumer-groups"]},
            "redis":"nonsense"}})"));
        ProgressStore s(path);
        QVERIFY(!s.load());
        QVERIFY(s.error().contains("more problem")); // two problems, both counted
        QVERIFY(s.isSectionRead("kafka", "architecture"));
        QVERIFY(s.isBookmarked("kafka", "consumer-groups"));
        QVERIFY(QFile::exists(s.backupPath()));
    }

    // Issue 14, item 12: the notice says exactly what was kept, in counts, and where the damaged
    // copy is; "what could be read is loaded" was said even when nothing could be read.
    void theDamageNoticeCountsWhatWasKept() {
        QTemporaryDir dir;
        const QString path = dir.filePath("progress.json");
        QVERIFY(writeFile(path, R"({"format":"fieldguide-progress","version":1,"chapters":{
            "kafka":{"read":["architecture", 7],"bookmarks":["consumer-groups"],
                     "quiz":{"c1":"right","c2":"wrong"}},
            "redis":"nonsense"}})"));
        ProgressStore s(path);
        QVERIFY(!s.load());
        QVERIFY2(s.error().contains("Kept from it: 1 section read, 2 quiz answers, 1 bookmark, "
                                    "0 notes and 0 review cards"),
                 qPrintable(s.error()));
        QVERIFY(s.error().contains(QDir::toNativeSeparators(s.backupPath())));
        QVERIFY(writeFile(path, "not json"));
        ProgressStore none(path);
        QVERIFY(!none.load());
        QVERIFY2(none.error().contains("Nothing could be read from it"), qPrintable(none.error()));
        QVERIFY(!none.error().contains("Kept from it"));
        QVERIFY(!none.error().contains("what could be read"));
    }

    // Issue 14, item 3: a save on a really full disk fails and keeps the last saved file whole.
    void aSaveOnAFullDiskFailsAndKeepsTheLastFile() {
        FullDisk disk(4096);
        if (!disk.available()) {
            QSKIP(disk.skipReason());
        }
        const QString path = disk.path("progress.json");
        ProgressStore s(path);
        QVERIFY(s.load());
        s.setSectionRead("kafka", "architecture");
        QVERIFY2(s.save(), qPrintable(s.error()));
        const QByteArray saved = readFile(path);
        for (int i = 0; i < 400; ++i) {
            s.setNote("kafka", QStringLiteral("s%1").arg(i), QString(40, QLatin1Char('n')));
        }
        QVERIFY(!s.save());
        QVERIFY2(s.error().contains("No space left on device"), qPrintable(s.error()));
        QVERIFY(s.isDirty()); // kept in memory, saved at the next chance
        QCOMPARE(readFile(path), saved);
        QCOMPARE(disk.files(), QStringList{"progress.json"});
    }

    void twoDamagedFilesInTheSameSecondGetTwoBackups() {
        QTemporaryDir dir;
        const QString path = dir.filePath("progress.json");
        QVERIFY(writeFile(path, "one"));
        ProgressStore a(path);
        QVERIFY(!a.load());
        QVERIFY(writeFile(path, "two"));
        ProgressStore b(path);
        QVERIFY(!b.load());
        QVERIFY(a.backupPath() != b.backupPath());
        QCOMPARE(readFile(a.backupPath()), QByteArray("one"));
        QCOMPARE(readFile(b.backupPath()), QByteArray("two"));
    }

    void anUnreadableFileIsMovedAsideToo() {
        QTemporaryDir dir;
        const QString path = dir.filePath("progress.json");
        QVERIFY(QDir().mkpath(path)); // a folder where the file should be
        ProgressStore s(path);
        QVERIFY(!s.load());
        QVERIFY(s.error().contains("not a file"));
        QVERIFY(QFileInfo(s.backupPath()).isDir());
        QVERIFY(s.save());
    }

    void aFileThatCannotBeMovedAsideIsNeverOverwritten() {
        QTemporaryDir dir;
        const QString sub = dir.filePath("locked");
        QVERIFY(QDir().mkpath(sub));
        const QString path = sub + "/progress.json";
        QVERIFY(writeFile(path, "garbage"));
        QFile::setPermissions(sub, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        if (QFile::rename(path, path + ".probe")) { // root ignores the permission
            QFile::rename(path + ".probe", path);
            QFile::setPermissions(sub, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                           QFileDevice::ExeOwner);
            QSKIP("this user can rename in a read-only folder (root)");
        }
        ProgressStore s(path);
        QVERIFY(!s.load());
        QVERIFY(!s.canSave());
        QVERIFY(s.error().contains("will not be saved"));
        s.setSectionRead("kafka", "architecture");
        QVERIFY(!s.save());
        QFile::setPermissions(sub, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                       QFileDevice::ExeOwner);
        QVERIFY(!s.save()); // still off: the file is not ours to replace
        QCOMPARE(readFile(path), QByteArray("garbage"));
    }

    void aNewerVersionsFileIsLeftAlone() {
        QTemporaryDir dir;
        const QString path = dir.filePath("progress.json");
        const QByteArray bytes = R"({"format":"fieldguide-progress","version":2,"chapters":{}})";
        QVERIFY(writeFile(path, bytes));
        ProgressStore s(path);
        QVERIFY(!s.load());
        QVERIFY(s.error().contains("newer version"));
        QVERIFY(s.backupPath().isEmpty());
        s.setSectionRead("kafka", "architecture");
        QVERIFY(!s.save());
        QCOMPARE(readFile(path), bytes);
    }

    void loadingNeverCrashesOnMangledFiles() {
        QTemporaryDir dir;
        const QString path = dir.filePath("progress.json");
        ProgressStore seed(path);
        fill(seed);
        QVERIFY(seed.save());
        const QByteArray good = readFile(path);
        fg::Rng rng(7);
        int damaged = 0;
        for (int i = 0; i < 1500; ++i) {
            QByteArray bytes = good;
            const int edits = static_cast<int>(rng.uniform(1, 4));
            for (int e = 0; e < edits; ++e) {
                const int at = static_cast<int>(rng.uniform(0, bytes.size() - 1));
                switch (rng.uniform(0, 2)) {
                case 0:
                    bytes[at] = static_cast<char>(rng.uniform(0, 255));
                    break;
                case 1:
                    bytes.truncate(at);
                    break;
                default:
                    bytes.insert(at, "\"x\":[{},");
                    break;
                }
                if (bytes.isEmpty()) {
                    break;
                }
            }
            QVERIFY(writeFile(path, bytes));
            ProgressStore s(path);
            const bool ok = s.load().isOk();
            QCOMPARE(ok, s.error().isEmpty());
            if (!ok) {
                ++damaged;
                QCOMPARE(readFile(s.backupPath()), bytes);
                QVERIFY(QFile::remove(s.backupPath()));
            }
        }
        QVERIFY(damaged > 1000);
    }

    void killDuringSaveLosesNothing() {
        QTemporaryDir dir;
        const QString path = dir.filePath("progress.json");
        fg::Rng rng(2024);
        int kills = 0;
        int lastSaved = 0;
        for (int run = 0; run < 40; ++run) {
            QProcess child;
            child.start(QCoreApplication::applicationFilePath(), {"--save-loop", path});
            QVERIFY(child.waitForStarted());
            QByteArray out;
            while (!out.contains("saved") && child.state() == QProcess::Running) {
                child.waitForReadyRead(2000);
                out += child.readAllStandardOutput();
            }
            QVERIFY2(out.contains("saved"), out.constData());
            QThread::usleep(static_cast<unsigned long>(rng.uniform(0, 30000)));
            QCOMPARE(child.state(), QProcess::Running);
            child.kill(); // SIGKILL
            QVERIFY(child.waitForFinished(5000));
            QCOMPARE(child.exitStatus(), QProcess::CrashExit);
            ++kills;
            out += child.readAllStandardOutput();
            static const QRegularExpression saved(QStringLiteral("saved (\\d+)"));
            auto it = saved.globalMatch(QString::fromLatin1(out));
            int last = 0;
            while (it.hasNext()) {
                last = it.next().captured(1).toInt();
            }
            QVERIFY(last > lastSaved);
            lastSaved = last;

            ProgressStore s(path);
            QVERIFY2(s.load(), qPrintable(s.error()));
            const fg::ChapterProgress p = s.chapter("loop");
            QVERIFY(p.notes.size() >= lastSaved); // the save under way when killed may be there
            for (int n = 1; n <= lastSaved; ++n) {
                const QString section = QStringLiteral("s%1").arg(n);
                QVERIFY2(p.notes.value(section) == noteText(n), qPrintable(section));
                QVERIFY(p.sectionsRead.contains(section));
                QVERIFY(s.review().contains(section.toStdString()));
            }
            lastSaved = static_cast<int>(p.notes.size());
        }
        QCOMPARE(kills, 40);
        qInfo("%d kills, %d saves survived", kills, lastSaved);
    }
};

int main(int argc, char** argv) {
    if (argc == 3 && qstrcmp(argv[1], "--save-loop") == 0) {
        return saveLoop(QString::fromLocal8Bit(argv[2]));
    }
    QCoreApplication app(argc, argv);
    TestProgressStore t;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&t, argc, argv);
}

#include "test_progress_store.moc"
