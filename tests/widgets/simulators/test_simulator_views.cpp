// The concept simulators' views, offscreen: every id builds a view, each chart shows the engine's
// numbers for the settings on screen, and changing a setting redraws. With FG_SAVE_FIGURES set to
// a folder, each view is saved there as a PNG for a person to look at.
#include "engines/concepts/cache_patterns.h"
#include "engines/concepts/lifecycle_cost.h"
#include "engines/concepts/quorum.h"
#include "tests/suite_main.h"
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
#include <QTableWidget>
#include <QTest>
#include <map>
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

    // A tester read "Of all 1 possible sets" (R = N) and a legend promising a hatched bar when
    // the chosen bar was zero high (nothing hatched to see).
    void quorumSentencesFitTheirNumbers() {
        fg::QuorumView view;
        view.setParams(3, 3, 1);
        QVERIFY2(!view.summaryText().contains("all 1 possible"), qPrintable(view.summaryText()));
        QVERIFY2(view.summaryText().contains("the only read set is every replica"),
                 qPrintable(view.summaryText()));
        view.setParams(3, 2, 2);
        QVERIFY2(view.summaryText().contains("None of the 3 possible sets"),
                 qPrintable(view.summaryText()));
        for (int i = 0; i < view.chart()->plottableCount(); ++i) {
            QVERIFY2(!view.chart()->plottable(i)->name().contains("hatched"),
                     qPrintable(view.chart()->plottable(i)->name()));
        }
        view.setParams(3, 1, 1);
        QVERIFY2(view.summaryText().contains("Of the 3 possible sets of R = 1 replicas, 2 miss"),
                 qPrintable(view.summaryText()));
        bool hatched = false;
        for (int i = 0; i < view.chart()->plottableCount(); ++i) {
            hatched = hatched || view.chart()->plottable(i)->name().contains("hatched");
        }
        QVERIFY(hatched);
    }

    // A fresh tester in the Projector theme, and at 1280x800 in every theme: the ring of
    // replicas collapsed into a blob, circles on each other and "new (v2) read coordinator"
    // written across them. For every number of replicas, in every theme, in a tall and a short
    // page: no two circles (read rings included) overlap, no label crosses a circle or another
    // label, and all of it is inside the ring's widget.
    void theRingsCirclesAndLabelsStandApart() {
        QStringList faults;
        for (const fg::Theme& theme :
             {fg::Theme::light(), fg::Theme::dark(), fg::Theme::projector()}) {
            for (QSize size : {QSize(1000, 800), QSize(1000, 560), QSize(1690, 1000)}) {
                fg::QuorumView view;
                view.setTheme(theme);
                view.resize(size);
                view.show();
                QVERIFY(QTest::qWaitForWindowExposed(&view));
                for (int n = 1; n <= 9; ++n) {
                    view.setParams(n, std::min(n, 2), std::min(n, 2),
                                   std::vector<bool>(std::size_t(n), false));
                    QTest::qWait(0);
                    if (const QString keep = qEnvironmentVariable("FG_SAVE_FIGURES");
                        !keep.isEmpty() && (n == 3 || n == 9)) {
                        view.grab().save(QStringLiteral("%1/quorum-%2-%3-%4.png")
                                             .arg(keep, theme.name())
                                             .arg(size.height())
                                             .arg(n));
                    }
                    const auto texts = view.ringTexts();
                    QWidget* ring = nullptr;
                    for (QWidget* w : view.findChildren<QWidget*>()) {
                        ring = w->accessibleName() == QLatin1String("Ring of replicas") ? w : ring;
                    }
                    QVERIFY(ring);
                    const QString where = QStringLiteral("%1, %2x%3, N=%4")
                                              .arg(theme.name())
                                              .arg(size.width())
                                              .arg(size.height())
                                              .arg(n);
                    // The dotted ring through the nodes' centres, whole in the widget (its
                    // bottom was cut at 1920x1080 in Light).
                    QPointF mid;
                    QList<QPointF> centres;
                    for (const auto& d : texts) {
                        if (!d.text.isEmpty() && d.text.at(0).isDigit()) {
                            centres << d.box.center();
                            mid += d.box.center();
                        }
                    }
                    if (centres.size() >= 3) {
                        mid /= qreal(centres.size());
                        const QPointF to = centres.front() - mid;
                        const qreal r = std::hypot(to.x(), to.y());
                        if (!QRectF(ring->rect())
                                 .adjusted(-1, -1, 1, 1)
                                 .contains(QRectF(mid.x() - r, mid.y() - r, 2 * r, 2 * r))) {
                            faults << where + QStringLiteral(": the ring is cut");
                        }
                    }
                    std::vector<QRectF> circles, labels;
                    for (const auto& d : texts) {
                        const bool number = !d.text.isEmpty() && d.text.at(0).isDigit();
                        // A circle with its read ring (4 line widths out).
                        const qreal out = 4 * theme.lineWidth;
                        (number ? circles : labels)
                            .push_back(number ? d.box.adjusted(-out, -out, out, out) : d.box);
                        if (!QRectF(ring->rect()).contains(d.box)) {
                            faults << where + QStringLiteral(": \"%1\" outside").arg(d.text);
                        }
                    }
                    for (std::size_t a = 0; a < circles.size(); ++a) {
                        for (std::size_t b = a + 1; b < circles.size(); ++b) {
                            const qreal r = circles[a].width() / 2 + circles[b].width() / 2;
                            const QPointF d = circles[a].center() - circles[b].center();
                            if (std::hypot(d.x(), d.y()) < r) {
                                faults << where + QStringLiteral(": circles %1 and %2 overlap")
                                                      .arg(a)
                                                      .arg(b);
                            }
                        }
                        for (const QRectF& l : labels) {
                            // The label's nearest point to the circle's centre.
                            const QPointF c = circles[a].center();
                            const QPointF p(std::clamp(c.x(), l.left(), l.right()),
                                            std::clamp(c.y(), l.top(), l.bottom()));
                            if (std::hypot(p.x() - c.x(), p.y() - c.y()) <
                                circles[a].width() / 2 - 0.5) {
                                faults
                                    << where + QStringLiteral(": a label crosses circle %1").arg(a);
                            }
                        }
                    }
                    for (std::size_t a = 0; a < labels.size(); ++a) {
                        for (std::size_t b = a + 1; b < labels.size(); ++b) {
                            if (labels[a].intersected(labels[b]).height() > 0.5 &&
                                labels[a].intersected(labels[b]).width() > 0.5) {
                                faults << where + QStringLiteral(": two labels overlap");
                            }
                        }
                    }
                }
            }
        }
        QVERIFY2(faults.isEmpty(), qPrintable(faults.mid(0, 20).join('\n')));
    }

    // Issue 13 (17): with replica 0 down, replica 0 was still labelled the coordinator. A down
    // node cannot take a request: the ring and the summary name the live replica that does, and
    // with every replica down the summary says the request fails and why.
    void aDownReplicaIsNeverTheCoordinator() {
        fg::QuorumView view;
        view.resize(1000, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const auto coordinatorUnder = [&view]() {
            // The replica whose number is drawn nearest the "coordinator" label (the labels
            // stand outside the ring, beside their node).
            QStringList under;
            const auto texts = view.ringTexts();
            for (const auto& label : texts) {
                if (label.text != "coordinator") {
                    continue;
                }
                const fg::DrawnText* nearest = nullptr;
                for (const auto& number : texts) {
                    const QPointF d = number.box.center() - label.box.center();
                    if (!number.text.isEmpty() && number.text.at(0).isDigit() &&
                        (!nearest ||
                         QPointF::dotProduct(d, d) <
                             QPointF::dotProduct(nearest->box.center() - label.box.center(),
                                                 nearest->box.center() - label.box.center()))) {
                        nearest = &number;
                    }
                }
                if (nearest) {
                    under << nearest->text;
                }
            }
            return under;
        };
        QCOMPARE(coordinatorUnder(), QStringList({"0"}));
        view.setParams(3, 2, 2, {true, false, false});
        QCOMPARE(view.result().coordinator, 1);
        QCOMPARE(coordinatorUnder(), QStringList({"1"}));
        QVERIFY2(view.summaryText().contains("Replica 0 is down") &&
                     view.summaryText().contains("replica 1"),
                 qPrintable(view.summaryText()));
        view.setParams(3, 1, 1, {true, true, true});
        QCOMPARE(coordinatorUnder(), QStringList());
        QVERIFY2(view.summaryText().contains("no node can take the request") &&
                     view.summaryText().contains("fail"),
                 qPrintable(view.summaryText()));
        maybeSave(&view, "quorum-all-down");
    }

    // A tester read the replica numbers at 11 px in circles 60 px across, and "new (v2)" a
    // word away from its node (centred in a box as wide as "coordinator"). A number fills its
    // circle; each label's text starts within a letter of its node's circle and its read ring.
    // A tester at 1280x800 in the projector theme: the ring was 200 px across over a chart 80
    // px high, its circles touching, the chart's title cut. On a page wider than tall the chart
    // stands beside the ring, which then takes most of the height; at 960x700 the chart is
    // under it (beside, the ring would be smaller).
    void onAWidePageTheChartStandsBesideTheRing() {
        fg::QuorumView view;
        view.setTheme(fg::Theme::projector());
        for (const QSize size : {QSize(1280, 740), QSize(1920, 1000), QSize(700, 900)}) {
            view.resize(size);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            QCoreApplication::processEvents();
            QRectF ring;
            for (const auto& d : view.ringTexts()) {
                if (d.text.at(0).isDigit()) {
                    ring |= d.box;
                }
            }
            const QRect chart(view.chart()->mapTo(&view, QPoint(0, 0)), view.chart()->size());
            const QWidget* ringWidget = nullptr;
            for (const QWidget* w : view.findChildren<QWidget*>()) {
                if (w->accessibleName() == QLatin1String("Ring of replicas")) {
                    ringWidget = w;
                }
            }
            QVERIFY(ringWidget);
            const QRectF ringOnPage = ring.translated(ringWidget->mapTo(&view, QPoint(0, 0)));
            const QString where = QStringLiteral("%1x%2: ring %3 px high, chart at %4,%5 %6x%7")
                                      .arg(size.width())
                                      .arg(size.height())
                                      .arg(ring.height())
                                      .arg(chart.x())
                                      .arg(chart.y())
                                      .arg(chart.width())
                                      .arg(chart.height());
            if (size.width() > size.height()) {
                QVERIFY2(chart.left() >= ringOnPage.right(), qPrintable(where));
                QVERIFY2(ring.height() >= 0.45 * size.height(), qPrintable(where));
            } else {
                QVERIFY2(chart.top() >= ringOnPage.bottom(), qPrintable(where));
            }
        }
    }

    void theRingsNumbersFillTheirCirclesAndLabelsStandByTheirNode() {
        fg::QuorumView view;
        view.resize(1600, 900);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        for (const int n : {3, 5, 9}) {
            view.setParams(n, 2, 2, {});
            std::vector<fg::DrawnText> numbers, labels;
            for (const auto& d : view.ringTexts()) {
                (d.text.at(0).isDigit() ? numbers : labels).push_back(d);
            }
            QCOMPARE(int(numbers.size()), n);
            for (const auto& num : numbers) {
                const qreal px = QFontInfo(num.font).pixelSize();
                QVERIFY2(px >= 0.4 * num.box.height(),
                         qPrintable(QStringLiteral("N=%1: replica %2's number %3 px in a circle "
                                                   "%4 px across")
                                        .arg(n)
                                        .arg(num.text)
                                        .arg(px)
                                        .arg(num.box.height())));
            }
            // Each node's nearest label line, from the circle's edge.
            std::map<QString, qreal> nearestLine;
            qreal charW = 0;
            for (const auto& label : labels) {
                const QFontMetricsF fm(label.font);
                charW = fm.averageCharWidth();
                const qreal textW = fm.horizontalAdvance(label.text);
                // The text as painted: centred in its box.
                const QRectF text(label.box.center().x() - textW / 2, label.box.top(), textW,
                                  label.box.height());
                const fg::DrawnText* node = nullptr;
                qreal gap = 1e9;
                for (const auto& num : numbers) {
                    const QPointF c = num.box.center();
                    const QPointF p(std::clamp(c.x(), text.left(), text.right()),
                                    std::clamp(c.y(), text.top(), text.bottom()));
                    if (const qreal g = QLineF(p, c).length() - num.box.height() / 2; g < gap) {
                        gap = g;
                        node = &num;
                    }
                }
                auto [it, fresh] = nearestLine.emplace(node->text, gap);
                it->second = std::min(it->second, gap);
            }
            // The read ring and its pen (6 line widths and 4 px, as the ring leaves), then at most
            // two letters of air.
            const qreal allowed = 6 * view.theme().lineWidth + 4 + 2 * charW;
            for (const auto& [node, gap] : nearestLine) {
                QVERIFY2(gap <= allowed,
                         qPrintable(QStringLiteral("N=%1: replica %2's label %3 px from its "
                                                   "circle (at most %4)")
                                        .arg(n)
                                        .arg(node)
                                        .arg(gap)
                                        .arg(allowed)));
            }
        }
    }

    // Tester 36: R = 1, W = 2, replica 0 down. The text said "1 misses the write (0 with every
    // replica up, so a read can really get them)" beside a chart legend "every replica up, W =
    // 2" showing 1: they read as contradicting. The sets a read can use now are counted apart,
    // and the chart is named as the every-replica-up case when a replica is down.
    void aDownReplicaIsCountedApartFromTheChart() {
        fg::QuorumView view;
        const auto legend = [&view] {
            QStringList names;
            for (int i = 0; i < view.chart()->plottableCount(); ++i) {
                names << view.chart()->plottable(i)->name();
            }
            return names.join(QLatin1Char('|'));
        };
        view.setParams(3, 1, 2, {true, false, false});
        QString text = view.summaryText();
        QVERIFY2(text.contains("Of the 3 possible sets of R = 1 replicas, 1 misses the write. "
                               "With the down replicas left out, a read can use 2 of them, and "
                               "none of those misses the write."),
                 qPrintable(text));
        QVERIFY2(!text.contains("with every replica up, so"), qPrintable(text));
        QVERIFY2(legend().contains("stale read sets if every replica were up (W = 2)"),
                 qPrintable(legend()));
        view.setParams(4, 1, 1, {false, true, false, false}); // the write on replica 0 only
        text = view.summaryText();
        QVERIFY2(text.contains("3 miss the write. With the down replicas left out, a read can "
                               "use 3 of them, and 2 of those miss the write."),
                 qPrintable(text));
        view.setParams(3, 1, 2, {});
        QVERIFY2(view.summaryText().contains("1 misses the write: a read that asks one of them "
                                             "returns v1."),
                 qPrintable(view.summaryText()));
        QVERIFY2(!legend().contains("every replica"), qPrintable(legend()));
    }

    // A fresh tester, two replicas down (the write refused) and then all three: "Of the 3
    // possible sets of R = 2 replicas, 3 miss the write (0 with every replica up ...). R + W =
    // 4 > N = 3: ... none miss each other": a contradiction on its face. With no write stored,
    // the summary says what R and W give with every replica up, and that every read returns v1
    // when a read can run; when none can (too few up for R, or all down), it says so instead
    // (the next tester read "both fail" then "every read returns v1").
    void aRefusedWriteIsNotCountedAsMissedSets() {
        fg::QuorumView view;
        for (const std::vector<bool>& down :
             {std::vector<bool>{false, true, true}, std::vector<bool>{true, true, true}}) {
            view.setParams(3, 2, 2, down);
            const QString text = view.summaryText();
            QVERIFY2(!text.contains("miss the write") && !text.contains("every read returns") &&
                         text.contains("no read can run now") &&
                         text.contains("With every replica up, 0 of the 3 possible sets"),
                     qPrintable(text));
        }
        view.setParams(3, 1, 3, {false, false, true}); // the write refused, a read of one runs
        QVERIFY2(view.summaryText().contains("every read returns v1"),
                 qPrintable(view.summaryText()));
        view.setParams(3, 1, 1, {});
        QVERIFY2(view.summaryText().contains("2 miss the write"), qPrintable(view.summaryText()));
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
