// Lab > RocksDB through the real helper program and a real RocksDB (no mocks): a run of the
// default scenario fills both sides, moment by moment, one bar moving both; a get's moment says
// what each found and where it looked; the comparison is the run's; the open diagram's scenario
// can be offered and run; a scenario over the lab's budget is refused with the limit named.
#include "lab/lab_folder.h"
#include "tests/lab/lab_test_support.h"
#include "tests/suite_main.h"
#include "tests/widgets/accessibility_test_support.h"
#include "widgets/canvas/diagram_canvas.h"
#include "widgets/export/picture_export.h"
#include "widgets/lab/lsm_amp_chart.h"
#include "widgets/lab/lsm_lab_page.h"

#include <QApplication>
#include <QComboBox>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QWheelEvent>
#include <qcustomplot.h>

using fg::LsmLabPage;

namespace {

bool runAndWait(LsmLabPage& page) {
    QSignalSpy finished(&page, &LsmLabPage::runFinished);
    page.run();
    return finished.wait(60'000) && finished.front().front().toBool();
}

} // namespace

class TestLsmLabPage : public QObject {
    Q_OBJECT

private slots:
    void init() { qputenv("FIELDGUIDE_LAB_HELPER", LAB_HELPER_BIN); }
    void cleanup() { QTRY_VERIFY_WITH_TIMEOUT(fg::lab::test::foldersOwnedByMe().isEmpty(), 5000); }

    void theDefaultScenarioFillsBothSides() {
        LsmLabPage page;
        page.resize(1600, 1000);
        page.show();
        QVERIFY(runAndWait(page));
        QCOMPARE(page.moments(), 5); // 4 flushes (one with a compaction) and the get
        // At the first moment, Right to step on (at the last, Right did nothing: a tester).
        QCOMPARE(page.realCanvas()->player()->position(), 0);
        QCOMPARE(page.modelCanvas()->player()->position(), 0);
        QVERIFY2(page.status().contains(
                     QStringLiteral("The drawings start at step 1 of 5: press Right")),
                 qPrintable(page.status()));
        page.realCanvas()->player()->toEnd();
        QCOMPARE(page.modelCanvas()->player()->position(), 4);
        // A screen reader tells the two drawings apart.
        QCOMPARE(page.realCanvas()->accessibleName(), QStringLiteral("RocksDB (real): drawing"));
        QCOMPARE(page.modelCanvas()->accessibleName(), QStringLiteral("The model: drawing"));
        QVERIFY2(page.realNarration().contains(QStringLiteral("RocksDB found v4")),
                 qPrintable(page.realNarration()));
        QVERIFY2(page.modelNarration().contains(QStringLiteral("The model found v4")),
                 qPrintable(page.modelNarration()));
        QVERIFY(page.comparisonRows().contains(QStringLiteral("flushes: 4 / 4")));
        QVERIFY(page.status().contains(QStringLiteral("5 moments")));
        // The differences first (among nine agreeing rows they were hard to find, a tester).
        const auto differs = [](const QString& row) {
            const QString values = row.section(QStringLiteral(": "), -1);
            return values.section(QStringLiteral(" / "), 0, 0) !=
                   values.section(QStringLiteral(" / "), 1, 1);
        };
        const QStringList rows = page.comparisonRows();
        const auto firstSame = std::find_if_not(rows.begin(), rows.end(), differs);
        QVERIFY2(std::any_of(rows.begin(), rows.end(), differs), qPrintable(rows.join('\n')));
        QVERIFY2(std::none_of(firstSame, rows.end(), differs), qPrintable(rows.join('\n')));
        // One bar moves both sides: back to the third moment (the compaction).
        page.realCanvas()->player()->seek(2);
        QCOMPARE(page.modelCanvas()->player()->position(), 2);
        QVERIFY2(page.realNarration().contains(QStringLiteral("LevelL0FilesNum")),
                 qPrintable(page.realNarration()));
        // RocksDB's word for the reason, and what it means (alone, "[LevelL0FilesNum]" was
        // explained nowhere in the app: a tester).
        QVERIFY2(page.realNarration().contains(
                     QStringLiteral("RocksDB's reason: LevelL0FilesNum, level 0 had reached the "
                                    "number of files that starts a compaction")),
                 qPrintable(page.realNarration()));
        QVERIFY(page.modelNarration().contains(QStringLiteral("compacted #1, #2, #3")));
        // What is drawn is the run's: RocksDB's level-1 file and the model's two tables.
        QVERIFY(!page.realCanvas()->currentFrame().items.empty());
        // At one scale: both frame the same camera (the model's wider level 1 included) in
        // drawings of the same size, so a file is as large on both sides.
        QCOMPARE(page.realCanvas()->runCamera(), page.modelCanvas()->runCamera());
        QCOMPARE(page.realCanvas()->size(), page.modelCanvas()->size());
        // Write amplification as the run goes: a point per moment on each side, RocksDB's
        // growing with its flushes, the model's ending at its final ratio; the dotted line
        // follows the bar.
        QCustomPlot* amp = page.ampChart()->plot();
        QCOMPARE(amp->graph(0)->dataCount(), 5);
        QCOMPARE(amp->graph(1)->dataCount(), 5);
        QVERIFY(amp->graph(0)->data()->at(4)->value > amp->graph(0)->data()->at(0)->value);
        QVERIFY(amp->graph(1)->data()->at(4)->value > 0);
        QCOMPARE(page.ampChart()->markedOperation(), amp->graph(0)->data()->at(2)->key);
        page.realCanvas()->player()->seek(4);
        QCOMPARE(page.ampChart()->markedOperation(), amp->graph(0)->data()->at(4)->key);
        // The wheel over the chart scrolls the part of the page under the drawings (the chart
        // took it, and the comparison below stayed out of reach: a tester).
        QScrollArea* below = nullptr;
        for (QWidget* w = amp->parentWidget(); w && !below; w = w->parentWidget()) {
            below = qobject_cast<QScrollArea*>(w);
        }
        QVERIFY(below && below->verticalScrollBar()->maximum() > 0);
        const int before = below->verticalScrollBar()->value();
        const QPointF at(amp->width() / 2.0, amp->height() / 2.0);
        QWheelEvent wheel(at, amp->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(amp, &wheel);
        QVERIFY(below->verticalScrollBar()->value() > before);
    }

    // A screen reader hears each side's tree after the moment's sentence (the LSM diagram's
    // words: the memtable and each level's tables), and it changes with the moment drawn.
    void theDrawingsAreSummarisedForAScreenReader() {
        const auto described = [](QWidget* canvas) { // what a screen reader reads of a drawing
            return fg::test::accessibleText(canvas, QAccessible::Description);
        };
        LsmLabPage page;
        page.resize(1600, 1000);
        page.show();
        QVERIFY(runAndWait(page));
        page.realCanvas()->player()->seek(0);
        const QString first = described(page.realCanvas());
        page.realCanvas()->player()->seek(2); // the compaction
        const QString real = described(page.realCanvas());
        const QString model = described(page.modelCanvas());
        QVERIFY2(real.contains(QStringLiteral("LSM-tree: memtable ")) &&
                     real.contains(QStringLiteral("level 1: 1 table")),
                 qPrintable(real));
        QVERIFY2(model.contains(QStringLiteral("level 1: 2 tables")), qPrintable(model));
        QVERIFY2(first != real, qPrintable(first));
    }

    // File > Export: both trees side by side at the moment on screen, under their titles.
    void exportsBothSidesAtTheMomentOnScreen() {
        LsmLabPage page;
        QVERIFY(!page.exportable());
        QVERIFY(runAndWait(page));
        page.realCanvas()->player()->seek(2);
        const std::optional<fg::Exportable> e = page.exportable();
        QVERIFY(e);
        QCOMPARE(e->baseName, QStringLiteral("rocksdb-lab"));
        const fg::Theme theme = fg::Theme::light();
        const QImage image =
            fg::paintToImage(e->picture(theme), QSizeF(1600, 600), 1.0, theme.background);
        // Ink on both halves: RocksDB's tree on the left, the model's on the right.
        auto inked = [&](int x0, int x1) {
            int n = 0;
            for (int y = 0; y < image.height(); y += 3) {
                for (int x = x0; x < x1; x += 3) {
                    n += image.pixelColor(x, y) != theme.background;
                }
            }
            return n;
        };
        QVERIFY(inked(0, 800) > 200);
        QVERIFY(inked(800, 1600) > 200);
    }

    void anOfferedScenarioIsRun() {
        LsmLabPage page;
        nlohmann::json scenario = {{"engine", "lsm"},
                                   {"title", "four puts"},
                                   {"params", {{"memtable_entries", 2}}},
                                   {"ops", nlohmann::json::array()}};
        for (const char* k : {"a", "b", "c", "d"}) {
            scenario["ops"].push_back({{"op", "put"}, {"key", k}, {"value", "x"}});
        }
        // Offered again after an edit on the diagram: the same entry, now with the new ops.
        page.offerScenario(QStringLiteral("the LSM diagram's"), scenario);
        scenario["ops"].push_back({{"op", "put"}, {"key", "e"}, {"value", "x"}});
        page.offerScenario(QStringLiteral("the LSM diagram's"), scenario);
        QCOMPARE(page.findChild<QComboBox*>()->count(), 2); // the default and the diagram's
        QVERIFY(runAndWait(page));
        QCOMPARE(page.moments(), 3); // two flushes, and the last put
        QVERIFY(page.comparisonRows().contains(QStringLiteral("flushes: 2 / 2")));
    }

    // View > Zoom in and out: both drawings alike.
    void zoomMovesBothDrawings() {
        LsmLabPage page;
        QVERIFY(page.zoomPage(+1));
        QVERIFY(page.realCanvas()->zoom() > 1.0);
        QCOMPARE(page.modelCanvas()->zoom(), page.realCanvas()->zoom());
        page.zoomPage(0);
        QCOMPARE(page.realCanvas()->zoom(), 1.0);
        QCOMPARE(page.modelCanvas()->zoom(), 1.0);
    }

    void aScenarioOverTheBudgetIsRefused() {
        LsmLabPage page;
        nlohmann::json scenario = {{"engine", "lsm"},
                                   {"params", {{"memtable_entries", 1}}},
                                   {"ops", nlohmann::json::array()}};
        for (int i = 0; i < 501; ++i) {
            scenario["ops"].push_back({{"op", "put"}, {"key", std::to_string(i)}, {"value", "x"}});
        }
        page.offerScenario(QStringLiteral("too many flushes"), scenario);
        QVERIFY(!runAndWait(page));
        QVERIFY2(page.status().contains(QStringLiteral("500 flushes")), qPrintable(page.status()));
        QCOMPARE(page.moments(), 0);
    }
};

FG_TEST_MAIN(TestLsmLabPage)
#include "test_lsm_lab_page.moc"
