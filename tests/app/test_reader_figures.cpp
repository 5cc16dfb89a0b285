// The reader's figures at start: drawn once, at the view's width, on a worker thread while the
// window is laid out, and in place when the reader is first painted.
#include "app/main_window.h"
#include "app/reader/reader_view.h"
#include "models/course/content_loader.h"
#include "tests/app/app_test_support.h"
#include "tests/suite_main.h"
#include "widgets/diagrams/diagram_registry.h"

#include <QPixmap>
#include <QScrollBar>
#include <QSettings>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextImageFormat>
#include <QUrl>

namespace {

// The name of the first figure's image in `doc` (empty: none).
QString firstFigure(const QTextDocument* doc) {
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextImageFormat f = it.fragment().charFormat().toImageFormat();
            if (f.isValid() && f.name().startsWith(QLatin1String("figure:"))) {
                return f.name();
            }
        }
    }
    return {};
}

QPixmap imageOf(const QTextDocument* doc, const QString& name) {
    return doc->resource(QTextDocument::ImageResource, QUrl(name)).value<QPixmap>();
}

} // namespace

class TestReaderFigures : public QObject {
    Q_OBJECT

private slots:
    // Shown for the first time, the reader's first figure is drawn once: the picture painted
    // first is the one kept (it was drawn hidden at 320 pixels, painted so, and drawn again at
    // the view's width 120 ms later), and it is the picture the reader draws on its own thread
    // (the worker lays the figure out afresh: the same picture, pixel for pixel).
    void theFirstFigureIsPaintedOnceAtTheViewsWidth() {
        const fg::Course course = fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent);
        QVERIFY(!course.chapters.empty());
        fg::ReaderView reader;
        reader.setCourse(&course);
        reader.resize(1200, 800);
        reader.showChapter(0, {});
        const QString name = firstFigure(reader.document());
        QVERIFY2(!name.isEmpty(), "the first chapter has a figure");
        QVERIFY(imageOf(reader.document(), name).isNull()); // not drawn while hidden
        reader.show();
        QVERIFY(QTest::qWaitForWindowExposed(&reader));
        const QPixmap painted = imageOf(reader.document(), name);
        QVERIFY(!painted.isNull());
        // Not the stand-in the text is laid out around: a picture, in more than one colour.
        const QImage pixels = painted.toImage();
        QImage blank(pixels.size(), pixels.format());
        blank.fill(pixels.pixel(0, 0));
        QVERIFY(pixels != blank);
        QTest::qWait(400); // past the reader's settling of a resize (120 ms)
        QCOMPARE(imageOf(reader.document(), name).cacheKey(), painted.cacheKey());

        // Marked by a search and unmarked: drawn again on this thread, at the same width.
        QVERIFY(reader.highlight(QStringLiteral("real-world scenarios"), {}) > 0);
        QVERIFY(imageOf(reader.document(), name).cacheKey() != painted.cacheKey());
        reader.clearHighlights();
        const QPixmap here = imageOf(reader.document(), name);
        QVERIFY(here.cacheKey() != painted.cacheKey());
        QCOMPARE(here.size(), painted.size());
        QCOMPARE(here.toImage(), painted.toImage());
    }

    // Where the window will give the reader room for its whole column, the figures are laid out
    // and drawn on workers while the window is made, at the column's width, and kept when it
    // shows: the UI thread laid each out again there for its size (a seventh of the start-up's
    // work on that thread, callgrind), and the first paint waited for the workers. The picture
    // is the one a reader drawing at that width makes. Without the room (a small window), no
    // figure is drawn before the window's width is known.
    void whereTheColumnFitsTheFiguresAreDrawnWhileTheWindowIsMade() {
        const fg::Course course = fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent);
        fg::ReaderView reader;
        reader.waitForWindow();
        reader.expectRoom(1400);
        reader.setCourse(&course);
        reader.showChapter(0, {});
        const int early = reader.figureDrawsStarted();
        QVERIFY(early > 0);
        reader.resize(1400, 800);
        reader.show();
        reader.windowShown();
        QVERIFY(QTest::qWaitForWindowExposed(&reader));
        QCOMPARE(reader.figureDrawsStarted(), early);
        QCOMPARE(reader.figuresLaidOutHere(), 0);
        const QString name = firstFigure(reader.document());
        const QPixmap kept = imageOf(reader.document(), name);
        QVERIFY(!kept.isNull());

        fg::ReaderView there; // drawn at the width once shown, as before
        there.setCourse(&course);
        there.resize(1400, 800);
        there.showChapter(0, {});
        there.show();
        QVERIFY(QTest::qWaitForWindowExposed(&there));
        const QPixmap drawn = imageOf(there.document(), name);
        QCOMPARE(kept.size(), drawn.size());
        QCOMPARE(kept.toImage(), drawn.toImage());

        fg::ReaderView small;
        small.waitForWindow();
        small.expectRoom(500);
        small.setCourse(&course);
        small.showChapter(0, {});
        QCOMPARE(small.figureDrawsStarted(), 0);
    }

    // In a small window the figures are started on workers as the window shows, at the width
    // the view will have once the text is laid out (its scroll bar foreseen), and laid out
    // there while the text is laid out here: this thread laid each out again for its size.
    void inASmallWindowTheFiguresAreLaidOutBesideTheText() {
        const fg::Course course = fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent);
        fg::ReaderView reader;
        reader.waitForWindow();
        reader.expectRoom(700);
        reader.setCourse(&course);
        reader.showChapter(0, {});
        QCOMPARE(reader.figureDrawsStarted(), 0);
        reader.resize(700, 500);
        reader.show();
        reader.windowShown();
        QVERIFY(QTest::qWaitForWindowExposed(&reader));
        QVERIFY(reader.verticalScrollBar()->isVisible());
        QVERIFY(reader.figureDrawsStarted() > 0);
        QCOMPARE(reader.figuresLaidOutHere(), 0);
        const QString name = firstFigure(reader.document());
        const QPixmap kept = imageOf(reader.document(), name);

        fg::ReaderView there; // drawn at the width once shown, as before
        there.setCourse(&course);
        there.resize(700, 500);
        there.showChapter(0, {});
        there.show();
        QVERIFY(QTest::qWaitForWindowExposed(&there));
        QCOMPARE(kept.toImage(), imageOf(there.document(), name).toImage());
    }

    // In the window, the tabs and the splitter set the reader's width after the reader's own
    // show (242 px, then 482 in an 800x600 window, with the chapter list's width the student
    // chose): the figures are drawn once, at the width
    // the reader ends with, before the first paint. They were drawn at the first width, painted
    // so, and drawn again in full on the UI thread 120 ms after the first paint.
    void inTheWindowTheFigureIsDrawnOnceAtTheReadersFinalWidth() {
        useOwnTestSettings("reader-figures");
        QSettings().clear();
        QSettings().setValue(QStringLiteral("window/sidebar"), 300); // the chapter list's width
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.resize(1600, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QTextDocument* doc = w.reader()->document();
        const QString name = firstFigure(doc);
        QVERIFY2(!name.isEmpty(), "the first chapter has a figure");
        const QPixmap painted = imageOf(doc, name);
        QVERIFY(!painted.isNull());
        QTest::qWait(400); // past the reader's settling of a resize (120 ms)
        QCOMPARE(imageOf(doc, name).cacheKey(), painted.cacheKey());
    }
};

FG_TEST_MAIN(TestReaderFigures)
#include "test_reader_figures.moc"
