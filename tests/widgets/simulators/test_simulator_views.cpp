// The concept simulators' views, offscreen: every id builds a view, each chart shows the engine's
// numbers for the settings on screen, and changing a setting redraws. With FG_SAVE_FIGURES set to
// a folder, each view is saved there as a PNG for a person to look at.
#include "engines/concepts/cache_patterns.h"
#include "engines/concepts/lifecycle_cost.h"
#include "engines/concepts/quorum.h"
#include "tests/suite_main.h"
#include "tests/widgets/simulators/simulator_test_support.h"
#include "widgets/simulators/cache_view.h"
#include "widgets/simulators/lifecycle_view.h"
#include "widgets/simulators/quorum_view.h"
#include "widgets/simulators/simulators.h"
#include "widgets/simulators/storage_view.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <map>
#include <memory>
#include <qcustomplot.h>

using simulator_test::bars;
using simulator_test::maybeSave;

namespace {

// Every text a simulator shows that does not fit where it is drawn, as "what: needs, has". A
// text may be cut on purpose only when its whole is in a tooltip (elided with a tooltip).
QStringList cutTexts(QWidget* view) {
    QStringList out;
    const auto report = [&out](const QString& what, const QString& text, QSizeF need, QSizeF has) {
        out << QStringLiteral("%1 \"%2\": needs %3x%4, has %5x%6")
                   .arg(what, text.left(40))
                   .arg(need.width())
                   .arg(need.height())
                   .arg(has.width())
                   .arg(has.height());
    };
    for (QWidget* w : view->findChildren<QWidget*>()) {
        if (!w->isVisibleTo(view)) {
            continue;
        }
        if (auto* l = qobject_cast<QLabel*>(w)) {
            if (l->text().isEmpty()) {
                continue;
            }
            const QSize need =
                l->wordWrap() ? QSize(0, l->heightForWidth(l->width())) : l->minimumSizeHint();
            if (l->width() < need.width() || l->height() < need.height()) {
                report(QStringLiteral("label"), l->text(), need, l->size());
            }
        } else if (auto* b = qobject_cast<QAbstractButton*>(w)) {
            if (!b->text().isEmpty() && b->toolTip().isEmpty() &&
                b->width() < b->sizeHint().width()) {
                report(QStringLiteral("button"), b->text(), b->sizeHint(), b->size());
            }
        } else if (qobject_cast<QAbstractSpinBox*>(w) || qobject_cast<QComboBox*>(w)) {
            if (w->width() < w->sizeHint().width()) {
                report(QStringLiteral("field"), w->accessibleName(), w->sizeHint(), w->size());
            }
        } else if (auto* t = qobject_cast<QTableWidget*>(w)) {
            const int pad = 2 * (t->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 1);
            for (int c = 0; c < t->columnCount(); ++c) {
                if (QTableWidgetItem* h = t->horizontalHeaderItem(c)) {
                    const int need =
                        t->horizontalHeader()->fontMetrics().horizontalAdvance(h->text()) +
                        2 * t->style()->pixelMetric(QStyle::PM_HeaderMargin);
                    if (t->columnWidth(c) < need && h->toolTip().isEmpty()) {
                        report(QStringLiteral("column title"), h->text(), QSize(need, 0),
                               QSize(t->columnWidth(c), 0));
                    }
                }
                for (int r = 0; r < t->rowCount(); ++r) {
                    QTableWidgetItem* it = t->item(r, c);
                    if (!it || it->text().isEmpty() || !it->toolTip().isEmpty()) {
                        continue;
                    }
                    const int need = t->fontMetrics().horizontalAdvance(it->text()) + pad;
                    if (t->columnWidth(c) < need) {
                        report(QStringLiteral("cell"), it->text(), QSize(need, 0),
                               QSize(t->columnWidth(c), 0));
                    }
                }
            }
        } else if (auto* plot = qobject_cast<QCustomPlot*>(w)) {
            plot->replot();
            const QRectF area = plot->rect();
            if (plot->legend->visible()) {
                if (!area.contains(QRectF(plot->legend->outerRect()))) {
                    report(QStringLiteral("legend"), plot->accessibleName(),
                           plot->legend->outerRect().size(), area.size());
                }
                for (int i = 0; i < plot->legend->itemCount(); ++i) {
                    QCPAbstractLegendItem* item = plot->legend->item(i);
                    if (!item) {
                        continue; // an empty cell of the legend's grid
                    }
                    const QSize need = item->minimumOuterSizeHint();
                    if (item->outerRect().width() < need.width() ||
                        item->outerRect().height() < need.height()) {
                        auto* pl = qobject_cast<QCPPlottableLegendItem*>(item);
                        report(QStringLiteral("legend item"),
                               pl ? pl->plottable()->name() : QString(), need,
                               item->outerRect().size());
                    }
                }
            }
            for (QCPAxis* axis : plot->axisRect()->axes()) {
                if (!axis->visible() || axis->label().isEmpty()) {
                    continue;
                }
                const qreal need =
                    QFontMetricsF(axis->labelFont()).horizontalAdvance(axis->label());
                const qreal has =
                    axis->orientation() == Qt::Horizontal ? plot->width() : plot->height();
                if (need > has) {
                    report(QStringLiteral("axis title"), axis->label(), QSizeF(need, 0),
                           QSizeF(has, 0));
                }
            }
        }
    }
    if (auto* quorum = qobject_cast<fg::QuorumView*>(view)) {
        QWidget* ring = nullptr;
        for (QWidget* w : view->findChildren<QWidget*>()) {
            if (w->accessibleName() == QLatin1String("Ring of replicas")) {
                ring = w;
            }
        }
        for (const fg::DrawnText& d : quorum->ringTexts()) {
            const QFontMetricsF fm(d.font);
            const QSizeF need(fm.horizontalAdvance(d.text), fm.height());
            if (need.width() > d.box.width() || need.height() > d.box.height() + 0.01 ||
                !QRectF(ring->rect()).contains(d.box)) {
                report(QStringLiteral("ring text"), d.text, need, d.box.size());
            }
        }
    }
    return out;
}

// The data a legend covers: bars that intersect it and points of lines inside it.
QStringList dataUnderTheLegend(QCustomPlot* plot) {
    QStringList out;
    plot->replot();
    if (!plot->legend->visible()) {
        return out;
    }
    const QRectF legend = plot->legend->outerRect();
    for (int i = 0; i < plot->plottableCount(); ++i) {
        QCPAbstractPlottable* p = plot->plottable(i);
        QCPAxis* key = p->keyAxis();
        QCPAxis* value = p->valueAxis();
        if (auto* bars = qobject_cast<QCPBars*>(p)) {
            for (int k = 0; k < bars->dataCount(); ++k) {
                // The top centre of the bar (a group's offset included), its width, its foot.
                const QPointF top = bars->dataPixelPosition(k);
                const double keyAt = bars->data()->at(k)->key;
                const double half = std::abs(key->coordToPixel(keyAt + bars->width() / 2) -
                                             key->coordToPixel(keyAt - bars->width() / 2)) /
                                    2;
                const QRectF bar(QPointF(top.x() - half, top.y()),
                                 QPointF(top.x() + half, value->coordToPixel(0)));
                if (bar.normalized().intersects(legend)) {
                    out << QStringLiteral("%1: the bar at %2").arg(p->name()).arg(keyAt);
                }
            }
        } else if (auto* graph = qobject_cast<QCPGraph*>(p)) {
            for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it) {
                const QPointF at(key->coordToPixel(it->key), value->coordToPixel(it->value));
                if (legend.contains(at)) {
                    out << QStringLiteral("%1: the point at %2").arg(p->name()).arg(it->key);
                    break;
                }
            }
        }
    }
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
            QVERIFY(!info.title().isEmpty());
            // A page titled as the Study menu lists it.
            QVERIFY(fg::pageOf(view.get()));
            QCOMPARE(fg::pageOf(view.get())->pageTitle(), info.title());
            QVERIFY(view->findChild<QCustomPlot*>());
            maybeSave(view.get(), info.id);
        }
        QVERIFY(!fg::createSimulatorView(QStringLiteral("nope"), fg::Theme::light(), nullptr));
    }

    // A tester zoomed a simulator (View > Zoom in: every widget of the page 10% larger a
    // step): its words grew, its chart's letters stayed at 9 points. They grow with the page.
    void theChartsLettersFollowThePagesZoom() {
        for (const auto& info : fg::simulators()) {
            std::unique_ptr<QWidget> view(
                fg::createSimulatorView(info.id, fg::Theme::projector(), nullptr));
            auto* chart = view->findChild<QCustomPlot*>();
            QVERIFY(chart);
            const qreal before = chart->xAxis->tickLabelFont().pointSizeF();
            QCOMPARE(before, 9 * 1.35); // the Projector's type at the application's size
            // Two zoom steps, as the window's View > Zoom in sets them (app/page_zoom.cpp).
            // Every new size from the sizes before (a child that inherits would be scaled twice).
            QList<std::pair<QWidget*, QFont>> fonts;
            QList<QWidget*> all = view->findChildren<QWidget*>();
            all.prepend(view.get());
            for (QWidget* w : all) {
                QFont f = w->font();
                f.setPointSizeF(f.pointSizeF() * 1.21);
                fonts.append({w, f});
            }
            for (auto it = fonts.crbegin(); it != fonts.crend(); ++it) {
                it->first->setFont(it->second);
            }
            QCOMPARE_GT(chart->xAxis->tickLabelFont().pointSizeF(), before * 1.2);
            QCOMPARE_LT(chart->xAxis->tickLabelFont().pointSizeF(), before * 1.22);
            QCOMPARE(chart->yAxis->labelFont().pointSizeF(),
                     chart->xAxis->tickLabelFont().pointSizeF());
            QCOMPARE(chart->legend->font().pointSizeF(),
                     chart->xAxis->tickLabelFont().pointSizeF());
            // A theme after the zoom keeps it: Light's type at the zoomed page's size.
            if (fg::Page* page = fg::pageOf(view.get())) {
                page->setTheme(fg::Theme::light());
            }
            QCOMPARE_GT(chart->xAxis->tickLabelFont().pointSizeF(), 9 * 1.2);
            QCOMPARE_LT(chart->xAxis->tickLabelFont().pointSizeF(), 9 * 1.22);
        }
    }

    // Issue 13 (clipping): every text of every simulator (labels, buttons, fields, table cells,
    // chart legends and axis titles, the quorum ring's labels) fits where it is drawn, in every
    // theme (the projector's type is 1.35x) in the tab beside the sidebar at 1920x1080 and
    // 1280x800, and with replicas down (the ring's longest labels).
    // A tester at 1920x1080: beside the ring, the quorum chart's legend kept two entries a
    // line, and the second ran into the chart's edge. Beside the drawing the legend has an
    // entry a line, each whole inside the chart; under it, two a line.
    void aLegendBesideTheDrawingHasAnEntryALine() {
        fg::QuorumView view;
        view.setTheme(fg::Theme::light());
        // Narrow first (the chart under the ring), a setting changed there (the legend made
        // again, two entries a line), then wide: the tester's way.
        for (const QSize size : {QSize(700, 900), QSize(1620, 1000), QSize(1900, 1000)}) {
            view.resize(size);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            QCoreApplication::processEvents();
            view.setParams(3, size.width() > 1000 ? 2 : 1, 2, {});
            QCoreApplication::processEvents();
            QCustomPlot* plot = view.chart();
            plot->replot();
            const QPoint at = plot->mapTo(&view, QPoint(0, 0));
            const bool beside = at.x() > size.width() / 3;
            QCPLegend* legend = plot->legend;
            QVERIFY(legend->itemCount() >= 2);
            for (int i = 0; i < legend->itemCount(); ++i) {
                QCPAbstractLegendItem* item = legend->item(i);
                const QRect r = item->outerRect();
                const QString where = QStringLiteral("%1x%2, entry %3 at %4,%5 %6x%7 in a chart "
                                                     "%8 px wide")
                                          .arg(size.width())
                                          .arg(size.height())
                                          .arg(i)
                                          .arg(r.x())
                                          .arg(r.y())
                                          .arg(r.width())
                                          .arg(r.height())
                                          .arg(plot->width());
                QVERIFY2(plot->rect().contains(r), qPrintable(where));
                QVERIFY2(r.width() >= item->minimumOuterSizeHint().width(), qPrintable(where));
            }
            if (beside) {
                QCOMPARE(legend->columnCount(), 1);
            }
        }
    }

    void noSimulatorCutsText() {
        const QFont appFont = QApplication::font();
        QStringList cut;
        for (const fg::Theme& theme :
             {fg::Theme::light(), fg::Theme::dark(), fg::Theme::projector()}) {
            QFont f = appFont;
            f.setPointSizeF(appFont.pointSizeF() * theme.fontScale);
            QApplication::setFont(f);
            for (const QSize size : {QSize(1600, 1000), QSize(960, 700)}) {
                for (const auto& info : fg::simulators()) {
                    std::unique_ptr<QWidget> view(fg::createSimulatorView(info.id, theme, nullptr));
                    view->resize(size);
                    view->show();
                    QVERIFY(QTest::qWaitForWindowExposed(view.get()));
                    QApplication::processEvents();
                    const QString where = QStringLiteral("%1 %2 %3x%4: ")
                                              .arg(info.id, theme.name())
                                              .arg(size.width())
                                              .arg(size.height());
                    for (const QString& c : cutTexts(view.get())) {
                        cut << where + c;
                    }
                    if (auto* q = qobject_cast<fg::QuorumView*>(view.get())) {
                        for (auto [n, failed] :
                             {std::pair{3, std::vector<bool>{true}},
                              std::pair{9, std::vector<bool>{true, false, true}}}) {
                            q->setParams(n, 1, 1, failed);
                            QApplication::processEvents();
                            for (const QString& c : cutTexts(view.get())) {
                                cut << where + QStringLiteral("N=%1: ").arg(n) + c;
                            }
                        }
                    }
                }
            }
        }
        QApplication::setFont(appFont);
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join('\n')));
    }

    // Issue 13 (legends never cover data, here for the simulators' charts): the storage
    // chart's legend hid the top of the row store's tallest bar. In every theme, at both window
    // sizes, no bar and no point of a line lies under a legend.
    void noLegendCoversData() {
        const QFont appFont = QApplication::font();
        QStringList covered;
        for (const fg::Theme& theme :
             {fg::Theme::light(), fg::Theme::dark(), fg::Theme::projector()}) {
            QFont f = appFont;
            f.setPointSizeF(appFont.pointSizeF() * theme.fontScale);
            QApplication::setFont(f);
            for (const QSize size : {QSize(1600, 1000), QSize(960, 700)}) {
                for (const auto& info : fg::simulators()) {
                    std::unique_ptr<QWidget> view(fg::createSimulatorView(info.id, theme, nullptr));
                    view->resize(size);
                    view->show();
                    QVERIFY(QTest::qWaitForWindowExposed(view.get()));
                    QApplication::processEvents();
                    for (const QString& c : dataUnderTheLegend(view->findChild<QCustomPlot*>())) {
                        covered << QStringLiteral("%1 %2 %3x%4: %5")
                                       .arg(info.id, theme.name())
                                       .arg(size.width())
                                       .arg(size.height())
                                       .arg(c);
                    }
                }
            }
        }
        QApplication::setFont(appFont);
        QVERIFY2(covered.isEmpty(), qPrintable(covered.join('\n')));
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
            QCOMPARE(plot->graphCount(), 4);
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
            const double unsavedEnd = plot->graph(3)->data()->at(hit->dataCount() - 1)->value;
            QCOMPARE(unsavedEnd, double(run.total.unsavedReads) / run.total.reads);
            // The summary gives both shares, as the engine counted them, and says which of the
            // two this pattern can produce: two numbers that were always equal in cache-aside
            // ("31.4 % stale ... 31.4 % answered with a value the database did not hold") said
            // nothing about how they differ.
            const auto pct = [&](int n) {
                return QString::number(100.0 * n / run.total.reads, 'f', 1) + QStringLiteral(" %");
            };
            const QString summary = view.summaryText();
            QVERIFY2(summary.contains(QStringLiteral("Stale: ") + pct(run.total.staleReads)),
                     qPrintable(summary));
            QVERIFY2(summary.contains(QStringLiteral("Unsaved: ") + pct(run.total.unsavedReads)),
                     qPrintable(summary));
            QVERIFY2(summary.contains(pattern == fg::concepts::CachePattern::CacheAside
                                          ? QStringLiteral("can be stale, never unsaved")
                                          : QStringLiteral("can be unsaved, never stale")),
                     qPrintable(summary));
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
        QVERIFY(view.summaryText().contains("one from each column"));
        maybeSave(&view, "row-column-compressed");
        // No rows: no whole row to find (it said "0 pages, one from each column").
        t.rows = 0;
        view.setTable(t, 4);
        QVERIFY2(!view.summaryText().contains("one from each column") &&
                     view.summaryText().contains("no whole row to find"),
                 qPrintable(view.summaryText()));
        // A row wider than a page spans pages (it said "a page holds 0 rows", a tester).
        t = fg::concepts::salesTable();
        t.columns[2].width = 1'048'576;
        view.setTable(t, 4);
        const auto wide = fg::concepts::storageCosts(t, 4);
        QCOMPARE(wide.rowsPerPage, 0);
        const QString text = view.summaryText();
        QVERIFY2(text.contains(QStringLiteral("A row is %1 bytes; wider than a page")
                                   .arg(QLocale().toString(qlonglong(wide.rowBytes)))) &&
                     text.contains(QStringLiteral("it spans %1 pages")
                                       .arg((wide.rowBytes + t.pageBytes - 1) / t.pageBytes)) &&
                     !text.contains(QStringLiteral("0 rows")),
                 qPrintable(text));
        // Sizes in the unit that suits them: a megabyte row over a million rows is about a
        // terabyte, not "1,056,768.0 MB".
        QVERIFY2(
            text.contains(QLocale().formattedDataSize(wide.rowSelectAll.bytes, 1,
                                                      QLocale::DataSizeSIFormat)) &&
                text.contains(QStringLiteral(" TB")) &&
                !text.contains(QLocale().toString(double(wide.rowSelectAll.bytes) / 1e6, 'f', 1)),
            qPrintable(text));
    }

    // A fresh tester typed "abc" as a width and 0 as another: the table took them and the chart
    // emptied, its labels piled up. A cell that is no width (or no compression) is put back as
    // it was, the summary says why, and the chart keeps its bars.
    void aBadCellIsPutBackAndSaidSo() {
        fg::StorageView view;
        view.setTable(fg::concepts::salesTable(), 4);
        auto* table = view.findChild<QTableWidget*>();
        QVERIFY(table);
        const auto before = bars(view.chart());
        QCOMPARE(before.size(), std::size_t(4));
        const struct {
            int column;
            QString typed;
        } bad[] = {{1, QStringLiteral("abc")},
                   {1, QStringLiteral("0")},
                   {1, QStringLiteral("99999999999999")},
                   {2, QStringLiteral("x")},
                   {2, QStringLiteral("0.5")}};
        for (const auto& b : bad) {
            const QString kept = table->item(0, b.column)->text();
            table->item(0, b.column)->setText(b.typed);
            QCOMPARE(table->item(0, b.column)->text(), kept);
            QVERIFY2(view.summaryText().contains(b.typed) && view.summaryText().contains(kept),
                     qPrintable(view.summaryText()));
            QCOMPARE(bars(view.chart()), before);
        }
        table->item(0, 1)->setText(QStringLiteral("16")); // a good width is taken
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("16"));
        QVERIFY(!view.summaryText().contains(QStringLiteral("is not a")));
        QVERIFY(bars(view.chart()) != before);
    }

    // A fresh tester set IA after 200 days, Glacier after 30 and delete after 10: no word,
    // though S3 refuses such a rule. The summary says the rule is out of order, and only then.
    void aRuleOutOfOrderIsSaidToBe() {
        fg::LifecycleView view;
        QVERIFY(!view.summaryText().contains(QStringLiteral("out of order")));
        auto p = view.params();
        const struct {
            int ia, glacier, del;
            bool wrong;
        } rules[] = {{200, 30, 10, true},  {30, 90, 10, true},  {90, 30, 0, true},
                     {30, 90, 365, false}, {0, 90, 365, false}, {30, 0, 0, false}};
        for (const auto& r : rules) {
            p.daysToIa = r.ia;
            p.daysToGlacier = r.glacier;
            p.daysToDelete = r.del;
            view.setParams(p);
            QVERIFY2(view.summaryText().contains(QStringLiteral("out of order")) == r.wrong,
                     qPrintable(QStringLiteral("%1/%2/%3: ").arg(r.ia).arg(r.glacier).arg(r.del) +
                                view.summaryText()));
        }
    }

    // A tester moved data to IA after 5 days and the simulator took it, though S3 refuses a move
    // to Standard-IA sooner than 30 days after the data was written. Typed in its box, 5 becomes
    // 30 there and in the run, and the summary says which of S3's rules and where it is written;
    // at the next change, that sentence goes.
    void aDayS3RefusesIsSetToTheNearestItTakes() {
        fg::LifecycleView view;
        view.show();
        QSpinBox* ia = nullptr;
        QSpinBox* glacier = nullptr;
        for (auto* box : view.findChildren<QSpinBox*>()) {
            ia = box->accessibleName() == QStringLiteral("To IA after") ? box : ia;
            glacier = box->accessibleName() == QStringLiteral("To Glacier after") ? box : glacier;
        }
        QVERIFY(ia && glacier);
        ia->setFocus();
        ia->selectAll();
        QTest::keyClicks(ia, QStringLiteral("5"));
        QTest::keyClick(ia, Qt::Key_Return);
        QCOMPARE(ia->value(), 30);
        QCOMPARE(view.run().rule.params.daysToIa, 30);
        QCOMPARE(view.run().months[0].iaGb, 0.0); // the first month all in Standard
        const QString said = view.summaryText();
        QVERIFY2(said.contains(QStringLiteral("IA after 5 days is too soon: S3 moves data to "
                                              "Standard-IA only after 30 days in Standard, so "
                                              "the rule uses 30 days")) &&
                     said.contains(QStringLiteral("Amazon S3 User Guide, lifecycle transition "
                                                  "constraints")),
                 qPrintable(said));
        // Glacier 20 days after IA: S3 wants 30 days in IA first.
        glacier->setFocus();
        glacier->selectAll();
        QTest::keyClicks(glacier, QStringLiteral("50"));
        QTest::keyClick(glacier, Qt::Key_Return);
        QCOMPARE(glacier->value(), 60);
        QCOMPARE(ia->value(), 30);
        QVERIFY2(view.summaryText().contains(QStringLiteral("Glacier after 50 days is too soon")) &&
                     !view.summaryText().contains(QStringLiteral("IA after 5 days")),
                 qPrintable(view.summaryText()));
        // A rule S3 takes says nothing of S3's rules.
        glacier->setFocus();
        glacier->selectAll();
        QTest::keyClicks(glacier, QStringLiteral("90"));
        QTest::keyClick(glacier, Qt::Key_Return);
        QCOMPARE(glacier->value(), 90);
        QVERIFY2(!view.summaryText().contains(QStringLiteral("S3 would refuse")),
                 qPrintable(view.summaryText()));
    }

    // Deleted 10 days after it moved to IA, data pays IA's 30-day minimum all the same: the
    // bill is as if it was kept, and the summary says how much of it is for days not kept.
    void deletingBeforeTheMinimumDurationIsChargedAndSaid() {
        fg::LifecycleView view;
        auto p = view.params();
        p.daysToGlacier = 0;
        p.daysToDelete = 40;
        view.setParams(p);
        QVERIFY(view.run().rule.fixes.empty());
        QVERIFY(view.run().totalMinimumCharges > 0);
        QVERIFY(qFuzzyCompare(view.chart()->graph(1)->data()->at(1)->value, 36.352));
        QVERIFY2(view.summaryText().contains(QStringLiteral(
                     "pays for days the data was not kept: deleted 10 days after it entered IA, "
                     "it is charged 30 days there")),
                 qPrintable(view.summaryText()));
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

FG_TEST_MAIN(TestSimulatorViews)
#include "test_simulator_views.moc"
