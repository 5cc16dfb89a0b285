// The desktop's type at 150% (CTest runs this with QT_SCALE_FACTOR=1.5 on one 1920x1080 screen:
// 1280x720 logical pixels): the first window is sized to the screen's room, inside it, and every
// live diagram's controls keep to two lines in it.
#include "tests/app/window_test_support.h"
#include "tests/suite_main.h"
#include "widgets/canvas/diagram_canvas.h"
#include "widgets/canvas/diagram_panel.h"
#include "widgets/diagrams/diagram_view.h"

#include <QGuiApplication>
#include <QScreen>
#include <QTabWidget>

class TestLargeText : public WindowSuite {
    Q_OBJECT
private slots:
    void initTestCase() {
        useOwnTestSettings("large-text");
        QVERIFY2(QGuiApplication::primaryScreen()->devicePixelRatio() > 1.4,
                 "run with QT_SCALE_FACTOR=1.5 (tests/app/CMakeLists.txt)");
    }
    void init() { QSettings().clear(); }
    void cleanup() { desktop_.restore(); }

    void theFirstWindowIsSizedToTheScreen() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        settle();
        const QRect room = w.screen()->availableGeometry();
        const QString sizes = QStringLiteral("a %1x%2 window in %3x%4")
                                  .arg(w.frameGeometry().width())
                                  .arg(w.frameGeometry().height())
                                  .arg(room.width())
                                  .arg(room.height());
        QVERIFY2(w.width() <= room.width() && w.height() <= room.height(), qPrintable(sizes));
        QVERIFY2(w.width() >= room.width() * 0.8 && w.height() >= room.height() * 0.8,
                 qPrintable(sizes));
    }

    void everyDiagramsControlsKeepToTwoLines() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QStringList problems;
        for (const auto& d : fg::liveDiagrams()) {
            w.openDiagram(d.id);
            settle();
            if (auto* view = qobject_cast<fg::DiagramView*>(w.tabs()->currentWidget());
                view && view->controlLines() > 2) {
                problems << QStringLiteral("%1: %2 lines").arg(d.id).arg(view->controlLines());
            }
        }
        QVERIFY2(w.width() <= w.screen()->availableGeometry().width(), "wider than the screen");
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    // On the screen at 150%, every box of a drawing is drawn whole: the painted area was taken
    // in logical pixels against a transform to device pixels, and boxes were cut at two thirds
    // of the drawing (a tester: Kafka's brokers B1 and B2 and the group tags). Read from the
    // screen itself: the middle of each box's right and bottom edges has its outline's colour.
    void everyBoxIsDrawnWholeOnTheScreen() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openDiagram(QStringLiteral("kafka"));
        settle();
        auto* view = qobject_cast<fg::DiagramView*>(w.tabs()->currentWidget());
        QVERIFY(view);
        fg::DiagramCanvas* canvas = view->panel()->canvas();
        canvas->player()->toEnd();
        settle();
        canvas->repaint();
        const qreal dpr = canvas->devicePixelRatioF();
        const QPointF at = canvas->mapToGlobal(QPoint(0, 0));
        // The screen as it is, in device pixels.
        const QImage shot = w.screen()->grabWindow(0).toImage();
        QCOMPARE(shot.size(), (QSizeF(w.screen()->geometry().size()) * dpr).toSize());
        QVERIFY(!shot.isNull());

        const QTransform t = canvas->transformOnScreen();
        int boxes = 0;
        QStringList cut;
        for (const fg::FrameItem& it : canvas->currentFrame().items) {
            if (it.kind != fg::FrameItem::Kind::Box || !it.stroke.isValid() ||
                it.strokeWidth < 1.5) {
                continue;
            }
            const QRectF r = t.mapRect(it.rect);
            if (!QRectF(canvas->rect()).contains(r)) {
                continue;
            }
            ++boxes;
            for (const QPointF& edge :
                 {QPointF(r.right(), r.center().y()), QPointF(r.center().x(), r.bottom())}) {
                bool found = false; // the outline within a few pixels of where it should be
                const QPoint p = ((at + edge) * dpr).toPoint();
                for (int d = -4; d <= 4 && !found; ++d) {
                    const QColor c =
                        shot.pixelColor(p + (edge.x() == r.right() ? QPoint(d, 0) : QPoint(0, d)));
                    found = std::abs(c.red() - it.stroke.red()) < 40 &&
                            std::abs(c.green() - it.stroke.green()) < 40 &&
                            std::abs(c.blue() - it.stroke.blue()) < 40;
                }
                if (!found) {

                    cut << it.id;
                    break;
                }
            }
        }
        QVERIFY(boxes >= 8);
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QStringLiteral(", "))));
    }
};

FG_TEST_MAIN(TestLargeText)
#include "test_large_text.moc"
