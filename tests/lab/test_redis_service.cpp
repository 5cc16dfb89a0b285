// RedisService, the helper program's Redis lab, against a real Redis Cluster (no mocks): its
// answers as the page reads them (JSON), model and real agreeing on every key's slot and owner,
// also after a reshard and a failover (the service moves and fails its model as it does the real
// cluster), a reshard's stale client getting the real ASK and MOVED, and every bad argument and
// budget refused with a sentence naming it.
#include "engines/core/rng.h"
#include "engines/redis/key_slot.h"
#include "lab/redis_data.h"
#include "lab/redis_lab.h"
#include "lab/redis_service.h"
#include "tests/lab/lab_test_support.h"
#include "tests/suite_main.h"

#include <QDir>
#include <QElapsedTimer>
#include <nlohmann/json.hpp>
#include <set>

namespace {

// Plain, numbered, hash-tagged and non-ASCII keys, one draw per choice.
std::vector<std::string> serviceKeys(int n, std::uint64_t seed) {
    fg::Rng rng(seed);
    std::vector<std::string> keys;
    for (int i = 0; i < n; ++i) {
        const auto kind = rng.uniform(0, 3);
        const std::string id = std::to_string(rng.uniform(0, 1'000'000));
        keys.push_back(kind == 0   ? "user:" + id
                       : kind == 1 ? "{cart:" + std::to_string(rng.uniform(0, 40)) + "}:" + id
                       : kind == 2 ? "n\xc3\xbc:" + id
                                   : id);
    }
    return keys;
}

} // namespace

class TestRedisService : public QObject {
    Q_OBJECT

    fg::lab::RedisService service_; // 3 masters, a replica each
    QString folder_;

    fg::Status run(const char* op, const nlohmann::json& args, nlohmann::json* result,
                   std::vector<std::string>* progress = nullptr) {
        return service_.handle(op, args, result, [progress](const std::string& sentence) {
            if (progress) {
                progress->push_back(sentence);
            }
        });
    }

    fg::lab::SendReport send(const std::vector<std::string>& keys, bool replace = true) {
        nlohmann::json result;
        const fg::Status s = run("send", {{"keys", keys}, {"replace", replace}}, &result);
        fg::lab::SendReport report;
        if (s) {
            fg::lab::fromJson(result, &report);
        } else {
            qWarning("send: %s", s.message().c_str());
        }
        return report;
    }

    // The error of `op` with `args`, as a sentence ("" when it succeeded).
    std::string refusal(const char* op, const nlohmann::json& args) {
        nlohmann::json result;
        const fg::Status s = run(op, args, &result);
        return s ? std::string() : s.message();
    }

private slots:
    void initTestCase() {
        FG_REQUIRE_LAB(fg::lab::LabKind::kRedisCluster);
        nlohmann::json result;
        std::vector<std::string> progress;
        const fg::Status s = run("start", {{"masters", 3}, {"replicas", true}}, &result, &progress);
        QVERIFY2(s, s.message().c_str());
        QVERIFY(!progress.empty());
        QCOMPARE(result.at("nodes").size(), std::size_t{6});
        QCOMPARE(result.at("shards").size(), std::size_t{3});
        folder_ = QString::fromStdString(result.at("folder").get<std::string>());
        QVERIFY(QDir(folder_).exists());
        fg::lab::RedisNode node;
        fg::lab::fromJson(result.at("nodes").at(4), &node);
        QCOMPARE(node.replicaOf, 1);
    }
    void cleanupTestCase() {
        service_.stop();
        QVERIFY(folder_.isEmpty() || !QDir(folder_).exists());
    }

    void everyKeysSlotAndOwnerAgree_data() {
        QTest::addColumn<int>("seed");
        for (int seed = 1; seed <= 3; ++seed) {
            QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
        }
    }
    void everyKeysSlotAndOwnerAgree() {
        QFETCH(int, seed);
        const auto keys = serviceKeys(3000, static_cast<std::uint64_t>(seed));
        const fg::lab::SendReport r = send(keys);
        QCOMPARE(r.keys, 3000LL);
        QCOMPARE(r.slotsAgree, 3000LL);
        QCOMPARE(r.ownersAgree, 3000LL);
        QCOMPARE(r.text, std::string("agree: 3000 of 3000 slots, 3000 of 3000 owners"));
        QCOMPARE(r.rows.size(), std::size_t{3000});
        for (const fg::lab::KeyRow& row : r.rows) {
            QVERIFY(row.agrees());
            QCOMPARE(row.slot, fg::redis::keySlot(row.key));
        }
        // The cluster holds these keys alone (replace): COUNTKEYSINSLOT is the model's count.
        const std::set<std::string> distinct(keys.begin(), keys.end());
        long long real = 0;
        for (const fg::lab::SlotCount& c : r.slotCounts) {
            QCOMPARE(c.real, c.model);
            real += c.real;
        }
        QCOMPARE(real, static_cast<long long>(distinct.size()));
        QCOMPARE(r.keysPerNode, r.modelKeysPerNode);
        QCOMPARE(r.keysPerNode.size(), std::size_t{6});
        QCOMPARE(r.keysPerNode[3], 0LL); // replicas store no key of their own
        QCOMPARE(r.modelRanges.size(), std::size_t{3});
    }

    void rowsAreCutAtTheLimitDisagreementsFirst() {
        const auto keys = serviceKeys(25000, 7);
        QElapsedTimer clock;
        clock.start();
        const fg::lab::SendReport r = send(keys);
        qInfo("25,000 keys sent and read back through the service in %lld ms", clock.elapsed());
        QCOMPARE(r.rows.size(), fg::lab::SendReport::kMaxRows);
        QCOMPARE(r.rowsLeftOut, 5000LL);
        QCOMPARE(r.ownersAgree, 25000LL); // the counts cover every key
        QCOMPARE(r.rows.front().key, keys.front());
    }

    void badArgumentsAndBudgetsAreNamed() {
        QVERIFY(refusal("start", {{"masters", 7}}).find("masters: a whole number from 3 to 6") !=
                std::string::npos);
        QVERIFY(refusal("send", {{"keys", "user:1"}}).find("keys") != std::string::npos);
        QVERIFY(refusal("send", {{"keys", {"a", 2}}}).find("keys/1: a key is a string") !=
                std::string::npos);
        const std::string longKey(fg::lab::RedisService::kMaxKeyBytes + 1, 'k');
        QVERIFY(refusal("send", {{"keys", {"a", longKey}}}).find("65,536 bytes") !=
                std::string::npos);
        nlohmann::json tooMany = nlohmann::json::array();
        for (std::size_t i = 0; i <= fg::lab::RedisService::kMaxKeys; ++i) {
            tooMany.push_back("");
        }
        QVERIFY(refusal("send", {{"keys", std::move(tooMany)}}).find("at most 1,000,000 keys") !=
                std::string::npos);
        QVERIFY(refusal("reshard", {{"to", 1}}).find("slot") != std::string::npos);
        QVERIFY(refusal("reshard", {{"slot", 16384}, {"to", 1}}).find("0 to 16383") !=
                std::string::npos);
        QVERIFY(refusal("fail", {{"master", 3}}).find("master: a whole number from 0 to 2") !=
                std::string::npos);
        QVERIFY(refusal("flush", {}).find("knows start, send") != std::string::npos);
        nlohmann::json result;
        QVERIFY(!service_.handle("send", nlohmann::json::array(), &result, {}));
        // Nothing was sent: the cluster is still the one the last send left.
        QVERIFY(refusal("shards", {}).empty());
    }

    void aServiceWithoutAClusterSaysStartFirst() {
        fg::lab::RedisService idle;
        nlohmann::json result;
        const fg::Status s = idle.handle("send", {{"keys", {"a"}}}, &result, {});
        QVERIFY(!s);
        QVERIFY(s.message().find("start it first") != std::string::npos);
        QVERIFY(idle.handle("stop", nlohmann::json::object(), &result, {}));
    }

    void aReshardShowsAskThenMovedAndTheModelFollows() {
        // Three keys alone in a slot of master 0.
        std::string tag;
        for (int i = 0; tag.empty(); ++i) {
            const std::string t = "svc" + std::to_string(i);
            tag = fg::redis::keySlot(t) < 5000 ? t : "";
        }
        const std::vector<std::string> keys{"{" + tag + "}a", "{" + tag + "}b", "{" + tag + "}c"};
        QCOMPARE(send(keys).ownersAgree, 3LL);
        const int slot = fg::redis::keySlot(tag);
        nlohmann::json result;
        const fg::Status s =
            run("reshard", {{"slot", slot}, {"to", 2}, {"firstBatch", 1}}, &result);
        QVERIFY2(s, s.message().c_str());
        QCOMPARE(result.at("from").get<int>(), 0);
        std::vector<fg::lab::ReshardStep> steps(result.at("steps").size());
        for (std::size_t i = 0; i < steps.size(); ++i) {
            fg::lab::fromJson(result.at("steps").at(i), &steps[i]);
        }
        QCOMPARE(steps.size(), std::size_t{4});
        QCOMPARE(steps[2].replies[0].redirect, std::string("ASK"));
        QCOMPARE(steps[3].replies[0].redirect, std::string("MOVED"));
        QCOMPARE(steps[3].replies[0].redirectTo, 2);
        for (const auto& step : steps) {
            for (const auto& reply : step.replies) {
                QCOMPARE(reply.modelRedirect, reply.redirect);
            }
        }
        QVERIFY(steps[1].commands.front().find("CLUSTER SETSLOT " + std::to_string(slot) +
                                               " IMPORTING") != std::string::npos);
        // Sent again, the keys are on master 2 in the real cluster and in the model.
        const fg::lab::SendReport after = send(keys, false);
        QCOMPARE(after.ownersAgree, 3LL);
        QCOMPARE(after.rows.front().owner, 2);
        QCOMPARE(after.rows.front().modelOwner, 2);
        // Moved again to where it is: said with what to do (a tester read "Node 2 is not a live
        // master other than slot 1649's owner").
        QVERIFY(refusal("reshard", {{"slot", slot}, {"to", 2}})
                    .find("Slot " + std::to_string(slot) +
                          " is already on node 2: pick another master to move it to.") !=
                std::string::npos);
    }

    // Last: it leaves a master dead.
    void aFailoverPromotesTheReplicaTheModelPicks() {
        nlohmann::json result;
        std::vector<std::string> progress;
        const fg::Status s = run("fail", {{"master", 1}}, &result, &progress);
        QVERIFY2(s, s.message().c_str());
        QVERIFY(!progress.empty());
        fg::lab::FailoverReport report;
        fg::lab::fromJson(result, &report);
        QCOMPARE(report.failed, 1);
        QCOMPARE(report.promoted, 4);
        QCOMPARE(report.modelPromoted, 4);
        qInfo("failover seen after %.1f s", report.seconds);
        // The last send's keys counted again where they are now, real and model alike.
        QCOMPARE(result.at("keysPerNode").dump(), result.at("modelKeysPerNode").dump());
        QCOMPARE(result.at("keysPerNode").size(), std::size_t{6});
        // Keys of master 1's old slots now go to node 4, in both.
        const fg::lab::SendReport r = send(serviceKeys(500, 11));
        QCOMPARE(r.ownersAgree, 500LL);
        QVERIFY(r.keysPerNode[4] > 0);
        QCOMPARE(r.keysPerNode[1], 0LL);
        QCOMPARE(r.keysPerNode, r.modelKeysPerNode);
        QVERIFY(refusal("fail", {{"master", 1}}).find("not a live master") != std::string::npos);
    }
};

FG_TEST_GUILESS_MAIN(TestRedisService)
#include "test_redis_service.moc"
