// The live time-series store: every raw block the engine holds is drawn, a query lights the
// blocks it reads and names its tier, the QCustomPlot chart shows raw points and each rollup's
// average with its min-max band, and step back is pixel-exact.
#include "tests/widgets/diagrams/diagram_test_support.h"
#include "widgets/diagrams/downsample_diagram.h"
#include "widgets/diagrams/downsample_view.h"

#include <QTest>
#include <qcustomplot.h>

using Kind = fg::timeseries::TieredOp::Kind;

namespace {

std::vector<fg::timeseries::TieredOp> scenario() {
    fg::timeseries::TieredOp ingest;
    ingest.kind = Kind::Ingest;
    ingest.generate = fg::timeseries::Generator{0, 3 * 3600'000, 10'000, 1, "sine"};
    fg::timeseries::TieredOp advance;
    advance.kind = Kind::Advance;
    advance.byMs = 3600'000;
    fg::timeseries::TieredOp query;
    query.kind = Kind::Query;
    query.from = 3 * 3600'000 - 600'000;
    query.to = 3 * 3600'000;
    return {ingest, advance, query};
}

} // namespace

class TestDownsampleDiagram : public QObject {
    Q_OBJECT
private slots:
    void everyRawBlockIsDrawnAndAQueryLightsWhatItReads() {
        const fg::DownsampleDiagram d(fg::timeseries::TieredStore::defaultTiers(), scenario());
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
        const fg::DownsampleDiagram d(fg::timeseries::TieredStore::defaultTiers(), scenario());
        expectStepBackExact(d, QSize(900, 400));
    }

    void theChartShowsRawAndEachRollupWithItsBand() {
        fg::DownsampleView v;
        v.panel()->player()->toEnd(); // the page opens before the first point is ingested
        // raw: 1 graph; each rollup: a low and a high graph for the band, and its average.
        QCOMPARE(v.chart()->graphCount(), 1 + 2 * 3);
        QVERIFY(v.chart()->graph(0)->dataCount() > 0);
    }
};

QTEST_MAIN(TestDownsampleDiagram)
#include "test_downsample_diagram.moc"
