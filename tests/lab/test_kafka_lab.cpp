// The Kafka lab against librdkafka's real producer and consumers on librdkafka's mock cluster (no
// fakes of our own): keyed records land where the model and `fieldguide partition` put them,
// keyless records are all delivered and stay sticky, librdkafka's range, roundrobin and
// cooperative-sticky assignors agree with the model in what must agree, a leaving consumer's
// partitions go to the rest, a failed broker keeps its leaderships in the mock (and says so), and
// budgets are refused before anything starts. Rebalances cost seconds on the mock cluster, so the
// three runs are made once (initTestCase) and shared.
#include "engines/core/rng.h"
#include "engines/kafka/assignors.h"
#include "engines/kafka/murmur2.h"
#include "engines/scenario/kafka_scenario.h"
#include "lab/kafka_lab.h"
#include "lab/kafka_service.h"
#include "tests/suite_main.h"

#include <QElapsedTimer>
#include <QProcess>
#include <nlohmann/json.hpp>
#include <set>

using fg::KafkaScenario;
using fg::kafka::KafkaOp;
using fg::lab::KafkaLabRun;
using fg::lab::KafkaMemberView;

namespace kafka_lab_test {

constexpr int kPartitions = 6;

// Seeded keys, each once: "k-<n>" for n drawn from the seed.
std::vector<std::string> seededKafkaKeys(int count, std::uint64_t seed) {
    fg::Rng rng(seed);
    std::vector<std::string> out;
    for (int i = 0; i < count; ++i) {
        out.push_back("k-" + std::to_string(rng.uniform(0, 1'000'000)));
    }
    return out;
}

KafkaScenario scenario(fg::kafka::AssignorKind assignor) {
    KafkaScenario s;
    s.params.topics = {{"orders", kPartitions}};
    s.params.brokers = 3;
    s.params.replication = 2;
    s.params.assignor = assignor;
    return s;
}

KafkaLabRun run(const KafkaScenario& s) {
    KafkaLabRun out;
    const fg::Status status = fg::lab::runKafkaLab(s, &out);
    if (!status) {
        qWarning("%s", status.message().c_str());
    }
    return out;
}

const fg::lab::KafkaMoment* momentOf(const KafkaLabRun& r, const std::string& text) {
    for (const auto& m : r.moments) {
        if (m.opText == text) {
            return &m;
        }
    }
    return nullptr;
}

std::set<std::string> union_(const std::vector<KafkaMemberView>& members) {
    std::set<std::string> out;
    for (const auto& m : members) {
        out.insert(m.partitions.begin(), m.partitions.end());
    }
    return out;
}

std::set<std::string> all(int n) {
    std::set<std::string> out;
    for (int p = 0; p < n; ++p) {
        out.insert("orders-" + std::to_string(p));
    }
    return out;
}

// The engine's assignor on the real members, named by the coordinator's member ids.
fg::kafka::Assignment inBrokerOrder(const std::vector<KafkaMemberView>& members,
                                    fg::kafka::AssignorKind kind) {
    std::vector<fg::kafka::Member> ms;
    for (const auto& m : members) {
        ms.push_back({m.memberId, {"orders"}});
    }
    const std::map<std::string, int> topics{{"orders", kPartitions}};
    return kind == fg::kafka::AssignorKind::Range ? fg::kafka::assignRange(ms, topics)
                                                  : fg::kafka::assignRoundRobin(ms, topics);
}

void compareInBrokerOrder(const std::vector<KafkaMemberView>& members,
                          fg::kafka::AssignorKind kind) {
    const fg::kafka::Assignment model = inBrokerOrder(members, kind);
    for (const auto& m : members) {
        std::vector<std::string> names;
        if (const auto it = model.find(m.memberId); it != model.end()) {
            for (const auto& tp : it->second) {
                names.push_back(tp.name());
            }
        }
        QCOMPARE(m.partitions, names);
    }
}

} // namespace kafka_lab_test

using namespace kafka_lab_test;

class TestKafkaLab : public QObject {
    Q_OBJECT

    std::vector<std::string> keys_ = seededKafkaKeys(40, 17);
    KafkaLabRun range_, roundRobin_, sticky_;
    std::string lateKey_; // a key of a partition led by broker 1, produced after it fails

private slots:
    void initTestCase() {
        KafkaScenario r = scenario(fg::kafka::AssignorKind::Range);
        for (const std::string& k : keys_) {
            r.ops.push_back(KafkaOp::produce("orders", k, "v"));
        }
        r.ops.push_back(KafkaOp::produce("orders", std::nullopt, "burst", 30));
        r.ops.push_back(KafkaOp::join("g", "C0"));
        r.ops.push_back(KafkaOp::join("g", "C1"));
        r.ops.push_back(KafkaOp::join("g", "C2"));
        r.ops.push_back(KafkaOp::leave("g", "C1"));
        r.ops.push_back(KafkaOp::failBroker(1));
        // Partition 1 is led by broker 1 (the model's placement, set in the mock).
        for (const std::string& k : seededKafkaKeys(200, 5)) {
            if (fg::kafka::toPositive(fg::kafka::murmur2(k)) % kPartitions == 1) {
                lateKey_ = k;
                break;
            }
        }
        r.ops.push_back(KafkaOp::produce("orders", lateKey_, "late"));
        r.ops.push_back(KafkaOp::recoverBroker(1));
        r.ops.push_back(KafkaOp::produce("orders", lateKey_, "back"));
        QVERIFY(fg::lab::checkKafkaLabBudget(r));
        range_ = run(r);

        KafkaScenario rr = scenario(fg::kafka::AssignorKind::RoundRobin);
        // Joined in an order their names do not sort in: the coordinator's member ids follow
        // the joining order (so far), the model's names do not.
        rr.ops = {KafkaOp::join("g", "C"), KafkaOp::join("g", "A"), KafkaOp::join("g", "B")};
        roundRobin_ = run(rr);

        KafkaScenario st = scenario(fg::kafka::AssignorKind::CooperativeSticky);
        st.ops = {KafkaOp::join("g", "C0"), KafkaOp::join("g", "C1"), KafkaOp::leave("g", "C0")};
        sticky_ = run(st);
        QVERIFY(!range_.moments.empty() && !roundRobin_.moments.empty() &&
                !sticky_.moments.empty());
    }

    void theRealSideIsLabelledAndOnLoopbackOnly() {
        QCOMPARE(range_.label, std::string("librdkafka's mock cluster, not Apache Kafka's broker"));
        QCOMPARE(range_.version, std::string("2.0.2"));
        QVERIFY(range_.bootstraps.rfind("127.0.0.1:", 0) == 0);
        QVERIFY(range_.bootstraps.find("0.0.0.0") == std::string::npos);
    }

    void keyedRecordsLandWhereTheModelAndFieldguidePartitionPutThem() {
        QStringList args{QStringLiteral("partition"), QStringLiteral("--partitions"),
                         QString::number(kPartitions)};
        for (const std::string& k : keys_) {
            args << QString::fromStdString(k);
        }
        QProcess p;
        p.start(QStringLiteral(FIELDGUIDE_BIN), args);
        QVERIFY(p.waitForFinished(30000));
        const QStringList lines =
            QString::fromUtf8(p.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), static_cast<int>(keys_.size()));
        for (std::size_t i = 0; i < keys_.size(); ++i) {
            const auto& row = range_.records[i];
            QCOMPARE(*row.key, keys_[i]);
            QCOMPARE(row.realPartition, row.modelPartition);
            QCOMPARE(row.realPartition, lines[static_cast<int>(i)].trimmed().toInt());
        }
        // The late one (after broker 1 failed) is not delivered: it has no real partition, and
        // the keyed row says why; the one after broker 1 came back agrees.
        QCOMPARE(range_.keyed, 42);
        QCOMPARE(range_.keyedAgree, 41);
        QVERIFY(range_.summary.starts_with("agree: 41 of 42 keyed records"));
        QVERIFY(!range_.rows.front().agree);
        QVERIFY(range_.rows.front().why.find(lateKey_) != std::string::npos);
    }

    void keylessRecordsAreAllDeliveredAndStickToOnePartitionAtATime() {
        std::vector<const fg::lab::KafkaRecordRow*> burst;
        for (const auto& r : range_.records) {
            if (!r.key) {
                burst.push_back(&r);
            }
        }
        QCOMPARE(burst.size(), 30u);
        int runs = 0, previous = -2;
        std::map<int, std::int64_t> nextOffset;
        for (const auto* r : burst) {
            QVERIFY2(r->realPartition >= 0, r->realError.c_str());
            runs += r->realPartition != previous;
            previous = r->realPartition;
            nextOffset[r->realPartition] = r->realOffset + 1;
        }
        // Queued within milliseconds: librdkafka keeps them on one partition (a second at most,
        // should its 10 ms sticky linger end mid-burst); spread at random they would hit ~6.
        QVERIFY2(runs <= 2, qPrintable(QString::number(runs)));
        // The model switches every batch_records (4): the row says the batches differ, and why.
        bool found = false;
        for (const auto& row : range_.rows) {
            if (row.quantity.find("without a key, batch by batch") != std::string::npos) {
                found = true;
                QCOMPARE(row.model.find("x4") != std::string::npos, true);
                QVERIFY(row.why.find("sticky.partitioning.linger.ms") != std::string::npos);
            }
        }
        QVERIFY(found);
    }

    void rangeAgreesWithTheModelInTheCoordinatorsMemberOrder() {
        for (const char* text : {"C0 joins g", "C1 joins g", "C2 joins g", "C1 leaves g"}) {
            const auto* m = momentOf(range_, text);
            QVERIFY2(m, text);
            QCOMPARE(union_(m->real.members), all(kPartitions));
            compareInBrokerOrder(m->real.members, fg::kafka::AssignorKind::Range);
        }
        QCOMPARE(momentOf(range_, "C2 joins g")->real.members.size(), 3u);
    }

    void roundRobinAgreesWithTheModelInTheCoordinatorsMemberOrder() {
        const auto* m = momentOf(roundRobin_, "B joins g");
        QVERIFY(m);
        QCOMPARE(m->real.members.size(), 3u);
        QCOMPARE(union_(m->real.members), all(kPartitions));
        compareInBrokerOrder(m->real.members, fg::kafka::AssignorKind::RoundRobin);
        for (const auto& member : m->real.members) {
            QCOMPARE(member.partitions.size(), 2u);
        }
    }

    // The model orders members by name, the assignor by the coordinator's member id: the row
    // agrees exactly when both orders are the same, and says so when not.
    void aDifferentMemberOrderIsTheReasonGiven() {
        const auto* m = momentOf(roundRobin_, "B joins g");
        QVERIFY(m);
        std::vector<std::string> byId, byName;
        std::map<std::string, std::string> nameOf;
        for (const auto& member : m->real.members) {
            byId.push_back(member.memberId);
            byName.push_back(member.consumer);
            nameOf[member.memberId] = member.consumer;
        }
        std::sort(byId.begin(), byId.end());
        std::sort(byName.begin(), byName.end());
        std::vector<std::string> idOrder;
        for (const auto& id : byId) {
            idOrder.push_back(nameOf[id]);
        }
        const auto row =
            std::find_if(roundRobin_.rows.begin(), roundRobin_.rows.end(),
                         [](const auto& r) { return r.quantity == "g after B joins g"; });
        QVERIFY(row != roundRobin_.rows.end());
        QCOMPARE(row->agree, idOrder == byName);
        if (!row->agree) {
            QVERIFY2(row->why.find("ids the coordinator gave") != std::string::npos &&
                         row->why.find("gives the same assignment") != std::string::npos,
                     row->why.c_str());
        }
    }

    // Which partitions a sticky member keeps is free; the balance and the partitions moved are
    // not.
    void cooperativeStickyBalancesAndMovesAsFewAsTheModel() {
        const auto* two = momentOf(sticky_, "C1 joins g");
        QVERIFY(two);
        QCOMPARE(union_(two->real.members), all(kPartitions));
        for (const auto& member : two->real.members) {
            QCOMPARE(member.partitions.size(), 3u);
        }
        for (const auto& row : sticky_.rows) {
            if (row.quantity.starts_with("g after")) {
                QVERIFY2(row.agree, (row.quantity + ": " + row.real + " / " + row.model).c_str());
            }
        }
    }

    void aLeavingConsumersPartitionsGoToTheRest() {
        const auto* before = momentOf(range_, "C2 joins g");
        const auto* after = momentOf(range_, "C1 leaves g");
        QVERIFY(before && after);
        QCOMPARE(after->real.members.size(), 2u);
        std::set<std::string> leavers;
        for (const auto& m : before->real.members) {
            if (m.consumer == "C1") {
                leavers.insert(m.partitions.begin(), m.partitions.end());
            }
        }
        QVERIFY(!leavers.empty());
        for (const auto& m : after->real.members) {
            QVERIFY(m.consumer != "C1");
        }
        QCOMPARE(union_(after->real.members), all(kPartitions));
        const auto* left = momentOf(sticky_, "C0 leaves g");
        QVERIFY(left);
        QCOMPARE(left->real.members.size(), 1u);
        QCOMPARE(left->real.members[0].partitions.size(), static_cast<std::size_t>(kPartitions));
    }

    // The mock cluster elects no new leader: the failed broker stays the leader in the client's
    // metadata, a record for its partition is not delivered, and the comparison says why.
    void aFailedBrokerKeepsItsLeadershipsInTheMockAndSaysSo() {
        const auto* m = momentOf(range_, "broker 1 fails");
        QVERIFY(m);
        QCOMPARE(m->real.brokersUp, (std::vector<bool>{true, false, true}));
        QCOMPARE(m->model.brokersUp, (std::vector<bool>{true, false, true}));
        for (const auto& p : m->model.partitions) {
            QVERIFY(p.leader != 1);
        }
        QCOMPARE(m->real.partitions[1].leader, 1);
        QVERIFY(m->realText.find("elects no new leader") != std::string::npos);
        const auto& late = range_.records[range_.records.size() - 2];
        QCOMPARE(*late.key, lateKey_);
        QCOMPARE(late.realPartition, -1);
        QVERIFY(!late.realError.empty());
        QCOMPARE(late.modelPartition, 1);
        int rows = 0;
        for (const auto& row : range_.rows) {
            if (row.quantity == "Leaders after broker 1 fails" ||
                row.quantity == "Records stored") {
                ++rows;
                QVERIFY(!row.agree);
                QVERIFY(!row.why.empty());
            }
        }
        QCOMPARE(rows, 2);
    }

    // Broker 1 comes back: up on both sides, the model gives partition 1 back to it (its
    // preferred leader), which the mock never took away, so the leaders agree again; a record for
    // that partition is delivered.
    void aBrokerComesBackAndLeadsAgain() {
        const auto* m = momentOf(range_, "broker 1 comes back");
        QVERIFY(m);
        QCOMPARE(m->real.brokersUp, (std::vector<bool>{true, true, true}));
        QCOMPARE(m->model.brokersUp, (std::vector<bool>{true, true, true}));
        QCOMPARE(m->model.partitions.size(), m->real.partitions.size());
        for (std::size_t i = 0; i < m->model.partitions.size(); ++i) {
            QCOMPARE(m->model.partitions[i].leader, m->model.partitions[i].replicas.front());
            QCOMPARE(m->real.partitions[i].leader, m->model.partitions[i].leader);
        }
        QCOMPARE(m->real.partitions[1].leader, 1);
        QVERIFY(m->realText.find("is up again") != std::string::npos);
        QVERIFY(m->modelText.find("preferred leader") != std::string::npos);
        const auto& back = range_.records.back();
        QCOMPARE(back.value, std::string("back"));
        QCOMPARE(back.realPartition, 1);
        QVERIFY2(back.realError.empty(), back.realError.c_str());
        QCOMPARE(back.modelPartition, 1);
        bool row = false;
        for (const auto& r : range_.rows) {
            if (r.quantity == "Leaders after broker 1 comes back") {
                row = true;
                QVERIFY2(r.agree, (r.real + " / " + r.model).c_str());
                QVERIFY(!r.why.empty());
            }
        }
        QVERIFY(row);
    }

    void budgetsAreRefusedBeforeAnythingStarts_data() {
        using J = nlohmann::json;
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QByteArray>("said");
        auto add = [](const char* name, const J& j, const char* said) {
            QTest::addRow("%s", name) << QByteArray::fromStdString(j.dump()) << QByteArray(said);
        };
        const J produce = {{"op", "produce"}, {"topic", "orders"}};
        add("engine", {{"engine", "lsm"}, {"ops", J::array()}}, "the engine \"kafka\"");
        J many = produce;
        many["count"] = 10'001;
        add("records", {{"engine", "kafka"}, {"ops", {many}}}, "at most 10000 records produced");
        J joins = J::array();
        for (int i = 0; i < 13; ++i) {
            joins.push_back(
                {{"op", "join"}, {"group", "g"}, {"consumer", "C" + std::to_string(i)}});
        }
        add("joins", {{"engine", "kafka"}, {"ops", joins}}, "at most 12 joins and leaves");
        add("brokers", {{"engine", "kafka"}, {"params", {{"brokers", 13}}}, {"ops", J::array()}},
            "at most 12 brokers");
        add("partitions",
            {{"engine", "kafka"},
             {"params", {{"topics", {{"a", 40}, {"b", 25}}}}},
             {"ops", J::array()}},
            "at most 64 partitions");
        J key = produce;
        key["key"] = std::string(1025, 'k');
        add("key", {{"engine", "kafka"}, {"ops", {key}}}, "at most 1024 bytes");
    }
    void budgetsAreRefusedBeforeAnythingStarts() {
        QFETCH(QByteArray, json);
        QFETCH(QByteArray, said);
        KafkaScenario s;
        const fg::Status status =
            fg::lab::parseKafkaLabScenario(nlohmann::json::parse(json.toStdString()), &s);
        QVERIFY(!status);
        QVERIFY2(status.message().find(said.toStdString()) != std::string::npos,
                 status.message().c_str());
    }

    // kafka.run as the helper serves it: a scenario without joins runs in well under a second,
    // saying first what the real side is; an unknown op and a bad scenario are refused.
    void theServiceRunsAndRefuses() {
        fg::lab::KafkaService service;
        QStringList said;
        const fg::lab::Progress progress = [&](const std::string& s) {
            said << QString::fromStdString(s);
        };
        nlohmann::json result;
        const nlohmann::json scenario = {
            {"engine", "kafka"},
            {"ops", {{{"op", "produce"}, {"topic", "orders"}, {"key", "user-1"}, {"value", "v"}}}}};
        QElapsedTimer clock;
        clock.start();
        QVERIFY(service.handle("run", {{"scenario", scenario}}, &result, progress));
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(said.value(0).contains(QStringLiteral("not Apache Kafka's broker")));
        QCOMPARE(result["keyed"]["same_partition"].get<int>(), 1);
        QVERIFY(!service.handle("nope", {}, &result, progress));
        const fg::Status bad =
            service.handle("run", {{"scenario", {{"engine", "redis"}}}}, &result, progress);
        QVERIFY(!bad);
        QCOMPARE(bad.where(), std::string("/engine"));
    }

    void theRunReadsBackFromItsJson() {
        const nlohmann::json j = fg::lab::toJson(range_);
        KafkaLabRun back;
        QVERIFY(fg::lab::fromJson(j, &back));
        QCOMPARE(fg::lab::toJson(back).dump(), j.dump());
        nlohmann::json broken = j;
        broken["moments"][0].erase("real");
        const fg::Status s = fg::lab::fromJson(broken, &back);
        QVERIFY(!s);
        QVERIFY(s.message().find("not of the shape") != std::string::npos);
    }

    // The moments a page draws ahead of the answer add up to the answer's moments and records;
    // a run made again (its first moment sent again) starts the drawing afresh.
    void momentsSentAheadAddUpToTheRun() {
        const KafkaLabRun& run = range_;
        std::vector<std::size_t> firstRows; // the first record row of each moment's op
        std::size_t row = 0;
        for (const auto& m : run.moments) {
            firstRows.push_back(row);
            while (row < run.records.size() && run.records[row].op == m.op) {
                ++row;
            }
        }
        KafkaLabRun sofar;
        for (std::size_t i = 0; i < run.moments.size(); ++i) {
            const nlohmann::json part = fg::lab::momentPart(run, i, firstRows[i]);
            QVERIFY(fg::lab::addPart(nlohmann::json::parse(part.dump()), &sofar));
            QCOMPARE(sofar.moments.size(), i + 1);
        }
        // Each part carried the records from its op's first row on; together, the run's.
        KafkaLabRun whole = run;
        whole.rows.clear();
        sofar.label = whole.label;
        sofar.bootstraps = whole.bootstraps;
        sofar.settings = whole.settings;
        sofar.seconds = whole.seconds;
        sofar.keyed = whole.keyed;
        sofar.keyedAgree = whole.keyedAgree;
        sofar.summary = whole.summary;
        QCOMPARE(fg::lab::toJson(sofar).dump(), fg::lab::toJson(whole).dump());
        QVERIFY(fg::lab::addPart(fg::lab::momentPart(run, 0, 0), &sofar)); // made again
        QCOMPARE(sofar.moments.size(), std::size_t(1));
        QCOMPARE(sofar.records.size(), run.records.size()); // those from row 0 on, once
        // Out of order, or of another shape: refused, the run left as it was.
        nlohmann::json gap = fg::lab::momentPart(run, 2, firstRows[2]);
        QVERIFY(!fg::lab::addPart(gap, &sofar));
        nlohmann::json broken = fg::lab::momentPart(run, 1, firstRows[1]);
        broken["moment"].erase("op_text");
        const fg::Status s = fg::lab::addPart(broken, &sofar);
        QVERIFY(!s);
        QVERIFY(s.message().find("not of the shape") != std::string::npos);
        QCOMPARE(sofar.moments.size(), std::size_t(1));
    }
};

FG_TEST_GUILESS_MAIN(TestKafkaLab)
#include "test_kafka_lab.moc"
