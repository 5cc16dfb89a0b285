// DiagramCanvas with a toy source: stepping back shows exactly the frame shown before (pixel for
// pixel), narration follows the step, and many steps leave no QObjects behind.
#include "tests/suite_main.h"
#include "tests/widgets/canvas/toy_source.h"
#include "widgets/canvas/diagram_canvas.h"

#include <QSignalSpy>
#include <QTest>
#include <optional>

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

// A run that holds its place and grows: step i draws a bar i/100 units longer.
class GrowingRun : public fg::DiagramSource {
public:
    explicit GrowingRun(int steps) : steps_(steps) {}
    int stepCount() const override { return steps_; }
    fg::Frame frame(int position, const fg::Theme&) const override {
        ++laidOut;
        fg::Frame f;
        fg::FrameItem it;
        it.id = QStringLiteral("bar");
        it.rect = QRectF(0, 0, 100 + (position + 1) / 100.0, 40);
        f.items.push_back(it);
        f.size = it.rect.size();
        return f;
    }
    QString narration(int) const override { return {}; }
    bool holdsItsPlace() const override { return true; }
    mutable int laidOut = 0;

private:
    int steps_;
};

// A drawing that grows and moves (as a B-Tree does): step i draws i + 1 boxes side by side,
// each with a small label; it does not hold its place. At the last step it shrinks back to one.
class Spreading : public fg::DiagramSource {
public:
    int stepCount() const override { return 12; }
    fg::Frame frame(int position, const fg::Theme&) const override {
        fg::Frame f;
        const int boxes = position == stepCount() - 1 ? 1 : position + 2;
        for (int i = 0; i < boxes; ++i) {
            fg::FrameItem it;
            it.id = QStringLiteral("box%1").arg(i);
            it.rect = QRectF(60.0 * i, 0, 50, 30);
            it.text = QString::number(i);
            it.fontPx = 4; // small letters: the room, not the letters' cap, limits the scale
            f.items.push_back(it);
        }
        f.size = QSizeF(60.0 * boxes - 10, 30);
        return f;
    }
    QString narration(int) const override { return {}; }
};

// One small box with a label `fontPx` units high.
class OneLabel : public fg::DiagramSource {
public:
    int stepCount() const override { return 1; }
    fg::Frame frame(int, const fg::Theme& theme) const override {
        fg::Frame f;
        fg::FrameItem it;
        it.id = QStringLiteral("label");
        it.rect = QRectF(0, 0, 100, 40);
        it.text = QStringLiteral("key");
        it.fontPx = 10 * theme.fontScale;
        f.items.push_back(it);
        f.size = QSizeF(100, 40);
        return f;
    }
    QString narration(int) const override { return {}; }
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
        canvas.setSlideFraming(true, 60);
        canvas.grabFrame(QSize(640, 240));
        QVERIFY2(huge.laidOut < 100, qPrintable(QString::number(huge.laidOut)));
        canvas.setSource(nullptr);
    }

    // Two drawings side by side (a Lab page's real system and its model) at one scale: a
    // tester saw one side larger than the other. Partners frame the union of both cameras, so
    // the same box is as large on both sides; without a partner each fits its own run.
    void partnersDrawAtOneScale() {
        GrowingRun narrow(10), wide(2000);
        fg::DiagramCanvas left, right;
        left.resize(640, 300);
        right.resize(640, 300);
        left.setSource(&narrow);
        right.setSource(&wide);
        const QRectF alone = left.runCamera();
        QVERIFY(alone.width() < right.runCamera().width());
        left.setCameraPartner(&right);
        right.setCameraPartner(&left);
        QCOMPARE(left.runCamera(), right.runCamera());
        QVERIFY(left.runCamera().width() > alone.width());
        left.player()->seek(0);
        right.player()->seek(0);
        QVERIFY(qFuzzyCompare(left.transformOnScreen().m11(), right.transformOnScreen().m11()));
        left.setCameraPartner(nullptr);
        QCOMPARE(left.runCamera(), alone);
    }

    void aHugeRunKeepsOneCamera() {
        // Past kRunCameraSteps each step was fitted by itself: a huge LSM run moved and changed
        // size between steps at the desk. The camera is now the union of a sample of the run
        // (bounded work), so every step is drawn at one scale and place.
        GrowingRun huge(fg::DiagramCanvas::kRunCameraSteps * 3);
        fg::DiagramCanvas canvas;
        canvas.resize(800, 300);
        canvas.setSource(&huge);
        QVERIFY(!canvas.runCamera().isEmpty());
        std::optional<QTransform> first;
        for (const int pos : {0, huge.stepCount() / 3, huge.stepCount() - 1}) {
            canvas.player()->seek(pos);
            const QTransform t = canvas.transformOnScreen();
            if (!first) {
                first = t;
            }
            QVERIFY2(qFuzzyCompare(t.m11(), first->m11()) && qFuzzyCompare(t.dx(), first->dx()),
                     qPrintable(QStringLiteral("step %1: scale %2, first %3")
                                    .arg(pos)
                                    .arg(t.m11())
                                    .arg(first->m11())));
            // And the step is whole in the widget.
            QVERIFY(QRectF(canvas.rect()).contains(canvas.itemRect(QStringLiteral("bar"))));
        }
        QVERIFY2(huge.laidOut < 100, qPrintable(QString::number(huge.laidOut)));
        canvas.setSource(nullptr);
    }

    void oneLargestReadableScaleForTheDeskAndTheSlide() {
        // The desk capped a small drawing at 1.6x and a slide at a scale the presentation
        // computed from the last frame's fonts; both now cap the largest letters on screen:
        // 24 px at the desk (times the theme's type scale: the projector's are larger) and the
        // slide's own size.
        OneLabel source;
        fg::DiagramCanvas canvas;
        canvas.resize(1000, 400);
        canvas.setSource(&source);
        const auto letters = [&] {
            return canvas.transformOnScreen().m11() *
                   source.frame(0, canvas.theme()).items[0].fontPx;
        };
        QVERIFY2(std::abs(letters() - 24) < 0.5, qPrintable(QString::number(letters())));
        canvas.setTheme(fg::Theme::projector());
        QVERIFY2(std::abs(letters() - 24 * 1.35) < 0.5, qPrintable(QString::number(letters())));
        canvas.setSlideFraming(true, 60);
        QVERIFY2(std::abs(letters() - 60) < 0.5, qPrintable(QString::number(letters())));
        canvas.setSlideFraming(false);
        QVERIFY2(std::abs(letters() - 24 * 1.35) < 0.5, qPrintable(QString::number(letters())));
        canvas.setSource(nullptr);
    }

    void aSlideFramesTheRunSoFar() {
        // A slide framed every step by the run's end: a B-Tree's first steps used 9% of the
        // slide (tester 47). Its camera is what the run has drawn so far: the first step fills
        // the slide, the view widens as the drawing grows and never narrows back (the last step's
        // single box stays at the scale the run had reached), and a step reached backwards is
        // framed exactly as when reached forwards.
        Spreading source;
        fg::DiagramCanvas canvas;
        canvas.resize(1200, 400);
        canvas.setSource(&source);
        canvas.setSlideFraming(true, 200);
        const int last = source.stepCount() - 1;
        QList<QTransform> forward;
        for (int pos = 0; pos <= last; ++pos) {
            canvas.player()->seek(pos);
            const QTransform t = canvas.transformAtRest();
            const QRectF drawn = t.mapRect(source.frame(pos, canvas.theme()).bounds());
            const QString where = QStringLiteral("step %1: drawn %2 wide, %3 high at scale %4")
                                      .arg(pos)
                                      .arg(drawn.width())
                                      .arg(drawn.height())
                                      .arg(t.m11());
            QVERIFY2(QRectF(canvas.rect()).contains(drawn), qPrintable(where));
            if (pos < last) {
                // Fills the slide across or down, less the margin.
                QVERIFY2(drawn.width() > 0.85 * canvas.width() ||
                             drawn.height() > 0.85 * canvas.height(),
                         qPrintable(where));
            }
            if (!forward.isEmpty()) {
                QVERIFY2(t.m11() <= forward.last().m11() + 1e-9, qPrintable(where));
            }
            forward << t;
        }
        QVERIFY(qFuzzyCompare(forward[last].m11(), forward[last - 1].m11()));
        // Halfway through a transition the scale is between the two steps'.
        canvas.player()->seek(2);
        canvas.player()->stepForward();
        QTRY_VERIFY(canvas.player()->progress() > 0.3 && canvas.player()->progress() < 0.7);
        const qreal between = canvas.transformOnScreen().m11();
        QVERIFY2(between < forward[2].m11() && between > forward[3].m11(),
                 qPrintable(QStringLiteral("%1 between %2 and %3")
                                .arg(between)
                                .arg(forward[2].m11())
                                .arg(forward[3].m11())));
        for (int pos = last; pos >= 0; --pos) {
            canvas.player()->seek(pos);
            QCOMPARE(canvas.transformAtRest(), forward[pos]);
        }
        // The desk fits each step by itself, as before.
        canvas.setSlideFraming(false);
        canvas.player()->seek(last);
        QVERIFY(canvas.transformAtRest().m11() > forward[last].m11() * 2);
        canvas.setSource(nullptr);
    }

    void aFittedDrawingRefitsAndAZoomedOneKeepsItsSize() {
        // Resizing the window: a drawing the student has not zoomed fits the new size; a zoomed
        // one stays the size it was (its zoom was on top of the fit, which changed with it).
        ToySource source;
        fg::DiagramCanvas canvas;
        canvas.resize(400, 200);
        canvas.show();
        canvas.setSource(&source);
        canvas.player()->seek(source.stepCount() - 1);
        QVERIFY(canvas.fitted());
        const qreal small = canvas.transformOnScreen().m11();
        canvas.resize(800, 400);
        QCoreApplication::processEvents();
        const qreal large = canvas.transformOnScreen().m11();
        QVERIFY2(large > 1.6 * small,
                 qPrintable(QStringLiteral("%1 then %2").arg(small).arg(large)));
        canvas.zoomIn();
        QVERIFY(!canvas.fitted());
        const qreal zoomed = canvas.transformOnScreen().m11();
        canvas.resize(400, 200);
        QCoreApplication::processEvents();
        QVERIFY2(
            qFuzzyCompare(canvas.transformOnScreen().m11(), zoomed),
            qPrintable(
                QStringLiteral("%1 then %2").arg(zoomed).arg(canvas.transformOnScreen().m11())));
        canvas.fitToView();
        QVERIFY(canvas.fitted());
        QVERIFY(qFuzzyCompare(canvas.transformOnScreen().m11(), small));
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

FG_TEST_MAIN(TestCanvas)
#include "test_canvas.moc"
