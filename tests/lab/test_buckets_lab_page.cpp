// Lab > Time buckets through the real helper program, a real PostgreSQL and librrd (no mocks): a
// run of the default scenario draws the lanes of each tier (one step per tier), counts the
// agreement, lists the buckets (differences first) and shows the SQL and RRD definition; File >
// Export has ink; an offered scenario is run; a scenario over the budget is refused with the
// limit named.
#include "tests/lab/lab_test_support.h"
#include "tests/suite_main.h"
#include "tests/widgets/accessibility_test_support.h"
#include "widgets/canvas/diagram_canvas.h"
#include "widgets/export/picture_export.h"
#include "widgets/lab/buckets_lab_page.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QSignalSpy>

using fg::BucketsLabPage;

namespace {

bool runBucketsPage(BucketsLabPage& page) {
    QSignalSpy finished(&page, &BucketsLabPage::runFinished);
    page.run();
    return finished.wait(60'000) && finished.front().front().toBool();
}

int bucketBarsIn(const fg::Frame& frame, int lane) {
    const QString prefix = QStringLiteral("bucket:%1:").arg(lane);
    return static_cast<int>(std::count_if(frame.items.begin(), frame.items.end(),
                                          [&](auto& it) { return it.id.startsWith(prefix); }));
}

} // namespace

class TestBucketsLabPage : public QObject {
    Q_OBJECT

private slots:
    void init() { qputenv("FIELDGUIDE_LAB_HELPER", LAB_HELPER_BIN); }
    void cleanup() { QTRY_VERIFY_WITH_TIMEOUT(fg::lab::test::foldersOwnedByMe().isEmpty(), 5000); }

    void theDefaultScenarioDrawsEveryLane() {
        FG_REQUIRE_LAB(fg::lab::LabKind::kPostgres);
        BucketsLabPage page;
        page.resize(1600, 1000);
        page.show();
        QElapsedTimer timer;
        timer.start();
        QVERIFY(runBucketsPage(page));
        qInfo("the page's run of the default scenario (helper start included): %lld ms",
              static_cast<long long>(timer.elapsed()));
        QCOMPARE(page.canvas()->player()->position(), 0);
        QVERIFY2(page.narration().contains(QStringLiteral("1m: the model and date_bin agree on "
                                                          "240 of 240 buckets")),
                 qPrintable(page.narration()));
        const fg::Frame frame = page.canvas()->currentFrame();
        QCOMPARE(bucketBarsIn(frame, 1), 240); // the model
        QCOMPARE(bucketBarsIn(frame, 2), 240); // date_bin
        QCOMPARE(bucketBarsIn(frame, 3), 240); // RRDtool
        QCOMPARE(page.tableRows().size(), 244);
        QVERIFY(page.tableRows().front().endsWith(QStringLiteral(": "))); // all agree
        QVERIFY(page.definitions().contains(QStringLiteral("DS:v:GAUGE:10:U:U")));
        QVERIFY(page.definitions().contains(QStringLiteral("date_bin(interval '60 seconds'")));
        page.canvas()->player()->seek(1);
        QVERIFY(page.narration().startsWith(QStringLiteral("1h: ")));
        QCOMPARE(bucketBarsIn(page.canvas()->currentFrame(), 3), 4);
    }

    // A screen reader hears the lanes after the tier's sentence: the points, and how many
    // buckets the model, date_bin and RRDtool draw; it changes with the tier drawn.
    void theLanesAreSummarisedForAScreenReader() {
        FG_REQUIRE_LAB(fg::lab::LabKind::kPostgres);
        BucketsLabPage page;
        page.resize(1600, 1000);
        page.show();
        QVERIFY(runBucketsPage(page));
        const QString minutes = fg::test::accessibleText(page.canvas(), QAccessible::Description);
        QVERIFY2(minutes.contains(QStringLiteral("Time buckets of 1m from ")) &&
                     minutes.contains(QStringLiteral("4 lanes: ")) &&
                     minutes.contains(QStringLiteral("the model, 240 buckets; PostgreSQL date_bin, "
                                                     "240 buckets; RRDtool, 240 buckets.")),
                 qPrintable(minutes));
        page.canvas()->player()->seek(1);
        const QString hours = fg::test::accessibleText(page.canvas(), QAccessible::Description);
        QVERIFY2(hours.contains(QStringLiteral("Time buckets of 1h from ")) &&
                     hours.contains(QStringLiteral("RRDtool, 4 buckets")),
                 qPrintable(hours));
    }

    void exportHasInk() {
        BucketsLabPage page;
        QVERIFY(!page.exportable());
        QVERIFY(runBucketsPage(page));
        const std::optional<fg::Exportable> e = page.exportable();
        QVERIFY(e);
        QCOMPARE(e->baseName, QStringLiteral("time-buckets-lab"));
        const fg::Theme theme = fg::Theme::dark();
        const QImage image =
            fg::paintToImage(e->picture(theme), QSizeF(1200, 600), 1.0, theme.background);
        int ink = 0;
        for (int y = 0; y < image.height(); y += 3) {
            for (int x = 600; x < image.width(); x += 3) {
                ink += image.pixelColor(x, y) != theme.background;
            }
        }
        QVERIFY(ink > 500); // the buckets on the right of the lanes' names
    }

    // Uneven points offered by the diagram: RRDtool's rows differ, and the table lists them first
    // with why.
    void anOfferedScenarioIsRunAndItsDifferencesComeFirst() {
        BucketsLabPage page;
        nlohmann::json scenario = {
            {"engine", "downsample"},
            {"ops",
             {{{"op", "ingest"}, {"points", {{0, 1.0}, {10000, 2.0}, {40000, 6.0}, {60000, 3}}}}}}};
        page.offerScenario(QStringLiteral("the downsampling diagram's"), scenario);
        page.offerScenario(QStringLiteral("the downsampling diagram's"), scenario);
        QCOMPARE(page.findChild<QComboBox*>()->count(), 2);
        QVERIFY(runBucketsPage(page));
        QVERIFY2(page.tableRows().front().contains(QStringLiteral("unevenly")),
                 qPrintable(page.tableRows().join('\n')));
    }

    // Two days of minute points: the model keeps its last day and the 6-hour blocks around it
    // (over 1,440 minute buckets), drawn as at most 1,200 bars a lane (two neighbours a bar),
    // and the rows RRDtool overwrote come first in the table.
    void aLongTierIsDrawnInAtMostTwelveHundredBars() {
        BucketsLabPage page;
        const std::int64_t hour = 1'699'999'200'000LL;
        const nlohmann::json scenario = {
            {"engine", "downsample"},
            {"ops",
             {{{"op", "ingest"},
               {"generate", {{"from", hour}, {"to", hour + 2 * 86'400'000LL}, {"every_s", 60}}}}}}};
        page.offerScenario(QStringLiteral("two days"), scenario);
        QVERIFY(runBucketsPage(page));
        const fg::Frame frame = page.canvas()->currentFrame();
        QVERIFY(bucketBarsIn(frame, 1) <= 1200);
        QVERIFY2(bucketBarsIn(frame, 1) >= 700,
                 qPrintable(QString::number(bucketBarsIn(frame, 1))));
        QVERIFY(page.tableRows().front().contains(QStringLiteral("overwritten")));
    }

    void zoomMovesTheDrawing() {
        BucketsLabPage page;
        QVERIFY(page.zoomPage(+1));
        QVERIFY(page.canvas()->zoom() > 1.0);
        page.zoomPage(0);
        QCOMPARE(page.canvas()->zoom(), 1.0);
    }

    void aScenarioOverTheBudgetIsRefused() {
        BucketsLabPage page;
        const nlohmann::json scenario = {
            {"engine", "downsample"},
            {"ops",
             {{{"op", "ingest"},
               {"generate", {{"from", 0}, {"to", 2'000'000'000}, {"every_s", 1}}}}}}};
        page.offerScenario(QStringLiteral("too many points"), scenario);
        QVERIFY(!runBucketsPage(page));
        QVERIFY2(page.status().contains(QStringLiteral("1000000 points")),
                 qPrintable(page.status()));
    }
};

FG_TEST_MAIN(TestBucketsLabPage)
#include "test_buckets_lab_page.moc"
