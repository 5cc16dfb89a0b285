// F5 on the reader: the slides' text is never smaller than the reader's. A teacher zoomed the
// reader in the Projector theme for the back of the room, and the slides came up in smaller type
// (their 30 px at 1080 lines against the reader's 34 px: a tester).
#include "app/app_theme.h"
#include "app/main_window.h"
#include "app/presentation/presentation.h"
#include "app/reader/reader_view.h"
#include "models/course/content_loader.h"
#include "tests/app/app_test_support.h"
#include "tests/suite_main.h"
#include "widgets/diagrams/diagram_registry.h"

#include <QApplication>
#include <QSettings>
#include <QTest>

class TestSlideType : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        useOwnTestSettings("slide-type");
        QSettings().clear();
    }
    void cleanup() { desktop_.restore(); }

    void theSlidesTypeIsNeverSmallerThanTheReaders() {
        fg::MainWindow window(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        window.setThemeChoice(fg::ThemeChoice::Projector);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        for (const int zoom : {0, 4}) {
            window.reader()->setZoom(zoom);
            window.startPresentation(false);
            QVERIFY(window.presentation());
            fg::PresentationWindow* slides = window.presentation();
            QVERIFY(QTest::qWaitForWindowExposed(slides));
            const qreal reader = window.reader()->bodyPx();
            QVERIFY2(
                slides->bodyPx() >= reader,
                qPrintable(QStringLiteral("%1 px under %2 px").arg(slides->bodyPx()).arg(reader)));
            QTest::keyClick(slides, Qt::Key_Escape);
            QTRY_VERIFY(!window.presentation());
        }
    }

private:
    const DesktopLook desktop_;
};

FG_TEST_MAIN(TestSlideType)
#include "test_slide_type.moc"
