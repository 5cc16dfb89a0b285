// DiagramCanvas with a toy source: stepping back shows exactly the frame shown before (pixel for
// pixel), narration follows the step, and many steps leave no QObjects behind.
#include "tests/widgets/canvas/toy_source.h"
#include "widgets/canvas/diagram_canvas.h"

#include <QSignalSpy>
#include <QTest>

class TestCanvas : public QObject {
    Q_OBJECT
private slots:
    void stepBackShowsExactlyTheEarlierFrame() {
        ToySource source;
        fg::DiagramCanvas canvas;
        canvas.resize(640, 240);
        canvas.setSource(&source);
        std::vector<QImage> seen;
        for (int i = 0; i < source.stepCount(); ++i) {
            canvas.player()->stepForward();
            QTRY_COMPARE(canvas.player()->progress(), 1.0);
            seen.push_back(canvas.grabFrame(QSize(640, 240)));
        }
        for (int i = source.stepCount() - 1; i-- > 0;) {
            canvas.player()->stepBack();
            QCOMPARE(canvas.player()->position(), i);
            QCOMPARE(canvas.grabFrame(QSize(640, 240)), seen[static_cast<std::size_t>(i)]);
        }
    }

    void narrationFollowsTheStep() {
        ToySource source;
        fg::DiagramCanvas canvas;
        QSignalSpy spy(&canvas, &fg::DiagramCanvas::narrationChanged);
        canvas.setSource(&source);
        canvas.player()->seek(4);
        QCOMPARE(spy.last().at(0).toString(), QStringLiteral("Step 4 adds box 4."));
    }

    void manyStepsLeaveNoObjectsBehind() {
        ToySource source;
        fg::DiagramCanvas canvas;
        canvas.setSource(&source);
        const auto before = canvas.findChildren<QObject*>().size();
        for (int i = 0; i < 10000; ++i) {
            canvas.player()->seek(i % source.stepCount());
        }
        QCOMPARE(canvas.findChildren<QObject*>().size(), before);
    }
};

QTEST_MAIN(TestCanvas)
#include "test_canvas.moc"
