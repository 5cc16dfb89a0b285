// `fieldguide lab kafka` as a user runs it (the real binary through QProcess, librdkafka's real
// client against its mock cluster): the default scenario's JSON and summary line, the honest
// label, bad input and budgets refused with exit 2 before anything starts.
#include "tests/lab/lab_cli_run.h"
#include "tests/suite_main.h"

#include <QProcess>
#include <nlohmann/json.hpp>

namespace kafka_lab_cli_test {

using Result = fg::lab::test::LabCliResult;

Result runLab(const QStringList& args, const QByteArray& input = {}) {
    return fg::lab::test::runLabCli(QStringLiteral(FIELDGUIDE_BIN), args, input);
}

} // namespace kafka_lab_cli_test

using namespace kafka_lab_cli_test;

class TestKafkaLabCli : public QObject {
    Q_OBJECT

private slots:
    void kafkaPrintsBothSidesTheRecordsAndTheComparison() {
        const Result r =
            runLab({"kafka", QStringLiteral(FG_SOURCE_DIR "/content/scenarios/kafka.json")});
        QVERIFY2(r.exit == 0, r.err.constData());
        const auto j = nlohmann::json::parse(r.out.toStdString());
        QVERIFY(j["source"].get<std::string>().ends_with("kafka.json"));
        QCOMPARE(j["real"]["is"].get<std::string>(),
                 std::string("librdkafka's mock cluster, not Apache Kafka's broker"));
        QCOMPARE(j["moments"].size(), 5u);
        QCOMPARE(j["records"].size(), 7u);
        QCOMPARE(j["keyed"]["records"].get<int>(), 2);
        QCOMPARE(j["keyed"]["same_partition"].get<int>(), 2);
        QVERIFY(j["summary"].get<std::string>().starts_with(
            "agree: 2 of 2 keyed records on the same partition; "));
        const auto& last = j["moments"][4];
        QCOMPARE(last["real"]["members"].size(), 2u);
        QCOMPARE(last["model"]["members"].size(), 2u);
        for (const auto& row : j["comparison"]) {
            QVERIFY(row["agree"].get<bool>() || !row["why"].get<std::string>().empty());
        }
        QVERIFY(r.err.isEmpty()); // librdkafka's own log lines are kept off standard error
    }

    void kafkaRefusesBadInputBeforeRunning_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("said");
        const QStringList stdinArgs{QStringLiteral("kafka"), QStringLiteral("-")};
        QTest::addRow("not json") << stdinArgs << QByteArray("{oops") << QByteArray("JSON");
        QTest::addRow("another engine") << stdinArgs << QByteArray(R"({"engine":"lsm","ops":[]})")
                                        << QByteArray("the engine \"kafka\"");
        QTest::addRow("too many records")
            << stdinArgs
            << QByteArray(R"({"engine":"kafka","ops":[{"op":"produce","topic":"orders",)"
                          R"("count":20000}]})")
            << QByteArray("at most 10000 records");
        QTest::addRow("two files") << QStringList{"kafka", "a.json", "b.json"} << QByteArray()
                                   << QByteArray("expected one scenario file");
        QTest::addRow("an option") << QStringList{"kafka", "--fast"} << QByteArray()
                                   << QByteArray("unknown option --fast");
    }
    void kafkaRefusesBadInputBeforeRunning() {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, said);
        const Result r = runLab(args, input);
        QCOMPARE(r.exit, 2);
        QVERIFY2(r.err.contains(said), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }
};

FG_TEST_GUILESS_MAIN(TestKafkaLabCli)
#include "test_kafka_lab_cli.moc"
