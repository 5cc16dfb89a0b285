// Epoch-aligned buckets (TimescaleDB's integer time_bucket vectors, negative timestamps), the
// CSV reader's errors by line, and `fieldguide downsample` end to end.
#include "engines/cli/commands.h"
#include "engines/timeseries/bucket.h"
#include "engines/timeseries/downsample.h"
#include "tests/suite_main.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <sstream>
#include <utility>

using fg::timeseries::bucketStart;

namespace {

int runDownsample(const fg::cli::Args& args, const std::string& input, std::string& out,
                  std::string& err) {
    std::istringstream in(input);
    std::ostringstream o, e;
    const int rc = fg::cli::downsample(args, {in, o, e});
    out = o.str();
    err = e.str();
    return rc;
}

} // namespace

class TestTimeseriesDownsample : public QObject {
    Q_OBJECT
private slots:
    void bucketsFloorAlsoBefore1970() {
        QCOMPARE(bucketStart(5, 10), std::int64_t(0));
        QCOMPARE(bucketStart(-5, 10), std::int64_t(-10));
        QCOMPARE(bucketStart(-10, 10), std::int64_t(-10));
        QCOMPARE(bucketStart(12, 5), std::int64_t(10));
        QCOMPARE(bucketStart(-1, 60000), std::int64_t(-60000));
        // 2024-01-10 11:27:13 UTC into 5-minute buckets: 11:25.
        QCOMPARE(bucketStart(1704886033000, 300000), std::int64_t(1704885900000));
    }

    void downsamplePrintsBucketsInTimeOrder() {
        std::string out, err;
        QCOMPARE(runDownsample({"--step", "60", "--agg", "count,min,max,first,last,sum,avg"},
                               "timestamp_ms,value\n-1,4\n59999,2\n0,1\n60000,10\n0,7\n", out, err),
                 0);
        QCOMPARE(out, std::string("bucket_start_ms,count,min,max,first,last,sum,avg\n"
                                  "-60000,1,4,4,4,4,4,4\n"
                                  "0,3,1,7,1,2,10,3.3333333333333335\n"
                                  "60000,1,10,10,10,10,10,10\n"));
    }

    void theDefaultAggregatesAreAvgMinMaxCount() {
        std::string out, err;
        QCOMPARE(runDownsample({"--step", "1"}, "1000,0.1\r\n1500,0.2\r\n\r\n", out, err), 0);
        QCOMPARE(
            out,
            std::string("bucket_start_ms,avg,min,max,count\n1000,0.15000000000000002,0.1,0.2,2\n"));
    }

    // The app names its tiers "1m" and "1h"; the command line takes seconds, and says so in
    // the unit the student typed.
    void aStepWithAUnitSaysItInSeconds() {
        for (const auto& [step, says] :
             {std::pair{"1m", "a minute is 60"}, std::pair{"1h", "an hour is 3600"},
              std::pair{"1d", "a day is 86400"}}) {
            std::string out, err;
            QCOMPARE(runDownsample({"--step", step}, "1000,1\n", out, err), 2);
            QVERIFY2(err.find("whole number of seconds") != std::string::npos &&
                         err.find(says) != std::string::npos,
                     err.c_str());
            QVERIFY(out.empty());
        }
    }

    void junkIsReportedByLine_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("text value") << "1000,1\n2000,abc\n"
                                    << "<stdin>:2: expected a decimal number";
        QTest::newRow("missing comma") << "ts,v\n1000 1\n"
                                       << "<stdin>:2: expected \"timestamp_ms,value\"";
        QTest::newRow("three fields") << "1000,1,2\n"
                                      << "<stdin>:1: expected two fields";
        QTest::newRow("fractional ms") << "1000.5,1\n"
                                       << "<stdin>:1: expected a whole number";
        QTest::newRow("nan") << "1000,nan\n"
                             << "<stdin>:1: expected a finite value";
        QTest::newRow("huge ts") << "99999999999999999999,1\n"
                                 << "<stdin>:1: the timestamp does not fit";
        QTest::newRow("far future") << "9000000000000000,1\n"
                                    << "<stdin>:1: the timestamp is out of range";
    }
    void junkIsReportedByLine() {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        std::string out, err;
        QCOMPARE(runDownsample({"--step", "60"}, input.toStdString(), out, err), 2);
        QVERIFY2(QString::fromStdString(err).contains(expected), err.c_str());
        QVERIFY(out.empty());
    }

    void badUsageExitsWithTwo() {
        std::string out, err;
        QCOMPARE(runDownsample({}, "", out, err), 2);
        QCOMPARE(runDownsample({"--step", "0"}, "", out, err), 2);
        QCOMPARE(runDownsample({"--step", "1.5"}, "", out, err), 2);
        QCOMPARE(runDownsample({"--step", "60", "--agg", "median"}, "", out, err), 2);
        QVERIFY(err.find("median") != std::string::npos);
        QCOMPARE(runDownsample({"--step", "60", "/no/such/file.csv"}, "", out, err), 2);
    }

    // A file is read once in time order without keeping its points, and again whole when it is
    // not in order; standard input from a pipe (here a stream) is read whole. Both ways give the
    // same buckets, the same errors and exit statuses, for in-order, out-of-order and odd lines
    // (the reader's one-pass line and its careful one).
    void aFileGivesWhatAStreamGives_data() {
        QTest::addColumn<QString>("input");
        QTest::newRow("in order") << "t,v\n0,1\n1000,2\n61000,3\n";
        QTest::newRow("out of order") << "timestamp_ms,value\n-1,4\n59999,2\n0,1\n60000,10\n0,7\n";
        QTest::newRow("out of order at the end") << "0,1\n1000,2\n120000,3\n500,4\n";
        QTest::newRow("equal times") << "5,1\n5,2\n5,3\n";
        QTest::newRow("odd lines") << "\n  1000 , 1.5 \r\n+2000,+2\n3000,1e3\n4000,.5\n-0,-0.25\n"
                                      "0000000000000000005,1\n8640000000000000,1\n";
        QTest::newRow("no newline at the end") << "1000,1\n2000,2";
        QTest::newRow("junk after disorder") << "2000,1\n1000,2\n3000,x\n";
        QTest::newRow("junk in order") << "1000,1\n2000,2\n3000,x\n4000,1\n";
        QTest::newRow("past the range") << "1000,1\n8640000000000001,1\n";
        QTest::newRow("nan") << "1000,1\n2000,nan\n";
    }
    void aFileGivesWhatAStreamGives() {
        QFETCH(QString, input);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("points.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(input.toUtf8());
        file.close();
        for (const char* aggs : {"count,min,max,first,last,sum,avg", "avg"}) {
            std::string streamOut, streamErr, fileOut, fileErr;
            const int streamRc = runDownsample({"--step", "60", "--agg", aggs}, input.toStdString(),
                                               streamOut, streamErr);
            const int fileRc = runDownsample({"--step", "60", "--agg", aggs, path.toStdString()},
                                             "", fileOut, fileErr);
            QCOMPARE(fileRc, streamRc);
            QCOMPARE(fileOut, streamOut);
            // The same sentence, the input named its own way.
            QCOMPARE(QString::fromStdString(fileErr).replace(path, QStringLiteral("<stdin>")),
                     QString::fromStdString(streamErr));
        }
    }

    void anInOrderDownsamplerRefusesAnEarlierPoint() {
        fg::timeseries::InOrderDownsampler d(60000);
        QVERIFY(d.add({1000, 1}));
        QVERIFY(d.add({1000, 2}));
        QVERIFY(d.add({61000, 3}));
        QVERIFY(!d.add({60999, 4}));
        const auto b = d.take();
        QCOMPARE(b.size(), std::size_t(2));
        QCOMPARE(b[0].agg.count, std::int64_t(2));
        QCOMPARE(b[1].agg.sum, 3.0);
    }

    void aMonthOfSecondsIntoMinutes() {
        std::vector<fg::timeseries::Point> pts;
        for (std::int64_t i = 0; i < 2'592'000; ++i) {
            pts.push_back({i * 1000, double(i % 60)});
        }
        const auto b = fg::timeseries::downsample(pts, 60000);
        QCOMPARE(b.size(), std::size_t(43200));
        QCOMPARE(b[7].agg.count, std::int64_t(60));
        QCOMPARE(b[7].agg.avg(), 29.5);
        QCOMPARE(b[7].agg.max, 59.0);
    }
};

FG_TEST_APPLESS_MAIN(TestTimeseriesDownsample)
#include "test_timeseries_downsample.moc"
