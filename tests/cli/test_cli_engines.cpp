// The headless engine subcommands of docs/cli.md, run as a user runs them: the real
// `fieldguide` binary through QProcess, with published vectors and the contract's exit codes.
#include "tests/suite_main.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <map>
#include <nlohmann/json.hpp>

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

// Runs the tool with standard input and output taken from files (empty: not redirected).
Result runWithFiles(const QStringList& args, const QString& in, const QString& out) {
    QProcess p;
    if (!in.isEmpty()) {
        p.setStandardInputFile(in);
    }
    if (!out.isEmpty()) {
        p.setStandardOutputFile(out);
    }
    p.start(QStringLiteral(FIELDGUIDE_BIN), args);
    if (!p.waitForStarted(10000) || !p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

// Runs the tool with /dev/zero on standard input: bytes without end and without a newline.
Result runOnEndlessZeros(const QStringList& args) {
    return runWithFiles(args, QStringLiteral("/dev/zero"), {});
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

    // A key is its bytes: "foo\r" (a line of a file saved on Windows) is hashed with its
    // carriage return, as Redis would, and standard error says so, once, naming the first line
    // (tester 43: every key of such a file had a wrong slot, without a word). partition alike.
    void aCarriageReturnIsHashedAndSaid() {
        const Result r = runTool({"slot"}, "foo\r\nbar\nbaz\r\n");
        QCOMPARE(r.exit, 0);
        QCOMPARE(r.out, QByteArray("936\n5061\n11998\n")); // CRC16 (XMODEM) of the bytes, mod 16384
        QVERIFY2(r.err.contains("2 lines (the first: line 1) end in a carriage return"),
                 r.err.constData());
        const Result clean = runTool({"slot"}, "foo\nbar\n");
        QCOMPARE(clean.out, QByteArray("12182\n5061\n"));
        QVERIFY2(clean.err.isEmpty(), clean.err.constData());
        const Result p = runTool({"partition", "--partitions", "3"}, "user-1\r\n");
        QCOMPARE(p.exit, 0);
        QVERIFY2(p.err.contains("line 1 ends in a carriage return"), p.err.constData());
        // A key given as an argument alike (read from such a file into a shell variable).
        const Result a = runTool({"slot", "bar", "foo\r"});
        QCOMPARE(a.out, QByteArray("5061\n936\n"));
        QVERIFY2(a.err.contains("argument 2 ends in a carriage return"), a.err.constData());
        const Result b = runTool({"partition", "--partitions", "3", "a\r", "b\r"});
        QVERIFY2(b.err.contains("2 arguments (the first: argument 1) end in a carriage return"),
                 b.err.constData());
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
        // A fresh tester: a consumer named "" joined (exit 0, " joins: ..."), a member no one
        // can name; a group or a consumer of spaces alike.
        for (const char* op : {R"({ "op": "join", "group": "g", "consumer": "" })",
                               R"({ "op": "join", "group": " ", "consumer": "C0" })",
                               R"({ "op": "leave", "group": "g", "consumer": "  " })"}) {
            const Result empty =
                runTool({"run", "-"},
                        QByteArray(R"({ "engine": "kafka", "ops": [ )") + op + QByteArray(" ] }"));
            QCOMPARE(empty.exit, 2);
            QVERIFY2(empty.err.contains("/ops/0/") && empty.err.contains("empty"),
                     empty.err.constData());
        }
    }

    // A fresh tester: a 500,000-op file took 45 s to read (the check for a key given twice went
    // through nlohmann's callback parser, quadratic in the size of an array). The check still
    // names the key given twice, deep in a large file; the same file without it runs
    // (bench_engines times the reading).
    void aLargeFileIsReadAndAKeyGivenTwiceIsNamedInIt() {
        constexpr int kOps = 300'000, kTwice = 250'000;
        QByteArray ops;
        for (int i = 0; i < kOps; ++i) {
            ops += i == 0 ? "" : ",";
            ops += "{\"op\":\"insert\",\"key\":" + QByteArray::number(i) + "}";
        }
        const QByteArray head =
            R"({ "engine": "btree", "narrate": false, "params": { "order": 64 }, "ops": [)";
        const Result whole = runTool({"run", "-"}, head + ops + "] }");
        QCOMPARE(whole.exit, 0);
        QCOMPARE(QJsonDocument::fromJson(whole.out)["stats"]["keys"].toInt(), kOps);
        QByteArray twice = ops;
        const QByteArray op = "{\"op\":\"insert\",\"key\":" + QByteArray::number(kTwice) + "}";
        twice.replace(op, "{\"op\":\"insert\",\"key\":1,\"key\":2}");
        const Result r = runTool({"run", "-"}, head + twice + "] }");
        QCOMPARE(r.exit, 2);
        QVERIFY2(r.err.contains("<stdin>: /ops/250000/key: this key is given twice"),
                 r.err.constData());
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

    // A tester opened a picture as a scenario and read "1:1: invalid JSON: invalid literal;
    // last read: '\x89'"; an empty file said "unexpected end of input". What the file is says it.
    void aFileThatIsNotJsonTextSaysWhatItIs() {
        const struct {
            QByteArray input;
            const char* says;
        } cases[] = {
            {"", "<stdin>: it is empty: JSON text was expected"},
            {" \n\t", "<stdin>: it is empty"},
            {QByteArray("\x89PNG\r\n\x1a\n\0\0", 10), "not a text file (byte 1 is 0x89)"},
            {QByteArray("\x7f"
                        "ELF\x02",
                        5),
             "not a text file (byte 1 is 0x7F)"},
            {QByteArray("{\"engine\": \0}", 13), "not a text file (byte 12 is 0x00)"},
            {QByteArray("\xff\xfe{\0}\0", 6), "UTF-16 text: save it as UTF-8"},
        };
        for (const auto& c : cases) {
            const Result r = runTool({"run", "-"}, c.input);
            QCOMPARE(r.exit, 2);
            QVERIFY2(r.err.contains(c.says), r.err.constData());
            QVERIFY2(!r.err.contains("invalid JSON"), r.err.constData());
        }
        // A text with a mistake in it is still placed at its line and column.
        const Result r = runTool({"run", "-"}, "{\n \"engine\": btree }");
        QVERIFY2(r.err.contains("<stdin>:2:12: invalid JSON"), r.err.constData());
    }

    // A tester's Kafka scenario asked for "partitions": 1000000 and ran on 3 partitions without
    // a word (Kafka's are "topics"); "masters" for the Redis cluster likewise. A key the
    // engine's params (or the scenario itself) do not have is refused, naming the keys there are.
    void anUnknownParamIsRefusedByName() {
        const struct {
            const char* scenario;
            const char* says;
        } cases[] = {
            {R"({"engine":"kafka","params":{"partitions":1000000},"ops":[]})",
             "/params/partitions: unknown key: /params takes topics, brokers"},
            {R"({"engine":"hashslot","params":{"masters":16384},"ops":[]})",
             "/params/masters: unknown key: /params takes nodes, replicas"},
            {R"({"engine":"btree","params":{"order":4,"oder":5},"ops":[]})",
             "/params/oder: unknown key"},
            {R"({"engine":"lsm","params":{"memtable":9},"ops":[]})", "/params/memtable: unknown"},
            {R"({"engine":"downsample","params":{"tier":[]},"ops":[]})", "/params/tier: unknown"},
            // The scenario's own keys too: "parms" was read as no params at all.
            {R"({"engine":"btree","parms":{"order":3},"params":{"order":4},"ops":[]})",
             "/parms: unknown key: / takes engine, title, params, ops, narrate"},
            {R"({"engine":"kafka","op":[]})", "/op: unknown key"},
        };
        for (const auto& c : cases) {
            const Result r = runTool({"run", "-"}, c.scenario);
            QCOMPARE(r.exit, 2);
            QVERIFY2(r.err.contains(c.says), r.err.constData());
        }
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

    // `run --help` said "a JSON file: an engine, its parameters and operations" and no more: it
    // shows a scenario and names every engine's operations.
    void runHelpDescribesTheScenarioFormat() {
        const Result r = runTool({"run", "--help"});
        QCOMPARE(r.exit, 0);
        for (const char* says :
             {"\"engine\": \"btree\"", "\"ops\"", "btree ", "lsm ", "hashslot ", "kafka ",
              "downsample ", "insert-random", "put-random", "fail-node", "fail-broker", "advance",
              "\"narrate\": false", "cli.md"}) {
            QVERIFY2(r.out.contains(says), says);
        }
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

    void aReadErrorIsAFailureNotTheEndOfTheInput() {
        // A directory opens for reading but every read fails (EISDIR): that is not an empty
        // input. Exit 1 (the system failed), one line naming the reason, nothing printed.
        QTemporaryDir dir;
        const QString d = dir.path();
        const struct {
            QStringList args;
            bool stdinIsTheDirectory;
        } cases[] = {
            {{"slot"}, true},
            {{"partition", "--partitions", "4"}, true},
            {{"downsample", "--step", "60", "-"}, true},
            {{"compress", "-"}, true},
            {{"run", "-"}, true},
            {{"downsample", "--step", "60", d}, false},
            {{"compress", d}, false},
            {{"run", d}, false},
        };
        for (const auto& c : cases) {
            const Result r = runWithFiles(c.args, c.stdinIsTheDirectory ? d : QString(), {});
            const QString what = c.args.join(' ') + ": exit " + QString::number(r.exit) + ", " +
                                 QString::fromUtf8(r.err);
            QVERIFY2(r.exit == 1, qPrintable(what));
            QVERIFY2(r.err.contains("could not be read: Is a directory"), qPrintable(what));
            QCOMPARE(r.err.count('\n'), 1);
            QVERIFY(r.out.isEmpty());
        }
    }

    void aFullOutputIsAFailureWithAMessage() {
        // /dev/full takes nothing (ENOSPC): every command says so and exits 1, none reports
        // success over output that was lost.
        if (const QFileInfo full(QStringLiteral("/dev/full")); !full.exists() || full.isFile()) {
            // Not the device (a container without it): redirecting there would make a file.
            QSKIP("no /dev/full device here");
        }
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("s.csv"));
        const QString scenario = dir.filePath(QStringLiteral("s.json"));
        QFile c(csv), s(scenario);
        QVERIFY(c.open(QIODevice::WriteOnly) && s.open(QIODevice::WriteOnly));
        c.write("1000,1\n2000,2\n");
        s.write(
            R"({"engine": "btree", "params": {"order": 3}, "ops": [{"op": "insert", "key": 1}]})");
        c.close();
        s.close();
        const QStringList cases[] = {
            {"slot", "a", "b"}, {"partition", "--partitions", "3", "k"},
            {"run", scenario},  {"downsample", "--step", "60", csv},
            {"compress", csv},  {"list"},
            {"--help"},         {"--version"},
        };
        for (const QStringList& args : cases) {
            const Result r = runWithFiles(args, {}, QStringLiteral("/dev/full"));
            const QString what = args.join(' ') + ": exit " + QString::number(r.exit) + ", " +
                                 QString::fromUtf8(r.err);
            QVERIFY2(r.exit == 1, qPrintable(what));
            QVERIFY2(r.err.contains("could not write the output: No space left on device"),
                     qPrintable(what));
        }
    }

    void inputQuotedInAMessageCannotDriveTheTerminal() {
        // An engine name, an option, a key: whatever of the input a message quotes reaches the
        // terminal with its control bytes (ESC, BEL, NUL) and invalid UTF-8 escaped.
        const QByteArray hostile = "\x1b]0;owned\x07\x1b[2J\xff";
        const Result a = runTool({"run", "-"}, "{\"engine\": \"\\u001b]0;owned\\u0007\\u0000\"}");
        QCOMPARE(a.exit, 2);
        const Result b = runTool({"slot", QString::fromLatin1("--") + QString::fromUtf8(hostile)});
        QCOMPARE(b.exit, 2);
        const Result c = runTool({QString::fromUtf8("--\x1b[31mred")});
        QCOMPARE(c.exit, 2);
        for (const Result* r : {&a, &b, &c}) {
            QVERIFY2(r->err.contains("\\x1b"), r->err.constData());
            for (const char bad : {'\x1b', '\x07', '\0'}) {
                QVERIFY2(!r->err.contains(bad), r->err.toPercentEncoding().constData());
            }
        }
        QVERIFY(!b.err.contains('\xff'));
        // Text that is plain UTF-8 is left as it is.
        const Result d = runTool({"run", "-"}, "{\"engine\": \"b\u00e4um\"}");
        QVERIFY2(d.err.contains("b\xc3\xa4um"), d.err.constData());
    }

    void everyEngineRefusesAScenarioOverItsBudgetBeforeRunning() {
        // A few hundred bytes asking for millions of narrated steps (each kept in the result) ran
        // for minutes and took gigabytes: now the whole scenario's work is counted as it is read
        // and refused at once, with the limit and how far over it is.
        const struct {
            const char* scenario;
            const char* says;
        } cases[] = {
            {R"({"engine": "kafka", "params": {"topics": {"t": 3}},
                 "ops": [{"op": "produce", "topic": "t", "count": 10000000}]})",
             "/ops/0: the scenario asks for at least 10,000,000 keys, records or ops in all, 1000 "
             "times the most a narrated scenario may ask for (10,000)"},
            {R"({"engine": "btree", "params": {"order": 4},
                 "ops": [{"op": "insert-random", "count": 10000, "seed": 1},
                         {"op": "insert-random", "count": 10000, "seed": 2}]})",
             "/ops/1: the scenario asks for 20,000 keys, records or ops in all, 2 times the most a "
             "narrated scenario may ask for (10,000): set \"narrate\": false"},
            {R"({"engine": "btree", "narrate": false, "params": {"order": 64},
                 "ops": [{"op": "insert-random", "count": 10000000, "seed": 1},
                         {"op": "insert-random", "count": 10000000, "seed": 2}]})",
             "/ops/1: the scenario asks for 20,000,000 keys, records or ops in all, 2 times the "
             "most a scenario may ask for (10,000,000)"},
            {R"({"engine": "lsm", "ops": [{"op": "put-random", "count": 6000},
                                          {"op": "put-random", "count": 6000}]})",
             "/ops/1: the scenario asks for 12,000 keys"},
            // An LSM run's time grows faster than its flushes and writes (100,000 puts into
            // 4-entry memtables ran 129 s): both are limited, whatever "narrate" says.
            {R"({"engine": "lsm", "narrate": false,
                 "ops": [{"op": "put-random", "count": 10004}]})",
             "/ops/0: the scenario writes 10,004 keys into a memtable of 4 entries, about 2,501 "
             "flushes, over the 2,500 an LSM run may make"},
            {R"({"engine": "lsm", "narrate": false, "params": {"memtable_entries": 100000},
                 "ops": [{"op": "put-random", "count": 400000},
                         {"op": "put", "key": "a"}, {"op": "put-random", "count": 100000}]})",
             "/ops/2: the scenario writes 500,001 keys; an LSM run may write at most 500,000"},
        };
        for (const auto& c : cases) {
            const Result r = runTool({"run", "-"}, c.scenario);
            QVERIFY2(r.exit == 2, r.err.constData());
            QVERIFY2(r.err.contains(c.says), r.err.constData());
            QVERIFY(r.out.isEmpty());
        }
        // Ops of any engine count one each: 10,001 narrated ops are one too many.
        const auto many = [](const char* engine, const char* params, const char* op) {
            QByteArray ops;
            for (int i = 0; i < 10'001; ++i) {
                ops += (i ? "," : "") + QByteArray(op);
            }
            return "{\"engine\": \"" + QByteArray(engine) + "\", \"params\": " + params +
                   ", \"ops\": [" + ops + "]}";
        };
        const QByteArray scenarios[] = {
            many("btree", R"({"order": 4})", R"({"op": "search", "key": 1})"),
            many("lsm", "{}", R"({"op": "get", "key": "k"})"),
            many("hashslot", "{}", R"({"op": "route", "key": "k"})"),
            many("kafka", R"({"topics": {"t": 1}})", R"({"op": "produce", "topic": "t"})"),
            many("downsample", "{}", R"({"op": "advance", "by_s": 1})"),
        };
        for (const QByteArray& s : scenarios) {
            const Result r = runTool({"run", "-"}, s);
            QVERIFY2(r.exit == 2, r.err.constData());
            QVERIFY2(
                r.err.contains("/ops/10000: the scenario asks for 10,001 keys, records or ops "
                               "in all, 1 over the most a narrated scenario may ask for (10,000)"),
                r.err.constData());
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

    // A series with no points has no Gorilla block to count (it has no first timestamp for the
    // header): it printed a block of 0 bits, "bytes_per_point": 0.0, and exit 0. Now it is bad
    // input, said in one line, nothing on standard output; a file of blank lines too.
    void compressingNoPointsIsRefused() {
        for (const QByteArray& csv : {QByteArray(), QByteArray("\n\n")}) {
            const Result r = runTool({"compress", "-"}, csv);
            QCOMPARE(r.exit, 2);
            QVERIFY2(r.err.contains("no points"), r.err.constData());
            QCOMPARE(r.err.count('\n'), 1);
            QVERIFY(r.out.isEmpty());
        }
    }

    // `fieldguide practice`: exercises as JSON lines with the contract's keys, in its order; a line
    // comes back alone with its own seed; and each answer is what the engine's own command says
    // for the same inputs (slot, partition, downsample, compress).
    void practicePrintsExercisesTheOtherCommandsAnswerAlike() {
        const Result list = runTool({"practice", "--list"});
        QCOMPARE(list.exit, 0);
        QCOMPARE(list.out.count('\n'), 16);
        for (const char* type :
             {"hashslot slot-of-key", "hashslot owner-of-key", "kafka partition-of-key",
              "kafka assignment", "btree insert", "downsample bucket", "downsample gorilla-bits",
              "btree delete", "btree path", "lsm get-reads", "lsm compaction",
              "lsm tombstone-drop"}) {
            QVERIFY2(list.out.contains(type), type);
        }
        for (const char* type : {"hashslot moved-or-ask", "kafka sticky-keyless", "kafka rebalance",
                                 "downsample tier-of-query"}) {
            QVERIFY2(list.out.contains(type), type);
        }
        struct Check {
            const char* engine;
            const char* type;
        };
        for (const Check c : {Check{"hashslot", "slot-of-key"},
                              {"kafka", "partition-of-key"},
                              {"downsample", "bucket"},
                              {"downsample", "gorilla-bits"}}) {
            for (const char* level : {"easy", "medium", "hard"}) {
                const Result r = runTool({"practice", "--engine", c.engine, "--type", c.type,
                                          "--seed", "40", "--count", "5", "--level", level});
                QCOMPARE(r.exit, 0);
                const QList<QByteArray> lines = r.out.trimmed().split('\n');
                QCOMPARE(lines.size(), 5);
                for (int i = 0; i < lines.size(); ++i) {
                    const nlohmann::ordered_json e =
                        nlohmann::ordered_json::parse(lines[i].toStdString());
                    std::vector<std::string> keys;
                    for (const auto& [k, v] : e.items()) {
                        keys.push_back(k);
                    }
                    QCOMPARE(keys, (std::vector<std::string>{"engine", "type", "seed", "level",
                                                             "prompt", "given", "answer"}));
                    QVERIFY(e["seed"] == 40 + i && e["level"] == level && e["engine"] == c.engine);
                    const Result alone =
                        runTool({"practice", "--engine", c.engine, "--type", c.type, "--seed",
                                 QString::number(40 + i), "--count", "1", "--level", level});
                    QCOMPARE(alone.out.trimmed(), lines[i]);
                    checkAgainstItsCommand(e);
                }
            }
        }
    }

    // The storage types: lines of the contract, each alone with its seed; a B-Tree delete or
    // search path is what `fieldguide run` does with the same inserts.
    void practiceStorageTypesAnswerAsRunDoes() {
        for (const char* type : {"btree delete", "btree path", "lsm get-reads", "lsm compaction",
                                 "lsm tombstone-drop"}) {
            const QStringList et = QString(type).split(' ');
            for (const char* level : {"easy", "hard"}) {
                const Result r = runTool({"practice", "--engine", et[0], "--type", et[1], "--seed",
                                          "70", "--count", "3", "--level", level});
                QCOMPARE(r.exit, 0);
                const QList<QByteArray> lines = r.out.trimmed().split('\n');
                QCOMPARE(lines.size(), 3);
                for (int i = 0; i < lines.size(); ++i) {
                    const nlohmann::json e = nlohmann::json::parse(lines[i].toStdString());
                    QVERIFY(e["seed"] == 70 + i && e["type"] == et[1].toStdString());
                    const Result alone =
                        runTool({"practice", "--engine", et[0], "--type", et[1], "--seed",
                                 QString::number(70 + i), "--count", "1", "--level", level});
                    QCOMPARE(alone.out.trimmed(), lines[i]);
                    if (e["type"] == "delete" || e["type"] == "path") {
                        checkBtreeAgainstRun(e);
                    }
                }
            }
        }
    }

    void practiceRefusesBadArgumentsNamingThem() {
        struct Bad {
            QStringList args;
            const char* says;
        };
        const QStringList base = {"practice", "--engine", "kafka", "--type", "assignment"};
        for (const Bad& b :
             {Bad{base + QStringList{"--count", "3"}, "--seed"},
              Bad{base + QStringList{"--seed", "1", "--count", "0"}, "100000"},
              Bad{base + QStringList{"--seed", "1", "--count", "100001"}, "100000"},
              Bad{base + QStringList{"--seed", "-4", "--count", "1"}, "--seed"},
              Bad{base + QStringList{"--seed", "1", "--count", "1", "--level", "extreme"},
                  "easy, medium or hard"},
              Bad{{"practice", "--engine", "mongo", "--type", "x", "--seed", "1", "--count", "1"},
                  "hashslot, kafka, btree, lsm, downsample"},
              Bad{{"practice", "--engine", "kafka", "--type", "slot-of-key", "--seed", "1",
                   "--count", "1"},
                  "partition-of-key, assignment"},
              Bad{{"practice", "--engine", "kafka", "--type", "assignment", "--seed",
                   "9223372036854775807", "--count", "2"},
                  "passes"}}) {
            const Result r = runTool(b.args);
            QCOMPARE(r.exit, 2);
            QVERIFY2(r.err.contains(b.says), r.err.constData());
            QCOMPARE(r.err.count('\n'), 1);
            QVERIFY(r.out.isEmpty());
        }
    }

private:
    static QString text(const nlohmann::ordered_json& v) { return QString::fromStdString(v); }

    // `fieldguide run` of a B-Tree scenario: the given's inserts, then `last`.
    nlohmann::json runBtree(const nlohmann::json& given, const nlohmann::json& last) {
        nlohmann::json ops = nlohmann::json::array();
        for (const auto& k : given["keys"]) {
            ops.push_back({{"op", "insert"}, {"key", k}});
        }
        ops.push_back(last);
        const nlohmann::json scenario = {
            {"engine", "btree"}, {"params", {{"order", given["order"]}}}, {"ops", ops}};
        const Result r = runTool({"run", "-"}, QByteArray::fromStdString(scenario.dump()));
        return r.exit == 0 ? nlohmann::json::parse(r.out.toStdString()) : nlohmann::json();
    }

    static nlohmann::json withoutIds(const nlohmann::json& node,
                                     std::map<int, std::string>* labels = nullptr) {
        nlohmann::json out = {{"keys", node["keys"]}, {"children", nlohmann::json::array()}};
        if (labels) {
            std::string label;
            for (const auto& k : node["keys"]) {
                label += (label.empty() ? "" : " ") + std::to_string(k.get<long long>());
            }
            (*labels)[node["id"].get<int>()] = "[" + label + "]";
        }
        for (const auto& c : node["children"]) {
            out["children"].push_back(withoutIds(c, labels));
        }
        return out;
    }

    // The tree after the delete, and what follows the first underflow; the nodes a search reads.
    void checkBtreeAgainstRun(const nlohmann::json& e) {
        const nlohmann::json& g = e["given"];
        if (e["type"] == "delete") {
            const nlohmann::json run = runBtree(g, {{"op", "delete"}, {"key", g["delete"]}});
            QVERIFY(!run.is_null());
            QVERIFY(withoutIds(run["state"]["root"]) == e["answer"]["tree"]);
            std::string after = "none";
            const auto& steps = run["steps"];
            for (std::size_t i = 0; i + 1 < steps.size() && after == "none"; ++i) {
                after = steps[i]["kind"] == "underflow" ? steps[i + 1]["kind"].get<std::string>()
                                                        : after;
            }
            const std::string fix = e["answer"]["fix"];
            QCOMPARE(fix.substr(0, fix.find('-')), after);
            return;
        }
        const nlohmann::json run = runBtree(g, {{"op", "search"}, {"key", g["find"]}});
        QVERIFY(!run.is_null());
        std::map<int, std::string> labels;
        withoutIds(run["state"]["root"], &labels);
        const nlohmann::json& last = run["steps"].back();
        std::vector<std::string> path;
        for (const auto& id : last["path"]) {
            path.push_back(labels[id.get<int>()]);
        }
        QCOMPARE(e["answer"]["path"].get<std::vector<std::string>>(), path);
        QCOMPARE(e["answer"]["found"] == "yes", last["kind"] == "found");
    }

    // The exercise's answer is what the engine's own command prints for its inputs.
    void checkAgainstItsCommand(const nlohmann::ordered_json& e) {
        const nlohmann::ordered_json& g = e["given"];
        const nlohmann::ordered_json& a = e["answer"];
        if (e["type"] == "slot-of-key") {
            const Result r = runTool({"slot", "--", text(g["key"])});
            QCOMPARE(r.out.trimmed().toInt(), a["slot"].get<int>());
            return;
        }
        if (e["type"] == "partition-of-key") {
            const Result r =
                runTool({"partition", "--partitions", QString::number(g["partitions"].get<int>()),
                         "--", text(g["key"])});
            QCOMPARE(r.out.trimmed().toInt(), a["partition"].get<int>());
            return;
        }
        QByteArray csv;
        for (const auto& p : g["points"]) {
            csv += QByteArray::number(qint64(p[0].get<std::int64_t>())) + ',' +
                   QByteArray::number(p[1].get<double>(), 'g', 17) + '\n';
        }
        if (e["type"] == "gorilla-bits") {
            const Result r = runTool({"compress", "-"}, csv);
            QCOMPARE(QJsonDocument::fromJson(r.out).object().value("encoded_bits").toInteger(),
                     a["bits"].get<qint64>());
            return;
        }
        const Result r = runTool({"downsample", "--step", QString::number(g["step_s"].get<int>()),
                                  "--agg", text(g["agg"]), "-"},
                                 csv);
        QCOMPARE(r.exit, 0);
        const QList<QByteArray> rows = r.out.trimmed().split('\n').mid(1); // after the header
        QCOMPARE(rows.size(), qsizetype(a["buckets"].size()));
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const QList<QByteArray> cells = rows[i].split(',');
            const auto& bucket = a["buckets"][std::size_t(i)];
            QCOMPARE(cells[0].toLongLong(), qint64(bucket[0].get<std::int64_t>()));
            QCOMPARE(cells[1].toDouble(), bucket[1].get<double>());
        }
    }
};

FG_TEST_GUILESS_MAIN(TestCliEngines)
#include "test_cli_engines.moc"
