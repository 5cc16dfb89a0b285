// Issue 13's clipping check for the five live diagrams, on their default scenarios at the first,
// a middle and the last step, in every theme:
// - every text of every frame fits the box it is drawn in (the font paintFrame draws it with, its
//   metrics against the room paintFrame leaves), and lies inside the drawing;
// - no text is covered by what is drawn after it (a box with a fill, a line, another text): the
//   Redis slot marker hid the range's label ("5461" read "?461");
// - no line runs behind a box it does not start or end at (Kafka's assignment lines ran behind
//   the partition boxes: nobody could see who reads which partition);
// and, at 1280x800 and 1920x1080, for the charts under the diagrams: no legend covers a plotted
// point, the highest and the last points keep off the frame, and the vertical axis title fits.
#include "tests/suite_main.h"
#include "tests/widgets/diagrams/chart_faults.h"
#include "tests/widgets/diagrams/diagram_test_support.h"
#include "tests/widgets/diagrams/frame_faults.h"
#include "widgets/canvas/diagram_canvas.h"
#include "widgets/canvas/frame.h"
#include "widgets/diagrams/diagram_view.h"

#include <QFontMetricsF>
#include <QTest>
#include <functional>
#include <memory>
#include <qcustomplot.h>

namespace {

const std::vector<fg::Theme>& themes() {
    static const std::vector<fg::Theme> all{fg::Theme::light(), fg::Theme::dark(),
                                            fg::Theme::projector()};
    return all;
}

} // namespace

class TestDiagramClipping : public QObject {
    Q_OBJECT
private slots:
    void everyTextFitsAndNothingHidesIt_data() { addDiagramViews(); }
    void everyTextFitsAndNothingHidesIt() {
        QFETCH(ViewFactory, make);
        auto view = make();
        const QStringList faults = frameFaultsOf(*view, themes());
        QVERIFY2(faults.isEmpty(), qPrintable(faults.mid(0, 12).join(QLatin1Char('\n'))));
    }

    void chartsKeepLegendsOffTheDataAndPointsOffTheFrame_data() { addDiagramViews(); }
    void chartsKeepLegendsOffTheDataAndPointsOffTheFrame() {
        QFETCH(ViewFactory, make);
        auto view = make();
        QCustomPlot* chart = view->chart();
        if (!chart) {
            QSKIP("this diagram has no chart");
        }
        const QStringList faults = chartFaultsOf(*view, themes());
        QVERIFY2(faults.isEmpty(), qPrintable(faults.mid(0, 12).join(QLatin1Char('\n'))));
    }

    void everyPresetIsReadableOnTheDesk_data() { addDiagramViews(); }
    void everyPresetIsReadableOnTheDesk() {
        // A tester's "Write amplification: 200 writes" preset: the LSM-tree fitted to its widest
        // level (14 tables in a row) drew its labels 4-5 pixels high. Every preset, at its first, a
        // middle and its last step, fitted on the page of a 1280x800 window (no zoom), draws every
        // text at least kMinPx pixels high. FG_SAVE_SHOTS=<dir> saves each preset's last step.
        constexpr qreal kMinPx = 8.0;
        QFETCH(ViewFactory, make);
        auto view = make();
        view->resize(QSize(1280, 800) - QSize(240, 80));
        view->show();
        fg::DiagramCanvas* canvas = view->panel()->canvas();
        QStringList faults;
        for (const fg::Theme& theme : themes()) {
            view->setTheme(theme);
            for (QAction* preset : view->presetActions()) {
                preset->trigger();
                for (int step : stepsOf(*view)) {
                    view->panel()->player()->seek(step);
                    QCoreApplication::processEvents();
                    const qreal scale = canvas->transformOnScreen().m11();
                    const fg::Frame frame = canvas->currentFrame();
                    qreal smallest = 1e9;
                    QString which;
                    for (const fg::FrameItem& it : frame.items) {
                        if (!it.text.isEmpty() && it.opacity >= 0.5 &&
                            it.fontPx * scale < smallest) {
                            smallest = it.fontPx * scale;
                            which = it.id;
                        }
                    }
                    qInfo("%s", qPrintable(QStringLiteral("%1 / %2 / step %3: %4 px (%5)")
                                               .arg(theme.name(), preset->text())
                                               .arg(step)
                                               .arg(smallest, 0, 'f', 1)
                                               .arg(which)));
                    if (const QString dir = qEnvironmentVariable("FG_SAVE_SHOTS");
                        !dir.isEmpty() && step == stepsOf(*view).back()) { // to look at
                        view->grab().save(QStringLiteral("%1/%2-%3-%4.png")
                                              .arg(dir,
                                                   QString::fromLatin1(QTest::currentDataTag()),
                                                   theme.name())
                                              .arg(view->presetActions().indexOf(preset)));
                    }
                    if (smallest < kMinPx) {
                        faults << QStringLiteral("%1, \"%2\", step %3: \"%4\" is %5 px high")
                                      .arg(theme.name(), preset->text())
                                      .arg(step)
                                      .arg(which)
                                      .arg(smallest, 0, 'f', 1);
                    }
                }
            }
        }
        QVERIFY2(faults.isEmpty(), qPrintable(faults.mid(0, 12).join(QLatin1Char('\n'))));
    }
};

FG_TEST_MAIN(TestDiagramClipping)
#include "test_diagram_clipping.moc"
