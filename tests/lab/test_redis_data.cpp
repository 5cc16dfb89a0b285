// The Redis lab's data as JSON, both ways (the helper writes it, the app reads it): every struct
// comes back as it went, and a document of another shape is refused with an exception, never
// read as zeros.
#include "lab/redis_data.h"
#include "tests/suite_main.h"

#include <nlohmann/json.hpp>

namespace {

fg::lab::Shard sampleShard() {
    fg::lab::Shard shard;
    shard.ranges = {{0, 5460}, {10000, 10001}};
    shard.nodes = {{"a1b2", 7001, "master", "online", 1234, 0},
                   {"c3d4", 7004, "replica", "loading", 1200, 3}};
    return shard;
}

template <class T>
T roundTrip(const T& value) {
    const nlohmann::json j = fg::lab::toJson(value);
    T back;
    fg::lab::fromJson(nlohmann::json::parse(j.dump()), &back);
    return back;
}

} // namespace

class TestRedisData : public QObject {
    Q_OBJECT

private slots:
    void aNodeComesBack() {
        const fg::lab::RedisNode n{4, "07c37dfe", 7004, 17004, 1, 4242};
        const fg::lab::RedisNode back = roundTrip(n);
        QCOMPARE(fg::lab::toJson(back).dump(), fg::lab::toJson(n).dump());
        QCOMPARE(back.replicaOf, 1);
        QCOMPARE(back.pid, qint64{4242});
        QCOMPARE(back.busPort, 17004);
    }

    void aShardComesBackWithItsMaster() {
        const fg::lab::Shard back = roundTrip(sampleShard());
        QCOMPARE(fg::lab::toJson(back).dump(), fg::lab::toJson(sampleShard()).dump());
        QCOMPARE(back.ranges.size(), std::size_t{2});
        QCOMPARE(back.ranges[1], (std::pair<int, int>{10000, 10001}));
        QCOMPARE(back.nodes[1].health, std::string("loading"));
        QCOMPARE(back.nodes[1].replicationOffset, 1200LL);
        QCOMPARE(back.master(), 0);
        // Redis 7.0 says "fail" of a dead node: the shard's master is then the live one.
        fg::lab::Shard dead = back;
        dead.nodes[0].health = "fail";
        dead.nodes[1].role = "master";
        QCOMPARE(dead.master(), 3);
    }

    void aReshardStepComesBack() {
        fg::lab::ReshardStep step;
        step.text = "MIGRATE moves 1 of its 3 keys to node 2.";
        step.commands = {"127.0.0.1:7001> MIGRATE 127.0.0.1 7003 \"\" 0 5000 KEYS {u}a"};
        step.replies = {{"{u}a", 0, "-ASK 866 127.0.0.1:7003", "ASK", 2, "1", "ASK", 2},
                        {"caf\xc3\xa9", 0, "(nil)", "", -1, "", "", 0}};
        const fg::lab::ReshardStep back = roundTrip(step);
        QCOMPARE(fg::lab::toJson(back).dump(), fg::lab::toJson(step).dump());
        QCOMPARE(back.replies.size(), std::size_t{2});
        QCOMPARE(back.replies[0].reply, std::string("-ASK 866 127.0.0.1:7003"));
        QCOMPARE(back.replies[1].key, std::string("caf\xc3\xa9"));
        QCOMPARE(back.replies[1].modelNode, 0);
        QCOMPARE(back.commands, step.commands);
    }

    void aFailoverReportComesBack() {
        fg::lab::FailoverReport r;
        r.failed = 1;
        r.promoted = 4;
        r.modelPromoted = 4;
        r.seconds = 2.25;
        r.shards = {sampleShard()};
        r.text = "Master 1 was killed";
        const fg::lab::FailoverReport back = roundTrip(r);
        QCOMPARE(fg::lab::toJson(back).dump(), fg::lab::toJson(r).dump());
        QCOMPARE(back.seconds, 2.25);
        QCOMPARE(back.promoted, 4);
        QCOMPARE(back.shards.size(), std::size_t{1});
    }

    void aSendReportComesBack() {
        fg::lab::SendReport r;
        r.keys = 3;
        r.slotsAgree = 3;
        r.ownersAgree = 2;
        r.rows = {{"user:1", 10778, 10778, 1, 2, 1}, {"user:2", 6777, 6777, 1, 1, 1}};
        r.rowsLeftOut = 1;
        r.shards = {sampleShard()};
        r.modelRanges = {{0, 5460, 0}, {5461, 16383, 1}};
        r.keysPerNode = {1, 2, 0};
        r.modelKeysPerNode = {1, 1, 1};
        r.slotCounts = {{6777, 1, 1}, {10778, 1, 1}};
        r.text = "agree: 3 of 3 slots, 2 of 3 owners";
        const fg::lab::SendReport back = roundTrip(r);
        QCOMPARE(fg::lab::toJson(back).dump(), fg::lab::toJson(r).dump());
        QVERIFY(!back.rows[0].agrees());
        QVERIFY(back.rows[1].agrees());
        QCOMPARE(back.modelRanges[1].first, 5461);
        QCOMPARE(back.modelRanges[1].node, 1);
        QCOMPARE(back.slotCounts[1].slot, 10778);
        QCOMPARE(back.keysPerNode, r.keysPerNode);
        QCOMPARE(back.rowsLeftOut, 1LL);
    }

    void aDocumentOfAnotherShapeIsRefused() {
        fg::lab::SendReport r;
        QVERIFY_THROWS_EXCEPTION(nlohmann::json::exception,
                                 fg::lab::fromJson(nlohmann::json{{"keys", "many"}}, &r));
        fg::lab::ReshardStep step;
        QVERIFY_THROWS_EXCEPTION(nlohmann::json::exception,
                                 fg::lab::fromJson(nlohmann::json::array(), &step));
        fg::lab::FailoverReport f;
        QVERIFY_THROWS_EXCEPTION(
            nlohmann::json::exception,
            fg::lab::fromJson(nlohmann::json{{"failed", "one"}, {"promoted", 4}}, &f));
    }
};

FG_TEST_APPLESS_MAIN(TestRedisData)
#include "test_redis_data.moc"
