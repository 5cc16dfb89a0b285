// Bloom filters: never a false "no"; a measured false-positive rate close to (1 - e^(-kn/m))^k,
// and within LevelDB's own bound (bloom_test.cc: at most 2% at 10 bits per key).
#include "engines/lsm/bloom_filter.h"
#include "tests/suite_main.h"

#include <QTest>

class TestLsmBloom : public QObject {
    Q_OBJECT
private slots:
    void neverSaysNoToAKeyItHolds() {
        std::vector<std::string> keys;
        for (int i = 0; i < 5000; ++i) {
            keys.push_back("key" + std::to_string(i * 7));
        }
        const fg::lsm::BloomFilter f(keys, 10);
        for (const auto& k : keys) {
            QVERIFY(f.mayContain(k));
        }
    }

    // A table's filter is built as its entries are written, key by key, without a list of keys:
    // the same bits and probes as the filter built from the list.
    void aFilterBuiltKeyByKeyIsTheFilterOfTheList() {
        for (const int bitsPerKey : {1, 4, 10, 64}) {
            for (const int n : {0, 1, 7, 1000}) {
                std::vector<std::string> keys;
                for (int i = 0; i < n; ++i) {
                    keys.push_back("k" + std::to_string(i * 31));
                }
                auto f = fg::lsm::BloomFilter::sized(keys.size(), bitsPerKey);
                for (const auto& k : keys) {
                    f.add(k);
                }
                QVERIFY(f == fg::lsm::BloomFilter(keys, bitsPerKey));
            }
        }
    }

    void probesFollowLevelDb() {
        QCOMPARE(fg::lsm::BloomFilter({"a"}, 10).probes(), 6); // 10 x 0.69
        QCOMPARE(fg::lsm::BloomFilter({"a"}, 1).probes(), 1);
        QCOMPARE(fg::lsm::BloomFilter({"a"}, 64).probes(), 30);
    }

    void falsePositiveRateMatchesTheFormula_data() {
        QTest::addColumn<int>("bitsPerKey");
        QTest::newRow("5 bits") << 5;
        QTest::newRow("10 bits") << 10;
        QTest::newRow("16 bits") << 16;
    }
    void falsePositiveRateMatchesTheFormula() {
        QFETCH(int, bitsPerKey);
        const int n = 10000, probes = 200000;
        std::vector<std::string> keys;
        for (int i = 0; i < n; ++i) {
            keys.push_back(std::to_string(i));
        }
        const fg::lsm::BloomFilter f(keys, bitsPerKey);
        int fp = 0;
        for (int i = 0; i < probes; ++i) {
            fp += f.mayContain(std::to_string(1'000'000'000 + i)) ? 1 : 0;
        }
        const double measured = double(fp) / probes;
        const double expected = f.expectedFalsePositiveRate(n);
        // Double hashing with one 32-bit hash is not k independent hashes, so the measured rate
        // sits a little off the formula; within half to one and a half times it is "close".
        QVERIFY2(
            measured > expected * 0.5 && measured < expected * 1.5,
            qPrintable(QStringLiteral("measured %1, expected %2").arg(measured).arg(expected)));
        if (bitsPerKey == 10) {
            QVERIFY(measured <= 0.02);
        }
    }
};

FG_TEST_APPLESS_MAIN(TestLsmBloom)
#include "test_lsm_bloom.moc"
