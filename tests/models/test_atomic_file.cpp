// AtomicFile, the one writer of every output: the target is the whole new file or stays as it
// was; a write that fails (a full disk, here injected after N bytes, or a real tiny tmpfs when
// run as root) is remembered and fails commit() with the path and the system's reason; a
// symbolic link at the target is refused unless the caller follows links on purpose.
#include "models/io/atomic_file.h"
#include "tests/full_disk.h"
#include "tests/suite_main.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

struct WriteLimit {
    explicit WriteLimit(qint64 bytes) { fg::AtomicFile::setWriteLimitForTesting(bytes); }
    ~WriteLimit() { fg::AtomicFile::setWriteLimitForTesting(-1); }
};

} // namespace

class TestAtomicFile : public QObject {
    Q_OBJECT
private slots:
    void writesTheWholeFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath("a.txt");
        writeFile(path, "old");
        fg::AtomicFile f(path);
        QVERIFY(f.open());
        QVERIFY(f.write("new "));
        QCOMPARE(f.device()->write("text"), qint64(4));
        QVERIFY(f.commit());
        QCOMPARE(readAll(path), QByteArray("new text"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"a.txt"});
    }

    void aFailedWriteFailsCommitAndKeepsTheOldFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath("a.txt");
        writeFile(path, "old");
        WriteLimit limit(10);
        fg::AtomicFile f(path);
        QVERIFY(f.open());
        QCOMPARE(f.device()->write(QByteArray(8, 'x')), qint64(8));
        QCOMPARE(f.device()->write(QByteArray(8, 'y')), qint64(-1)); // 2 bytes fit, not 8
        QVERIFY(!f.write("z"));                                      // and nothing after
        const fg::Status st = f.commit();
        QVERIFY(!st);
        QVERIFY(st.isFailure()); // the system failed, not the input: exit status 1
        const QString message = fg::AtomicFile::describe(st);
        QVERIFY2(message.startsWith("Could not write " + QDir::toNativeSeparators(path)),
                 qPrintable(message));
        QVERIFY2(message.contains("No space left on device"), qPrintable(message));
        QCOMPARE(readAll(path), QByteArray("old"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"a.txt"});
    }

    void cancelAndDestructionLeaveNothing() {
        QTemporaryDir dir;
        {
            fg::AtomicFile f(dir.filePath("a.txt"));
            QVERIFY(f.open());
            QVERIFY(f.write("half"));
        }
        fg::AtomicFile g(dir.filePath("b.txt"));
        QVERIFY(g.open());
        g.cancel();
        QVERIFY(!g.commit());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
    }

    void aLinkIsRefusedUnlessFollowedOnPurpose() {
        QTemporaryDir dir, elsewhere;
        const QString target = elsewhere.filePath("precious.txt");
        writeFile(target, "precious");
        const QString link = dir.filePath("out.png");
        QVERIFY(QFile::link(target, link));
        fg::AtomicFile f(link);
        const fg::Status st = f.open();
        QVERIFY(!st);
        QVERIFY2(fg::AtomicFile::describe(st).contains("symbolic link"),
                 qPrintable(fg::AtomicFile::describe(st)));
        QVERIFY(!f.commit());
        QCOMPARE(readAll(target), QByteArray("precious"));
        QVERIFY(QFileInfo(link).isSymLink());

        fg::AtomicFile followed(link, fg::AtomicFile::Links::Follow);
        QVERIFY(followed.open());
        QVERIFY(followed.write("mine"));
        QVERIFY(followed.commit());
        QCOMPARE(readAll(target), QByteArray("mine"));
        QVERIFY(QFileInfo(link).isSymLink());
    }

    void aFolderOrAMissingFolderIsAClearFailure() {
        QTemporaryDir dir;
        fg::AtomicFile f(dir.path());
        QVERIFY(!f.open());
        fg::AtomicFile g(dir.filePath("no/such/a.txt"));
        const fg::Status st = g.open();
        QVERIFY(!st);
        QVERIFY(fg::AtomicFile::describe(st).contains("no/such/a.txt"));
    }

    // A really full disk: a short write, then the refusal, both in one write; and bytes that only
    // reach the disk with the last flush.
    void aReallyFullDiskFailsCommit() {
        FullDisk disk(4096);
        if (!disk.available()) {
            QSKIP(disk.skipReason());
        }
        fg::AtomicFile big(disk.path("big"));
        QVERIFY(big.open());
        QVERIFY(!big.write(QByteArray(100'000, 'x')));
        QVERIFY(!big.commit());
        QCOMPARE(disk.files(), QStringList());

        fg::AtomicFile small(disk.path("small"));
        QVERIFY(small.open());
        QVERIFY(small.write(QByteArray(3000, 'x')));
        QVERIFY(small.write(QByteArray(3000, 'y'))); // still in the buffer: it fits there
        const fg::Status st = small.commit();
        QVERIFY(!st);
        QVERIFY2(fg::AtomicFile::describe(st).contains("No space left on device"),
                 qPrintable(fg::AtomicFile::describe(st)));
        QCOMPARE(disk.files(), QStringList());
    }
};

FG_TEST_GUILESS_MAIN(TestAtomicFile)
#include "test_atomic_file.moc"
