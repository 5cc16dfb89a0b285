// The LSM lab against a real RocksDB (Debian's librocksdb-dev, embedded; no mocks): RocksDB keeps
// the model's key order, flushes when the model does, compacts level 0 into level 1 at the
// model's trigger by its own picker (leveled) or universally (tiered), answers every get as the
// model does, reports what its bloom filters ruled out, and leaves no folder behind; budgets and
// a folder that cannot be made are refused with a sentence.
#include "engines/core/rng.h"
#include "engines/scenario/lsm_scenario.h"
#include "lab/lsm_lab.h"
#include "lab/rocks_lab.h"
#include "tests/lab/lab_test_support.h"
#include "tests/suite_main.h"

#include <QElapsedTimer>
#include <QFile>
#include <nlohmann/json.hpp>

using fg::LsmScenario;
using fg::lab::LsmLabRun;
using fg::lsm::LsmOp;

namespace {

LsmScenario scenario(int memtable, int trigger, int ratio, bool tiered) {
    LsmScenario s;
    s.params.memtableEntries = memtable;
    s.params.l0Trigger = trigger;
    s.params.levelRatio = ratio;
    s.params.tiered = tiered;
    return s;
}

// Seeded puts, deletes and gets over keys 1..range (whole numbers, as text).
void addRandomOps(LsmScenario& s, int count, int range, std::uint64_t seed) {
    fg::Rng rng(seed);
    for (int i = 0; i < count; ++i) {
        const std::string key = std::to_string(rng.uniform(1, range));
        const int what = static_cast<int>(rng.uniform(0, 9));
        s.ops.push_back(what < 6   ? LsmOp::put(key, "v" + std::to_string(i))
                        : what < 8 ? LsmOp::get(key)
                                   : LsmOp::remove(key));
    }
}

LsmLabRun run(const LsmScenario& s) {
    LsmLabRun out;
    const fg::Status status = fg::lab::runLsmLab(s, &out);
    if (!status) {
        qWarning("%s", status.message().c_str());
    }
    return out;
}

int count(const std::vector<fg::lab::LsmEvent>& events, const char* kind) {
    return static_cast<int>(
        std::count_if(events.begin(), events.end(), [&](const auto& e) { return e.kind == kind; }));
}

} // namespace

class TestLsmLab : public QObject {
    Q_OBJECT

private slots:
    void init() { QVERIFY(fg::lab::test::foldersOwnedByMe().isEmpty()); }
    // Every run removes its database folder.
    void cleanup() { QVERIFY(fg::lab::test::foldersOwnedByMe().isEmpty()); }

    void keysSortAsTheModelSortsThem() {
        LsmScenario s = scenario(3, 4, 10, false);
        for (const char* k : {"10", "9", "abc"}) {
            s.ops.push_back(LsmOp::put(k, "x"));
        }
        const LsmLabRun r = run(s);
        QCOMPARE(r.realFinal.files.size(), 1u);
        const fg::lab::LsmFile& f = r.realFinal.files.front();
        QCOMPARE(f.smallest, std::string("9")); // bytes would put "10" first
        QCOMPARE(f.largest, std::string("abc"));
        QCOMPARE(f.entries, 3);
        QCOMPARE(r.modelFinal.files.front().smallest, f.smallest);
        QCOMPARE(r.modelFinal.files.front().largest, f.largest);
    }

    // RocksDB flushes when (and only when) the model's memtable is full, and its own picker merges
    // level 0 into level 1 at the same flush as the model, for the same reason.
    void levelZeroMergesAtTheTriggerInBoth() {
        LsmScenario s = scenario(4, 4, 10, false);
        for (int k = 1; k <= 16; ++k) {
            s.ops.push_back(LsmOp::put(std::to_string(k * 7 % 17), "v"));
        }
        const LsmLabRun r = run(s);
        QCOMPARE(r.realWrites.flushes, 4);
        QCOMPARE(r.modelWrites.flushes, 4);
        const fg::lab::LsmMoment& fourth = r.moments.back();
        QCOMPARE(fourth.op, 15);
        QCOMPARE(count(fourth.real, "compaction"), 1);
        QCOMPARE(count(fourth.model, "compaction"), 1);
        const fg::lab::LsmEvent& c = fourth.real.back();
        QCOMPARE(c.fromLevel, 0);
        QCOMPARE(c.toLevel, 1);
        QCOMPARE(c.reason.substr(0, 15), std::string("LevelL0FilesNum"));
        QCOMPARE(c.inputs.size(), 4u);
        QVERIFY(r.realFinal.level(0).empty());
        QCOMPARE(r.realFinal.entries(1), 16);
        QCOMPARE(r.modelFinal.entries(1), 16);
    }

    void tieredIsRocksDbsUniversalCompaction() {
        LsmScenario s = scenario(4, 4, 10, true);
        for (int k = 1; k <= 16; ++k) {
            s.ops.push_back(LsmOp::put(std::to_string(k), "v"));
        }
        const LsmLabRun r = run(s);
        bool universal = false;
        for (const auto& m : r.moments) {
            for (const auto& e : m.real) {
                universal = universal || e.reason.rfind("Universal", 0) == 0;
            }
        }
        QVERIFY(universal);
        QCOMPARE(r.modelWrites.compactions, 1);
    }

    // Whatever the two trees look like, every get gives the same answer (value, or not found
    // after a delete), over seeded mixed workloads in both styles.
    void everyGetIsAnsweredAlike_data() {
        QTest::addColumn<bool>("tiered");
        QTest::addColumn<quint64>("seed");
        for (quint64 seed : {1u, 2u, 3u}) {
            QTest::addRow("leveled %llu", seed) << false << seed;
            QTest::addRow("tiered %llu", seed) << true << seed;
        }
    }
    void everyGetIsAnsweredAlike() {
        QFETCH(bool, tiered);
        QFETCH(quint64, seed);
        LsmScenario s = scenario(5, 3, 3, tiered);
        addRandomOps(s, 1500, 300, seed);
        const LsmLabRun r = run(s);
        QVERIFY(r.gets.size() > 200);
        for (const fg::lab::LsmGet& g : r.gets) {
            QVERIFY2(g.realFound == g.modelFound && g.realValue == g.modelValue, g.key.c_str());
        }
        QCOMPARE(r.realWrites.flushes, r.modelWrites.flushes);
        QVERIFY(r.realWrites.compactions > 0);
        // RocksDB's bloom filters did rule files out, as the model's did.
        std::int64_t realNo = 0, modelNo = 0;
        for (const auto& g : r.gets) {
            realNo += g.realBloomNo;
            modelNo += g.modelBloomNo;
        }
        QVERIFY(realNo > 0);
        QVERIFY(modelNo > 0);
        QVERIFY(r.realWrites.writeAmplification() > 1.0);
        // Each moment carries the write amplification so far on both sides: the last one is
        // the run's (the page plots them), and RocksDB's never falls back to 0 once written.
        QVERIFY(!r.moments.empty());
        QCOMPARE(r.moments.back().realWriteAmp, r.realWrites.writeAmplification());
        QCOMPARE(r.moments.back().modelWriteAmp, r.modelWrites.writeAmplification());
        bool flushed = false;
        for (const fg::lab::LsmMoment& m : r.moments) {
            flushed = flushed || !m.real.empty();
            QVERIFY(!flushed || m.realWriteAmp > 0);
        }
    }

    // A key still in the memtable is found there by both, without reading a file.
    void aFreshKeyIsFoundInTheMemtable() {
        LsmScenario s = scenario(4, 4, 10, false);
        for (int k = 1; k <= 9; ++k) {
            s.ops.push_back(LsmOp::put(std::to_string(k), "v" + std::to_string(k)));
        }
        s.ops.push_back(LsmOp::get("9"));
        s.ops.push_back(LsmOp::get("2"));
        const LsmLabRun r = run(s);
        QCOMPARE(r.gets.size(), 2u);
        QVERIFY(r.gets[0].realInMemtable);
        QVERIFY(r.gets[0].modelInMemtable);
        QCOMPARE(r.gets[0].realBlocksRead, 0);
        QVERIFY(!r.gets[1].realInMemtable);
        QVERIFY(r.gets[1].realBlocksRead > 0);
        QCOMPARE(*r.gets[1].realValue, std::string("v2"));
    }

    // "compact" merges every file into the model's level; the memtable stays.
    void compactMergesEveryFileAndKeepsTheMemtable() {
        LsmScenario s = scenario(3, 10, 10, false);
        for (int k = 1; k <= 10; ++k) {
            s.ops.push_back(LsmOp::put(std::to_string(k), "v"));
        }
        const int before = static_cast<int>(s.ops.size());
        s.ops.push_back(LsmOp::compact());
        const LsmLabRun r = run(s);
        QCOMPARE(r.moments.back().op, before);
        QCOMPARE(r.realFinal.levels(), r.modelFinal.levels());
        const int last = r.realFinal.levels() - 1;
        QVERIFY(last >= 1);
        QCOMPARE(r.realFinal.level(last).size(), r.realFinal.files.size());
        QCOMPARE(r.realFinal.entries(last), 9); // key 10 is still in the memtable
        QCOMPARE(r.modelFinal.entries(last), 9);
    }

    void theDefaultScenarioRunsAndCompares() {
        QFile disk(QStringLiteral(FG_SOURCE_DIR "/content/scenarios/lsm.json"));
        QVERIFY(disk.open(QIODevice::ReadOnly));
        LsmScenario s;
        QVERIFY(fg::parseLsmScenario(nlohmann::json::parse(disk.readAll().toStdString()), s));
        QElapsedTimer clock;
        clock.start();
        const LsmLabRun r = run(s);
        QVERIFY2(clock.elapsed() < 3000, "the default scenario's lab takes under 3 s");
        QVERIFY(!r.rows.empty());
        const nlohmann::json j = fg::lab::toJson(r);
        QCOMPARE(j["rocksdb"]["version"].get<std::string>(), fg::lab::RocksLab::version());
        QVERIFY(j["summary"].get<std::string>().rfind("agree: ", 0) == 0);
        for (const auto& row : j["comparison"]) {
            QCOMPARE(row["agree"].get<bool>(), !row.contains("why"));
        }
        // The app reads the helper's JSON back: all of it, as it was.
        LsmLabRun back;
        QVERIFY(fg::lab::fromJson(j, &back));
        QCOMPARE(fg::lab::toJson(back).dump(), j.dump());
        QVERIFY(!back.moments.front().memtable.empty() || !back.moments.back().memtable.empty());
        nlohmann::json broken = j;
        broken["moments"][0].erase("op_text");
        const fg::Status bad = fg::lab::fromJson(broken, &back);
        QVERIFY(!bad);
        QVERIFY(bad.message().find("op_text") != std::string::npos);
    }

    // A run keeps at most 1,000 moments (each holds both trees) and counts the others; the
    // comparison still covers every get.
    void momentsPastTheMostAreCountedNotKept() {
        LsmScenario s = scenario(100, 4, 10, false);
        s.ops.push_back(LsmOp::put("1", "v"));
        s.ops.insert(s.ops.end(), 1'200, LsmOp::get("1"));
        const LsmLabRun r = run(s);
        QCOMPARE(r.moments.size(), fg::lab::kMaxLsmLabMoments);
        QCOMPARE(r.momentsLeftOut, 200);
        QCOMPARE(r.gets.size(), 1'200u);
        LsmLabRun back;
        QVERIFY(fg::lab::fromJson(fg::lab::toJson(r), &back));
        QCOMPARE(back.momentsLeftOut, 200);
    }

    void budgetsAreRefusedUpFront() {
        LsmScenario many = scenario(100, 4, 10, false);
        many.ops.assign(fg::lab::kMaxLsmLabOps + 1, LsmOp::get("1"));
        const fg::Status tooMany = fg::lab::checkLsmLabBudget(many);
        QVERIFY(!tooMany);
        QVERIFY(tooMany.message().find("10000") != std::string::npos);
        LsmScenario flushes = scenario(1, 4, 10, false);
        flushes.ops.assign(501, LsmOp::put("1", "v"));
        const fg::Status tooManyFlushes = fg::lab::checkLsmLabBudget(flushes);
        QVERIFY(!tooManyFlushes);
        QVERIFY(tooManyFlushes.message().find("memtable_entries") != std::string::npos);
        flushes.ops.resize(500);
        QVERIFY(fg::lab::checkLsmLabBudget(flushes));
        // The lab's own limits are the ones named, narrated or not.
        nlohmann::json json = {{"engine", "lsm"},
                               {"params", {{"memtable_entries", 100}}},
                               {"ops", nlohmann::json::array()}};
        for (int i = 0; i < 10'000; ++i) {
            json["ops"].push_back({{"op", "put"}, {"key", std::to_string(i)}, {"value", "v"}});
        }
        LsmScenario parsed;
        QVERIFY(fg::lab::parseLsmLabScenario(json, &parsed));
        QCOMPARE(parsed.ops.size(), 10'000u);
        json["ops"].push_back(json["ops"][0]);
        const fg::Status over = fg::lab::parseLsmLabScenario(json, &parsed);
        QVERIFY(!over);
        QVERIFY(over.message().find("10000") != std::string::npos);
        json["engine"] = "btree";
        const fg::Status other = fg::lab::parseLsmLabScenario(json, &parsed);
        QVERIFY(!other);
        QCOMPARE(other.where(), std::string("/engine"));
    }

    void aFolderThatCannotBeMadeIsNamed() {
        std::unique_ptr<fg::lab::RocksLab> lab;
        const fg::Status s = fg::lab::RocksLab::openIn("/proc/no-such/rocksdb", {}, &lab);
        QVERIFY(!s);
        QVERIFY(s.isFailure());
        QVERIFY(s.message().find("/proc/no-such/rocksdb") != std::string::npos);
        QVERIFY(!lab);
    }
};

FG_TEST_MAIN(TestLsmLab)
#include "test_lsm_lab.moc"
