// DiagramCanvas with a toy source: stepping back shows exactly the frame shown before (pixel for
// pixel), narration follows the step, and many steps leave no QObjects behind.
#include "tests/widgets/canvas/toy_source.h"
#include "widgets/canvas/diagram_canvas.h"

#include <QSignalSpy>
#include <QTest>

namespace {

// A run of `steps` steps that holds its place, counting the frames laid out.
class LongRun : public fg::DiagramSource {
public:
    explicit LongRun(int steps) : steps_(steps) {}
    int stepCount() const override { return steps_; }
    fg::Frame frame(int position, const fg::Theme&) const override {
        ++laidOut;
        fg::Frame f;
        f.size = QSizeF(200, 100);
        fg::FrameItem it;
        it.id = QStringLiteral("box");
        it.rect = QRectF(10 + (position % 7), 10, 50, 30);
        f.items.push_back(it);
        return f;
    }
    QString narration(int) const override { return {}; }
    bool holdsItsPlace() const override { return true; }
    mutable int laidOut = 0;

private:
    int steps_;
};

} // namespace

class TestCanvas : public QObject {
    Q_OBJECT
private slots:
    void theRunCameraDoesNotLayOutAHugeRun() {
        // The camera over a run laid out every frame on the UI thread: presenting the 100,000-key
        // B-Tree (304,051 steps) would have laid out 304,051 trees. Past kRunCameraSteps each
        // step is fitted by itself; below, the camera is still the union of the run.
        LongRun small(50), huge(fg::DiagramCanvas::kRunCameraSteps + 1);
        fg::DiagramCanvas canvas;
        canvas.resize(640, 240);
        canvas.setSource(&small);
        canvas.grabFrame(QSize(640, 240));
        QVERIFY(small.laidOut >= 51);
        QVERIFY(!canvas.runCamera().isEmpty());
        canvas.setSource(&huge);
        canvas.grabFrame(QSize(640, 240));
        canvas.setSlideFraming(true, 4.0);
        canvas.grabFrame(QSize(640, 240));
        QVERIFY2(huge.laidOut < 100, qPrintable(QString::number(huge.laidOut)));
        QVERIFY(canvas.runCamera().isEmpty());
        canvas.setSource(nullptr);
    }

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
