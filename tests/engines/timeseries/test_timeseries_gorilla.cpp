// Gorilla exactly as the contract fixes it: the paper's Figure 2 example (167 bits), the value
// windows and the delta-of-delta ranges, a regular series at 380 bits, and exact round trips; and
// the delta and run-length encodings of the seed's table, with their decoders.
#include "engines/cli/commands.h"
#include "engines/core/rng.h"
#include "engines/timeseries/gorilla.h"
#include "engines/timeseries/simple_encodings.h"
#include "tests/suite_main.h"

#include <QTest>
#include <cmath>
#include <sstream>

using namespace fg::timeseries;

namespace {

GorillaBlock encode(const std::vector<Point>& pts) {
    GorillaBlock b;
    const auto s = gorillaEncode(pts, b);
    if (!s) {
        qFatal("%s", s.message().c_str());
    }
    return b;
}

void roundTrip(const std::vector<Point>& pts) {
    const GorillaBlock b = encode(pts);
    std::vector<Point> back;
    QVERIFY(gorillaDecode(b.bits, b.points, back));
    QCOMPARE(back.size(), pts.size());
    for (std::size_t i = 0; i < pts.size(); ++i) {
        QCOMPARE(back[i].t, (pts[i].t >= 0 ? pts[i].t / 1000 : -((-pts[i].t + 999) / 1000)) * 1000);
        QCOMPARE(std::bit_cast<std::uint64_t>(back[i].v), std::bit_cast<std::uint64_t>(pts[i].v));
    }
}

} // namespace

class TestTimeseriesGorilla : public QObject {
    Q_OBJECT
private slots:
    void paperFigure2Is167Bits() {
        // Block 2015-03-24 02:00:00 UTC; points at 02:01:02, 02:02:02, 02:03:02.
        const auto b =
            encode({{1427162462000, 12.0}, {1427162522000, 12.0}, {1427162582000, 24.0}});
        QCOMPARE(b.bits.bits(), std::uint64_t(167));
        QCOMPARE(b.timestampBits, std::int64_t(64 + 14 + 9 + 1));
        QCOMPARE(b.valueBits, std::int64_t(64 + 1 + 14));
    }

    void aRegularSeriesCostsTwoBitsAPoint() {
        std::vector<Point> pts;
        for (int i = 0; i < 120; ++i) {
            pts.push_back({1700000000000 + i * 60000LL, 7.0});
        }
        // The first point lands mid-block, so its 14-bit delta is not zero; the second point's
        // delta-of-delta is nonzero too. Every later point is '0' + '0'.
        const auto b = encode(pts);
        QCOMPARE(b.tsCases[0] + b.tsCases[1] + b.tsCases[2] + b.tsCases[3] + b.tsCases[4],
                 std::int64_t(119));
        QCOMPARE(b.valueCases[0], std::int64_t(119));
        QCOMPARE(b.tsCases[0], std::int64_t(118));
        // Starting 60 s into a block, every delta-of-delta is 0 (t_-1 is the block start): the
        // reference's 380 bits, 64 + 14 + 64 + 119 x 2.
        std::vector<Point> regular;
        for (int i = 0; i < 120; ++i) {
            regular.push_back(
                {1427155200000 + 60000 + i * 60000LL, 7.0}); // 1427155200 = 198216 x 7200
        }
        QCOMPARE(encode(regular).bits.bits(), std::uint64_t(380));
    }

    void valueWindowsAreReused() {
        // 24 -> 15: XOR 0x0016000000000000 (11 leading, 49 trailing): '11' + 5 + 6 + 4 bits.
        // 15 -> 12: XOR 0x0006000000000000 (13 leading, 49 trailing) fits that window: '10' + 4.
        const auto b = encode({{0, 24.0}, {1000, 15.0}, {2000, 12.0}});
        QCOMPARE(b.valueCases[2], std::int64_t(1));
        QCOMPARE(b.valueCases[1], std::int64_t(1));
        QCOMPARE(b.valueBits, std::int64_t(64 + (2 + 5 + 6 + 4) + (2 + 4)));
    }

    void deltaOfDeltaRanges_data() {
        QTest::addColumn<int>("dod");
        QTest::addColumn<int>("tsCase");
        for (auto [d, c] : std::vector<std::pair<int, int>>{{0, 0},
                                                            {1, 1},
                                                            {-1, 1},
                                                            {64, 1},
                                                            {-63, 1},
                                                            {-64, 2},
                                                            {65, 2},
                                                            {256, 2},
                                                            {-255, 2},
                                                            {257, 3},
                                                            {-256, 3},
                                                            {2048, 3},
                                                            {-2047, 3},
                                                            {2049, 4},
                                                            {-2048, 4}}) {
            QTest::addRow("%d", d) << d << c;
        }
    }
    void deltaOfDeltaRanges() {
        QFETCH(int, dod);
        QFETCH(int, tsCase);
        // t: 0, 10000 s, then 20000 + dod s: the second delta-of-delta is dod.
        const auto b = encode({{0, 1.0}, {10000000, 1.0}, {(20000 + dod) * 1000LL, 1.0}});
        QCOMPARE(b.tsCases[tsCase] >= 1, true);
        roundTrip({{0, 1.0}, {10000000, 1.0}, {(20000 + dod) * 1000LL, 1.0}});
    }

    void randomSeriesRoundTripExactly() {
        for (std::uint64_t seed = 1; seed <= 40; ++seed) {
            fg::Rng rng(seed);
            std::vector<Point> pts;
            std::int64_t t = rng.uniform(-10'000'000'000LL, 10'000'000'000LL);
            double v = 0;
            for (int i = 0; i < 500; ++i) {
                t +=
                    rng.uniform(0, 5) == 0 ? rng.uniform(0, 100'000'000) : 1000 * rng.uniform(0, 3);
                const auto kind = rng.uniform(0, 5);
                v = kind == 0   ? v
                    : kind == 1 ? -0.0
                    : kind == 2 ? std::nan("")
                                : (rng.unit() - 0.5) * 1e6;
                pts.push_back({t, v});
            }
            roundTrip(pts);
        }
    }

    void outOfOrderRowsAreRefused() {
        GorillaBlock b;
        const auto s = gorillaEncode({{2000, 1}, {1000, 2}}, b);
        QVERIFY(!s);
        QVERIFY(s.what().find("time order") != std::string::npos);
    }

    void deltaAndRunLengthRoundTrip() {
        const std::vector<std::int64_t> ts = {1705312800000, 1705312801000, 1705312802000, -5, 0};
        QVERIFY(decodeDeltas(encodeDeltas(ts), ts.size()) == ts);
        // The seed's example: +1000 ms costs 2 bytes instead of 8.
        QCOMPARE(encodeDeltas({1705312800000, 1705312801000, 1705312802000}).size(),
                 std::size_t(8 + 2 + 2));
        const std::vector<double> values = {0, 0, 0, 0, 0, 1.5, 1.5, -0.0, 0};
        const auto runs = encodeRuns(values);
        QCOMPARE(runs.size(), std::size_t(4)); // (0,5) (1.5,2) (-0,1) (0,1): -0 is not 0 bitwise
        QCOMPARE(runs[0].count, std::int64_t(5));
        const auto back = decodeRuns(runs);
        QCOMPARE(back.size(), values.size());
        for (std::size_t i = 0; i < values.size(); ++i) {
            QCOMPARE(std::bit_cast<std::uint64_t>(back[i]),
                     std::bit_cast<std::uint64_t>(values[i]));
        }
    }

    void sizesEqualWhatTheEncodersWrite() {
        // deltaSize and runLengthSize count without encoding; they must match the encoders.
        for (std::uint64_t seed = 1; seed <= 30; ++seed) {
            fg::Rng rng(seed);
            std::vector<Point> pts;
            std::vector<std::int64_t> ts;
            std::vector<double> values;
            std::int64_t t = rng.uniform(-10'000'000'000LL, 10'000'000'000LL);
            const int n = static_cast<int>(rng.uniform(0, 400));
            for (int i = 0; i < n; ++i) {
                t += rng.uniform(-5, 5) == 0 ? rng.uniform(-(1LL << 40), 1LL << 40)
                                             : rng.uniform(0, 3000);
                const double v =
                    rng.uniform(0, 2) == 0 ? 1.0 : static_cast<double>(rng.uniform(0, 3));
                pts.push_back({t, v});
                ts.push_back(t);
                values.push_back(v);
            }
            const auto delta = deltaSize(pts);
            QCOMPARE(delta.timestampBits, static_cast<std::int64_t>(encodeDeltas(ts).size()) * 8);
            QCOMPARE(delta.valueBits, std::int64_t(64) * n);
            std::int64_t runBits = 0;
            for (const auto& r : encodeRuns(values)) {
                runBits += 64 + 8 * static_cast<std::int64_t>(encodeDeltas({0, r.count}).size() -
                                                              8); // varint bytes
            }
            const auto rle = runLengthSize(pts);
            QCOMPARE(rle.timestampBits, delta.timestampBits);
            QCOMPARE(rle.valueBits, runBits);
        }
    }

    void compressCommandPrintsTheBitCounts() {
        std::istringstream in("1427162462000,12\n1427162522000,12\n1427162582000,24\n");
        std::ostringstream out, err;
        QCOMPARE(fg::cli::compress({}, {in, out, err}), 0);
        QVERIFY(out.str().find("\"encoded_bits\": 167") != std::string::npos);
        QVERIFY(out.str().find("\"bytes_per_point\"") != std::string::npos);
        std::istringstream bad("2000,1\n1000,1\n");
        std::ostringstream out2, err2;
        QCOMPARE(fg::cli::compress({}, {bad, out2, err2}), 2);
        QVERIFY(out2.str().empty());
    }
};

FG_TEST_APPLESS_MAIN(TestTimeseriesGorilla)
#include "test_timeseries_gorilla.moc"
