// Replays every fuzz seed (fuzz/corpus) and every input that once crashed a fuzz target
// (fuzz/regressions) through the same entry points, in the normal build: a crash found by fuzzing
// stays fixed.
#include "fuzz_targets.h"

#include <QDir>
#include <QFile>
#include <QTest>

class TestFuzzRegressions : public QObject {
    Q_OBJECT
private slots:
    void everySeedAndRegressionRuns_data() {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("path");
        for (const char* target : {"scenario", "csv", "keys"}) {
            for (const char* kind : {"corpus", "regressions"}) {
                const QDir dir(QStringLiteral(FUZZ_DIR "/%1/%2").arg(kind, target));
                for (const QString& name : dir.entryList(QDir::Files)) {
                    QTest::newRow(qPrintable(QStringLiteral("%1/%2/%3").arg(kind, target, name)))
                        << QString(target) << dir.filePath(name);
                }
            }
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
                                           : fg::fuzz::keys(data, size);
        QCOMPARE(r, 0);
    }
    void seedsExistForEveryTarget() {
        for (const char* target : {"scenario", "csv", "keys"}) {
            QVERIFY(!QDir(QStringLiteral(FUZZ_DIR "/corpus/%1").arg(target))
                         .entryList(QDir::Files)
                         .isEmpty());
        }
    }
};

QTEST_APPLESS_MAIN(TestFuzzRegressions)
#include "test_fuzz_regressions.moc"
