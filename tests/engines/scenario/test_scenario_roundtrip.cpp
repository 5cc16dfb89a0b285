// Scenario JSON round trips: a scenario read, written back and read again runs exactly as the
// original (same steps, state and stats), and writing is stable; and fieldguide run's dispatcher
// names the JSON path of a bad scenario for every engine.
#include "engines/scenario/btree_scenario.h"
#include "engines/scenario/downsample_scenario.h"
#include "engines/scenario/hashslot_scenario.h"
#include "engines/scenario/kafka_scenario.h"
#include "engines/scenario/lsm_scenario.h"
#include "engines/scenario/scenario.h"
#include "tests/suite_main.h"

#include <QTest>
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace {

const char* const kScenarios[] = {
    R"({"engine":"btree","params":{"order":3},"ops":[{"op":"insert","key":5},{"op":"insert-random","count":30,"seed":4},
        {"op":"search","key":5},{"op":"range","from":10,"to":60},{"op":"delete","key":5}]})",
    R"({"engine":"btree","params":{"min_degree":2,"split":"preemptive"},"ops":[{"op":"insert-random","count":25,"seed":9,"min":1,"max":99}]})",
    R"({"engine":"btree","params":{"order":5,"variant":"bplus","rightmost_fill":0.9},"ops":[{"op":"insert-random","count":40,"seed":2},
        {"op":"insert","key":7},{"op":"search","key":7},{"op":"range","from":10,"to":300},{"op":"delete","key":7},{"op":"delete","key":8}]})",
    R"({"engine":"btree","params":{"order":3,"variant":"bplus","merge_on_delete":false},"ops":[{"op":"insert-random","count":20,"seed":6},
        {"op":"delete","key":50},{"op":"range","from":1,"to":99}]})",
    R"({"engine":"lsm","params":{"memtable_entries":3,"l0_trigger":2,"strategy":"tiered"},"ops":[{"op":"put","key":"a","value":"1"},
        {"op":"put-random","count":40,"seed":2},{"op":"delete","key":"a"},{"op":"get","key":"a"},{"op":"flush"},{"op":"compact"}]})",
    R"({"engine":"hashslot","params":{"nodes":3,"replicas":1},"ops":[{"op":"route","key":"{u}a","value":"x"},{"op":"route","key":"{u}b","value":"y"},
        {"op":"migrate","slot":1,"to":2,"keys":1},{"op":"route","key":"{u}a"},{"op":"add-node"},{"op":"fail-node","node":0},{"op":"remove-node","node":1},
        {"op":"client-map","slot":1,"node":3},{"op":"route","key":"{u}b"}]})",
    R"({"engine":"kafka","params":{"topics":{"orders":3,"clicks":2},"assignor":"cooperative-sticky","partitioner":"round-robin","seed":5},
        "ops":[{"op":"produce","topic":"orders","count":7},{"op":"produce","topic":"clicks","key":"u1","value":"c"},
        {"op":"join","group":"g","consumer":"C0"},{"op":"join","group":"g","consumer":"C1","topics":["orders"]},
        {"op":"consume","group":"g","max":2},{"op":"fail-broker","broker":1},{"op":"leave","group":"g","consumer":"C0"},{"op":"recover-broker","broker":1}]})",
    R"({"engine":"kafka","params":{"topics":{"events":5},"replication":1,"batch_records":2,"sticky_draws":[3,0,7,1]},
        "ops":[{"op":"fail-broker","broker":2},{"op":"produce","topic":"events","count":11}]})",
    R"({"engine":"downsample","ops":[{"op":"ingest","generate":{"from":0,"to":7200000,"every_s":5,"shape":"random-walk"}},
        {"op":"ingest","points":[[7200000,1.5],[7201000,2.5]]},{"op":"query","from":0,"to":600000,"agg":"max"},
        {"op":"advance","by_s":10800},{"op":"advance","to":20000000},{"op":"query","from":0,"to":3600000}]})",
};

json writeBack(const json& scenario) {
    const std::string engine = scenario["engine"];
    if (engine == "btree") {
        fg::BtreeScenario s;
        return fg::parseBtreeScenario(scenario, s) ? fg::writeBtreeScenario(s) : json();
    }
    if (engine == "lsm") {
        fg::LsmScenario s;
        return fg::parseLsmScenario(scenario, s) ? fg::writeLsmScenario(s) : json();
    }
    if (engine == "hashslot") {
        fg::HashslotScenario s;
        return fg::parseHashslotScenario(scenario, s) ? fg::writeHashslotScenario(s) : json();
    }
    if (engine == "kafka") {
        fg::KafkaScenario s;
        return fg::parseKafkaScenario(scenario, s) ? fg::writeKafkaScenario(s) : json();
    }
    fg::DownsampleScenario s;
    return fg::parseDownsampleScenario(scenario, s) ? fg::writeDownsampleScenario(s) : json();
}

} // namespace

class TestScenarioRoundTrip : public QObject {
    Q_OBJECT
private slots:
    void writtenScenariosRunTheSame() {
        for (const char* text : kScenarios) {
            const json original = json::parse(text);
            const json written = writeBack(original);
            QVERIFY2(!written.is_null(), text);
            json a, b;
            QVERIFY(fg::scenario::run(original, a));
            QVERIFY(fg::scenario::run(written, b));
            QVERIFY2(a == b, text);
            QVERIFY(a.contains("steps") && !a["steps"].empty());
            QVERIFY(writeBack(written) == written); // stable
        }
    }

    void badScenariosNameTheirJsonPath_data() {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("path");
        QTest::newRow("btree order") << R"({"engine":"btree","params":{"order":2},"ops":[]})"
                                     << "/params/order";
        QTest::newRow("lsm strategy") << R"({"engine":"lsm","params":{"strategy":"x"},"ops":[]})"
                                      << "/params/strategy";
        QTest::newRow("hashslot slot")
            << R"({"engine":"hashslot","ops":[{"op":"migrate","slot":16384,"to":0}]})"
            << "/ops/0/slot";
        QTest::newRow("hashslot client map node")
            << R"({"engine":"hashslot","ops":[{"op":"client-map","slot":5,"node":3}]})"
            << "/ops/0/node";
        QTest::newRow("hashslot client map slot")
            << R"({"engine":"hashslot","ops":[{"op":"client-map","node":0}]})"
            << "/ops/0/slot";
        QTest::newRow("kafka sticky draws")
            << R"({"engine":"kafka","params":{"sticky_draws":3},"ops":[]})"
            << "/params/sticky_draws";
        QTest::newRow("kafka sticky draw")
            << R"({"engine":"kafka","params":{"sticky_draws":[1,-1]},"ops":[]})"
            << "/params/sticky_draws/1";
        QTest::newRow("kafka topic")
            << R"({"engine":"kafka","ops":[{"op":"produce","topic":"nope"}]})"
            << "/ops/0/topic";
        QTest::newRow("downsample point")
            << R"({"engine":"downsample","ops":[{"op":"ingest","points":[[1,"x"]]}]})"
            << "/ops/0/points/0";
        QTest::newRow("no ops") << R"({"engine":"lsm"})"
                                << "/ops";
        QTest::newRow("engine") << R"({"engine":"mongo","ops":[]})"
                                << "/engine";
        QTest::newRow("not an object") << R"([1,2])"
                                       << "/";
        QTest::newRow("unknown op") << R"({"engine":"kafka","ops":[{"op":"explode"}]})"
                                    << "/ops/0/op";
    }
    void badScenariosNameTheirJsonPath() {
        QFETCH(QString, scenario);
        QFETCH(QString, path);
        json result;
        const fg::Status s = fg::scenario::run(json::parse(scenario.toStdString()), result);
        QVERIFY(!s);
        QCOMPARE(QString::fromStdString(s.where()), path);
        QVERIFY(!s.what().empty());
    }

    // `fieldguide run --help` lists each engine's ops from the engine table: every op it names is
    // one its engine reads (a bare op may lack fields, but it is never an unknown op), and an op
    // it does not name is refused as unknown.
    void theHelpsOpListsAreTheOpsEachEngineReads() {
        const QStringList lines =
            QString::fromStdString(fg::scenario::engineList("")).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), qsizetype(fg::scenario::engineNames().size()));
        for (const QString& line : lines) {
            const QString engine = line.section(' ', 0, 0);
            const QStringList ops = line.section(' ', 1).trimmed().split(", ", Qt::SkipEmptyParts);
            QVERIFY2(!ops.isEmpty(), qPrintable(line));
            // The engines' defaults stand in for every param but the B-Tree's order.
            const json params = engine == "btree" ? json{{"order", 4}} : json::object();
            const auto runOp = [&](const QString& op) {
                json result;
                return fg::scenario::run({{"engine", engine.toStdString()},
                                          {"params", params},
                                          {"ops", {{{"op", op.toStdString()}}}}},
                                         result);
            };
            for (const QString& op : ops) {
                const fg::Status s = runOp(op);
                const bool aFieldOfTheOp = s.where().rfind("/ops/0/", 0) == 0;
                QVERIFY2(
                    s || (aFieldOfTheOp && s.where() != "/ops/0/op"),
                    qPrintable(engine + " " + op + ": " + QString::fromStdString(s.message())));
            }
            QCOMPARE(QString::fromStdString(runOp("not-an-op").where()), QString("/ops/0/op"));
        }
    }
};

FG_TEST_APPLESS_MAIN(TestScenarioRoundTrip)
#include "test_scenario_roundtrip.moc"
