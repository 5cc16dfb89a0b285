// The btree engine through the scenario JSON edge: params, ops, validation with JSON paths, the
// result's shape, and bulk mode.
#include "engines/scenario/btree_scenario.h"
#include "tests/suite_main.h"

#include <QTest>
#include <algorithm>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace {

// QCOMPARE cannot take json (its implicit conversions make Qt's qCompare overloads ambiguous).
#define JSON_COMPARE(actual, expected)                                                             \
    QVERIFY2((actual) == (expected), ((actual).dump() + " != " + json(expected).dump()).c_str())

json runOk(const json& scenario) {
    json result;
    const fg::Status st = fg::runBtreeScenario(scenario, result);
    if (!st) {
        QTest::qFail(st.message().c_str(), __FILE__, __LINE__);
    }
    return result;
}

json insertOps(int from, int to) {
    json ops = json::array();
    for (int k = from; k <= to; ++k) {
        ops.push_back({{"op", "insert"}, {"key", k}});
    }
    return ops;
}

} // namespace

class TestBtreeScenario : public QObject {
    Q_OBJECT
private slots:
    void resultHasEngineStepsStateAndStats() {
        const json r = runOk(json::parse(R"({ "engine": "btree", "params": { "order": 4 },
            "ops": [ { "op": "insert", "key": 10 }, { "op": "insert", "key": 20 },
                     { "op": "insert", "key": 30 }, { "op": "insert", "key": 40 } ] })"));
        JSON_COMPARE(r["engine"], json("btree"));
        QCOMPARE(r["steps"].size(), std::size_t{7});
        JSON_COMPARE(r["steps"][4]["kind"], json("overflow"));
        JSON_COMPARE(r["steps"][4]["text"], json("Leaf [10 20 30 40] overflows: order 4 allows at "
                                                 "most 3 keys, so it splits around 20."));
        JSON_COMPARE(r["steps"][5]["kind"], json("split"));
        JSON_COMPARE(r["steps"][5]["right_keys"], json({30, 40}));
        JSON_COMPARE(r["steps"][5]["promoted"], json(20));
        QVERIFY(r.contains("state") && r.contains("stats"));
    }

    void stateRootIsTheNestedTree() {
        const json r = runOk({{"params", {{"order", 4}}}, {"ops", insertOps(1, 10)}});
        const json& root = r["state"]["root"];
        JSON_COMPARE(root["keys"], json({4}));
        QCOMPARE(root["children"].size(), std::size_t{2});
        JSON_COMPARE(root["children"][1]["keys"], json({6, 8}));
        JSON_COMPARE(root["children"][1]["children"][2]["keys"], json({9, 10}));
        JSON_COMPARE(root["children"][1]["children"][2]["children"], json::array());
    }

    void statsHaveTheContractFields() {
        const json r = runOk({{"params", {{"order", 4}}}, {"ops", insertOps(1, 10)}});
        const json& s = r["stats"];
        JSON_COMPARE(s["height"], json(3));
        JSON_COMPARE(s["nodes"], json(8));
        JSON_COMPARE(s["keys"], json(10));
        JSON_COMPARE(s["splits"], json(5));
        for (const char* f : {"merges", "page_writes", "page_reads"}) {
            QVERIFY2(s.contains(f), f);
        }
    }

    void preemptiveParamsGiveTheClrsVariant() {
        const json r = runOk(
            {{"params", {{"min_degree", 2}, {"split", "preemptive"}}}, {"ops", insertOps(1, 9)}});
        JSON_COMPARE(r["state"]["root"]["keys"], json({4}));
        JSON_COMPARE(r["state"]["min_degree"], json(2));
        JSON_COMPARE(r["state"]["split"], json("preemptive"));
    }

    // A B+-tree's state names its variant and options, and each leaf the next one ("next": its
    // id, null at the end): walking from the leftmost leaf along them gives every key in order.
    void aBPlusStateNamesEachLeafsNextLeaf() {
        const json r = runOk(json::parse(R"({ "engine": "btree",
            "params": { "order": 4, "variant": "bplus", "rightmost_fill": 0.9,
                        "merge_on_delete": false },
            "ops": [ { "op": "insert-random", "count": 40, "seed": 3, "max": 99 } ] })"));
        const json& state = r["state"];
        JSON_COMPARE(state["variant"], json("bplus"));
        JSON_COMPARE(state["rightmost_fill"], json(0.9));
        JSON_COMPARE(state["merge_on_delete"], json(false));
        std::map<std::int64_t, json> leaves;
        std::function<void(const json&)> collect = [&](const json& node) {
            if (node["children"].empty()) {
                QVERIFY(node.contains("next"));
                leaves[node["id"].get<std::int64_t>()] = node;
            } else {
                QVERIFY(!node.contains("next"));
            }
            for (const json& c : node["children"]) {
                collect(c);
            }
        };
        collect(state["root"]);
        json leaf = state["root"];
        while (!leaf["children"].empty()) {
            leaf = leaf["children"][0];
        }
        std::vector<std::int64_t> keys;
        for (std::size_t hops = 0; hops <= leaves.size(); ++hops) {
            for (const json& k : leaf["keys"]) {
                keys.push_back(k.get<std::int64_t>());
            }
            if (leaf["next"].is_null()) {
                break;
            }
            leaf = leaves.at(leaf["next"].get<std::int64_t>());
        }
        QVERIFY(std::is_sorted(keys.begin(), keys.end()));
        QCOMPARE(static_cast<std::int64_t>(keys.size()), r["stats"]["keys"].get<std::int64_t>());
        QCOMPARE(static_cast<std::int64_t>(leaves.size()),
                 r["stats"]["leaves"].get<std::int64_t>());
    }

    void aTextbookStateHasNoLinksAndCountsItsLeaves() {
        const json r = runOk({{"params", {{"order", 4}}}, {"ops", insertOps(1, 10)}});
        QVERIFY(!r["state"].contains("variant"));
        QVERIFY(!r["state"]["root"]["children"][0]["children"][0].contains("next"));
        JSON_COMPARE(r["stats"]["leaves"], json(5));
    }

    void aLeafSplitStepNamesItsSeparator() {
        const json r =
            runOk({{"params", {{"order", 4}, {"variant", "bplus"}}}, {"ops", insertOps(1, 4)}});
        const json& split = r["steps"][5]; // after three inserts, insert-leaf and overflow
        JSON_COMPARE(split["kind"], json("leaf-split"));
        JSON_COMPARE(split["separator"], json(3));
        JSON_COMPARE(split["keys"], json({1, 2}));
        JSON_COMPARE(split["right_keys"], json({3, 4}));
        JSON_COMPARE(r["steps"][6]["kind"], json("new-root"));
    }

    void narrateFalseLeavesOutSteps() {
        const json r =
            runOk({{"narrate", false}, {"params", {{"order", 4}}}, {"ops", insertOps(1, 10)}});
        QVERIFY(!r.contains("steps"));
        JSON_COMPARE(r["state"]["root"]["keys"], json({4}));
    }

    void bulkAndNarratedRunsAgree() {
        const json ops = json::parse(R"([ { "op": "insert-random", "count": 500, "seed": 9 },
            { "op": "delete", "key": 17 }, { "op": "range", "from": 100, "to": 900 } ])");
        const json loud = runOk({{"params", {{"order", 5}}}, {"ops", ops}});
        const json quiet = runOk({{"narrate", false}, {"params", {{"order", 5}}}, {"ops", ops}});
        JSON_COMPARE(loud["stats"], quiet["stats"]);
        JSON_COMPARE(loud["state"], quiet["state"]);
    }

    void bulkTreeOverTenThousandKeysIsLeftOut() {
        const json big = runOk(
            {{"narrate", false},
             {"params", {{"order", 64}}},
             {"ops",
              {{{"op", "insert-random"}, {"count", 20000}, {"seed", 1}, {"max", 1000000000}}}}});
        QVERIFY(!big["state"].contains("root"));
        QVERIFY(big["stats"]["keys"].get<int>() > 10000);
        const json small = runOk(
            {{"narrate", false},
             {"params", {{"order", 64}}},
             {"ops",
              {{{"op", "insert-random"}, {"count", 10000}, {"seed", 1}, {"max", 1000000000}}}}});
        QVERIFY(small["state"].contains("root"));
    }

    void invalidInputNamesThePathAndTheExpectation_data() {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char* name, const char* sc, const char* where, const char* what) {
            QTest::newRow(name) << sc << where << what;
        };
        row("order too small", R"({"params":{"order":2},"ops":[]})", "/params/order", "3 to 64");
        row("order too large", R"({"params":{"order":65},"ops":[]})", "/params/order", "3 to 64");
        row("order not integer", R"({"params":{"order":"4"},"ops":[]})", "/params/order",
            "3 to 64");
        row("no params", R"({"ops":[]})", "/params", "order");
        row("min_degree alone", R"({"params":{"min_degree":2},"ops":[]})", "/params/split",
            "preemptive");
        row("min_degree too large", R"({"params":{"min_degree":33,"split":"preemptive"},"ops":[]})",
            "/params/min_degree", "2 to 32");
        row("odd preemptive order", R"({"params":{"order":5,"split":"preemptive"},"ops":[]})",
            "/params/order", "even");
        row("bad split", R"({"params":{"order":4,"split":"eager"},"ops":[]})", "/params/split",
            "preemptive");
        row("no ops", R"({"params":{"order":4}})", "/ops", "array");
        row("fractional key",
            R"({"params":{"order":4},"ops":[{"op":"insert","key":1},{"op":"insert","key":2},
               {"op":"search","key":3},{"op":"insert","key":2.5}]})",
            "/ops/3/key", "integer key");
        row("key too large",
            R"({"params":{"order":4},"ops":[{"op":"insert","key":9223372036854775808}]})",
            "/ops/0/key", "integer key");
        row("missing key", R"({"params":{"order":4},"ops":[{"op":"delete"}]})", "/ops/0/key",
            "integer key");
        row("unknown op", R"({"params":{"order":4},"ops":[{"op":"upsert","key":1}]})", "/ops/0/op",
            "insert-random");
        row("op not object", R"({"params":{"order":4},"ops":[7]})", "/ops/0", "object");
        row("range backwards", R"({"params":{"order":4},"ops":[{"op":"range","from":5,"to":1}]})",
            "/ops/0/to", "not below from");
        row("count narrated",
            R"({"params":{"order":4},"ops":[{"op":"insert-random","count":20000,"seed":1}]})",
            "/ops/0/count", "narrate");
        row("negative seed",
            R"({"params":{"order":4},"ops":[{"op":"insert-random","count":2,"seed":-1}]})",
            "/ops/0/seed", "non-negative");
        row("max below min",
            R"({"params":{"order":4},"ops":[{"op":"insert-random","count":2,"seed":1,"min":5,"max":4}]})",
            "/ops/0/max", "not below min");
        row("narrate not bool", R"({"narrate":"no","params":{"order":4},"ops":[]})", "/narrate",
            "true or false");
        row("other engine", R"({"engine":"lsm","params":{"order":4},"ops":[]})", "/engine",
            "btree");
        row("not an object", R"([1,2])", "/", "object");
        row("unknown variant", R"({"params":{"order":4,"variant":"b+"},"ops":[]})",
            "/params/variant", "\"bplus\"");
        row("preemptive B+", R"({"params":{"order":4,"variant":"bplus","split":"preemptive"},
            "ops":[]})",
            "/params/split", "order alone");
        row("min_degree B+", R"({"params":{"min_degree":2,"variant":"bplus"},"ops":[]})",
            "/params/min_degree", "order alone");
        row("fill without B+", R"({"params":{"order":4,"rightmost_fill":0.9},"ops":[]})",
            "/params/rightmost_fill", "\"variant\": \"bplus\"");
        row("merge flag without B+", R"({"params":{"order":4,"merge_on_delete":false},"ops":[]})",
            "/params/merge_on_delete", "\"variant\": \"bplus\"");
        row("fill too low", R"({"params":{"order":4,"variant":"bplus","rightmost_fill":0.05},
            "ops":[]})",
            "/params/rightmost_fill", "0.1 to 1");
        row("fill over 1", R"({"params":{"order":4,"variant":"bplus","rightmost_fill":90},
            "ops":[]})",
            "/params/rightmost_fill", "0.1 to 1");
        row("fill in thousandths", R"({"params":{"order":4,"variant":"bplus",
            "rightmost_fill":0.905},"ops":[]})",
            "/params/rightmost_fill", "hundredths");
        row("fill as text", R"({"params":{"order":4,"variant":"bplus","rightmost_fill":"90%"},
            "ops":[]})",
            "/params/rightmost_fill", "0.1 to 1");
        row("merge flag not bool", R"({"params":{"order":4,"variant":"bplus",
            "merge_on_delete":"no"},"ops":[]})",
            "/params/merge_on_delete", "true or false");
    }

    void invalidInputNamesThePathAndTheExpectation() {
        QFETCH(QString, scenario);
        QFETCH(QString, where);
        QFETCH(QString, expected);
        json result = {{"untouched", true}};
        const fg::Status st = fg::runBtreeScenario(json::parse(scenario.toStdString()), result);
        QVERIFY(!st);
        QCOMPARE(QString::fromStdString(st.where()), where);
        QVERIFY2(st.what().find(expected.toStdString()) != std::string::npos, st.what().c_str());
        JSON_COMPARE(result, json({{"untouched", true}}));
    }
};

FG_TEST_APPLESS_MAIN(TestBtreeScenario)
#include "test_btree_scenario.moc"
