// The quorum simulator's view, offscreen: its chart has the engine's numbers, its sentences fit
// their numbers (a replica down, a write refused), and its ring's circles and labels stand apart
// and readable in every theme. With FG_SAVE_FIGURES set to a folder, views are saved there.
#include "engines/concepts/quorum.h"
#include "tests/suite_main.h"
#include "tests/widgets/simulators/simulator_test_support.h"
#include "widgets/simulators/quorum_view.h"
#include "widgets/simulators/simulators.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QTest>
#include <memory>
#include <qcustomplot.h>
#include <tuple>

using simulator_test::bars;
using simulator_test::maybeSave;

class TestQuorumView : public QObject {
    Q_OBJECT
private slots:
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
};

FG_TEST_MAIN(TestQuorumView)
#include "test_quorum_view.moc"
