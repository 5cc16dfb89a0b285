// Key slots and slot ownership exactly as Redis computes them: the CRC16 check value, the slots
// published in Redis's docs and tests, hash-tag rules, and redis-cli's split for 3..10 masters.
#include "engines/cli/commands.h"
#include "engines/cli/key_input.h"
#include "engines/redis/crc16.h"
#include "engines/redis/key_slot.h"
#include "engines/redis/slot_ranges.h"
#include "tests/suite_main.h"

#include <QTest>
#include <sstream>

class TestRedisSlots : public QObject {
    Q_OBJECT
private slots:
    void crc16IsXmodem() { QCOMPARE(int(fg::redis::crc16("123456789")), 0x31C3); }

    void keySlot_data() {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<int>("slot");
        // Redis docs (CLUSTER KEYSLOT) and Redis's own test suite.
        QTest::newRow("somekey") << QByteArray("somekey") << 11058;
        QTest::newRow("foo") << QByteArray("foo") << 12182;
        QTest::newRow("foo{hash_tag}") << QByteArray("foo{hash_tag}") << 2515;
        QTest::newRow("bar{hash_tag}") << QByteArray("bar{hash_tag}") << 2515;
        // Third-party redis-cli output, rechecked in the engine reference.
        QTest::newRow("user:case") << QByteArray("user:case") << 9491;
        QTest::newRow("user:info") << QByteArray("user:info") << 15429;
        QTest::newRow("user:case{1}") << QByteArray("user:case{1}") << 9842;
        QTest::newRow("{user1}.following") << QByteArray("{user1}.following") << 8106;
        // The first entries of Redis's crc16_slottable.h: entry i hashes to slot i.
        QTest::newRow("06S") << QByteArray("06S") << 0;
        QTest::newRow("Qi") << QByteArray("Qi") << 1;
        QTest::newRow("5L5") << QByteArray("5L5") << 2;
        QTest::newRow("4Iu") << QByteArray("4Iu") << 3;
        QTest::newRow("6ZJ") << QByteArray("6ZJ") << 16383;
    }
    void keySlot() {
        QFETCH(QByteArray, key);
        QFETCH(int, slot);
        QCOMPARE(fg::redis::keySlot(std::string_view(key.constData(), size_t(key.size()))), slot);
    }

    void hashTagRules() {
        using fg::redis::keySlot;
        // Only the first '{' counts, and an empty tag hashes the whole key.
        QCOMPARE(keySlot("foo{}{bar}"), fg::redis::crc16("foo{}{bar}") & 16383);
        QVERIFY(keySlot("foo{}{bar}") != keySlot("bar"));
        QCOMPARE(keySlot("foo{{bar}}zap"), keySlot("{bar"));
        QCOMPARE(keySlot("foo{bar}{zap}"), keySlot("bar"));
        QCOMPARE(keySlot("{user1000}.following"), keySlot("{user1000}.followers"));
        QCOMPARE(keySlot("{a}b"), keySlot("a"));
        QCOMPARE(keySlot(""), 0);
        QCOMPARE(fg::redis::hashedPart("x{}y{z}"), std::string_view("x{}y{z}"));
        QCOMPARE(fg::redis::hashedPart("a{b"), std::string_view("a{b"));
        QVERIFY(!fg::redis::hasHashTag("}"));
        QVERIFY(fg::redis::hasHashTag("user:{1000}:profile"));
    }

    void redisCliSplitsSlotsLikeClusterCreate() {
        using Ranges = std::vector<std::pair<int, int>>;
        QVERIFY((fg::redis::clusterCreateRanges(3) ==
                 Ranges{{0, 5460}, {5461, 10922}, {10923, 16383}}));
        QVERIFY((fg::redis::clusterCreateRanges(5) ==
                 Ranges{{0, 3276}, {3277, 6553}, {6554, 9829}, {9830, 13106}, {13107, 16383}}));
        QVERIFY((fg::redis::clusterCreateRanges(7) == Ranges{{0, 2340},
                                                             {2341, 4680},
                                                             {4681, 7021},
                                                             {7022, 9361},
                                                             {9362, 11702},
                                                             {11703, 14042},
                                                             {14043, 16383}}));
        QVERIFY((fg::redis::clusterCreateRanges(10)[9] == std::pair{14746, 16383}));
        QVERIFY((fg::redis::clusterCreateRanges(9)[3] == std::pair{5461, 7281}));
    }

    void everySlotHasExactlyOneOwnerForAnyMasterCount() {
        for (int m : {1, 2, 3, 4, 6, 11, 100, 1000, 16383, 16384}) {
            const auto owner = fg::redis::clusterCreateOwners(m);
            QCOMPARE(int(owner.size()), 16384);
            int prev = 0;
            for (int o : owner) {
                QVERIFY(o >= prev && o < m && o <= prev + 1); // contiguous, in order, no gap
                prev = o;
            }
            QCOMPARE(owner.back(), m - 1);
        }
    }

    void slotCommandStreamsKeysFromStdin() {
        std::istringstream in("somekey\nfoo{hash_tag}\nlast-without-newline");
        std::ostringstream out, err;
        QCOMPARE(fg::cli::slot({"--nodes", "3"}, {in, out, err}), 0);
        QCOMPARE(QString::fromStdString(out.str()),
                 QString("11058\t2\n2515\t0\n%1\t%2\n")
                     .arg(fg::redis::keySlot("last-without-newline"))
                     .arg(fg::redis::clusterCreateOwners(
                         3)[static_cast<std::size_t>(fg::redis::keySlot("last-without-newline"))]));
    }

    void slotCommandRejectsBadUsage() {
        std::istringstream in;
        for (const fg::cli::Args& args :
             {fg::cli::Args{"--nodes"}, fg::cli::Args{"--nodes", "0"},
              fg::cli::Args{"--nodes", "16385"}, fg::cli::Args{"--nodes", "3x"},
              fg::cli::Args{"--frob"}}) {
            std::ostringstream out, err;
            QCOMPARE(fg::cli::slot(args, {in, out, err}), 2);
            QVERIFY(out.str().empty());
            QVERIFY(err.str().find("fieldguide slot:") == 0);
        }
        std::ostringstream out, err;
        QCOMPARE(fg::cli::slot({"--", "--nodes"}, {in, out, err}), 0); // a key after --
        QCOMPARE(out.str(), std::to_string(fg::redis::keySlot("--nodes")) + "\n");
    }

    void aOneMegabyteKeyIsJustAKey() {
        const std::string big(1 << 20, 'k');
        std::istringstream in(big + "\n");
        std::ostringstream out, err;
        QCOMPARE(fg::cli::slot({}, {in, out, err}), 0);
        QCOMPARE(out.str(), std::to_string(fg::redis::keySlot(big)) + "\n");
    }

    void aKeyOverTheLimitIsNamedAndStopsTheInput() {
        // The limit is Redis's 512 MB; the same rule is checked here with a limit of 8 bytes.
        std::vector<std::string> seen;
        auto collect = [&](std::string_view k) { seen.emplace_back(k); };
        std::istringstream in("short\n12345678\nnine-long\nafter\n");
        fg::Status s = fg::cli::forEachKey({}, in, collect, 8);
        QVERIFY(!s);
        QVERIFY(!s.isFailure()); // bad input, not a failing system
        QCOMPARE(seen, (std::vector<std::string>{"short", "12345678"}));
        QCOMPARE(s.message(), std::string("line 3 is longer than 8 bytes, the most a key may be "
                                          "(Redis's limit): is this the right input?"));
        // A long line that spans reads, with no newline at all (like /dev/zero).
        std::istringstream endless(std::string(200'000, '\0'));
        seen.clear();
        s = fg::cli::forEachKey({}, endless, collect, 100'000);
        QVERIFY(!s);
        QVERIFY(seen.empty());
        QVERIFY(s.message().rfind("line 1 is longer than 100000 bytes", 0) == 0);
        // Arguments are held to the same limit, named by position.
        s = fg::cli::forEachKey({"ok", "much-too-long"}, in, collect, 8);
        QVERIFY(!s);
        QVERIFY(s.message().rfind("argument 2 is longer than 8 bytes", 0) == 0);
        std::istringstream exact("12345678");
        seen.clear();
        QVERIFY(fg::cli::forEachKey({}, exact, collect, 8)); // exactly the limit is a key
        QCOMPARE(seen, (std::vector<std::string>{"12345678"}));
    }
};

FG_TEST_APPLESS_MAIN(TestRedisSlots)
#include "test_redis_slots.moc"
