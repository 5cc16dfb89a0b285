// B-Tree vs LSM-tree on one workload: the B-Tree writes far more bytes (a page per insert) and the
// LSM-tree looks in more places per lookup than one, while the B-Tree reads its height in pages;
// the view draws both as QCustomPlot charts. A long run (200,000 inserts) happens off the UI
// thread: the event loop keeps answering, and Cancel stops it at once and keeps the last result.
#include "models/theme/theme.h"
#include "tests/suite_main.h"
#include "tests/widgets/diagrams/event_loop_support.h"
#include "widgets/diagrams/btree_vs_lsm_view.h"

#include <QElapsedTimer>
#include <QFontInfo>
#include <QImage>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QTimer>
#include <climits>
#include <cmath>
#include <qcustomplot.h>

namespace {

// A page that keeps the pixel size of every piece of text drawn on it, and draws nothing.
class TextSizes : public QPaintDevice {
public:
    explicit TextSizes(QSize size) : size_(size) {}
    QPaintEngine* paintEngine() const override { return &engine_; }
    const std::vector<std::pair<QString, qreal>>& texts() const { return engine_.texts; }

protected:
    int metric(PaintDeviceMetric m) const override {
        switch (m) {
        case PdmWidth:
            return size_.width();
        case PdmHeight:
            return size_.height();
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY:
            return 96;
        case PdmDevicePixelRatio:
            return 1;
        case PdmDevicePixelRatioScaled:
            return int(QPaintDevice::devicePixelRatioFScale());
        case PdmDepth:
            return 32;
        case PdmNumColors:
            return INT_MAX;
        default:
            return 0;
        }
    }

private:
    struct Engine : QPaintEngine {
        Engine() : QPaintEngine(AllFeatures) {}
        bool begin(QPaintDevice*) override { return true; }
        bool end() override { return true; }
        void updateState(const QPaintEngineState&) override {}
        void drawPixmap(const QRectF&, const QPixmap&, const QRectF&) override {}
        void drawPath(const QPainterPath&) override {}
        void drawPolygon(const QPointF*, int, PolygonDrawMode) override {}
        void drawPolygon(const QPoint*, int, PolygonDrawMode) override {}
        void drawLines(const QLineF*, int) override {}
        void drawLines(const QLine*, int) override {}
        void drawRects(const QRectF*, int) override {}
        void drawRects(const QRect*, int) override {}
        void drawEllipse(const QRectF&) override {}
        void drawPoints(const QPointF*, int) override {}
        void drawImage(const QRectF&, const QImage&, const QRectF&,
                       Qt::ImageConversionFlags) override {}
        void drawTextItem(const QPointF&, const QTextItem& item) override {
            // Its size on the page: the font's, times the painter's scale.
            const qreal scale = std::sqrt(std::abs(painter()->transform().determinant()));
            texts.emplace_back(item.text(), QFontInfo(item.font()).pixelSize() * scale);
        }
        Type type() const override { return User; }
        std::vector<std::pair<QString, qreal>> texts;
    };
    QSize size_;
    mutable Engine engine_;
};

} // namespace

class TestBTreeVsLsm : public QObject {
    Q_OBJECT
private slots:
    void writesAndReadsShowTheTradeOff() {
        const fg::WorkloadResult r = fg::runWorkload(20000, 2000, 64, 1000, 7);
        QVERIFY(r.btreeBytesWritten > 10 * r.lsmBytesWritten); // write-optimized: the LSM-tree
        QVERIFY(r.lsmBytesWritten > r.userBytes); // but every byte is written more than once
        QVERIFY(r.btreeReadsPerLookup >= 2.0 && r.btreeReadsPerLookup <= 4.0); // the tree's height
        QVERIFY(r.lsmTablesPerLookup >= 1.0); // a present key is in at least one table
        // The tables that may hold it (newer levels' tables whose range covers the key, checked
        // before the one that holds it): more than the bloom filters let it read.
        QVERIFY2(r.lsmTablesCheckedPerLookup > 1.1 * r.lsmTablesPerLookup,
                 qPrintable(QStringLiteral("%1 tables checked, %2 read, %3 pages")
                                .arg(r.lsmTablesCheckedPerLookup)
                                .arg(r.lsmTablesPerLookup)
                                .arg(r.btreeReadsPerLookup)));
    }

    // A fresh tester (issue 13): the read chart showed the LSM-tree reading fewer tables than
    // the B-Tree read pages, under a summary that said reads are the B-Tree's strength. The
    // chart draws what a lookup must look at in each, the same way counted (pages read; tables
    // that may hold the key; tables read after the bloom filters), and the summary says each
    // number the chart ends at.
    void theReadChartAndItsSummaryAgree() {
        fg::BTreeVsLsmView v;
        v.waitForRun();
        QCustomPlot* reads = v.readsChart();
        QCOMPARE(reads->graphCount(), 3);
        for (int i = 0; i < reads->graphCount(); ++i) {
            const double last = (reads->graph(i)->data()->constEnd() - 1)->value;
            const QString shown = QLocale(QLocale::English).toString(last, 'f', 2);
            QVERIFY2(
                v.summaryText().contains(shown),
                qPrintable(reads->graph(i)->name() + " ends at " + shown + "; " + v.summaryText()));
        }
        const double pages = (reads->graph(0)->data()->constEnd() - 1)->value;
        const double checked = (reads->graph(1)->data()->constEnd() - 1)->value;
        QVERIFY(checked > 0 && pages > 0);
        // The summary says why the lines stand where they do: the B-Tree's upper pages stay in
        // memory, and the bloom filters spare the LSM-tree most of its tables.
        QVERIFY(v.summaryText().contains("in memory"));
        QVERIFY(v.summaryText().contains("bloom filters"));
    }

    // The points of one pass are the results of separate runs of that size: the lookups between
    // points do not change which keys are inserted, nor what is written.
    void aCurveIsOnePassOfTheSameRuns() {
        fg::concepts::WorkloadParams p;
        p.inserts = 20000;
        p.seed = 7;
        p.points = 4;
        const auto curve = fg::concepts::runWorkloadCurve(p);
        QVERIFY(curve);
        QCOMPARE(curve->size(), std::size_t(4));
        for (int i = 0; i < 4; ++i) {
            const auto& point = (*curve)[static_cast<std::size_t>(i)];
            const fg::WorkloadResult alone = fg::runWorkload(5000 * (i + 1), 2000, 64, 1000, 7);
            QCOMPARE(point.inserts, std::int64_t{5000} * (i + 1));
            QCOMPARE(point.btreeBytesWritten, alone.btreeBytesWritten);
            QCOMPARE(point.lsmBytesWritten, alone.lsmBytesWritten);
        }
    }

    void refusedParametersAreNamed() {
        fg::concepts::WorkloadParams p;
        p.inserts = fg::concepts::kMaxWorkloadInserts + 1;
        QVERIFY(QString::fromUtf8(fg::concepts::workloadProblem(p)).contains("1,000,000"));
        QVERIFY(fg::concepts::runWorkloadCurve(p)->empty());
        p.inserts = 10;
        p.points = 11;
        QVERIFY(*fg::concepts::workloadProblem(p) != '\0');
    }

    void cancelFromAnotherThreadStopsTheRun() {
        fg::concepts::WorkloadParams p;
        p.inserts = 200'000;
        std::atomic<bool> cancel{false};
        int calls = 0;
        const auto r = fg::concepts::runWorkloadCurve(p, &cancel, [&](double) {
            if (++calls == 3) {
                cancel = true;
            }
        });
        QVERIFY(!r);
        QCOMPARE(calls, 3);
    }

    void theViewChartsBothEngines() {
        fg::BTreeVsLsmView v;
        v.waitForRun();
        QCOMPARE(v.writesChart()->graphCount(), 2);
        QCOMPARE(v.readsChart()->graphCount(), 3);
        QCOMPARE(v.writesChart()->graph(0)->dataCount(), 5);
        QVERIFY(v.summaryText().contains("50,000"));
    }

    // Issue 13 item 6: 200,000 inserts take seconds; the window must keep answering (within
    // 100 ms), show progress, and show the new result when it is done.
    void aLongRunKeepsTheWindowAnswering() {
        fg::BTreeVsLsmView v;
        v.resize(1280, 800);
        v.show();
        v.waitForRun();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        longestStall([] { return false; }, 300); // the first paint of the window and its charts
        v.insertsBox()->setValue(200'000);
        QElapsedTimer took;
        took.start();
        QTest::mouseClick(v.runButton(), Qt::LeftButton); // the click itself must not block
        const qint64 click = took.elapsed();
        QVERIFY2(click < 100, qPrintable(QString("the click blocked for %1 ms").arg(click)));
        QVERIFY(v.running());
        QCOMPARE(v.runButton()->text(), QStringLiteral("Cancel"));
        QVERIFY(v.progressBar()->isVisible());
        const qint64 stall = longestStall([&] { return !v.running(); }, 120'000);
        qInfo("200,000 inserts: %lld ms, longest stall of the event loop %lld ms", took.elapsed(),
              stall);
        QVERIFY(!v.running());
        QVERIFY2(stall < 100, qPrintable(QString("the window froze for %1 ms").arg(stall)));
        QCOMPARE(v.runButton()->text(), QStringLiteral("Run the workload"));
        QVERIFY(!v.progressBar()->isVisible());
        QCOMPARE(v.writesChart()->graph(0)->data()->at(4)->key, 200'000.0);
        QVERIFY(v.summaryText().contains("200,000"));
    }

    void cancelStopsAtOnceAndKeepsTheLastResult() {
        fg::BTreeVsLsmView v;
        v.waitForRun();
        v.insertsBox()->setValue(200'000);
        QTest::mouseClick(v.runButton(), Qt::LeftButton);
        longestStall([] { return false; }, 50);
        QVERIFY(v.running());
        QElapsedTimer took;
        took.start();
        QTest::mouseClick(v.runButton(), Qt::LeftButton); // "Cancel"
        QVERIFY(!v.running());
        QVERIFY2(took.elapsed() < 100,
                 qPrintable(QString("cancel took %1 ms").arg(took.elapsed())));
        QCOMPARE(v.writesChart()->graph(0)->data()->at(4)->key, 50'000.0);
        QVERIFY(v.summaryText().startsWith("Cancelled"));
        QVERIFY(v.summaryText().contains("50,000"));
    }

    // A tester typed 99,999,999 inserts and clicked Run: the run used 200,000 and nothing said
    // so (the box's note, said as the click took the focus, went with the click's action).
    void aNumberTooLargeSaysWhatIsUsedWhenRunIsClicked() {
        fg::BTreeVsLsmView v;
        v.resize(1280, 800);
        v.show();
        v.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&v));
        v.waitForRun();
        QSpinBox* box = v.insertsBox();
        box->setFocus();
        box->selectAll();
        QTest::keyClicks(box, "99999999");
        // A real click: the press, the event loop, the release.
        QTest::mousePress(v.runButton(), Qt::LeftButton);
        QCoreApplication::processEvents();
        QTest::qWait(20);
        QTest::mouseRelease(v.runButton(), Qt::LeftButton);
        QVERIFY(v.running());
        QCOMPARE(box->value(), 200'000);
        QTest::qWait(50); // the box says it once the event loop is back
        QVERIFY2(v.rangeNote()->isVisible() && v.rangeNote()->text().contains("200,000"),
                 qPrintable(v.rangeNote()->text()));
        QTest::mouseClick(v.runButton(), Qt::LeftButton); // Cancel
        QVERIFY(!v.running());
    }

    // Esc stops a run as it stops every long job (a tester pressed Esc and the run went on).
    void escapeCancelsTheRun() {
        fg::BTreeVsLsmView v;
        v.resize(1280, 800);
        v.show();
        v.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&v));
        v.waitForRun();
        v.insertsBox()->setValue(200'000);
        QTest::mouseClick(v.runButton(), Qt::LeftButton);
        QVERIFY(v.running());
        v.insertsBox()->setFocus();
        QTest::keyClick(v.insertsBox(), Qt::Key_Escape);
        QVERIFY(!v.running());
        QVERIFY(v.summaryText().startsWith("Cancelled"));
        QVERIFY(v.summaryText().contains("50,000"));
    }

    // Issue 13 item 11: every point lies inside the plot with its marker whole, and the legends
    // cover no data (they sit above the plot).
    void pointsHaveHeadroomAndLegendsCoverNothing() {
        fg::BTreeVsLsmView v;
        v.resize(1280, 800);
        v.show();
        v.waitForRun();
        for (QCustomPlot* chart : {v.writesChart(), v.readsChart()}) {
            chart->replot();
            const QRect plot = chart->axisRect()->rect();
            QVERIFY(!chart->legend->outerRect().intersects(plot));
            for (int g = 0; g < chart->graphCount(); ++g) {
                const auto* data = chart->graph(g)->data().data();
                for (auto it = data->constBegin(); it != data->constEnd(); ++it) {
                    const double x = chart->xAxis->coordToPixel(it->key);
                    const double y = chart->yAxis->coordToPixel(it->value);
                    QVERIFY2(y - 4 > plot.top() && x + 4 < plot.right(),
                             qPrintable(QString("%1: point (%2, %3) touches the frame")
                                            .arg(chart->accessibleName())
                                            .arg(it->key)
                                            .arg(it->value)));
                }
            }
        }
    }

    // A tester: side by side, the plot under a legend of three entries started 15 px below the
    // one under a legend of two, on the desk and on a slide. The two plots' tops are level, in
    // the desk's type and the projector's, before and after a picture is made of them.
    void thePlotsTopsAreLevel() {
        for (const fg::Theme& theme : {fg::Theme::light(), fg::Theme::projector()}) {
            fg::BTreeVsLsmView v;
            v.setTheme(theme);
            v.resize(1600, 900);
            v.show();
            v.waitForRun();
            const auto tops = [&v] {
                for (QCustomPlot* chart : {v.writesChart(), v.readsChart()}) {
                    chart->replot();
                }
                return std::pair(
                    v.writesChart()->mapTo(&v, v.writesChart()->axisRect()->rect().topLeft()).y(),
                    v.readsChart()->mapTo(&v, v.readsChart()->axisRect()->rect().topLeft()).y());
            };
            const auto [writes, reads] = tops();
            QVERIFY2(std::abs(writes - reads) <= 1,
                     qPrintable(
                         QStringLiteral("the plots start at %1 and %2 px").arg(writes).arg(reads)));
            QImage picture(1920, 1080, QImage::Format_ARGB32);
            QPainter p(&picture);
            v.paintCharts(p, QSizeF(1920, 1080));
            p.end();
            const auto [writesAfter, readsAfter] = tops();
            QCOMPARE(writesAfter, writes);
            QCOMPARE(readsAfter, reads);
        }
    }

    // A 1920x1080 export of the page set its charts' legends and axes in the widget's 9 pt (7 px
    // tall letters) under a 32 px summary (tester 47): on a picture that size every letter of the
    // charts is at least 0.6 of the summary's, and the page's own charts keep their type.
    void anExportsChartsAreSetInItsType() {
        fg::BTreeVsLsmView v;
        v.resize(1280, 800);
        v.show();
        v.waitForRun();
        const QFont before = v.writesChart()->legend->font();
        TextSizes page(QSize(1920, 1080));
        {
            QPainter p(&page);
            v.paintCharts(p, QSizeF(1920, 1080));
        }
        qreal summary = 0, least = 1e9;
        QString smallest;
        for (const auto& [text, px] : page.texts()) {
            if (text.startsWith(QLatin1String("For "))) {
                summary = px;
            } else if (px < least) {
                least = px;
                smallest = text;
            }
        }
        QVERIFY(summary >= 30);
        QVERIFY2(least >= 0.58 * summary,
                 qPrintable(QStringLiteral("\"%1\" is %2 px under a %3 px summary")
                                .arg(smallest)
                                .arg(least)
                                .arg(summary)));
        QCOMPARE(v.writesChart()->legend->font(), before);
        QCOMPARE(v.writesChart()->xAxis->tickLabelFont().pixelSize(), before.pixelSize());
    }

    // A tester: the LSM-tree's writes lay flat on zero under the B-Tree's (6.9 MB against 428 MB
    // on one linear scale: 1.4% of the plot's height), with nothing to read off it. On a log
    // scale (said on the axis) both lines stand clear of the frame, the LSM-tree's well off the
    // bottom, and the gap between them reads as the factor it is.
    void theWritesChartShowsBothLinesApart() {
        fg::BTreeVsLsmView v;
        v.resize(1280, 800);
        v.show();
        v.waitForRun();
        QCustomPlot* chart = v.writesChart();
        chart->replot();
        QVERIFY2(chart->yAxis->label().contains(QLatin1String("log scale")),
                 qPrintable(chart->yAxis->label()));
        const QRect plot = chart->axisRect()->rect();
        for (int g = 0; g < chart->graphCount(); ++g) {
            const auto* data = chart->graph(g)->data().data();
            for (auto it = data->constBegin(); it != data->constEnd(); ++it) {
                const double y = chart->yAxis->coordToPixel(it->value);
                QVERIFY2(y - 4 > plot.top() && y + 4 < plot.bottom(),
                         qPrintable(QString("point (%1, %2) at %3 px, the plot %4 to %5")
                                        .arg(it->key)
                                        .arg(it->value)
                                        .arg(y)
                                        .arg(plot.top())
                                        .arg(plot.bottom())));
            }
        }
        const auto* lsm = chart->graph(1)->data().data();
        const double last = chart->yAxis->coordToPixel((lsm->constEnd() - 1)->value);
        QVERIFY2(plot.bottom() - last > 0.2 * plot.height(),
                 qPrintable(QString("the LSM-tree's last point is %1 px over the bottom of %2")
                                .arg(plot.bottom() - last)
                                .arg(plot.height())));
    }
};

FG_TEST_MAIN(TestBTreeVsLsm)
#include "test_btree_vs_lsm.moc"
