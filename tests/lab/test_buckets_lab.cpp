// The time-buckets lab against the real things (PostgreSQL 15's date_bin on a private server,
// librrd's RRD in a lab folder; no fakes): date_bin agrees with the model exactly on seeded sine,
// random-walk and irregular points; RRDtool's rows map onto date_bin's buckets as buckets_lab.h
// says (hand-computed tiny cases), its xff turns a row UNKNOWN, its archive's length drops rows;
// budgets, a missing PostgreSQL and a folder that cannot be made are each said in a sentence; the
// run reads back from its JSON; `fieldguide lab buckets` prints it with the exit codes of the CLI.
#include "engines/core/rng.h"
#include "lab/buckets_lab.h"
#include "lab/buckets_service.h"
#include "tests/lab/lab_cli_run.h"
#include "tests/lab/lab_test_support.h"
#include "tests/suite_main.h"

#include <QFile>
#include <QProcess>
#include <csignal>
#include <nlohmann/json.hpp>

using fg::DownsampleScenario;
using fg::lab::BucketCompare;
using fg::lab::BucketsLabRun;
using fg::lab::BucketTier;
using nlohmann::json;

namespace {

json readBucketsJson(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    return json::parse(f.readAll().toStdString(), nullptr, false);
}

// A scenario of raw + one 1-minute tier kept `retentionS`, ingesting `points`.
json tinyBucketsScenario(const json& points, int retentionS = 3600, int blockS = 3600) {
    return {{"engine", "downsample"},
            {"params",
             {{"tiers",
               {{{"name", "raw"}, {"resolution_s", 1}, {"retention_s", 7200}, {"block_s", 1800}},
                {{"name", "1m"},
                 {"resolution_s", 60},
                 {"retention_s", retentionS},
                 {"block_s", blockS}}}}}},
            {"ops", {{{"op", "ingest"}, {"points", points}}}}};
}

fg::Status runBucketsJson(const json& scenario, BucketsLabRun* run,
                          const fg::lab::BucketsLabOptions& options = {}) {
    DownsampleScenario parsed;
    if (fg::Status s = fg::lab::parseBucketsLabScenario(scenario, &parsed); !s) {
        return s;
    }
    return fg::lab::runBucketsLab(parsed, run, options);
}

// PostgreSQL's programs where there are none: date_bin is not run (and RRDtool is the faster for
// it).
fg::lab::BucketsLabOptions bucketsWithoutPostgres(double xff = 0.5) {
    fg::lab::BucketsLabOptions options;
    options.pgBinDir = QStringLiteral("/nonexistent/postgresql/bin");
    options.xff = xff;
    return options;
}

const BucketCompare* findBucket(const BucketTier& tier, std::int64_t start) {
    for (const BucketCompare& b : tier.buckets) {
        if (b.start == start) {
            return &b;
        }
    }
    return nullptr;
}

json generatedBuckets(const char* shape, std::uint64_t seed) {
    return {{"engine", "downsample"},
            {"ops",
             {{{"op", "ingest"},
               {"generate",
                {{"from", 1'700'000'000'000LL},
                 {"to", 1'700'000'000'000LL + 2 * 3'600'000},
                 {"every_s", 7},
                 {"seed", seed},
                 {"shape", shape}}}}}}};
}

// Points at uneven gaps of 1 to 20 s, several sharing a second, from a seed.
json irregularBuckets(std::uint64_t seed) {
    fg::Rng rng(seed);
    json points = json::array();
    std::int64_t t = 1'600'000'000'000LL;
    for (int i = 0; i < 900; ++i) {
        t += rng.uniform(0, 20) * 1000 + rng.uniform(0, 999);
        points.push_back({t, static_cast<double>(rng.uniform(-500, 500)) / 7.0});
    }
    return tinyBucketsScenario(points, 86400, 21600);
}

void expectDateBinAgrees(const BucketsLabRun& r) {
    QVERIFY(r.dateBinRan);
    for (const BucketTier& t : r.tiers) {
        QVERIFY(t.dateBinCompared > 0);
        QCOMPARE(t.dateBinAgree, t.dateBinCompared);
        for (const BucketCompare& b : t.buckets) {
            if (b.model) {
                QCOMPARE(b.dateBin->count, b.model->count); // exactly, every field
                QCOMPARE(b.dateBin->min, b.model->min);
                QCOMPARE(b.dateBin->max, b.model->max);
                QCOMPARE(b.dateBin->avg, b.model->avg);
            }
        }
    }
}

using BucketsCliResult = fg::lab::test::LabCliResult;

BucketsCliResult runBucketsCli(const QStringList& args, const QByteArray& input = {}) {
    return fg::lab::test::runLabCli(QStringLiteral(FIELDGUIDE_BIN), args, input);
}

} // namespace

class TestBucketsLab : public QObject {
    Q_OBJECT

private slots:
    void init() { QVERIFY(fg::lab::test::foldersOwnedByMe().isEmpty()); }
    // Every run stops its server and removes its folders.
    void cleanup() { QVERIFY(fg::lab::test::foldersOwnedByMe().isEmpty()); }

    // Its time (the goal: under 3 seconds, a PostgreSQL started and stopped included) is
    // tools/benchmarks.sh's "lab buckets" row: a bound here failed on a loaded machine (a build
    // beside the tests) with nothing wrong.
    void theDefaultScenarioAgreesEverywhere() {
        FG_REQUIRE_LAB(fg::lab::LabKind::kPostgres);
        BucketsLabRun r;
        const fg::Status s = runBucketsJson(
            readBucketsJson(QStringLiteral(FG_SOURCE_DIR "/content/scenarios/downsample.json")),
            &r);
        QVERIFY2(s, s.message().c_str());
        QCOMPARE(r.points, 2880);
        QCOMPARE(r.tiers.size(), 2u);
        QCOMPARE(r.tiers[0].name, std::string("1m"));
        QCOMPARE(r.tiers[0].dateBinCompared, 240);
        QCOMPARE(r.tiers[1].dateBinCompared, 4);
        expectDateBinAgrees(r);
        for (const BucketTier& t : r.tiers) {
            QCOMPARE(t.rrdAgree, t.rrdCompared); // evenly spaced points: every row matches
        }
        QCOMPARE(r.rrdDefinition.front(), std::string("DS:v:GAUGE:10:U:U"));
        QCOMPARE(r.tiers[0].rra, std::string("RRA:AVERAGE:0.5:60:1440 RRA:MIN:0.5:60:1440 "
                                             "RRA:MAX:0.5:60:1440"));
        QVERIFY(r.rrdOffsetS > 0); // the points start in 1970
        QCOMPARE(r.summary, std::string("agree: 1m 240 of 240 buckets with date_bin, RRDtool 240 "
                                        "of 240; 1h 4 of 4 buckets with date_bin, RRDtool 4 of 4"));
    }

    void dateBinAgreesWithTheModelOnSeededPoints_data() {
        QTest::addColumn<QByteArray>("scenario");
        QTest::newRow("sine") << QByteArray::fromStdString(generatedBuckets("sine", 11).dump());
        QTest::newRow("random walk")
            << QByteArray::fromStdString(generatedBuckets("random-walk", 12).dump());
        QTest::newRow("irregular") << QByteArray::fromStdString(irregularBuckets(13).dump());
    }
    void dateBinAgreesWithTheModelOnSeededPoints() {
        FG_REQUIRE_LAB(fg::lab::LabKind::kPostgres);
        QFETCH(QByteArray, scenario);
        BucketsLabRun r;
        const fg::Status s = runBucketsJson(json::parse(scenario.toStdString()), &r);
        QVERIFY2(s, s.message().c_str());
        expectDateBinAgrees(r);
    }

    // Uneven points: RRDtool weighs each by how long it held; every difference says why.
    void irregularPointsDifferInRrdtoolWithAReason() {
        BucketsLabRun r;
        QVERIFY(runBucketsJson(irregularBuckets(13), &r, bucketsWithoutPostgres()));
        const BucketTier& t = r.tiers.front();
        QVERIFY(t.rrdAgree < t.rrdCompared);
        int uneven = 0;
        for (const BucketCompare& b : t.buckets) {
            uneven += b.rrdWhy.find("unevenly") != std::string::npos ? 1 : 0;
        }
        QVERIFY(uneven > 0);
        QVERIFY(!t.buckets.front().rrdWhy.empty()); // differences first
    }

    // 1 at 0 s, 2 at 20 s, 6 at 40 s: each holds 20 s, so RRDtool's row (0, 60] averages 3, as
    // date_bin's bucket [0, 60) does, min 1, max 6.
    void evenPointsMapOntoOneRowExactly() {
        BucketsLabRun r;
        const fg::Status s =
            runBucketsJson(tinyBucketsScenario(json{{0, 1.0}, {20000, 2.0}, {40000, 6.0}}), &r);
        QVERIFY2(s, s.message().c_str());
        const BucketCompare* b = findBucket(r.tiers.front(), 0);
        QVERIFY(b && b->rrd);
        QCOMPARE(b->rrd->avg, 3.0);
        QCOMPARE(b->rrd->min, 1.0);
        QCOMPARE(b->rrd->max, 6.0);
        QCOMPARE(b->model->avg, 3.0);
        QVERIFY(b->rrdWhy.empty());
        QCOMPARE(r.rrdUpdates, 3);  // at 20 s, 40 s and 60 s (the usual gap after the last)
        QCOMPARE(r.heartbeatS, 40); // twice the usual 20 s
        QCOMPARE(r.tiers.front().buckets.size(), 1u); // the row (60, 120] is not closed
    }

    // 1 at 0 s, 2 at 10 s, 6 at 40 s: they hold 10, 30 and 20 s (the usual gap after the last),
    // so RRDtool's row averages (10 + 60 + 120) / 60, where date_bin says 3.
    void unevenPointsAreWeighedByTheTimeTheyHeld() {
        BucketsLabRun r;
        const fg::Status s =
            runBucketsJson(tinyBucketsScenario(json{{0, 1.0}, {10000, 2.0}, {40000, 6.0}}), &r,
                           bucketsWithoutPostgres());
        QVERIFY2(s, s.message().c_str());
        const BucketCompare* b = findBucket(r.tiers.front(), 0);
        QVERIFY(b && b->rrd);
        QVERIFY(qFuzzyCompare(b->rrd->avg, 190.0 / 60.0));
        QCOMPARE(b->model->avg, 3.0);
        QVERIFY(b->rrdWhy.find("unevenly") != std::string::npos);
    }

    // A 95 s gap with a 10 s heartbeat: the row (0, 60] knows 5 s of its 60, past the xff 0.5,
    // so it is UNKNOWN; with xff 0.95 the same row is known and averages the 5 s it knows.
    void xffTurnsARowUnknown() {
        const json s =
            tinyBucketsScenario(json{{0, 1.0}, {5000, 2.0}, {100000, 3.0}, {105000, 4.0}});
        BucketsLabRun r;
        QVERIFY(runBucketsJson(s, &r, bucketsWithoutPostgres()));
        QCOMPARE(r.heartbeatS, 10);
        const BucketCompare* b = findBucket(r.tiers.front(), 0);
        QVERIFY(b && b->rrdUnknown && !b->rrd);
        QVERIFY(b->rrdWhy.find("xff") != std::string::npos);
        QCOMPARE(b->model->count, 2);
        BucketsLabRun loose;
        QVERIFY(runBucketsJson(s, &loose, bucketsWithoutPostgres(0.95)));
        b = findBucket(loose.tiers.front(), 0);
        QVERIFY(b && b->rrd && !b->rrdUnknown);
        QCOMPARE(b->rrd->avg, 1.0);
        QCOMPARE(loose.rrdDefinition[1], std::string("RRA:AVERAGE:0.95:60:60"));
    }

    // A 1-minute tier kept 5 minutes over 10 minutes of points: RRDtool keeps its last 5 rows,
    // the model drops whole 1-minute blocks older than 5 minutes.
    void retentionDropsRowsAndBlocks() {
        FG_REQUIRE_LAB(fg::lab::LabKind::kPostgres);
        json points = json::array();
        for (int t = 0; t < 600; t += 5) {
            points.push_back({t * 1000, t % 7});
        }
        BucketsLabRun r;
        const fg::Status s = runBucketsJson(tinyBucketsScenario(points, 300, 60), &r);
        QVERIFY2(s, s.message().c_str());
        const BucketTier& t = r.tiers.front();
        QCOMPARE(t.modelDropped, 4);    // [0, 240 s): blocks ending by 295 s (now 595 s - 300)
        QCOMPARE(t.dateBinCompared, 6); // what the model keeps
        QCOMPARE(t.dateBinAgree, 6);
        const BucketCompare* old = findBucket(t, 0);
        QVERIFY(old && old->modelDropped && !old->rrd && !old->rrdUnknown);
        QVERIFY(old->rrdWhy.find("overwritten") != std::string::npos);
        QVERIFY(findBucket(t, 300'000)->rrdWhy.empty()); // the archive's 5 rows: 300 s to 540 s
        QVERIFY(findBucket(t, 240'000)->rrdWhy.find("overwritten") != std::string::npos);
        // RRDtool is compared over what the model keeps (240 s to 540 s): 240 s is overwritten.
        QCOMPARE(t.rrdCompared, 6);
        QCOMPARE(t.rrdAgree, 5);
    }

    // Two days of minute points: the 1m archive keeps one day. RRDtool's rows are read from that
    // archive (asked for the whole span, rrd_fetch answered from the 1h archive instead).
    void aSpanLongerThanAnArchiveIsReadFromThatArchive() {
        json s = generatedBuckets("sine", 4);
        const std::int64_t hour = 1'699'999'200'000LL; // on the hour: every point starts a row
        s["ops"][0]["generate"]["from"] = hour;
        s["ops"][0]["generate"]["to"] = hour + 2 * 86'400'000LL;
        s["ops"][0]["generate"]["every_s"] = 60;
        BucketsLabRun r;
        const fg::Status status = runBucketsJson(s, &r, bucketsWithoutPostgres());
        QVERIFY2(status, status.message().c_str());
        const BucketTier& t = r.tiers.front();
        QCOMPARE(t.rrdAgree, 1440);    // every row the archive keeps
        QVERIFY(t.rrdCompared > 1440); // the model keeps whole 6-hour blocks past its day
    }

    void budgetsAreRefusedBeforeAnythingRuns_data() {
        QTest::addColumn<QByteArray>("scenario");
        QTest::addColumn<QByteArray>("says");
        json many = generatedBuckets("sine", 1);
        many["ops"][0]["generate"]["to"] = 1'700'000'000'000LL + 1'000'001'000LL;
        many["ops"][0]["generate"]["every_s"] = 1;
        QTest::newRow("points") << QByteArray::fromStdString(many.dump())
                                << QByteArray("at most 1000000 points");
        QTest::newRow("before 1970")
            << QByteArray::fromStdString(tinyBucketsScenario(json{{-1000, 1.0}}).dump())
            << QByteArray("before 1970");
        QTest::newRow("rows") << QByteArray::fromStdString(
                                     tinyBucketsScenario(json{{0, 1.0}}, 31'536'000, 86400).dump())
                              << QByteArray("at most 100000 rows");
        QTest::newRow("engine") << QByteArray(R"({"engine":"lsm","ops":[]})")
                                << QByteArray("the engine \"downsample\"");
        json none = tinyBucketsScenario(json::array());
        QTest::newRow("no points")
            << QByteArray::fromStdString(none.dump()) << QByteArray("no point");
    }
    void budgetsAreRefusedBeforeAnythingRuns() {
        QFETCH(QByteArray, scenario);
        QFETCH(QByteArray, says);
        DownsampleScenario parsed;
        const fg::Status s =
            fg::lab::parseBucketsLabScenario(json::parse(scenario.toStdString()), &parsed);
        QVERIFY(!s);
        QVERIFY2(s.message().find(says.toStdString()) != std::string::npos, s.message().c_str());
    }

    // Without PostgreSQL 15's programs, RRDtool still runs and is compared with the model.
    void withoutPostgresRrdtoolStillRuns() {
        BucketsLabRun r;
        const fg::Status s =
            runBucketsJson(tinyBucketsScenario(json{{0, 1.0}, {20000, 2.0}, {40000, 6.0}}), &r,
                           bucketsWithoutPostgres());
        QVERIFY2(s, s.message().c_str());
        QVERIFY(!r.dateBinRan);
        QVERIFY2(r.dateBinMissing.find("postgresql-15") != std::string::npos,
                 r.dateBinMissing.c_str());
        QCOMPARE(r.tiers.front().rrdAgree, 1);
        QCOMPARE(r.tiers.front().dateBinCompared, 0);
        QVERIFY(r.summary.find("RRDtool 1 of 1 with the model") != std::string::npos);
        QVERIFY(r.summary.find("date_bin not run") != std::string::npos);
    }

    void aFolderThatCannotBeMadeIsSaid() {
        BucketsLabRun r;
        fg::lab::BucketsLabOptions options;
        options.folderRoot = QStringLiteral("/proc/no-such-folder");
        const fg::Status s = runBucketsJson(tinyBucketsScenario(json{{0, 1.0}}), &r, options);
        QVERIFY(!s);
        QVERIFY2(s.message().find("/proc/no-such-folder") != std::string::npos,
                 s.message().c_str());
    }

    void theRunReadsBackFromItsJson() {
        BucketsLabRun r;
        QVERIFY(runBucketsJson(irregularBuckets(5), &r));
        BucketsLabRun back;
        const fg::Status s = fg::lab::fromJson(fg::lab::toJson(r), &back);
        QVERIFY2(s, s.message().c_str());
        QVERIFY(back == r);
        json broken = fg::lab::toJson(r);
        broken["tiers"][0]["buckets"][0]["start"] = "soon";
        BucketsLabRun bad;
        const fg::Status refused = fg::lab::fromJson(broken, &bad);
        QVERIFY(!refused);
        QVERIFY(refused.message().find("/tiers/0/buckets/0/start") != std::string::npos);
    }

    void theServiceRunsAndRefuses() {
        fg::lab::BucketsService service;
        json result;
        std::vector<std::string> heard;
        const fg::Status ran =
            service.handle("run", {{"scenario", tinyBucketsScenario(json{{0, 1.0}, {20000, 2.0}})}},
                           &result, [&](const std::string& s) { heard.push_back(s); });
        QVERIFY2(ran, ran.message().c_str());
        QVERIFY(result["summary"].get<std::string>().starts_with("agree: 1m"));
        QVERIFY(!heard.empty());
        QVERIFY(!service.handle("run", {{"scenario", {{"engine", "lsm"}}}}, &result, {}));
        QVERIFY(!service.handle("dance", json::object(), &result, {}));
    }

    // The service keeps its PostgreSQL server from one run to the next (initdb once), starts a
    // new one when the kept one was killed, and buckets.stop removes it.
    void theServiceKeepsItsServerUntilStopped() {
        FG_REQUIRE_LAB(fg::lab::LabKind::kPostgres);
        fg::lab::BucketsService service;
        const json scenario = tinyBucketsScenario(json{{0, 1.0}, {20000, 2.0}});
        int initdbs = 0;
        auto count = [&](const std::string& s) {
            initdbs += s.find("initdb") != std::string::npos ? 1 : 0;
        };
        json result;
        for (int run = 0; run < 2; ++run) {
            QVERIFY(service.handle("run", {{"scenario", scenario}}, &result, count));
            QVERIFY(result["date_bin"]["ran"].get<bool>());
        }
        QCOMPARE(initdbs, 1);
        const QStringList folders = fg::lab::test::foldersOwnedByMe();
        QCOMPARE(folders.size(), 1); // the server's; the RRD's went with each run
        for (const qint64 pid : fg::lab::processesWorkingIn(folders.front())) {
            ::kill(static_cast<pid_t>(pid), SIGKILL);
        }
        QVERIFY(service.handle("run", {{"scenario", scenario}}, &result, count));
        QVERIFY2(result["date_bin"]["ran"].get<bool>(),
                 result["date_bin"]["missing"].get<std::string>().c_str());
        QCOMPARE(initdbs, 2);
        service.stop();
        QVERIFY(fg::lab::test::foldersOwnedByMe().isEmpty());
    }

    // The helper's hello: the lab always runs (RRDtool is linked); date_bin needs PostgreSQL 15.
    void helloSaysWhatDateBinNeeds() {
        QProcess helper;
        helper.start(QStringLiteral(LAB_HELPER_BIN), {QStringLiteral("--serve")});
        QVERIFY(helper.waitForStarted(10000));
        helper.write("{\"id\": 1, \"op\": \"hello\"}\n");
        QByteArray line;
        while (!line.contains('\n') && helper.waitForReadyRead(10000)) {
            line += helper.readAll();
        }
        helper.closeWriteChannel();
        QVERIFY(helper.waitForFinished(10000));
        const json lab =
            json::parse(line.left(line.indexOf('\n')).toStdString())["result"]["labs"]["buckets"];
        QString missing;
        const bool pg = fg::lab::labAvailable(fg::lab::LabKind::kPostgres, &missing);
        QVERIFY(lab["available"].get<bool>());
        QCOMPARE(lab["date_bin"].get<bool>(), pg);
        QCOMPARE(QString::fromStdString(lab["date_bin_missing"].get<std::string>()), missing);
    }

    void theCommandPrintsTheRunAndExitsAsTheCliDoes() {
        const BucketsCliResult r = runBucketsCli(
            {"buckets", QStringLiteral(FG_SOURCE_DIR "/content/scenarios/downsample.json")});
        QVERIFY2(r.exit == 0, r.err.constData());
        const json j = json::parse(r.out.toStdString());
        QVERIFY(j["source"].get<std::string>().ends_with("downsample.json"));
        QVERIFY(j["summary"].get<std::string>().starts_with("agree: 1m "));
        QCOMPARE(j["tiers"].size(), 2u);
        QCOMPARE(j["rrdtool"]["definition"].size(), 7u);
        const BucketsCliResult bad =
            runBucketsCli({"buckets", "-"}, R"({"engine":"downsample","ops":[]})");
        QCOMPARE(bad.exit, 2);
        QVERIFY(bad.err.contains("no point"));
        QCOMPARE(runBucketsCli({"buckets", "--fast"}).exit, 2);
        QCOMPARE(runBucketsCli({"buckets", "a.json", "b.json"}).exit, 2);
        QVERIFY(runBucketsCli({"buckets", "/nonexistent/scenario.json"}).exit != 0);
    }
};

FG_TEST_GUILESS_MAIN(TestBucketsLab)
#include "test_buckets_lab.moc"
