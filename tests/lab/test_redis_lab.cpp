// The Redis lab against a real Redis Cluster (no mocks): model and real agree on every key's slot
// and owner over seeded key sets, the slot map is the one redis-cli would make, a reshard shows a
// stale client the real ASK then MOVED exactly where the model's client gets them, a killed
// master's replica takes over as the model says, and 10,000 keys take under 5 s.
#include "engines/core/rng.h"
#include "engines/redis/key_slot.h"
#include "engines/redis/slot_ranges.h"
#include "lab/redis_lab.h"
#include "tests/lab/lab_test_support.h"
#include "tests/suite_main.h"

#include <QElapsedTimer>
#include <map>
#include <set>

namespace {

// Keys of every kind a client sends: plain, numbered, with hash tags (empty ones included) and
// with bytes outside ASCII. One draw per choice.
std::vector<std::string> seededKeys(int n, std::uint64_t seed) {
    fg::Rng rng(seed);
    std::vector<std::string> keys;
    for (int i = 0; i < n; ++i) {
        const auto kind = rng.uniform(0, 4);
        const std::string id = std::to_string(rng.uniform(0, 1'000'000));
        keys.push_back(kind == 0   ? "user:" + id
                       : kind == 1 ? "{order:" + std::to_string(rng.uniform(0, 50)) + "}:" + id
                       : kind == 2 ? "{}" + id
                       : kind == 3 ? "caf\xc3\xa9:" + id
                                   : id);
    }
    return keys;
}

} // namespace

class TestRedisLab : public QObject {
    Q_OBJECT

    std::unique_ptr<fg::lab::RedisLab> lab_; // 3 masters, a replica each

    // A hash tag whose slot holds no key yet (the suite's keys so far are elsewhere).
    std::string tagOfAnEmptySlot() {
        long long already = 1;
        std::string tag;
        for (int i = 0; already != 0; ++i) {
            tag = "reshard" + std::to_string(i);
            if (!lab_->countKeysInSlot(fg::redis::keySlot(tag), &already)) {
                return {};
            }
        }
        return tag;
    }

private slots:
    void initTestCase() {
        FG_REQUIRE_LAB(fg::lab::LabKind::kRedisCluster);
        fg::lab::RedisLabOptions options;
        options.replicas = true;
        const fg::Status s = fg::lab::RedisLab::start(options, &lab_);
        QVERIFY2(s, s.message().c_str());
    }
    void cleanupTestCase() { lab_.reset(); }

    void theSlotMapIsTheOneRedisCliMakes() {
        std::vector<fg::lab::Shard> shards;
        QVERIFY(lab_->slotMap(&shards));
        const auto ranges = fg::redis::clusterCreateRanges(3);
        QCOMPARE(shards.size(), std::size_t{3});
        for (const fg::lab::Shard& shard : shards) {
            const int m = shard.master();
            QVERIFY(m >= 0 && m < 3);
            QCOMPARE(shard.ranges.size(), std::size_t{1});
            QCOMPARE(shard.ranges.front(), ranges[static_cast<std::size_t>(m)]);
            QCOMPARE(shard.nodes.size(), std::size_t{2}); // the master and its replica
            for (const auto& n : shard.nodes) {
                QCOMPARE(n.node, n.role == "master" ? m : m + 3);
            }
        }
    }

    void modelAndRealAgreeOnEverySlotAndOwner_data() {
        QTest::addColumn<int>("seed");
        for (int seed = 1; seed <= 3; ++seed) {
            QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
        }
    }
    void modelAndRealAgreeOnEverySlotAndOwner() {
        QFETCH(int, seed);
        const auto keys = seededKeys(2000, static_cast<std::uint64_t>(seed));
        std::vector<int> servedBy, slotOf;
        QVERIFY(lab_->sendKeys(keys, &servedBy));
        QVERIFY(lab_->keySlots(keys, &slotOf));
        const std::vector<int> owner = fg::redis::clusterCreateOwners(3);
        std::map<int, std::set<std::string>> perSlot; // distinct keys (a draw may repeat)
        for (std::size_t i = 0; i < keys.size(); ++i) {
            const int slot = fg::redis::keySlot(keys[i]);
            QCOMPARE(slotOf[i], slot);
            QCOMPARE(servedBy[i], owner[static_cast<std::size_t>(slot)]);
            perSlot[slot].insert(keys[i]);
        }
        // COUNTKEYSINSLOT sees the keys stored (keys repeat across seeds' tags: at least ours).
        for (const auto& [slot, mine] : perSlot) {
            long long real = 0;
            QVERIFY(lab_->countKeysInSlot(slot, &real));
            QVERIFY(real >= static_cast<long long>(mine.size()));
        }
    }

    void aReshardShowsAStaleClientAskThenMoved() {
        const std::string tag = tagOfAnEmptySlot(); // three keys alone in their slot
        QVERIFY(!tag.empty());
        const std::vector<std::string> keys{"{" + tag + "}a", "{" + tag + "}b", "{" + tag + "}c"};
        std::vector<int> servedBy;
        QVERIFY(lab_->sendKeys(keys, &servedBy));
        const int slot = fg::redis::keySlot(tag);
        const int from = servedBy[0];
        const int to = (from + 1) % 3;
        std::vector<fg::lab::ReshardStep> steps;
        const fg::Status s = lab_->reshardSlot(slot, to, 1, &steps);
        QVERIFY2(s, s.message().c_str());
        QCOMPARE(steps.size(), std::size_t{4});
        // Probes: the three keys in byte order, then a key of the slot never written.
        for (const auto& step : steps) {
            QCOMPARE(step.replies.size(), std::size_t{4});
            for (const fg::lab::StaleReply& r : step.replies) {
                QCOMPARE(r.asked, from);               // the stale map never learns
                QCOMPARE(r.modelRedirect, r.redirect); // the model's client gets the same reply
                QCOMPARE(r.modelNode, r.redirect.empty() ? r.asked : r.redirectTo);
            }
        }
        const auto& before = steps[0].replies;
        QCOMPARE(before[0].reply, std::string("1"));
        QCOMPARE(before[3].reply, std::string("(nil)"));
        // Migrating, no key moved yet: keys are served where they are; a missing key is ASKed.
        QCOMPARE(steps[1].replies[0].reply, std::string("1"));
        QCOMPARE(steps[1].replies[3].redirect, std::string("ASK"));
        QCOMPARE(steps[1].replies[3].redirectTo, to);
        // The first key moved: ASK to the target, which answers after ASKING.
        const fg::lab::StaleReply& moved = steps[2].replies[0];
        QCOMPARE(moved.reply, "-ASK " + std::to_string(slot) + " 127.0.0.1:" +
                                  std::to_string(lab_->nodes()[static_cast<std::size_t>(to)].port));
        QCOMPARE(moved.followed, std::string("1"));
        QCOMPARE(steps[2].replies[1].reply, std::string("1")); // still on the source
        // Done: every key is MOVED to its new owner, for good.
        for (std::size_t k = 0; k < 3; ++k) {
            QCOMPARE(steps[3].replies[k].redirect, std::string("MOVED"));
            QCOMPARE(steps[3].replies[k].redirectTo, to);
            QCOMPARE(steps[3].replies[k].followed, std::string("1"));
        }
        QVERIFY(steps[1].commands.size() == 2 && steps[3].commands.size() >= 4);
        QVERIFY(steps[2].commands.front().find("<password>") != std::string::npos);
        std::vector<int> owner;
        QVERIFY(lab_->slotOwners(&owner));
        QCOMPARE(owner[static_cast<std::size_t>(slot)], to);
        long long count = 0;
        QVERIFY(lab_->countKeysInSlot(slot, &count));
        QCOMPARE(count, 3LL);
    }

    // Last: it leaves the cluster with a dead master.
    void aKilledMastersReplicaTakesOverAsTheModelSays() {
        fg::lab::FailoverReport report;
        const fg::Status s = lab_->failMaster(1, &report);
        QVERIFY2(s, s.message().c_str());
        QCOMPARE(report.promoted, 4); // master 1's replica
        QCOMPARE(report.modelPromoted, 4);
        QVERIFY(report.seconds < 30);
        qInfo("failover seen after %.1f s", report.seconds);
        // Its slots are served by the new master, found by following MOVED.
        std::string key; // a key of master 1's slots
        for (int i = 0; key.empty(); ++i) {
            const std::string k = "failover:" + std::to_string(i);
            key = fg::redis::clusterCreateOwners(
                      3)[static_cast<std::size_t>(fg::redis::keySlot(k))] == 1
                      ? k
                      : "";
        }
        std::vector<int> servedBy;
        QVERIFY(lab_->sendKeys(std::vector<std::string>{key}, &servedBy));
        QCOMPARE(servedBy[0], 4);
    }

    void tenThousandKeysInUnder5Seconds() {
        QElapsedTimer clock;
        clock.start();
        std::unique_ptr<fg::lab::RedisLab> lab;
        QVERIFY(fg::lab::RedisLab::start({}, &lab));
        const qint64 started = clock.elapsed();
        const auto keys = seededKeys(10000, 99);
        std::vector<int> servedBy, slotOf;
        QVERIFY(lab->sendKeys(keys, &servedBy));
        QVERIFY(lab->keySlots(keys, &slotOf));
        const qint64 done = clock.elapsed();
        lab.reset();
        qInfo("10,000 keys: cluster ready in %lld ms, keys set and their slots read by %lld ms, "
              "stopped by %lld ms",
              started, done, clock.elapsed());
        QVERIFY(done < 5000);
    }
};

FG_TEST_GUILESS_MAIN(TestRedisLab)
#include "test_redis_lab.moc"
