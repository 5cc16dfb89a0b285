// Presentation mode with two screens (a laptop and a projector, simulated by the offscreen
// platform's screen configuration): the slides fill the second screen and the presenter's view
// stays on the first.
#include "app/presentation/presentation.h"
#include "models/course/content_loader.h"
#include "tests/suite_main.h"
#include "widgets/diagrams/diagram_registry.h"

#include <QGuiApplication>
#include <QScreen>
#include <QTest>

class TestPresentationScreens : public QObject {
    Q_OBJECT
private slots:
    void slidesGoToTheSecondScreen() {
        QCOMPARE(QGuiApplication::screens().size(), qsizetype(2));
        const fg::Course course = fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent);
        const fg::Chapter& ch = course.chapters.front();
        auto* w = new fg::PresentationWindow(ch, fg::Theme::projector());
        w->start();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        QCOMPARE(w->screen()->name(), QString("projector"));
        QCOMPARE(w->geometry(), QGuiApplication::screens().at(1)->geometry());
        QVERIFY(w->presenterView());
        QVERIFY(w->presenterView()->isVisible());
        QCOMPARE(w->presenterView()->screen()->name(), QString("laptop"));
        w->close();
    }
};

FG_TEST_MAIN(TestPresentationScreens)
#include "test_presentation_screens.moc"
