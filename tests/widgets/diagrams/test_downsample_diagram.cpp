// The live time-series store: every raw block the engine holds is drawn, a query lights the
// blocks it reads and names its tier, the QCustomPlot chart shows raw points and each rollup's
// average with its min-max band, and step back is pixel-exact.
#include "tests/suite_main.h"
#include "tests/widgets/diagrams/diagram_test_support.h"
#include "widgets/diagrams/downsample_diagram.h"
#include "widgets/diagrams/downsample_view.h"

#include <QTest>
#include <QWheelEvent>
#include <qcustomplot.h>

using TieredKind = fg::timeseries::TieredOp::Kind;

namespace {

std::vector<fg::timeseries::TieredOp> downsampleScenario() {
    fg::timeseries::TieredOp ingest;
    ingest.kind = TieredKind::Ingest;
    ingest.generate = fg::timeseries::Generator{0, 3 * 3600'000, 10'000, 1, "sine"};
    fg::timeseries::TieredOp advance;
    advance.kind = TieredKind::Advance;
    advance.byMs = 3600'000;
    fg::timeseries::TieredOp query;
    query.kind = TieredKind::Query;
    query.from = 3 * 3600'000 - 600'000;
    query.to = 3 * 3600'000;
    return {ingest, advance, query};
}

fg::timeseries::TieredOp ingestHours(int hours) {
    fg::timeseries::TieredOp ingest;
    ingest.kind = TieredKind::Ingest;
    ingest.generate = fg::timeseries::Generator{0, hours * 3600'000LL, 5'000, 1, "sine"};
    return ingest;
}

fg::timeseries::TieredOp advanceHours(int hours) {
    fg::timeseries::TieredOp advance;
    advance.kind = TieredKind::Advance;
    advance.byMs = hours * 3600'000LL;
    return advance;
}

// Shows `v` at 1280x760 at its last step; false when the window was not shown.
bool shownAtTheEnd(fg::DownsampleView& v) {
    v.resize(1280, 760);
    v.show();
    const bool shown = QTest::qWaitForWindowExposed(&v);
    v.panel()->player()->toEnd();
    return shown;
}

} // namespace

class TestDownsampleDiagram : public QObject {
    Q_OBJECT
private slots:
    void everyRawBlockIsDrawnAndAQueryLightsWhatItReads() {
        const fg::DownsampleDiagram d(fg::timeseries::TieredStore::defaultTiers(),
                                      downsampleScenario());
        for (int i = 0; i < d.stepCount(); ++i) {
            const auto s = d.stateAt(i);
            const fg::Frame f = d.frame(i, fg::Theme::light());
            for (const auto& [start, b] : s.tiers[0].blocks) {
                QVERIFY(f.find(QStringLiteral("block:0:%1").arg(start)));
            }
        }
        const int last = d.stepCount() - 1;
        QCOMPARE(d.timeline().step(std::size_t(last)).kind, fg::timeseries::StepKind::kQueryResult);
        const fg::Frame f = d.frame(last, fg::Theme::light());
        QVERIFY(f.find("query-result")->text.contains("raw"));
        int lit = 0;
        for (const auto& it : f.items) {
            lit += it.id.startsWith("block:0:") && it.fill == fg::Theme::light().highlight ? 1 : 0;
        }
        QCOMPARE(lit, int(d.timeline().step(std::size_t(last)).query.partitionsRead));
    }

    void stepBackRedrawsTheEarlierFrame() {
        const fg::DownsampleDiagram d(fg::timeseries::TieredStore::defaultTiers(),
                                      downsampleScenario());
        expectStepBackExact(d, QSize(900, 400));
    }

    void theDefaultScenarioWritesWholeHoursAsTheEngineCountsThem() {
        // Issue 13: after "03:00 to 04:00" the raw blocks read 359 and 1, the 1m row 241, the 1h
        // row 5: the second batch was one point late (03:00:05 to 04:00:00). The engine's rule
        // is the real systems' (buckets and generator ranges are [from, to), as InfluxDB's
        // GROUP BY time() and Thanos's windows); the scenario now writes [03:00, 04:00).
        fg::DownsampleView v;
        v.panel()->player()->toEnd();
        const auto* d = static_cast<const fg::DownsampleDiagram*>(v.panel()->canvas()->source());
        const auto& s = d->stateAt(d->stepCount() - 1);
        for (const auto& [start, b] : s.tiers[0].blocks) {
            QCOMPARE(b.rows(), std::int64_t(360)); // 30 minutes of 5-second points
        }
        for (const auto& [start, b] : s.tiers[1].blocks) {
            QCOMPARE(b.rows(), std::int64_t(240)); // 4 hours of minutes
            for (const auto& [bucket, a] : b.buckets) {
                QCOMPARE(a.count, std::int64_t(12));
            }
        }
        QCOMPARE(s.tiers[2].blocks.begin()->second.rows(), std::int64_t(4));
    }

    void lanesShareOneTimeAxisWithTimesAndTheScenariosInterval() {
        // Issue 13: after "Let 6 hours pass" the 1m bar over 0-4 h was half as long as the 1h bar
        // over the same data; the lanes had no times; the raw lane said "every 1 s" for 5 s.
        fg::DownsampleView v;
        v.setScenario({ingestHours(4), advanceHours(6)});
        const auto* d = static_cast<const fg::DownsampleDiagram*>(v.panel()->canvas()->source());
        const fg::Frame f = d->frame(d->stepCount() - 1, fg::Theme::light());
        const auto* minutes = f.find("block:1:0");
        const auto* hours = f.find("block:2:0");
        QVERIFY(minutes && hours);
        QVERIFY(std::abs(minutes->rect.left() - hours->rect.left()) < 0.5);
        QVERIFY(std::abs(minutes->rect.right() - hours->rect.right()) < 0.5);
        int labels = 0;
        for (const auto& it : f.items) {
            labels += it.id.startsWith("tick-label:") && !it.text.isEmpty() ? 1 : 0;
        }
        QVERIFY(labels >= 3);
        QVERIFY2(f.find("tier:0")->text.contains("every 5 s"), qPrintable(f.find("tier:0")->text));
    }

    void nowMovesRightAsTimePasses() {
        // Issue 13: the "now" line stayed put: the axis ended a tenth past the last clock.
        fg::DownsampleView v;
        v.setScenario({ingestHours(3), advanceHours(1)});
        const auto nowX = [&v] {
            const auto* d =
                static_cast<const fg::DownsampleDiagram*>(v.panel()->canvas()->source());
            return d->frame(d->stepCount() - 1, fg::Theme::light()).find("now")->line.x1();
        };
        const qreal before = nowX();
        v.setScenario({ingestHours(3), advanceHours(1), advanceHours(1)});
        QVERIFY2(nowX() > before + 20,
                 qPrintable(QStringLiteral("%1 then %2").arg(before).arg(nowX())));
    }

    // A fresh tester: outlined boxes ran past "now" and nothing said what they were. A line
    // under the lanes says what an outline and a filled box are (at every step but a query's,
    // which says what it read there), and each block says, under the pointer, the time it
    // covers and the data it holds.
    void theDrawingSaysWhatAnOutlineAndAFilledBlockAre() {
        fg::DownsampleView v;
        QVERIFY(shownAtTheEnd(v));
        fg::Player* player = v.panel()->player();
        player->seek(0);
        QTest::qWait(20);
        const auto* d = static_cast<const fg::DownsampleDiagram*>(v.panel()->canvas()->source());
        const fg::Frame f = d->frame(0, v.theme());
        const fg::FrameItem* key = f.find("key");
        QVERIFY(key && key->text.contains(QLatin1String("Outline")) &&
                key->text.contains(QLatin1String("filled")));
        int spans = 0, blocks = 0;
        for (const auto& it : f.items) {
            if (it.id.startsWith("span:")) {
                ++spans;
                QVERIFY2(it.toolTip.contains(QLatin1String(" to ")) &&
                             it.toolTip.contains(QLatin1String("dropped")),
                         qPrintable(it.toolTip));
            } else if (it.id.startsWith("block:")) {
                ++blocks;
                QVERIFY2(it.toolTip.contains(QLatin1String("so far")), qPrintable(it.toolTip));
                const QRectF r = v.panel()->canvas()->itemRect(it.id);
                QCOMPARE(v.panel()->canvas()->toolTipAt(r.center()), it.toolTip);
            }
        }
        QVERIFY(spans > 0 && blocks > 0);
    }

    // A fresh tester: the diagram and its exports said "now: 1970-01-01 03:59" and "Jan 1", a date
    // no one meant (a scenario counts its time from its own start). Every time on every frame
    // and in every sentence is a clock time from the scenario's start, with its day after the
    // first: the default scenario's axis starts at 00:00, its clock reads 03:59; two days in,
    // the axis says "day 1" and "day 2".
    void timesAreTheScenariosClockNotADateOf1970() {
        fg::DownsampleView v;
        const auto* d = static_cast<const fg::DownsampleDiagram*>(v.panel()->canvas()->source());
        const auto noDate = [](const QString& text) {
            return !text.contains(QLatin1String("1970")) && !text.contains(QLatin1String("Jan "));
        };
        const auto check = [&](const fg::DownsampleDiagram* diagram) {
            for (int i = -1; i < diagram->stepCount(); ++i) {
                QVERIFY2(noDate(diagram->narration(i)), qPrintable(diagram->narration(i)));
                for (const auto& it : diagram->frame(i, fg::Theme::light()).items) {
                    QVERIFY2(noDate(it.text), qPrintable(it.id + QLatin1String(": ") + it.text));
                }
            }
        };
        check(d);
        const fg::Frame last = d->frame(d->stepCount() - 1, fg::Theme::light());
        QCOMPARE(last.find("tick-label:0")->text, QStringLiteral("00:00"));
        QCOMPARE(last.find("now-label")->text, QStringLiteral("now: 03:59"));
        QVERIFY2(d->narration(0).contains(QLatin1String("(00:00 to 02:59)")),
                 qPrintable(d->narration(0)));
        v.setScenario({ingestHours(4), advanceHours(48)});
        d = static_cast<const fg::DownsampleDiagram*>(v.panel()->canvas()->source());
        check(d);
        const fg::Frame later = d->frame(d->stepCount() - 1, fg::Theme::light());
        QCOMPARE(later.find(QStringLiteral("tick-label:%1").arg(86'400'000))->text,
                 QStringLiteral("day 2"));
        // Over several days the first midnight is named as the next ones are (it read 00:00).
        QCOMPARE(later.find("tick-label:0")->text, QStringLiteral("day 1"));
        QCOMPARE(later.find("now-label")->text, QStringLiteral("now: day 3, 03:59"));
    }

    void theChartShowsRawAndEachRollupWithItsBand() {
        fg::DownsampleView v;
        v.panel()->player()->toEnd(); // the page opens before the first point is ingested
        // raw: 1 graph; each rollup: a low and a high graph for the band, and its average.
        QCOMPARE(v.chart()->graphCount(), 1 + 2 * 3);
        QVERIFY(v.chart()->graph(0)->dataCount() > 0);
        // A tester on Dark: the raw line, 1 px under the rollups' bands, all but vanished. It
        // is drawn over every band, as thick as the theme's lines.
        for (const fg::Theme& theme :
             {fg::Theme::light(), fg::Theme::dark(), fg::Theme::projector()}) {
            v.setTheme(theme);
            QCPGraph* raw = v.chart()->graph(0);
            QCOMPARE(raw->name(), QStringLiteral("raw"));
            QVERIFY(raw->pen().widthF() >= theme.lineWidth);
            for (int g = 1; g < v.chart()->graphCount(); ++g) {
                QVERIFY2(raw->layer()->index() > v.chart()->graph(g)->layer()->index(),
                         qPrintable(v.chart()->graph(g)->name()));
            }
        }
        // A fresh tester: the 1h band and average stopped an hour early (each bucket drawn at its
        // start alone). Each rollup's line and band reach the end of its newest bucket.
        const auto* d = static_cast<const fg::DownsampleDiagram*>(v.panel()->canvas()->source());
        const auto& s = d->stateAt(d->stepCount() - 1);
        const auto& tiers = d->timeline().engine().tiers();
        for (std::size_t i = 1; i < tiers.size(); ++i) {
            const auto& newest = s.tiers[i].blocks.rbegin()->second.buckets.rbegin()->first;
            const double end = double(newest + tiers[i].resolutionMs) / 3600'000.0;
            const QString name = QString::fromStdString(tiers[i].name);
            int found = 0;
            for (int g = 0; g < v.chart()->graphCount(); ++g) {
                QCPGraph* graph = v.chart()->graph(g);
                if (graph->name() == name + QLatin1String(" average") ||
                    graph->name() == name + QLatin1String(" min-max")) {
                    bool ok = false;
                    QCOMPARE(graph->getKeyRange(ok).upper, end);
                    ++found;
                }
            }
            QCOMPARE(found, 2);
        }
    }

    // A fresh tester: the chart's title said its hours were "on the same axis as the diagram
    // above", yet its 3 h was about 110 px left of the diagram's 03:00 (the chart used its own
    // margins). Under the drawing each of the diagram's ticks is at the same x in the chart, with
    // the same label, in every theme, zoomed in and panned too; beside it, the axis is whole.
    void theChartsHoursLineUpWithTheDiagramsAtAnyZoom() {
        fg::DownsampleView v;
        QVERIFY(shownAtTheEnd(v));
        fg::DiagramCanvas* canvas = v.panel()->canvas();
        QCustomPlot* chart = v.chart();
        const auto check = [&](const QString& when) {
            QCoreApplication::processEvents();
            chart->replot(); // what the queued replot draws
            const auto* d = static_cast<const fg::DownsampleDiagram*>(canvas->source());
            const fg::Frame f = d->frame(canvas->player()->position(), v.theme());
            const bool under = chart->mapTo(&v, QPoint(0, 0)).y() >=
                               canvas->mapTo(&v, QPoint(0, 0)).y() + canvas->height();
            const auto ticks = d->axisTicks();
            QVERIFY(ticks.size() >= 3);
            auto* labels = dynamic_cast<QCPAxisTickerText*>(chart->xAxis->ticker().data());
            QVERIFY2(labels, qPrintable(when));
            if (!under) { // beside the drawing: the diagram's axis whole
                QCOMPARE(chart->xAxis->range().lower, double(d->axisStart()) / 3600'000.0);
                QCOMPARE(chart->xAxis->range().upper, double(d->axisEnd()) / 3600'000.0);
                return;
            }
            int seen = 0;
            for (const auto& [ms, label] : ticks) {
                const double hour = double(ms) / 3600'000.0;
                QCOMPARE(labels->ticks().value(hour), label);
                if (!chart->xAxis->range().contains(hour)) {
                    continue; // zoomed in: past the chart's edges
                }
                const auto* line = f.find(QStringLiteral("tick:%1").arg(ms));
                QVERIFY(line);
                const qreal inDiagram =
                    canvas->mapTo(&v, canvas->transformAtRest().map(line->line.p1())).x();
                const qreal inChart =
                    chart->mapTo(&v, QPointF(chart->xAxis->coordToPixel(hour), 0)).x();
                QVERIFY2(std::abs(inDiagram - inChart) <= 1.5,
                         qPrintable(QStringLiteral("%1, %2: diagram x %3, chart x %4")
                                        .arg(when, label)
                                        .arg(inDiagram)
                                        .arg(inChart)));
                ++seen;
            }
            QVERIFY2(seen >= 2, qPrintable(when));
            QVERIFY(chart->xAxis->label().contains(QLatin1String("lined up")));
        };
        for (const auto& theme :
             {fg::Theme::light(), fg::Theme::dark(), fg::Theme::projector(), fg::Theme::light()}) {
            v.setTheme(theme);
            check(theme.name() + QLatin1String(", fitted"));
        }
        canvas->zoomBy(2.0);
        check(QStringLiteral("zoomed in"));
        const QPoint middle = canvas->rect().center();
        QTest::mousePress(canvas, Qt::LeftButton, {}, middle);
        QTest::mouseMove(canvas, middle + QPoint(-120, 0));
        QTest::mouseRelease(canvas, Qt::LeftButton, {}, middle + QPoint(-120, 0));
        QVERIFY(canvas->pan().x() < -100);
        check(QStringLiteral("zoomed in and panned"));
        v.resize(1000, 700);
        check(QStringLiteral("resized"));
    }

    // A fresh tester (issue 13): zoomed in on the blocks, the lanes' names went off the left
    // edge (which lane is raw, which 1h?), and Ctrl+wheel or a drag on the chart did nothing.
    // The names stay in view at the left edge however the drawing is zoomed and panned, no larger
    // than fitted, and the chart zooms and pans the drawing (its time axis following).
    void theLanesKeepTheirNamesAndTheChartMovesTheDrawing() {
        fg::DownsampleView v;
        QVERIFY(shownAtTheEnd(v));
        fg::DiagramCanvas* canvas = v.panel()->canvas();
        QCustomPlot* chart = v.chart();
        const auto* d = static_cast<const fg::DownsampleDiagram*>(canvas->source());
        const auto tiers = d->timeline().engine().tiers().size();
        std::vector<qreal> fittedHeight(tiers, 0);
        const auto namesInView = [&](const QString& when) {
            for (std::size_t i = 0; i < tiers; ++i) {
                const QRectF r = canvas->itemRect(QStringLiteral("tier:%1").arg(i));
                if (fittedHeight[i] == 0) {
                    fittedHeight[i] = r.height();
                }
                // No larger than fitted: zoomed in, the names grew to ~40 px letters and hid
                // half the blocks (a fresh tester).
                QVERIFY2(r.height() <= fittedHeight[i] + 0.5,
                         qPrintable(QStringLiteral("%1: lane %2's name %3 px high, fitted %4")
                                        .arg(when)
                                        .arg(i)
                                        .arg(r.height())
                                        .arg(fittedHeight[i])));
                QVERIFY2(r.left() >= 0 && r.left() < canvas->width() / 2,
                         qPrintable(QStringLiteral("%1: lane %2's name at x %3")
                                        .arg(when)
                                        .arg(i)
                                        .arg(r.left())));
            }
        };
        namesInView(QStringLiteral("fitted"));
        // Ctrl+wheel on the chart zooms the drawing in.
        const QPoint onChart = chart->rect().center();
        for (int i = 0; i < 8; ++i) {
            QWheelEvent wheel(onChart, chart->mapToGlobal(onChart), QPoint(), QPoint(0, 120),
                              Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
            QCoreApplication::sendEvent(chart, &wheel);
        }
        QVERIFY2(canvas->zoom() > 2.5, qPrintable(QString::number(canvas->zoom())));
        const double before = chart->xAxis->range().lower;
        // A drag to the left across the chart moves the drawing left: later hours come in.
        QTest::mousePress(chart, Qt::LeftButton, {}, onChart);
        QTest::mouseMove(chart, onChart + QPoint(-200, 0));
        QTest::mouseRelease(chart, Qt::LeftButton, {}, onChart + QPoint(-200, 0));
        QVERIFY2(canvas->pan().x() < -150, qPrintable(QString::number(canvas->pan().x())));
        QCoreApplication::processEvents();
        QVERIFY(chart->xAxis->range().lower > before);
        namesInView(QStringLiteral("zoomed in and panned"));
    }
};

FG_TEST_MAIN(TestDownsampleDiagram)
#include "test_downsample_diagram.moc"
