// A diagram's drawing before its chart (tester 47, D3 and D9): at the desk a chart that would
// leave the drawing's words smaller than the page's is hidden, and a link under the counters
// shows it again; on a slide, hiding the chart (C) gives the time-series drawing the room, which
// it grows into (its time axis shaped to the room, the lanes and their words larger).
#include "app/main_window.h"
#include "app/presentation/presentation.h"
#include "models/course/content_loader.h"
#include "tests/app/app_test_support.h"
#include "tests/app/window_test_support.h"
#include "tests/suite_main.h"
#include "widgets/canvas/diagram_canvas.h"
#include "widgets/diagrams/diagram_factory.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/diagrams/diagram_view.h"

#include <QFontInfo>
#include <QLabel>
#include <QSettings>
#include <QTabWidget>
#include <QTest>
#include <memory>
#include <qcustomplot.h>

namespace {

QLabel* chartHint(const fg::DiagramView& view) {
    for (QLabel* l : view.findChildren<QLabel*>()) {
        if (l->accessibleDescription() == QLatin1String("Chart hidden")) {
            return l;
        }
    }
    return nullptr;
}

} // namespace

class TestChartRoom : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { useOwnTestSettings("chart-room"); }
    void init() { QSettings().clear(); }
    // The next window takes the desktop's type and colours, not the Projector's.
    void cleanup() { desktop_.restore(); }

    // Tester 47 D3: a 1000x700 window in the Projector theme drew the time-series tiers in 7 px
    // letters over a chart that had more height than the drawing.
    void aChartThatCrampsTheDrawingGivesWayAtTheDesk() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.resize(1000, 700);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setThemeChoice(fg::ThemeChoice::Projector);
        w.openDiagram(QStringLiteral("downsample"));
        settle();
        auto* view = qobject_cast<fg::DiagramView*>(w.tabs()->currentWidget());
        QVERIFY(view && view->chart());
        fg::DiagramCanvas* canvas = view->panel()->canvas();
        canvas->player()->toEnd();
        settle();
        const int page = QFontInfo(canvas->font()).pixelSize();
        const qreal letters = medianLetters(*canvas);
        QVERIFY2(!view->chart()->isVisible(), qPrintable(QString::number(letters)));
        QVERIFY2(letters >= fg::DiagramView::kLeastDrawingType * page,
                 qPrintable(
                     QStringLiteral("%1 px letters beside %2 px of type").arg(letters).arg(page)));
        QLabel* hint = chartHint(*view);
        QVERIFY(hint && hint->isVisible());
        QVERIFY(hint->text().contains(QLatin1String("href")));
        // The link shows the chart, and it stays while the window keeps its size.
        emit hint->linkActivated(QStringLiteral("show"));
        settle();
        QVERIFY(view->chart()->isVisible());
        QVERIFY(hint->isVisible() && hint->text().contains(QLatin1String("hide")));
        QVERIFY2(medianLetters(*canvas) < letters,
                 qPrintable(QStringLiteral("%1 px with the chart, %2 px without it")
                                .arg(medianLetters(*canvas))
                                .arg(letters)));
        w.resize(1000, 701);
        settle();
        QVERIFY(view->chart()->isVisible());
        // Tester 48 D1: once shown, nothing hid it again. The same line does.
        emit hint->linkActivated(QStringLiteral("hide"));
        settle();
        QVERIFY(!view->chart()->isVisible());
        QVERIFY(hint->isVisible() && hint->text().contains(QLatin1String("show")));
        // A window with room for both shows both, in a new page of the same diagram.
        w.resize(1920, 1080);
        w.openDiagram(QStringLiteral("lsm"));
        settle();
        auto* lsm = qobject_cast<fg::DiagramView*>(w.tabs()->currentWidget());
        QVERIFY(lsm && lsm->chart());
        QVERIFY(lsm->chart()->isVisible());
        QVERIFY(!chartHint(*lsm)->isVisible());
    }

    // Tester 47 D9: on a 1920x1080 slide, C hid the time-series chart and the drawing stayed the
    // size it was (bound by its width), the freed room left blank.
    void hidingTheChartOnASlideGrowsTheTimeSeriesDrawing() {
        std::unique_ptr<QWidget> page(
            fg::createDiagramPage(QStringLiteral("downsample"), fg::Theme::projector(), nullptr));
        auto* desk = qobject_cast<fg::DiagramView*>(page.get());
        QVERIFY(desk);
        desk->resize(1920, 1080);
        desk->show();
        QVERIFY(QTest::qWaitForWindowExposed(desk));
        auto* slides =
            new fg::PresentationWindow(desk, QStringLiteral("downsample"), fg::Theme::projector());
        slides->resize(1920, 1080);
        slides->show();
        QVERIFY(QTest::qWaitForWindowExposed(slides));
        fg::DiagramView* view = slides->diagramView();
        QVERIFY(view);
        fg::Player* player = view->panel()->player();
        player->seek(player->stepCount() - 1);
        QTest::qWait(20);
        if (!view->chartShown()) {
            QTest::keyClick(slides, Qt::Key_C);
            QTest::qWait(20);
        }
        QVERIFY(view->chartShown());
        const qreal withChart = medianLetters(*view->panel()->canvas());
        QTest::keyClick(slides, Qt::Key_C);
        QTest::qWait(20);
        QVERIFY(!view->chartShown());
        const qreal alone = medianLetters(*view->panel()->canvas());
        QVERIFY2(alone > 1.15 * withChart,
                 qPrintable(QStringLiteral("%1 px with the chart, %2 px without it")
                                .arg(withChart)
                                .arg(alone)));
        // Still whole on the slide.
        const fg::DiagramCanvas* canvas = view->panel()->canvas();
        const QRectF drawn = canvas->transformAtRest().mapRect(canvas->currentFrame().bounds());
        QVERIFY2(QRectF(canvas->rect()).contains(drawn),
                 qPrintable(QStringLiteral("%1,%2 %3x%4 on %5x%6")
                                .arg(drawn.x())
                                .arg(drawn.y())
                                .arg(drawn.width())
                                .arg(drawn.height())
                                .arg(canvas->width())
                                .arg(canvas->height())));
        slides->close();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }

private:
    DesktopLook desktop_;
};

FG_TEST_MAIN(TestChartRoom)
#include "test_chart_room.moc"
