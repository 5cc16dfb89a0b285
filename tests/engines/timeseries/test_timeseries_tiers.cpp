// The tiered store: rollups agree with `fieldguide downsample`, retention drops whole blocks (and
// counts the tombstones Cassandra would have written), a query uses the finest tier that still
// covers its range and reads only overlapping blocks, and step back is exact.
#include "engines/core/recording_sink.h"
#include "engines/core/timeline.h"
#include "engines/timeseries/clock_text.h"
#include "engines/timeseries/downsample.h"
#include "engines/timeseries/tiered_store.h"
#include "tests/suite_main.h"

#include <QTest>

using namespace fg::timeseries;

namespace {

TieredOp ingest(std::int64_t from, std::int64_t to, std::uint64_t seed = 3) {
    return TieredOp::ingest(Generator{from, to, 1000, seed, "random-walk"});
}

void run(const TieredStore& st, TieredState& s, const std::vector<TieredOp>& ops) {
    fg::SilentSink<TieredStep, TieredState> silent;
    for (const auto& op : ops) {
        st.apply(s, op, silent);
    }
}

} // namespace

class TestTimeseriesTiers : public QObject {
    Q_OBJECT
private slots:
    void rollupsAgreeWithDownsample() {
        const TieredStore st(TieredStore::defaultTiers());
        auto s = st.initialState();
        run(st, s, {ingest(0, 3 * 3600'000)});
        auto points = generatePoints({0, 3 * 3600'000, 1000, 3, "random-walk"});
        const auto minutes = downsample(points, 60'000);
        std::map<std::int64_t, Aggregate> stored;
        for (const auto& [start, block] : s.tiers[1].blocks) {
            stored.insert(block.buckets.begin(), block.buckets.end());
        }
        QCOMPARE(stored.size(), minutes.size());
        for (const auto& b : minutes) {
            QVERIFY(stored.at(b.start) == b.agg); // bit-identical sums, mins, maxes, firsts, lasts
        }
    }

    void retentionDropsWholeBlocks() {
        const TieredStore st(TieredStore::defaultTiers()); // raw: 2 h in 30-minute blocks
        auto s = st.initialState();
        run(st, s, {ingest(0, 3 * 3600'000)});
        // The points moved the clock to 2:59:59: the first half hour ended 2 h before it.
        QCOMPARE(s.tiers[0].blocks.size(), std::size_t(5));
        QCOMPARE(s.stats.blocksDropped, std::int64_t(1));
        run(st, s,
            {TieredOp::advanceBy(3600'000)}); // now = 4 h - 1 s: blocks ending by 2 h - 1 s go
        for (const auto& [start, b] : s.tiers[0].blocks) {
            QVERIFY(b.end > s.now - 2 * 3600'000);
            QCOMPARE(b.rows(), std::int64_t(1800)); // whole blocks: never a partial one
        }
        QCOMPARE(s.stats.blocksDropped, std::int64_t(3));
        QCOMPARE(s.stats.rowsDropped, std::int64_t(3 * 1800)); // = tombstones Cassandra would write
        QCOMPARE(s.tiers[1].blocks.size(), std::size_t(1));    // 1m rollups are kept a day
    }

    // A fresh tester: after ingesting twelve hours the raw tier said 'kept 2 h' over twelve hours
    // of raw blocks, none dropped, and a query skipped raw blocks that were still drawn. Points
    // that move the clock expire what is older than each tier keeps, as time passing does, with a
    // step for each block dropped.
    void newPointsMoveTheClockAndRetentionFollows() {
        const TieredStore st(TieredStore::defaultTiers());
        fg::RecordingSink<TieredStep, TieredState> rec(true);
        auto s = st.initialState();
        rec.run(st, s, std::vector<TieredOp>{ingest(0, 12 * 3600'000)});
        QCOMPARE(s.now, 12 * 3600'000LL - 1000);
        for (std::size_t i = 0; i < s.tiers.size(); ++i) {
            for (const auto& [start, b] : s.tiers[i].blocks) {
                QVERIFY(b.end > s.now - TieredStore::defaultTiers()[i].retentionMs);
            }
        }
        QCOMPARE(s.tiers[0].blocks.size(), std::size_t(5)); // 10:00 on, the last 2 h and a bit
        QCOMPARE(s.stats.blocksDropped, std::int64_t(19));
        int drops = 0;
        for (const auto& step : rec.steps) {
            drops += step.kind == StepKind::kRetentionDrop ? 1 : 0;
        }
        QCOMPARE(drops, 19);
        QCOMPARE(rec.steps.front().kind, StepKind::kIngest);
    }

    // A tester let six hours pass eight times: once every block had gone, time passing left no
    // step, the drawing's clock stayed put and the page's "Ingest 3 more hours" wrote from the
    // clock of the last step, a day in the past. Every advance is a step of its own, at the new
    // time, with or without blocks to drop.
    void timePassingIsAStepEvenWithNothingToDrop() {
        const TieredStore st(TieredStore::defaultTiers());
        fg::RecordingSink<TieredStep, TieredState> rec(true);
        auto s = st.initialState();
        rec.run(st, s, std::vector<TieredOp>{ingest(0, 3 * 3600'000)});
        std::int64_t clock = s.now;
        for (int i = 0; i < 8; ++i) {
            const std::size_t before = rec.steps.size();
            rec.run(st, s, std::vector<TieredOp>{TieredOp::advanceBy(6 * 3600'000)});
            clock += 6 * 3600'000;
            QVERIFY2(rec.steps.size() > before, qPrintable(QString::number(i)));
            QCOMPARE(rec.steps[before].kind, StepKind::kAdvance);
            QCOMPARE(rec.states[before].now, clock);
            QCOMPARE(rec.states.back().now, clock);
            QVERIFY2(QString::fromStdString(rec.steps[before].text).contains("6 hours"),
                     rec.steps[before].text.c_str());
        }
        // The last advances had nothing left to drop, and said so.
        QVERIFY2(QString::fromStdString(rec.steps.back().text).contains("no block is old enough"),
                 rec.steps.back().text.c_str());
    }

    void aQueryUsesTheFinestTierThatCoversIt() {
        const TieredStore st(TieredStore::defaultTiers());
        auto s = st.initialState();
        run(st, s, {ingest(0, 3 * 3600'000), TieredOp::advanceBy(3600'000)});
        const auto recent = st.query(s, 3 * 3600'000 - 600'000, 3 * 3600'000, AggKind::Avg);
        QCOMPARE(recent.tier, std::string("raw"));
        QCOMPARE(recent.rowsScanned, std::int64_t(600));
        QCOMPARE(recent.partitionsRead, std::int64_t(1));
        QCOMPARE(recent.partitionsSkipped, std::int64_t(2));
        const auto old = st.query(s, 0, 3600'000, AggKind::Max);
        QCOMPARE(old.tier, std::string("1m"));
        QCOMPARE(old.rowsScanned, std::int64_t(60));
        QVERIFY(old.complete);
    }

    // A tester read "scanning 1 rows for 1 result points". One is said in the singular.
    void aQueryOfOnePointSaysItInTheSingular() {
        const TieredStore st(TieredStore::defaultTiers());
        fg::RecordingSinkFor<TieredStore> c;
        auto s = st.initialState();
        c.run(st, s, std::vector<TieredOp>{ingest(0, 1000), TieredOp::query(0, 500)});
        QString said;
        for (const auto& step : c.steps) {
            const QString text = QString::fromStdString(step.text);
            said = text.startsWith(QLatin1String("It reads")) ? text : said;
        }
        QVERIFY2(said.contains(QLatin1String("scanning 1 row for 1 result point.")),
                 qPrintable(said));
    }

    void stepBackIsExact() {
        const TieredStore st(TieredStore::defaultTiers());
        const TieredOp q = TieredOp::query(0, 600'000);
        const std::vector<TieredOp> ops = {ingest(0, 3600'000), q,
                                           TieredOp::advanceBy(3 * 3600'000), q,
                                           ingest(4 * 3600'000, 5 * 3600'000, 9)};
        const fg::Timeline<TieredStore> t(st, st.initialState(), ops, 2);
        fg::RecordingSinkFor<TieredStore> c;
        auto s = st.initialState();
        c.run(st, s, ops);
        QCOMPARE(c.states.size(), t.size());
        for (std::size_t i = 0; i < t.size(); ++i) {
            QVERIFY(t.stateAfter(i) == c.states[i]);
        }
    }

    // A scenario's times are its own clock (0 is 00:00 of its first day), said without a made-up
    // date of 1970; a time from 2000 on is a real date and is said as one.
    void timesAreSaidAsTheScenariosClockOrAsRealDates() {
        QCOMPARE(clockText(0), std::string("00:00"));
        QCOMPARE(clockText(3 * 3600'000 + 59 * 60'000 + 55'000), std::string("03:59"));
        QCOMPARE(clockText(kMsPerDay + 3600'000), std::string("day 2, 01:00"));
        QCOMPARE(dayText(2 * kMsPerDay), std::string("day 3"));
        QCOMPARE(clockText(1'709'301'900'000), std::string("2024-03-01 14:05 UTC"));
        QCOMPARE(dayText(1'709'301'900'000), std::string("Mar 1"));
        const TieredStore st(TieredStore::defaultTiers());
        fg::RecordingSink<TieredStep, TieredState> rec(false);
        auto s = st.initialState();
        rec.run(st, s,
                std::vector<TieredOp>{ingest(0, 3 * 3600'000), TieredOp::advanceBy(3600'000)});
        QVERIFY(rec.steps.size() >= 2);
        for (const auto& step : rec.steps) {
            QVERIFY2(step.text.find("1970") == std::string::npos, step.text.c_str());
        }
        QVERIFY2(rec.steps.front().text.find("(00:00 to 02:59)") != std::string::npos,
                 rec.steps.front().text.c_str());
    }
};

FG_TEST_APPLESS_MAIN(TestTimeseriesTiers)
#include "test_timeseries_tiers.moc"
