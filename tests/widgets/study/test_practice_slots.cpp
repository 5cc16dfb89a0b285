// The slot numbers under Practice's picture of a Redis Cluster's masters along the 16,384 slots:
// where runs start, and 16383 at the end, never drawn over each other (with 12 masters "15019"
// and "16383" read "1501983": a tester), at every width and cluster size.
#include "engines/redis/slot_ranges.h"
#include "tests/suite_main.h"
#include "widgets/practice/practice_figure.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QTest>

class TestPracticeSlots : public QObject {
    Q_OBJECT
private slots:
    void slotNumbersNeverOverlap() {
        const QFontMetricsF metrics(QApplication::font());
        QStringList overlaps;
        for (int masters = 1; masters <= 16; ++masters) {
            std::vector<int> ends;
            for (const auto& [first, last] : fg::redis::clusterCreateRanges(masters)) {
                ends.push_back(last);
            }
            for (int width = 300; width <= 1600; width += 50) {
                const QRectF bar(20, 30, width - 40, 40);
                const auto labels = fg::PracticeFigure::slotNumbers(bar, ends, metrics);
                QVERIFY(!labels.empty());
                QCOMPARE(labels.front().text, QStringLiteral("0"));
                QCOMPARE(labels.back().text, QStringLiteral("16383"));
                QVERIFY(labels.back().rect.right() <= bar.right() + 1);
                for (std::size_t i = 1; i < labels.size(); ++i) {
                    if (labels[i].rect.intersects(labels[i - 1].rect)) {
                        overlaps << QStringLiteral("%1 masters, %2 px: %3 over %4")
                                        .arg(masters)
                                        .arg(width)
                                        .arg(labels[i].text, labels[i - 1].text);
                    }
                }
            }
        }
        QVERIFY2(overlaps.isEmpty(), qPrintable(overlaps.mid(0, 8).join(QLatin1Char('\n'))));
    }
};

FG_TEST_MAIN(TestPracticeSlots)
#include "test_practice_slots.moc"
