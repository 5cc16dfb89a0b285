// `fieldguide lab btree` and `fieldguide lab redis` as a user runs them (the real binary through
// QProcess, real servers): their output formats, the budget refused up front with exit 2, and a
// server that cannot start or be reached with exit 1 and why.
#include "engines/redis/key_slot.h"
#include "engines/redis/slot_ranges.h"
#include "tests/lab/lab_cli_run.h"
#include "tests/lab/lab_test_support.h"
#include "tests/suite_main.h"

#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <nlohmann/json.hpp>

namespace {

using Result = fg::lab::test::LabCliResult;

Result runLab(const QStringList& args, const QByteArray& input = {},
              const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment()) {
    return fg::lab::test::runLabCli(QStringLiteral(FIELDGUIDE_BIN), args, input, env);
}

} // namespace

class TestLabCli : public QObject {
    Q_OBJECT

private slots:
    void btreePrintsTheRealIndexTheModelAndTheComparison() {
        FG_REQUIRE_LAB(fg::lab::LabKind::kPostgres);
        const Result r = runLab({"btree", "--random", "3000", "--seed", "3"});
        QVERIFY2(r.exit == 0, r.err.constData());
        const auto j = nlohmann::json::parse(r.out.toStdString());
        QCOMPARE(j["source"]["keys"].get<int>(), 3000);
        QCOMPARE(j["source"]["from"].get<std::string>(), std::string("random"));
        const auto& real = j["real"];
        QVERIFY(real["leaf_pages"] == real["pgstatindex"]["leaf_pages"]);
        QCOMPARE(real["leaf_keys"].get<int>(), 3000);
        QCOMPARE(real["pages"].size(),
                 real["leaf_pages"].get<std::size_t>() + real["internal_pages"].get<std::size_t>());
        QCOMPARE(j["model"]["order"].get<int>(), 64);
        QCOMPARE(j["model"]["keys"].get<int>(), 3000);
        QVERIFY(j["model"]["state"].contains("root")); // the tree itself, under 10,000 keys
        QCOMPARE(j["comparison"].size(), std::size_t{8});
        QCOMPARE(j["model"]["variant"].get<std::string>(), std::string("bplus"));
        QCOMPARE(j["model"]["keys"].get<int>(), j["model"]["leaf_keys"].get<int>());
        for (const auto& row : j["comparison"]) {
            QCOMPARE(row["why"].get<std::string>().empty(), row["agree"].get<bool>());
        }
        QVERIFY(j["server"]["private"].get<bool>());
        QVERIFY(j["server"]["version"].get<std::string>().rfind("15.", 0) == 0);
    }

    void btreeTakesKeysFromAFileAndTheOrderAsked() {
        FG_REQUIRE_LAB(fg::lab::LabKind::kPostgres);
        const Result r =
            runLab({"btree", "--keys", "-", "--order", "4"}, "30\n10\n20\n 40 \n\n-5\n");
        QVERIFY2(r.exit == 0, r.err.constData());
        const auto j = nlohmann::json::parse(r.out.toStdString());
        QCOMPARE(j["model"]["order"].get<int>(), 4);
        QCOMPARE(j["model"]["order_why"].get<std::string>(), std::string("order 4, as asked"));
        QVERIFY(j["real"]["pages"][0]["keys"] == nlohmann::json({-5, 10, 20, 30, 40}));
        QCOMPARE(j["model"]["height"].get<int>(), 2); // 5 keys overflow an order-4 leaf
    }

    void btreeRefusesBadInputBeforeAnyServer_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("said");
        QTest::newRow("no keys") << QStringList{"btree"} << QByteArray() << "one of --keys";
        QTest::newRow("two sources") << QStringList{"btree", "--random", "5", "--sequential", "5"}
                                     << QByteArray() << "one of --keys";
        QTest::newRow("over budget")
            << QStringList{"btree", "--random", "1000001"} << QByteArray() << "from 1 to 1000000";
        QTest::newRow("order 65") << QStringList{"btree", "--random", "5", "--order", "65"}
                                  << QByteArray() << "3 to 64";
        QTest::newRow("not a number") << QStringList{"btree", "--keys", "-"}
                                      << QByteArray("1\n2\nthree\n") << "standard input:3";
        QTest::newRow("a million and one")
            << QStringList{"btree", "--keys", "-"}
            << QByteArray(1000001 * 2, '\n').replace("\n\n", "1\n") << "at most 1,000,000 keys";
        QTest::newRow("unknown lab") << QStringList{"mongo"} << QByteArray() << "unknown lab";
    }
    void btreeRefusesBadInputBeforeAnyServer() {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, input);
        QFETCH(QString, said);
        const Result r = runLab(args, input);
        QCOMPARE(r.exit, 2);
        QVERIFY2(r.err.contains(said.toUtf8()), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void btreeWithAnUnreachableServerExits1() {
        const Result r =
            runLab({"btree", "--random", "10", "--connect", "host=/nonexistent user=x"});
        QCOMPARE(r.exit, 1);
        QVERIFY2(r.err.contains("cannot connect"), r.err.constData());
    }

    void redisPrintsALinePerKeyAndTheAgreement() {
        FG_REQUIRE_LAB(fg::lab::LabKind::kRedisCluster);
        QByteArray input;
        std::vector<std::string> keys;
        for (int i = 0; i < 300; ++i) {
            keys.push_back(i % 3 ? "user:" + std::to_string(i) : "{cart}" + std::to_string(i));
            input += QByteArray::fromStdString(keys.back()) + '\n';
        }
        const Result r = runLab({"redis", "--masters", "4", "--replicas"}, input);
        QVERIFY2(r.exit == 0, r.err.constData());
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 301);
        const std::vector<int> owner = fg::redis::clusterCreateOwners(4);
        for (std::size_t i = 0; i < keys.size(); ++i) {
            const QList<QByteArray> f = lines[static_cast<qsizetype>(i)].split('\t');
            QCOMPARE(f.size(), 5);
            const int slot = fg::redis::keySlot(keys[i]);
            QCOMPARE(f[0].toStdString(), keys[i]);
            QCOMPARE(f[1].toInt(), slot);
            QCOMPARE(f[2].toInt(), slot);
            QCOMPARE(f[3].toInt(), owner[static_cast<std::size_t>(slot)]);
            QCOMPARE(f[4].toInt(), owner[static_cast<std::size_t>(slot)]);
        }
        QCOMPARE(lines.last(), QByteArray("agree: 300 of 300 slots, 300 of 300 owners"));
    }

    void redisRefusesBadInput_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("said");
        QTest::newRow("two masters")
            << QStringList{"redis", "--masters", "2"} << QByteArray("a\n") << "from 3 to 6";
        QTest::newRow("no masters")
            << QStringList{"redis"} << QByteArray("a\n") << "--masters is required";
        QTest::newRow("a key too long")
            << QStringList{"redis", "--masters", "3"} << QByteArray(70000, 'k') << "65536 bytes";
    }
    void redisRefusesBadInput() {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, input);
        QFETCH(QString, said);
        const Result r = runLab(args, input);
        QCOMPARE(r.exit, 2);
        QVERIFY2(r.err.contains(said.toUtf8()), r.err.constData());
    }

    void redisWithoutTheServerProgramExits1AndNamesThePackage() {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PATH"), QStringLiteral("/nonexistent"));
        const Result r = runLab({"redis", "--masters", "3"}, "a\n", env);
        QCOMPARE(r.exit, 1);
        QVERIFY2(r.err.contains("apt-get install redis-server"), r.err.constData());
    }

    void aTemporaryFolderThatCannotBeMadeExits1AndIsNamed() {
        FG_REQUIRE_LAB(fg::lab::LabKind::kRedisCluster);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TMPDIR"), QStringLiteral("/nonexistent/tmp"));
        const Result r = runLab({"redis", "--masters", "3"}, "a\n", env);
        QCOMPARE(r.exit, 1);
        QVERIFY2(r.err.contains("/nonexistent/tmp: a lab folder cannot be created there"),
                 r.err.constData());
    }

    void aFolderTooDeepForPostgresSocketExits1AndSaysWhatToDo() {
        FG_REQUIRE_LAB(fg::lab::LabKind::kPostgres);
        QTemporaryDir base;
        const QString deep = base.filePath(QString(90, QLatin1Char('d')));
        QVERIFY(QDir().mkpath(deep));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TMPDIR"), deep);
        const Result r = runLab({"btree", "--random", "10"}, {}, env);
        QCOMPARE(r.exit, 1);
        QVERIFY2(r.err.contains("too long for PostgreSQL's Unix socket") &&
                     r.err.contains("set TMPDIR to a shorter folder"),
                 r.err.constData());
        QCOMPARE(QDir(deep).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).size(), 0);
    }

    // lab lsm: RocksDB is linked into the helper, so it always runs where the helper runs.
    void lsmPrintsBothTreesAndTheComparison() {
        const Result r =
            runLab({"lsm", QStringLiteral(FG_SOURCE_DIR "/content/scenarios/lsm.json")});
        QCOMPARE(r.exit, 0);
        const auto j = nlohmann::json::parse(r.out.toStdString());
        QVERIFY(j["source"].get<std::string>().ends_with("lsm.json"));
        QCOMPARE(j["moments"].size(), 5u);
        QCOMPARE(j["real"]["writes"]["flushes"].get<int>(), 4);
        QVERIFY(j["summary"].get<std::string>().starts_with("agree: "));
        QVERIFY(!j["rocksdb"]["settings"].empty());
    }

    void lsmRefusesBadInputBeforeRunning_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("said");
        QTest::addRow("not json") << QByteArray("{oops") << QByteArray("JSON");
        QTest::addRow("another engine")
            << QByteArray(R"({"engine":"btree","ops":[]})") << QByteArray("the engine \"lsm\"");
        QByteArray many = R"({"engine":"lsm","params":{"memtable_entries":1},"ops":[)";
        for (int i = 0; i < 501; ++i) {
            many += (i ? "," : "") + QByteArray(R"({"op":"put","key":"k","value":"v"})");
        }
        QTest::addRow("too many flushes") << many + "]}" << QByteArray("500 flushes");
    }
    void lsmRefusesBadInputBeforeRunning() {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, said);
        const Result r = runLab({"lsm", "-"}, input);
        QCOMPARE(r.exit, 2);
        QVERIFY2(r.err.contains(said), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void helpPrintsTheUsage() {
        const Result r = runLab({"--help"});
        QCOMPARE(r.exit, 0);
        QVERIFY(r.out.startsWith("Usage: fieldguide lab btree"));
    }
};

FG_TEST_GUILESS_MAIN(TestLabCli)
#include "test_lab_cli.moc"
