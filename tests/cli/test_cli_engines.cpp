// The headless engine subcommands of docs/cli.md, run as a user runs them: the real
// `fieldguide` binary through QProcess, with published vectors and the contract's exit codes.
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Result {
    int exit = -1;
    QByteArray out;
    QByteArray err;
};

Result runTool(const QStringList& args, const QByteArray& input = {}) {
    QProcess p;
    p.start(QStringLiteral(FIELDGUIDE_BIN), args);
    if (!p.waitForStarted(10000)) {
        return {};
    }
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

// Runs the tool with /dev/zero on standard input: bytes without end and without a newline.
Result runOnEndlessZeros(const QStringList& args) {
    QProcess p;
    p.setStandardInputFile(QStringLiteral("/dev/zero"));
    p.start(QStringLiteral(FIELDGUIDE_BIN), args);
    if (!p.waitForStarted(10000) || !p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

} // namespace

class TestCliEngines : public QObject {
    Q_OBJECT
private slots:
    void slotMatchesRedisForArgumentsAndStdin() {
        // Redis docs (CLUSTER KEYSLOT) and Redis's own tests.
        const Result a = runTool({"slot", "somekey", "foo{hash_tag}", "foo"});
        QCOMPARE(a.exit, 0);
        QCOMPARE(a.out, QByteArray("11058\n2515\n12182\n"));
        const Result b = runTool({"slot"}, "somekey\nfoo{hash_tag}\n");
        QCOMPARE(b.exit, 0);
        QCOMPARE(b.out, QByteArray("11058\n2515\n"));
    }

    void slotWithNodesNamesTheOwner() {
        const Result r = runTool({"slot", "--nodes", "3", "somekey", "foo{hash_tag}"});
        QCOMPARE(r.exit, 0);
        QCOMPARE(r.out, QByteArray("11058\t2\n2515\t0\n"));
    }

    void slotRejectsBadNodeCounts() {
        for (const char* n : {"0", "16385", "x", "-3"}) {
            const Result r = runTool({"slot", "--nodes", n, "k"});
            QCOMPARE(r.exit, 2);
            QVERIFY(!r.err.isEmpty());
            QVERIFY(r.out.isEmpty());
        }
    }

    void partitionMatchesTheJavaClient() {
        // toPositive(murmur2("kafka")) = 1348980580 (librdkafka's Java vectors).
        const Result r = runTool({"partition", "--partitions", "7", "kafka"});
        QCOMPARE(r.exit, 0);
        QCOMPARE(r.out, QByteArray::number(1348980580 % 7) + "\n");
        const Result s = runTool({"partition", "--partitions", "3"}, "key\ntest-key\n");
        QCOMPARE(s.exit, 0);
        QCOMPARE(s.out, QByteArray("1\n2\n"));
    }

    void partitionNeedsAPartitionCount() {
        QCOMPARE(runTool({"partition", "kafka"}).exit, 2);
        QCOMPARE(runTool({"partition", "--partitions", "0", "kafka"}).exit, 2);
    }

    void runPrintsStepsStateAndStats() {
        const QByteArray scenario = R"({ "engine": "btree", "params": { "order": 4 },
            "ops": [ { "op": "insert", "key": 10 }, { "op": "insert", "key": 20 },
                     { "op": "insert", "key": 30 }, { "op": "insert", "key": 40 } ] })";
        const Result r = runTool({"run", "-"}, scenario);
        QCOMPARE(r.exit, 0);
        QVERIFY(r.out.contains("\"steps\""));
        QVERIFY(r.out.contains("\"split\""));
        QVERIFY(r.out.contains("\"page_writes\""));
        for (const char* scenario :
             {R"({"engine":"lsm","ops":[{"op":"put","key":1,"value":"a"},{"op":"get","key":1}]})",
              R"({"engine":"hashslot","ops":[{"op":"route","key":"user:1000"}]})",
              R"({"engine":"kafka","ops":[{"op":"produce","topic":"orders","key":"k"}]})",
              R"({"engine":"downsample","ops":[{"op":"ingest","points":[[0,1],[1000,2]]}]})"}) {
            const Result e = runTool({"run", "-"}, scenario);
            QCOMPARE(e.exit, 0);
            const QJsonObject o = QJsonDocument::fromJson(e.out).object();
            QVERIFY(o.contains("steps") && o.contains("state") && o.contains("stats"));
        }
    }

    void bulkModeLeavesOutTheSteps() {
        const Result r =
            runTool({"run", "-"}, R"({"engine":"btree","params":{"order":64},"narrate":false,
            "ops":[{"op":"insert-random","count":20000,"seed":7}]})");
        QCOMPARE(r.exit, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QVERIFY(!o.contains("steps"));
        QVERIFY(!o.value("state").toObject().contains("root")); // over 10,000 keys
        QVERIFY(o.value("stats").toObject().value("keys").toInt() > 15000);
    }

    void runNamesTheBadPlaceInAScenario() {
        const Result syntax = runTool({"run", "-"}, "{ \"engine\": \"btree\",\n  \"ops\": [ }");
        QCOMPARE(syntax.exit, 2);
        QVERIFY2(syntax.err.contains("<stdin>:2:"), syntax.err.constData());
        const Result engine = runTool({"run", "-"}, R"({ "engine": "mongodb", "ops": [] })");
        QCOMPARE(engine.exit, 2);
        QVERIFY(engine.err.contains("/engine"));
        const Result key = runTool(
            {"run", "-"},
            R"({ "engine": "btree", "params": { "order": 4 }, "ops": [ { "op": "insert", "key": "x" } ] })");
        QCOMPARE(key.exit, 2);
        QVERIFY2(key.err.contains("/ops/0/key"), key.err.constData());
        QCOMPARE(runTool({"run", "/nonexistent/scenario.json"}).exit, 2);
    }

    void downsampleBucketsAlignToTheEpochAlsoBefore1970() {
        const QByteArray csv = "timestamp_ms,value\n-1,4\n59999,2\n0,1\n60000,10\n";
        const Result r =
            runTool({"downsample", "--step", "60", "--agg", "count,min,max,first", "-"}, csv);
        QCOMPARE(r.exit, 0);
        QCOMPARE(r.out, QByteArray("bucket_start_ms,count,min,max,first\n"
                                   "-60000,1,4,4,4\n0,2,1,2,1\n60000,1,10,10,10\n"));
    }

    void downsampleRejectsJunkNamingTheLine() {
        const Result r = runTool({"downsample", "--step", "60", "-"}, "1000,1\n2000,abc\n");
        QCOMPARE(r.exit, 2);
        QVERIFY2(r.err.contains("2"), r.err.constData());
    }

    void aNumberTooLargeForADoubleIsBadInputNotACrash() {
        // nlohmann reports it as out_of_range, not a syntax error; it once ended the program.
        const QByteArray scenario = "{\"engine\": \"btree\",\n \"ops\": [{\"op\": \"insert\", "
                                    "\"key\": 1e400}]}";
        const Result r = runTool({"run", "-"}, scenario);
        QCOMPARE(r.exit, 2);
        QVERIFY2(r.err.startsWith("fieldguide run: <stdin>:2:34: invalid JSON: number overflow "
                                  "parsing '1e400'"),
                 r.err.constData());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(scenario);
        f.close();
        const Result e = runTool({"export", path, "--out", dir.filePath(QStringLiteral("x.png"))});
        QCOMPARE(e.exit, 2);
        QVERIFY2(e.err.contains("invalid JSON: number overflow"), e.err.constData());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.png"))));
    }

    void endlessInputIsRefusedWithAClearMessage() {
        // /dev/zero never ends: every command that reads standard input stops on its own limit
        // (a key, a CSV line, a scenario) and says which, instead of reading until memory runs out.
        const struct {
            QStringList args;
            const char* says;
        } cases[] = {
            {{"slot"}, "line 1 is longer than 512 MB"},
            {{"partition", "--partitions", "4"}, "line 1 is longer than 512 MB"},
            {{"downsample", "--step", "60", "-"}, "<stdin>:1: a line longer than 64 KiB"},
            {{"compress", "-"}, "<stdin>:1: a line longer than 64 KiB"},
            {{"run", "-"}, "<stdin>: more than 64 MB"},
        };
        for (const auto& c : cases) {
            const Result r = runOnEndlessZeros(c.args);
            QVERIFY2(r.exit == 2,
                     qPrintable(c.args.join(' ') + " exit " + QString::number(r.exit)));
            QVERIFY2(r.err.contains(c.says), r.err.constData());
            QCOMPARE(r.err.count('\n'), 1);
        }
    }

    void compressCountsTheGorillaBits() {
        // The Gorilla paper's Figure 2 series: 167 bits (engine reference, section 5.5).
        const QByteArray csv = "1427162462000,12\n1427162522000,12\n1427162582000,24\n";
        const Result r = runTool({"compress", "-"}, csv);
        QCOMPARE(r.exit, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value("encoded_bits").toInt(), 167);
        QCOMPARE(o.value("points").toInt(), 3);
    }
};

QTEST_GUILESS_MAIN(TestCliEngines)
#include "test_cli_engines.moc"
