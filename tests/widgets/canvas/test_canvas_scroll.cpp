// A drawing is always whole on the screen: fitted, or larger than its area with scroll bars
// that reach every box (View > Zoom in on the Lab's drawings filled the area with their middles,
// the rest cut off: a tester). With readable type, its smallest words are never smaller than
// the canvas's font, and grow with it.
#include "tests/suite_main.h"
#include "tests/widgets/canvas/canvas_reach.h"
#include "tests/widgets/canvas/toy_source.h"
#include "widgets/canvas/diagram_canvas.h"

#include <QApplication>
#include <QFontInfo>
#include <QScrollBar>
#include <QTest>

namespace {

// A canvas of `size` showing the toy source's last step.
struct ToyCanvas {
    explicit ToyCanvas(QSize size) {
        canvas.resize(size);
        canvas.show();
        canvas.setSource(&source);
        canvas.player()->seek(source.stepCount() - 1);
    }
    ~ToyCanvas() { canvas.setSource(nullptr); }
    ToySource source;
    fg::DiagramCanvas canvas;
};

// Step i shows boxes 0..i, box i far to the right and below the one before, and marks it:
// every step changes one box, far from the others.
class SpreadSource : public fg::DiagramSource {
public:
    int stepCount() const override { return 4; }
    fg::Frame frame(int position, const fg::Theme& theme) const override {
        fg::Frame f;
        f.size = QSizeF(4 * 700, 4 * 450);
        for (int i = 0; i <= position; ++i) {
            fg::FrameItem it;
            it.id = QStringLiteral("box:%1").arg(i);
            it.rect = QRectF(20 + 700 * i, 20 + 450 * i, 120, 40);
            it.fill = i == position ? theme.categorical[1] : theme.background;
            it.stroke = theme.line;
            it.text = QStringLiteral("box %1").arg(i);
            it.textColor = theme.text;
            it.fontPx = 14;
            f.items.push_back(it);
        }
        return f;
    }
    QString narration(int position) const override {
        return QStringLiteral("Step %1.").arg(position);
    }
};

} // namespace

class TestCanvasScroll : public QObject {
    Q_OBJECT
private slots:
    void aZoomedDrawingScrollsToEveryBox() {
        ToyCanvas toy(QSize(400, 200));
        fg::DiagramCanvas& canvas = toy.canvas;
        QVERIFY(QTest::qWaitForWindowExposed(&canvas));
        QVERIFY(canvas_reach::boxesOutOfReach(canvas).isEmpty());
        QVERIFY(!canvas.horizontalScrollBar()->isVisible()); // fitted: no bars
        for (int step = 1; step <= 4; ++step) {
            canvas.zoomIn();
            QVERIFY2(canvas.horizontalScrollBar()->isVisible(), "zoomed past the width");
            const QStringList cut = canvas_reach::boxesOutOfReach(canvas);
            QVERIFY2(cut.isEmpty(), qPrintable(QStringLiteral("zoom step %1: %2 out of reach")
                                                   .arg(step)
                                                   .arg(cut.join(QStringLiteral(", ")))));
        }
        canvas.fitToView();
        QVERIFY(canvas.fitted());
        QVERIFY(!canvas.horizontalScrollBar()->isVisible());
        QVERIFY(!canvas.verticalScrollBar()->isVisible());
    }

    // A drag cannot take the drawing away: it stays within its reach.
    void aDragKeepsTheDrawingWithinReach() {
        ToyCanvas toy(QSize(400, 200));
        fg::DiagramCanvas& canvas = toy.canvas;
        canvas.zoomIn();
        canvas.zoomIn();
        canvas.panBy(QPointF(5000, 5000)); // as far right and down as a drag goes
        const QRectF first = canvas.itemRect(QStringLiteral("box:0"));
        QVERIFY2(first.left() >= 0 && first.top() >= 0,
                 qPrintable(QStringLiteral("%1,%2").arg(first.left()).arg(first.top())));
        canvas.panBy(QPointF(-5000, -5000));
        const QRectF last = canvas.itemRect(QStringLiteral("box:11"));
        QVERIFY2(last.right() <= canvas_reach::seenArea(canvas).right(),
                 qPrintable(QString::number(last.right())));
        QVERIFY(canvas_reach::boxesOutOfReach(canvas).isEmpty());
    }

    void readableTypeKeepsTheWordsAtTheFontsSize() {
        ToyCanvas toy(QSize(320, 200)); // fitted, the toy's words are 10 px high
        fg::DiagramCanvas& canvas = toy.canvas;
        const qreal fittedPx = 14 * canvas.transformOnScreen().m11();
        QVERIFY2(fittedPx < 12, qPrintable(QString::number(fittedPx)));
        canvas.setReadableType(true);
        for (const int px : {16, 24, 32}) {
            QFont f = canvas.font();
            f.setPixelSize(px);
            canvas.setFont(f); // View > Zoom in, F5, Projector: the page's type grows
            const qreal shown = 14 * canvas.transformOnScreen().m11();
            QVERIFY2(
                shown >= px - 0.01,
                qPrintable(QStringLiteral("%1 px words under a %2 px font").arg(shown).arg(px)));
            QVERIFY(canvas.horizontalScrollBar()->isVisible());
            const QStringList cut = canvas_reach::boxesOutOfReach(canvas);
            QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QStringLiteral(", "))));
        }
        // Readable, a drawing that is larger than its area starts where it is read from.
        canvas.horizontalScrollBar()->setValue(0);
        QVERIFY(canvas.itemRect(QStringLiteral("box:0")).left() >= 0);
    }

    // Room to spare, a drawing is held at its largest readable letters: with readable type that
    // size grows with the canvas's type (View > Zoom, F5), as the page's sentences do.
    void readableTypeGrowsAHeldDrawing() {
        ToyCanvas toy(QSize(1600, 1000)); // the toy is held at its largest letters
        fg::DiagramCanvas& canvas = toy.canvas;
        canvas.setReadableType(true);
        const qreal held = canvas.transformOnScreen().m11();
        QFont f = QApplication::font();
        f.setPixelSize(qRound(QFontInfo(f).pixelSize() * 1.5));
        canvas.setFont(f);
        const qreal grown = canvas.transformOnScreen().m11();
        QVERIFY2(grown > 1.4 * held, qPrintable(QStringLiteral("%1 then %2").arg(held).arg(grown)));
        QVERIFY(canvas_reach::boxesOutOfReach(canvas).isEmpty());
    }

    // Readable type, a drawing larger than its area scrolls at each step to what the step
    // changed, forward and back (a Lab drawing zoomed in F5: the change was off-screen, and the
    // teacher stepped on without seeing it: tester 37).
    // A drawing larger than its area scrolls to what each step changes, back and forth: a Lab
    // drawing in readable type, and (tester 42: zoomed in for the class to read, the view stayed
    // put while the narration spoke of boxes off screen) a live diagram zoomed in.
    void aStepScrollsToWhatItChanged_data() {
        QTest::addColumn<bool>("readable");
        QTest::newRow("readable type") << true;
        QTest::newRow("zoomed in") << false;
    }
    void aStepScrollsToWhatItChanged() {
        QFETCH(bool, readable);
        SpreadSource source;
        fg::DiagramCanvas canvas;
        if (readable) {
            canvas.resize(360, 240);
            canvas.setReadableType(true);
            QFont f = canvas.font();
            f.setPixelSize(16);
            canvas.setFont(f);
        } else {
            canvas.resize(720, 480);
        }
        canvas.show();
        QVERIFY(QTest::qWaitForWindowExposed(&canvas));
        canvas.setSource(&source);
        canvas.player()->seek(0);
        for (int i = 0; !readable && i < 6; ++i) {
            canvas.zoomIn();
        }
        QVERIFY(canvas.horizontalScrollBar()->isVisible());
        const QRectF area = QRectF(canvas.rect());
        for (const int step : {1, 2, 3, 2, 1, 0}) {
            canvas.player()->seek(step);
            const QRectF box = canvas.itemRect(QStringLiteral("box:%1").arg(step));
            QVERIFY2(area.contains(box), qPrintable(QStringLiteral("step %1: box at %2,%3")
                                                        .arg(step)
                                                        .arg(box.left())
                                                        .arg(box.top())));
        }
        canvas.setSource(nullptr);
    }

    // Readable type holds the words at the page's size and the drawing outgrows its area: Fit
    // shows it whole all the same (it changed nothing on the Lab pages: a tester), and the zoom
    // goes on from there both ways.
    void fitShowsAReadableDrawingWhole() {
        SpreadSource source;
        fg::DiagramCanvas canvas;
        canvas.resize(360, 240);
        canvas.setReadableType(true);
        canvas.show();
        QVERIFY(QTest::qWaitForWindowExposed(&canvas));
        canvas.setSource(&source);
        canvas.player()->seek(3);
        QVERIFY(canvas.horizontalScrollBar()->isVisible());
        canvas.fitWhole();
        const QRectF area = QRectF(canvas.rect());
        for (int i = 0; i <= 3; ++i) {
            const QRectF box = canvas.itemRect(QStringLiteral("box:%1").arg(i));
            QVERIFY2(area.contains(box),
                     qPrintable(
                         QStringLiteral("box %1 at %2,%3").arg(i).arg(box.left()).arg(box.top())));
        }
        QVERIFY(!canvas.horizontalScrollBar()->isVisible());
        const qreal fitted = canvas.transformOnScreen().m11();
        for (int step = 1; step <= 12; ++step) {
            const qreal before = canvas.transformOnScreen().m11();
            canvas.zoomIn();
            QVERIFY2(
                canvas.transformOnScreen().m11() > before,
                qPrintable(QStringLiteral("zoom in step %1 stayed at %2").arg(step).arg(before)));
        }
        canvas.fitWhole();
        QCOMPARE(canvas.transformOnScreen().m11(), fitted);
        // Fit holds as the area changes: the window made larger again, the drawing grows with
        // it (it kept the small size it was fitted at: tester 40), and smaller, it stays whole.
        for (const QSize size : {QSize(720, 480), QSize(240, 160), QSize(360, 240)}) {
            canvas.resize(size);
            QCoreApplication::processEvents();
            const qreal scale = canvas.transformOnScreen().m11();
            const qreal ratio = size.width() / 360.0; // the area's, and the drawing's about
            QVERIFY2(scale > fitted * ratio * 0.9 && scale < fitted * ratio * 1.25,
                     qPrintable(QStringLiteral("%1 at %2 px, %3 at 360 px")
                                    .arg(scale)
                                    .arg(size.width())
                                    .arg(fitted)));
            QVERIFY(!canvas.horizontalScrollBar()->isVisible());
            QVERIFY(!canvas.verticalScrollBar()->isVisible());
        }
        canvas.zoomIn();
        canvas.zoomOut(); // back where Fit put it, not to the readable words
        QVERIFY(qAbs(canvas.transformOnScreen().m11() - fitted) < 1e-6);
        canvas.fitToView(); // Reset zoom: back to the readable words
        QVERIFY(canvas.horizontalScrollBar()->isVisible());
        canvas.resize(720, 480);
        QCoreApplication::processEvents();
        QVERIFY(canvas.horizontalScrollBar()->isVisible()); // readable again, as the area changes
        canvas.setSource(nullptr);
    }

    // Readable type: a drawing that fits whole with its words a little under the font's size (at
    // least kLeastSqueeze of it) is shown whole; one that needs smaller words is shown at the
    // font's size and scrolls (at 1024x700 the Lab's maps scrolled for a pixel or two of type,
    // their nodes out of sight: tester 40).
    void aDrawingThatNearlyFitsIsShownWhole() {
        ToySource source;
        fg::DiagramCanvas canvas;
        canvas.setReadableType(true);
        QFont f = canvas.font();
        f.setPixelSize(16);
        canvas.setFont(f);
        canvas.resize(600, 300);
        canvas.show();
        QVERIFY(QTest::qWaitForWindowExposed(&canvas));
        canvas.setSource(&source);
        canvas.player()->seek(source.stepCount() - 1);
        int squeezed = 0;
        int scrolled = 0;
        for (int width = 600; width >= 240; width -= 8) {
            canvas.resize(width, 300);
            QCoreApplication::processEvents();
            const qreal shown = 14 * canvas.transformOnScreen().m11(); // the toy's 14-unit words
            const bool whole = !canvas.horizontalScrollBar()->isVisible();
            const QString at = QStringLiteral("%1 px words at %2 px wide").arg(shown).arg(width);
            if (shown < 16 - 0.01) {
                QVERIFY2(shown >= fg::DiagramCanvas::kLeastSqueeze * 16 - 0.01, qPrintable(at));
                QVERIFY2(whole, qPrintable(at));
                ++squeezed;
            } else if (!whole) {
                QVERIFY2(shown < 16 + 0.01, qPrintable(at)); // at the font's size, scrolling
                ++scrolled;
            }
            QVERIFY(canvas_reach::boxesOutOfReach(canvas).isEmpty());
        }
        QVERIFY2(squeezed > 0 && scrolled > 0,
                 qPrintable(QStringLiteral("%1 widths whole with smaller words, %2 scrolling")
                                .arg(squeezed)
                                .arg(scrolled)));
        canvas.setSource(nullptr);
    }
};

FG_TEST_MAIN(TestCanvasScroll)
#include "test_canvas_scroll.moc"
