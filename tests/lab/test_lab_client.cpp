// LabClient, the app's side of the Lab, against the real helper program (FIELDGUIDE_LAB_HELPER
// points at the build's fieldguide-lab): a round trip, a helper that is missing, a helper that
// dies while a call waits, a reply whose context is gone, and the helper's end with the client.
#include "lab/lab_folder.h"
#include "tests/lab/child_process.h"
#include "tests/suite_main.h"
#include "widgets/lab/lab_client.h"

#include <QDir>
#include <QSignalSpy>
#include <QThread>
#include <csignal>
#include <optional>

namespace {

struct Answer {
    fg::Status status;
    nlohmann::json result;
};

// The helper LabClient started: the child of this process running fieldguide-lab, or 0.
qint64 helperChild() {
    return fg::lab::test::childProcess("fieldguide-lab");
}

bool helperGone(qint64 pid, int ms) {
    for (int waited = 0; waited <= ms; waited += 20) {
        if (fg::lab::processStartTime(pid) < 0) {
            return true;
        }
        QThread::msleep(20);
    }
    return false;
}

} // namespace

class TestLabClient : public QObject {
    Q_OBJECT

private slots:
    void init() { qputenv("FIELDGUIDE_LAB_HELPER", LAB_HELPER_BIN); }

    void helloMakesARoundTripThroughTheRealHelper() {
        fg::LabClient client;
        QVERIFY(!client.busy());
        std::optional<Answer> answer;
        client.call(QStringLiteral("hello"), {}, this,
                    [&](const fg::Status& s, const nlohmann::json& r) {
                        answer = Answer{s, r};
                    });
        QVERIFY(client.busy());
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 20000);
        QVERIFY2(answer->status, answer->status.message().c_str());
        QVERIFY(answer->result["labs"].contains("postgres"));
        QVERIFY(answer->result["labs"].contains("redis"));
        QVERIFY(!client.busy());
    }

    void repliesComeInOrderAndAnErrorIsAFailedStatus() {
        fg::LabClient client;
        std::vector<int> order;
        std::string error;
        client.call(
            QStringLiteral("hello"), {}, this,
            [&](const fg::Status& s, const nlohmann::json&) { order.push_back(s ? 1 : -1); });
        client.call(QStringLiteral("nothing.here"), {}, this,
                    [&](const fg::Status& s, const nlohmann::json&) {
                        order.push_back(s ? 2 : -2);
                        error = s.message();
                    });
        client.call(
            QStringLiteral("hello"), {}, nullptr,
            [&](const fg::Status& s, const nlohmann::json&) { order.push_back(s ? 3 : -3); });
        QTRY_COMPARE_WITH_TIMEOUT(order.size(), std::size_t{3}, 20000);
        QCOMPARE(order, (std::vector<int>{1, -2, 3}));
        QVERIFY2(error.find("Unknown operation \"nothing.here\"") != std::string::npos,
                 error.c_str());
    }

    void argumentsThatAreNotAnObjectAreRefusedByTheHelper() {
        fg::LabClient client;
        std::optional<Answer> answer;
        client.call(QStringLiteral("hello"), nlohmann::json::array({1, 2}), this,
                    [&](const fg::Status& s, const nlohmann::json& r) {
                        answer = Answer{s, r};
                    });
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 20000);
        QVERIFY(!answer->status);
        QVERIFY2(answer->status.message().find("\"args\" must be a JSON object") !=
                     std::string::npos,
                 answer->status.message().c_str());
    }

    void aMissingHelperFailsTheCallNamingWhereItLooked() {
        qputenv("FIELDGUIDE_LAB_HELPER", "/nonexistent/folder/fieldguide-lab");
        QVERIFY(fg::LabClient::helperProgram().isEmpty());
        fg::LabClient client;
        std::optional<Answer> answer;
        client.call(QStringLiteral("hello"), {}, this,
                    [&](const fg::Status& s, const nlohmann::json& r) {
                        answer = Answer{s, r};
                    });
        QVERIFY(!answer.has_value()); // never from inside call()
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 5000);
        QVERIFY(!answer->status);
        const std::string why = answer->status.message();
        QVERIFY2(why.find("fieldguide-lab") != std::string::npos, why.c_str());
        QVERIFY2(why.find("/nonexistent/folder/fieldguide-lab") != std::string::npos, why.c_str());
    }

    void aHelperKilledWhileACallWaitsFailsItSayingHow() {
        fg::LabClient client;
        QSignalSpy ended(&client, &fg::LabClient::helperEnded);
        bool first = false;
        client.call(QStringLiteral("hello"), {}, this,
                    [&](const fg::Status&, const nlohmann::json&) { first = true; });
        QTRY_VERIFY_WITH_TIMEOUT(first, 20000);
        const qint64 pid = helperChild();
        QVERIFY(pid > 0);
        ::kill(static_cast<pid_t>(pid), SIGSTOP); // it cannot answer now
        std::optional<Answer> answer;
        client.call(QStringLiteral("hello"), {}, this,
                    [&](const fg::Status& s, const nlohmann::json& r) {
                        answer = Answer{s, r};
                    });
        QTest::qWait(200);
        QVERIFY(!answer.has_value());
        QVERIFY(client.busy());
        ::kill(static_cast<pid_t>(pid), SIGKILL);
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
        QVERIFY(!answer->status);
        const std::string why = answer->status.message();
        QVERIFY2(why.find("signal 9 (SIGKILL)") != std::string::npos, why.c_str());
        QCOMPARE(ended.size(), 1);
        QVERIFY(!client.busy());
        // The next call starts a new helper.
        std::optional<Answer> again;
        client.call(QStringLiteral("hello"), {}, this,
                    [&](const fg::Status& s, const nlohmann::json& r) {
                        again = Answer{s, r};
                    });
        QTRY_VERIFY_WITH_TIMEOUT(again.has_value(), 20000);
        QVERIFY(again->status);
    }

    void aReplyWhoseContextWasDestroyedIsNotCalled() {
        fg::LabClient client;
        bool started = false;
        client.call(QStringLiteral("hello"), {}, this,
                    [&](const fg::Status&, const nlohmann::json&) { started = true; });
        QTRY_VERIFY_WITH_TIMEOUT(started, 20000);
        const qint64 pid = helperChild();
        QVERIFY(pid > 0);
        ::kill(static_cast<pid_t>(pid), SIGSTOP); // the answer waits until the context is gone
        auto* context = new QObject;
        bool deadCalled = false;
        bool liveCalled = false;
        client.call(QStringLiteral("hello"), {}, context,
                    [&](const fg::Status&, const nlohmann::json&) { deadCalled = true; });
        client.call(QStringLiteral("hello"), {}, this,
                    [&](const fg::Status&, const nlohmann::json&) { liveCalled = true; });
        delete context;
        ::kill(static_cast<pid_t>(pid), SIGCONT);
        QTRY_VERIFY_WITH_TIMEOUT(liveCalled, 20000);
        QVERIFY(!deadCalled);
    }

    void destroyingTheClientEndsItsHelper() {
        auto client = std::make_unique<fg::LabClient>();
        bool answered = false;
        client->call(QStringLiteral("hello"), {}, this,
                     [&](const fg::Status&, const nlohmann::json&) { answered = true; });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 20000);
        const qint64 pid = helperChild();
        QVERIFY(pid > 0);
        QElapsedTimer timer;
        timer.start();
        client.reset();
        QVERIFY(timer.elapsed() < 3000); // it ends on end of input, not after the 5 s wait
        QVERIFY(helperGone(pid, 1000));
    }

    void shutdownFailsTheWaitingCallsAndTheNextCallStartsAgain() {
        fg::LabClient client;
        std::optional<Answer> answer;
        client.call(QStringLiteral("hello"), {}, this,
                    [&](const fg::Status& s, const nlohmann::json& r) {
                        answer = Answer{s, r};
                    });
        client.shutdown();
        QVERIFY(answer.has_value());
        QVERIFY(!answer->status);
        QVERIFY(!client.busy());
        std::optional<Answer> again;
        client.call(QStringLiteral("hello"), {}, this,
                    [&](const fg::Status& s, const nlohmann::json& r) {
                        again = Answer{s, r};
                    });
        QTRY_VERIFY_WITH_TIMEOUT(again.has_value(), 20000);
        QVERIFY(again->status);
    }
};

FG_TEST_GUILESS_MAIN(TestLabClient)
#include "test_lab_client.moc"
