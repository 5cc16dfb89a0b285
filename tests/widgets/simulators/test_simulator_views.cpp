// The concept simulators' views, offscreen: every id builds a view, each chart shows the engine's
// numbers for the settings on screen, and changing a setting redraws. With FG_SAVE_FIGURES set to
// a folder, each view is saved there as a PNG for a person to look at.
#include "engines/concepts/cache_patterns.h"
#include "engines/concepts/lifecycle_cost.h"
#include "engines/concepts/quorum.h"
#include "widgets/simulators/cache_view.h"
#include "widgets/simulators/lifecycle_view.h"
#include "widgets/simulators/quorum_view.h"
#include "widgets/simulators/simulators.h"
#include "widgets/simulators/storage_view.h"

#include <QApplication>
#include <QDir>
#include <QTest>
#include <memory>
#include <qcustomplot.h>

namespace {

// Saves the view when FG_SAVE_FIGURES names a folder.
void maybeSave(QWidget* view, const QString& name) {
    const QByteArray dir = qgetenv("FG_SAVE_FIGURES");
    if (dir.isEmpty()) {
        return;
    }
    QDir().mkpath(QString::fromLocal8Bit(dir));
    view->resize(1100, 900);
    view->show();
    QApplication::processEvents();
    QVERIFY(view->grab().save(QDir(QString::fromLocal8Bit(dir)).filePath(name + ".png")));
}

// All bars of a chart as (key, value), in key order.
std::vector<std::pair<double, double>> bars(QCustomPlot* plot) {
    std::vector<std::pair<double, double>> out;
    for (int i = 0; i < plot->plottableCount(); ++i) {
        if (auto* b = qobject_cast<QCPBars*>(plot->plottable(i))) {
            for (auto it = b->data()->constBegin(); it != b->data()->constEnd(); ++it) {
                out.emplace_back(it->key, it->value);
            }
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

class TestSimulatorViews : public QObject {
    Q_OBJECT
private slots:
    void everyIdBuilds() {
        QVERIFY(!fg::simulators().empty());
        for (const auto& info : fg::simulators()) {
            std::unique_ptr<QWidget> view(
                fg::createSimulatorView(info.id, fg::Theme::dark(), nullptr));
            QVERIFY2(view, qPrintable(info.id));
            QVERIFY(!info.title.isEmpty());
            // A page titled as the Study menu lists it.
            QVERIFY(fg::pageOf(view.get()));
            QCOMPARE(fg::pageOf(view.get())->pageTitle(), info.title);
            QVERIFY(view->findChild<QCustomPlot*>());
            maybeSave(view.get(), info.id);
        }
        QVERIFY(!fg::createSimulatorView(QStringLiteral("nope"), fg::Theme::light(), nullptr));
    }

    void quorumChartHasTheEnginesNumbers() {
        fg::QuorumView view;
        for (auto [n, r, w] : {std::tuple{3, 1, 1}, std::tuple{3, 2, 2}, std::tuple{7, 2, 3}}) {
            view.setParams(n, r, w);
            const auto stale = fg::concepts::staleReadSetsByR(n, w);
            const auto shown = bars(view.chart());
            QCOMPARE(shown.size(), stale.size());
            for (std::size_t i = 0; i < stale.size(); ++i) {
                QCOMPARE(shown[i].first, double(i + 1));
                QCOMPARE(shown[i].second, double(stale[i]));
            }
            QCOMPARE(view.result().staleReadSets,
                     fg::concepts::simulateQuorum(view.params()).staleReadSets);
        }
        view.setParams(3, 2, 2, {true, true, false});
        QVERIFY(!view.result().writeAvailable);
        QVERIFY(view.summaryText().contains("unavailable"));
        view.setParams(5, 1, 1, {false, true});
        maybeSave(&view, "quorum-5-1-1-one-down");
    }

    void cacheChartHasTheEnginesNumbers() {
        fg::CacheView view;
        for (auto pattern :
             {fg::concepts::CachePattern::CacheAside, fg::concepts::CachePattern::WriteBehind}) {
            auto p = view.params();
            p.pattern = pattern;
            p.ttl = 30;
            view.setParams(p);
            const auto run = fg::concepts::simulateCache(p);
            QCustomPlot* plot = view.chart();
            QCOMPARE(plot->graphCount(), 3);
            auto* hit = plot->graph(1);
            QCOMPARE(hit->dataCount(), int(run.cumulativeHitRatio.size()));
            int writes = 0;
            for (int i = 0; i < hit->dataCount(); ++i) {
                QCOMPARE(hit->data()->at(i)->value, run.cumulativeHitRatio[std::size_t(i)]);
                writes += run.ticks[std::size_t(i)].dbWrites;
                QCOMPARE(plot->graph(0)->data()->at(i)->value, double(writes) / (i + 1));
            }
            const double staleEnd = plot->graph(2)->data()->at(hit->dataCount() - 1)->value;
            QCOMPARE(staleEnd, double(run.total.staleReads) / run.total.reads);
            maybeSave(&view, pattern == fg::concepts::CachePattern::CacheAside ? "cache-aside"
                                                                               : "cache-behind");
        }
    }

    void storageChartHasTheEnginesNumbers() {
        fg::StorageView view;
        auto t = fg::concepts::salesTable();
        t.columns[4].compression = 4;
        view.setTable(t, 4);
        const auto c = fg::concepts::storageCosts(t, 4);
        QCOMPARE(view.costs().columnSum.pages, 245);
        const auto shown = bars(view.chart());
        QCOMPARE(shown.size(), std::size_t(4));
        // Keys 1 (SELECT *) and 2 (SUM): row and column bars at each.
        QCOMPARE(std::min(shown[0].second, shown[1].second), double(c.columnSelectAll.pages));
        QCOMPARE(std::max(shown[0].second, shown[1].second), double(c.rowSelectAll.pages));
        QCOMPARE(std::min(shown[2].second, shown[3].second), double(c.columnSum.pages));
        QCOMPARE(std::max(shown[2].second, shown[3].second), double(c.rowSum.pages));
        QVERIFY(view.summaryText().contains(QLocale().toString(5377)));
        maybeSave(&view, "row-column-compressed");
    }

    void lifecycleChartHasTheEnginesNumbers() {
        fg::LifecycleView view;
        QCOMPARE(view.params().standardPrice, 0.023); // the course's prices
        auto p = view.params();
        p.daysToDelete = 365;
        view.setParams(p);
        const auto run = fg::concepts::simulateLifecycle(p);
        QCustomPlot* plot = view.chart();
        QCOMPARE(plot->graphCount(), 2);
        QCOMPARE(plot->graph(1)->dataCount(), 36);
        for (int i = 0; i < 36; ++i) {
            QCOMPARE(plot->graph(1)->data()->at(i)->value, run.months[std::size_t(i)].costWithRule);
            QCOMPARE(plot->graph(0)->data()->at(i)->value,
                     run.months[std::size_t(i)].costWithoutRule);
        }
        QCOMPARE(plot->graph(1)->data()->at(0)->value, 23.552); // 1 TB for a month
        maybeSave(&view, "lifecycle-delete-365");
    }

    void idsAreTheFour() {
        QStringList ids;
        for (const auto& info : fg::simulators()) {
            ids << info.id;
        }
        QCOMPARE(ids, QStringList({"quorum", "cache", "row-column", "lifecycle"}));
    }
};

QTEST_MAIN(TestSimulatorViews)
#include "test_simulator_views.moc"
