// `fieldguide-lab --serve` as the app drives it (the real program through QProcess): "hello",
// every kind of bad input answered with its id and a sentence, the answers in the order asked,
// and its end: on end of input (exit 0), on SIGTERM, and when the program that started it is
// killed with SIGKILL (it gets SIGTERM as its parent-death signal).
#include "lab/lab_folder.h"
#include "lab/lab_serve.h"
#include "tests/lab/lab_test_support.h"
#include "tests/suite_main.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QThread>
#include <csignal>
#include <nlohmann/json.hpp>

namespace {

using nlohmann::json;

// The helper started with --serve; its answers read line by line.
class ServeProcess {
public:
    ServeProcess() {
        p_.start(QStringLiteral(LAB_HELPER_BIN), {QStringLiteral("--serve")});
        p_.waitForStarted(10000);
    }
    ~ServeProcess() {
        if (p_.state() != QProcess::NotRunning) {
            p_.kill();
            p_.waitForFinished(5000);
        }
    }
    void send(const QByteArray& bytes) { p_.write(bytes); }
    // The next answer line as JSON (null after 30 s without one).
    json next() {
        while (!out_.contains('\n') && p_.waitForReadyRead(30000)) {
            out_ += p_.readAllStandardOutput();
        }
        out_ += p_.readAllStandardOutput();
        const qsizetype end = out_.indexOf('\n');
        if (end < 0) {
            return nullptr;
        }
        const QByteArray line = out_.left(end);
        out_.remove(0, end + 1);
        return json::parse(line.toStdString(), nullptr, false);
    }
    QProcess& process() { return p_; }

private:
    QProcess p_;
    QByteArray out_;
};

bool processGone(qint64 pid, int ms) {
    for (int waited = 0; waited <= ms; waited += 50) {
        if (fg::lab::processStartTime(pid) < 0) {
            return true;
        }
        QThread::msleep(50);
    }
    return false;
}

// The lab folders whose owner file names `pid`.
QStringList labFoldersOf(qint64 pid) {
    QStringList found;
    const QFileInfoList all = QDir(QDir::tempPath())
                                  .entryInfoList({QLatin1String(fg::lab::kLabFolderPrefix) + '*'},
                                                 QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QFileInfo& info : all) {
        QFile owner(QDir(info.absoluteFilePath()).filePath(QStringLiteral("owner")));
        if (owner.open(QIODevice::ReadOnly) &&
            owner.readAll().startsWith(QStringLiteral("owner %1 ").arg(pid).toUtf8())) {
            found << info.absoluteFilePath();
        }
    }
    return found;
}

} // namespace

class TestLabServe : public QObject {
    Q_OBJECT

private slots:
    void helloSaysTheVersionAndWhichLabsCanRun() {
        ServeProcess helper;
        helper.send("{\"id\": 1, \"op\": \"hello\"}\n");
        const json a = helper.next();
        QCOMPARE(a["id"].get<int>(), 1);
        QVERIFY(a["ok"].get<bool>());
        QVERIFY(!a["result"]["version"].get<std::string>().empty());
        QCOMPARE(a["result"]["max_request_bytes"].get<std::size_t>(), fg::lab::kMaxRequestBytes);
        for (const auto& [kind, name] : {std::pair{fg::lab::LabKind::kPostgres, "postgres"},
                                         std::pair{fg::lab::LabKind::kRedisCluster, "redis"}}) {
            QString missing;
            const bool available = fg::lab::labAvailable(kind, &missing);
            const json& lab = a["result"]["labs"][name];
            QCOMPARE(lab["available"].get<bool>(), available);
            QCOMPARE(QString::fromStdString(lab["missing"].get<std::string>()), missing);
        }
    }

    void badInputIsAnsweredWithItsIdAndASentence_data() {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QVariant>("id"); // invalid: the answer's id is null
        QTest::addColumn<QString>("says");
        QTest::newRow("not JSON") << QByteArray("this is not JSON") << QVariant()
                                  << QStringLiteral("not a JSON object");
        QTest::newRow("broken JSON, id readable")
            << QByteArray("{\"id\": 42, \"op\": \"hello\", \"args\": {") << QVariant(42)
            << QStringLiteral("not a JSON object");
        QTest::newRow("an array") << QByteArray("[1, 2]") << QVariant()
                                  << QStringLiteral("not a JSON object");
        QTest::newRow("no id") << QByteArray("{\"op\": \"hello\"}") << QVariant()
                               << QStringLiteral("no \"id\"");
        QTest::newRow("id not a number") << QByteArray("{\"id\": \"7\", \"op\": \"hello\"}")
                                         << QVariant() << QStringLiteral("no \"id\"");
        QTest::newRow("no op") << QByteArray("{\"id\": 5}") << QVariant(5)
                               << QStringLiteral("no \"op\"");
        QTest::newRow("args not an object")
            << QByteArray("{\"id\": 6, \"op\": \"hello\", \"args\": [1]}") << QVariant(6)
            << QStringLiteral("\"args\" must be a JSON object");
        QTest::newRow("unknown op")
            << QByteArray("{\"id\": 8, \"op\": \"mysql.start\"}") << QVariant(8)
            << QStringLiteral("Unknown operation \"mysql.start\"");
        QTest::newRow("an op without prefix")
            << QByteArray("{\"id\": 9, \"op\": \"start\"}") << QVariant(9)
            << QStringLiteral("Unknown operation \"start\"");
    }
    void badInputIsAnsweredWithItsIdAndASentence() {
        QFETCH(QByteArray, line);
        QFETCH(QVariant, id);
        QFETCH(QString, says);
        ServeProcess helper;
        helper.send(line + "\n{\"id\": 100, \"op\": \"hello\"}\n");
        const json a = helper.next();
        QVERIFY(!a.is_null());
        QCOMPARE(a["ok"].get<bool>(), false);
        if (id.isValid()) {
            QCOMPARE(a["id"].get<int>(), id.toInt());
        } else {
            QVERIFY(a["id"].is_null());
        }
        const QString error = QString::fromStdString(a["error"].get<std::string>());
        QVERIFY2(error.contains(says), qPrintable(error));
        QVERIFY(error.endsWith(QLatin1Char('.')));
        const json after = helper.next(); // the helper goes on
        QCOMPARE(after["id"].get<int>(), 100);
        QVERIFY(after["ok"].get<bool>());
    }

    void aLineOverTheLimitIsRefusedNamingItAndSkipped() {
        ServeProcess helper;
        QByteArray huge = "{\"id\": 3, \"op\": \"hello\", \"args\": {\"keys\": [";
        huge += QByteArray(static_cast<qsizetype>(fg::lab::kMaxRequestBytes), '1');
        huge += "]}}\n{\"id\": 4, \"op\": \"hello\"}\n";
        helper.send(huge);
        const json a = helper.next();
        QCOMPARE(a["id"].get<int>(), 3);
        QCOMPARE(a["ok"].get<bool>(), false);
        QVERIFY(a["error"].get<std::string>().find("64 MiB") != std::string::npos);
        QCOMPARE(helper.next()["id"].get<int>(), 4);
    }

    void aMillionKeysFitInOneRequest() {
        ServeProcess helper;
        json keys = json::array();
        for (int i = 0; i < 1'000'000; ++i) {
            keys.push_back("user:" + std::to_string(i));
        }
        const std::string line =
            json{{"id", 11}, {"op", "hello"}, {"args", {{"keys", keys}}}}.dump() + "\n";
        QVERIFY(line.size() < fg::lab::kMaxRequestBytes);
        helper.send(QByteArray::fromStdString(line));
        const json a = helper.next();
        QCOMPARE(a["id"].get<int>(), 11);
        QVERIFY(a["ok"].get<bool>());
    }

    void answersComeInTheOrderAsked() {
        ServeProcess helper;
        QByteArray batch;
        const std::vector<int> ids{31, 7, 1000, 2, 55};
        for (const int id : ids) {
            const char* op = id % 2 ? "hello" : "nothing.here";
            batch += QByteArray::fromStdString(json{{"id", id}, {"op", op}}.dump() + "\n");
        }
        helper.send(batch);
        for (const int id : ids) {
            const json a = helper.next();
            QCOMPARE(a["id"].get<int>(), id);
            QCOMPARE(a["ok"].get<bool>(), id % 2 == 1);
        }
    }

    void aStopOfALabNotStartedIsAnsweredOk() {
        ServeProcess helper;
        helper.send("{\"id\": 1, \"op\": \"pg.stop\"}\n{\"id\": 2, \"op\": \"redis.stop\"}\n");
        QVERIFY(helper.next()["ok"].get<bool>());
        QVERIFY(helper.next()["ok"].get<bool>());
    }

    void endOfInputEndsItWithStatusZero() {
        ServeProcess helper;
        helper.send("{\"id\": 1, \"op\": \"hello\"}\n");
        helper.process().closeWriteChannel();
        QCOMPARE(helper.next()["id"].get<int>(), 1);
        QVERIFY(helper.process().waitForFinished(10000));
        QCOMPARE(helper.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(helper.process().exitCode(), 0);
    }

    void aQuitSignalEndsItAndLeavesNothing_data() {
        QTest::addColumn<int>("sig");
        QTest::newRow("SIGTERM") << int{SIGTERM};
        QTest::newRow("SIGINT") << int{SIGINT};
        QTest::newRow("SIGHUP") << int{SIGHUP};
    }
    void aQuitSignalEndsItAndLeavesNothing() {
        QFETCH(int, sig);
        ServeProcess helper;
        helper.send("{\"id\": 1, \"op\": \"hello\"}\n");
        QCOMPARE(helper.next()["id"].get<int>(), 1); // it waits in a read now
        const qint64 pid = helper.process().processId();
        ::kill(static_cast<pid_t>(pid), sig);
        QVERIFY(helper.process().waitForFinished(10000));
        QCOMPARE(helper.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(helper.process().exitCode(), 128 + sig);
        QVERIFY(labFoldersOf(pid).isEmpty());
    }

    // SIGTERM inside a long request (reading a big index's every page) ends that request at
    // once: it is answered "stopped", the server stops, the helper exits, all within a second.
    void aQuitSignalEndsALongRequestAtOnce() {
        FG_REQUIRE_LAB(fg::lab::LabKind::kPostgres);
        ServeProcess helper;
        helper.send("{\"id\": 1, \"op\": \"pg.start\"}\n");
        json keys = json::array();
        for (int k = 999'999; k >= 1; --k) {
            keys.push_back(k);
        }
        const json insert = {{"id", 2}, {"op", "pg.insert"}, {"args", {{"keys", keys}}}};
        helper.send(QByteArray::fromStdString(insert.dump() + "\n"));
        json answer;
        for (int id = 1; id <= 2; ++id) {
            do {
                answer = helper.next();
            } while (answer.contains("progress"));
            QVERIFY2(answer.is_object() && answer.value("ok", false), answer.dump().c_str());
        }
        helper.send("{\"id\": 3, \"op\": \"pg.read\"}\n");
        // The signal must come while the read works: its progress line says it has begun (a
        // fixed sleep raced a loaded machine, where the helper had not yet read the request and
        // quit with nothing to answer, as it should).
        answer = helper.next();
        QVERIFY2(answer.is_object() && answer.value("id", 0) == 3 && answer.contains("progress"),
                 answer.dump().c_str());
        QElapsedTimer clock;
        clock.start();
        const qint64 pid = helper.process().processId();
        ::kill(static_cast<pid_t>(pid), SIGTERM);
        answer = helper.next();
        // No answer at all is a failure said, not a crash of the suite (value() throws on null).
        QVERIFY2(answer.is_object(), "the helper ended without answering the read");
        QCOMPARE(answer.value("id", 0), 3);
        QCOMPARE(answer.value("ok", true), false);
        QVERIFY2(answer.value("error", std::string()).find("stopped") != std::string::npos,
                 answer.dump().c_str());
        QVERIFY(helper.process().waitForFinished(5000));
        qInfo("SIGTERM during pg.read: ended in %lld ms", clock.elapsed());
        QVERIFY(clock.elapsed() < 1000);
        QCOMPARE(helper.process().exitCode(), 128 + SIGTERM);
        QVERIFY(labFoldersOf(pid).isEmpty());
    }

    void killingTheProgramThatStartedItEndsIt_data() {
        QTest::addColumn<QString>("op");
        QTest::newRow("idle") << QStringLiteral("hello");
        // With real servers running, which must end too (and their folders go). Where a
        // server's programs are missing its row is left out (CI installs them).
        if (fg::lab::labAvailable(fg::lab::LabKind::kPostgres)) {
            QTest::newRow("postgres") << QStringLiteral("pg.start");
        }
        if (fg::lab::labAvailable(fg::lab::LabKind::kRedisCluster)) {
            QTest::newRow("redis") << QStringLiteral("redis.start");
        }
    }
    void killingTheProgramThatStartedItEndsIt() {
        QFETCH(QString, op);
        QProcess owner; // starts the helper through LabClient, asks `op`, waits to be killed
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FIELDGUIDE_LAB_HELPER"), QStringLiteral(LAB_HELPER_BIN));
        owner.setProcessEnvironment(env);
        owner.start(QStringLiteral(LAB_CLIENT_OWNER_BIN), {op});
        QByteArray out;
        while (!out.contains("ready\n") && owner.waitForReadyRead(60000)) {
            out += owner.readAllStandardOutput();
        }
        const qsizetype at = out.indexOf("helper ");
        QVERIFY2(at >= 0, owner.readAllStandardError().constData());
        const qint64 helperPid = out.mid(at + 7, out.indexOf('\n', at) - at - 7).toLongLong();
        QVERIFY(fg::lab::processStartTime(helperPid) >= 0);
        const QStringList folders = labFoldersOf(helperPid);
        std::vector<qint64> servers;
        for (const QString& folder : folders) {
            const std::vector<qint64> in = fg::lab::processesWorkingIn(folder);
            servers.insert(servers.end(), in.begin(), in.end());
        }
        if (op != QStringLiteral("hello")) {
            QVERIFY(!servers.empty()); // the servers were seen running before the kill
        }
        owner.kill(); // SIGKILL
        QVERIFY(owner.waitForFinished(10000));
        QVERIFY2(processGone(helperPid, 5000), "the helper outlived the app that started it");
        for (const qint64 pid : servers) {
            QVERIFY2(processGone(pid, 5000), "a server outlived the app that started it");
        }
        for (const QString& folder : folders) {
            QVERIFY2(!QFile::exists(folder), qPrintable(folder)); // removed by the helper
        }
    }
};

FG_TEST_GUILESS_MAIN(TestLabServe)
#include "test_lab_serve.moc"
