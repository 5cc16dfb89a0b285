// Keyed partitioning exactly as Kafka's Java client: murmur2 against Kafka's, kafkajs's and
// librdkafka's published vectors, toPositive (not abs), and the partition command.
#include "engines/cli/commands.h"
#include "engines/kafka/murmur2.h"
#include "tests/suite_main.h"

#include <QTest>
#include <sstream>

class TestKafkaPartitioning : public QObject {
    Q_OBJECT
private slots:
    void murmur2_data() {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<qint64>("hash");
        // Kafka's UtilsTest.testMurmur2.
        QTest::newRow("21") << QByteArray("21") << qint64(-973932308);
        QTest::newRow("foobar") << QByteArray("foobar") << qint64(-790332482);
        QTest::newRow("a-little-bit-long-string")
            << QByteArray("a-little-bit-long-string") << qint64(-985981536);
        QTest::newRow("a-little-bit-longer-string")
            << QByteArray("a-little-bit-longer-string") << qint64(-1486304829);
        QTest::newRow("lkjh...") << QByteArray("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8")
                                 << qint64(-58897971);
        QTest::newRow("abc") << QByteArray("abc") << qint64(479470107);
        // kafkajs, generated with Java.
        QTest::newRow("0") << QByteArray("0") << qint64(971027396);
        QTest::newRow("1") << QByteArray("1") << qint64(-1993445489);
        QTest::newRow("128") << QByteArray("128") << qint64(-326012175);
        QTest::newRow("2187") << QByteArray("2187") << qint64(-1508407203);
        QTest::newRow("279936") << QByteArray("279936") << qint64(1462227128);
        QTest::newRow("10000000") << QByteArray("10000000") << qint64(-1830336757);
        QTest::newRow("170859375") << QByteArray("170859375") << qint64(-1658323481);
        QTest::newRow("100:48069") << QByteArray("100:48069") << qint64(1009543857);
        // librdkafka's Java-compatible vectors.
        QTest::newRow("kafka") << QByteArray("kafka") << qint64(qint32(0xd067cf64));
        QTest::newRow("giberish123456789")
            << QByteArray("giberish123456789") << qint64(qint32(0x8f552b0c));
        QTest::newRow("1234") << QByteArray("1234") << qint64(qint32(0x9fc97b14));
        QTest::newRow("234") << QByteArray("234") << qint64(qint32(0xe7c009ca));
        QTest::newRow("34") << QByteArray("34") << qint64(qint32(0x873930da));
        QTest::newRow("4") << QByteArray("4") << qint64(qint32(0x5a4b5ca1));
        QTest::newRow("PreAmble...")
            << QByteArray("PreAmbleWillBeRemoved,ThePrePartThatIs") << qint64(qint32(0x78424f1c));
        QTest::newRow("reAmble...")
            << QByteArray("reAmbleWillBeRemoved,ThePrePartThatIs") << qint64(qint32(0x4a62b377));
        QTest::newRow("eAmble...")
            << QByteArray("eAmbleWillBeRemoved,ThePrePartThatIs") << qint64(qint32(0xe0e4e09e));
        QTest::newRow("Amble...") << QByteArray("AmbleWillBeRemoved,ThePrePartThatIs")
                                  << qint64(qint32(0x62b8b43f));
        QTest::newRow("empty") << QByteArray("") << qint64(275646681);
    }
    void murmur2() {
        QFETCH(QByteArray, key);
        QFETCH(qint64, hash);
        QCOMPARE(qint64(fg::kafka::murmur2(std::string_view(key.constData(), size_t(key.size())))),
                 hash);
    }

    void toPositiveMasksTheSignBit() {
        QCOMPARE(fg::kafka::toPositive(-798503068), 1348980580); // "kafka", librdkafka's vector
        QCOMPARE(fg::kafka::toPositive(INT32_MIN), 0);           // abs() would overflow here
    }

    void partitionsForSeveralCounts() {
        // engine reference 2.2: partitions for N = 1, 2, 3, 4, 6, 8, 10, 12.
        const int ns[] = {1, 2, 3, 4, 6, 8, 10, 12};
        const std::vector<std::pair<std::string, std::vector<int>>> vectors = {
            {"key", {0, 1, 1, 1, 1, 1, 1, 1}},    {"test-key", {0, 1, 2, 1, 5, 1, 1, 5}},
            {"foo", {0, 0, 2, 0, 2, 0, 6, 8}},    {"foobar", {0, 0, 0, 2, 0, 6, 6, 6}},
            {"hello", {0, 1, 0, 1, 3, 5, 9, 9}},  {"user-1", {0, 0, 2, 0, 2, 4, 8, 8}},
            {"user-2", {0, 0, 2, 0, 2, 0, 6, 8}}, {"", {0, 1, 0, 1, 3, 1, 1, 9}}};
        for (const auto& [key, parts] : vectors) {
            for (std::size_t i = 0; i < 8; ++i) {
                QCOMPARE(fg::kafka::partitionForKey(key, ns[i]), parts[i]);
            }
        }
    }

    void partitionCommandStreamsKeys() {
        std::istringstream in("key\ntest-key\nfoo");
        std::ostringstream out, err;
        QCOMPARE(fg::cli::partition({"--partitions", "6"}, {in, out, err}), 0);
        QCOMPARE(out.str(), std::string("1\n5\n2\n"));
        std::ostringstream out2;
        QCOMPARE(fg::cli::partition({"--partitions", "3", "user-1", "hello"}, {in, out2, err}), 0);
        QCOMPARE(out2.str(), std::string("2\n0\n"));
    }

    void partitionCommandRejectsBadUsage() {
        std::istringstream in;
        for (const fg::cli::Args& a :
             {fg::cli::Args{"k"}, fg::cli::Args{"--partitions"},
              fg::cli::Args{"--partitions", "0", "k"}, fg::cli::Args{"--partitions", "-1", "k"},
              fg::cli::Args{"--partitions", "3", "--bogus"}}) {
            std::ostringstream out, err;
            QCOMPARE(fg::cli::partition(a, {in, out, err}), 2);
            QVERIFY(out.str().empty());
            QVERIFY(err.str().rfind("fieldguide partition:", 0) == 0);
        }
    }
};

FG_TEST_APPLESS_MAIN(TestKafkaPartitioning)
#include "test_kafka_partitioning.moc"
