// The reader's links with the keyboard (issue 19): the link Tab reaches is marked as strongly as
// the focus is elsewhere in the app (a filled mark at least 3:1 on the page, in every theme; Qt's
// 1-pixel dotted box was barely seen in Dark, not at all on a projector), it is scrolled well
// into view (not onto the last line), and Shift+Tab goes back link by link, then out of the
// reader.
#include "app/reader/reader_view.h"
#include "models/course/content_loader.h"
#include "tests/suite_main.h"
#include "tests/widgets/accessibility_test_support.h"
#include "widgets/diagrams/diagram_registry.h"

#include <QApplication>
#include <QPushButton>
#include <QScrollBar>
#include <QTest>
#include <QTextBlock>
#include <QVBoxLayout>

namespace reader_links {

int linksIn(const QTextDocument* doc) {
    int n = 0;
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            n += it.fragment().charFormat().isAnchor() ? 1 : 0;
        }
    }
    return n;
}

// The focused link's place in the view (its selection's first and last letters).
QRect linkRect(fg::ReaderView& r) {
    QTextCursor start = r.textCursor();
    start.setPosition(r.textCursor().selectionStart());
    QTextCursor end = r.textCursor();
    end.setPosition(r.textCursor().selectionEnd());
    return r.cursorRect(start).united(r.cursorRect(end));
}

// A window of a button ("before": where Shift+Tab leaves the reader to) over a reader of
// `course` in `theme`, 900 x 520, shown.
struct ReaderWindow {
    QWidget window;
    QPushButton* before = new QPushButton(QStringLiteral("before"), &window);
    fg::ReaderView* reader = new fg::ReaderView(&window);

    ReaderWindow(const fg::Course& course, const fg::Theme& theme) {
        auto* column = new QVBoxLayout(&window);
        column->addWidget(before);
        column->addWidget(reader);
        window.resize(900, 520);
        reader->setCourse(&course);
        reader->setTheme(theme);
        window.show();
    }

    // Shows the chapter with the most links, drawn at the view's width; how many it has.
    int showMostLinks(const fg::Course& course) {
        int chapter = 0, most = 0;
        for (int i = 0; i < int(course.chapters.size()); ++i) {
            reader->showChapter(i);
            if (const int n = linksIn(reader->document()); n > most) {
                most = n;
                chapter = i;
            }
        }
        reader->showChapter(chapter);
        QTest::qWait(200); // the figures drawn at the view's width
        return most;
    }
};

} // namespace reader_links

class TestReaderLinks : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { course_ = fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent); }

    void theFocusedLinkIsMarkedInViewAndShiftTabGoesBack_data() {
        QTest::addColumn<int>("theme");
        QTest::newRow("light") << 0;
        QTest::newRow("dark") << 1;
        QTest::newRow("projector") << 2;
    }

    void theFocusedLinkIsMarkedInViewAndShiftTabGoesBack() {
        QFETCH(int, theme);
        const fg::Theme t = theme == 0   ? fg::Theme::light()
                            : theme == 1 ? fg::Theme::dark()
                                         : fg::Theme::projector();
        reader_links::ReaderWindow shown(course_, t);
        FG_ACTIVATE_OR_SKIP(&shown.window);
        fg::ReaderView* reader = shown.reader;
        QPushButton* before = shown.before;
        const int most = shown.showMostLinks(course_);
        QVERIFY2(most >= 4, qPrintable(QString::number(most)));
        reader->setFocus(Qt::TabFocusReason);
        std::vector<int> starts;
        int painted = 0; // links whose mark was looked at on screen
        const int height = reader->viewport()->height();
        for (int i = 0; i < std::min(most, 8); ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QCOMPARE(QApplication::focusWidget(), reader);
            QVERIFY(!reader->focusedLink().isEmpty());
            starts.push_back(reader->textCursor().selectionStart());
            // Marked in the app's focus colours, standing out on the page.
            const auto mark = reader->focusedLinkSelection();
            QVERIFY(mark);
            QCOMPARE(mark->cursor.selectionStart(), starts.back());
            const QColor fill = mark->format.background().color();
            QVERIFY2(fg::contrastRatio(fill, t.background) >= 3.0,
                     qPrintable(QString::number(fg::contrastRatio(fill, t.background))));
            QVERIFY(fg::contrastRatio(mark->format.foreground().color(), fill) >= 4.5);
            // Well in view: neither on the last lines nor on the first.
            const QRect at = reader_links::linkRect(*reader);
            QVERIFY2(at.top() >= height / 5 && at.bottom() <= height - height / 5,
                     qPrintable(QStringLiteral("link %1 at %2..%3 of %4")
                                    .arg(i)
                                    .arg(at.top())
                                    .arg(at.bottom())
                                    .arg(height)));
            // Really painted so (a link on one line: its rectangle is the mark's).
            QTextCursor first = reader->textCursor(), last = reader->textCursor();
            first.setPosition(first.selectionStart());
            last.setPosition(last.selectionEnd());
            if (reader->cursorRect(first).top() == reader->cursorRect(last).top()) {
                const QImage shot = reader->viewport()->grab().toImage();
                int filled = 0;
                const QRect inside = at.adjusted(2, 2, -2, -2).intersected(shot.rect());
                for (int y = inside.top(); y <= inside.bottom(); ++y) {
                    for (int x = inside.left(); x <= inside.right(); ++x) {
                        filled += fg::contrastRatio(shot.pixelColor(x, y), fill) < 1.1 ? 1 : 0;
                    }
                }
                QVERIFY2(filled * 2 > inside.width() * inside.height(),
                         qPrintable(QStringLiteral("%1 of %2")
                                        .arg(filled)
                                        .arg(inside.width() * inside.height())));
                ++painted;
            }
        }
        QVERIFY(painted > 0);
        QVERIFY(std::is_sorted(starts.begin(), starts.end()));
        // Back link by link, each marked, then out of the reader.
        for (int i = int(starts.size()) - 2; i >= 0; --i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
            QCOMPARE(QApplication::focusWidget(), reader);
            QCOMPARE(reader->textCursor().selectionStart(), starts[std::size_t(i)]);
            QVERIFY(reader->focusedLinkSelection());
        }
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
        QCOMPARE(QApplication::focusWidget(), before);
        QVERIFY(!reader->focusedLinkSelection()); // no mark left behind
    }

    // Tester 36 #8: with the focus in the reader at a reading position (no link focused),
    // Shift+Tab jumped to the chapter's last link, far down, and the view with it. From a
    // reading position the keys take the links in view, and the page does not move: Tab the
    // first in view, Shift+Tab the last in view above the text cursor (a click put it there);
    // with none above in view, Shift+Tab leaves the reader.
    void fromAReadingPositionTabTakesTheLinksInView() {
        reader_links::ReaderWindow shown(course_, fg::Theme::light());
        FG_ACTIVATE_OR_SKIP(&shown.window);
        fg::ReaderView* reader = shown.reader;
        QPushButton* before = shown.before;
        QVERIFY(shown.showMostLinks(course_) >= 2);
        // The view scrolled to the chapter's last link, a third down: links above it, out of
        // view, and the last link of the chapter in view.
        reader->setFocus(Qt::TabFocusReason);
        QTest::keyClick(reader, Qt::Key_End); // nothing focused: End scrolls to the end
        QScrollBar* bar = reader->verticalScrollBar();
        const int end = bar->value();
        QVERIFY(end > 0);
        const int height = reader->viewport()->height();
        const auto inView = [&] {
            const QRect r = reader_links::linkRect(*reader);
            return r.top() >= 0 && r.bottom() <= height;
        };
        // Tab: a link in view, the page where it was.
        QTest::keyClick(reader, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), reader);
        QVERIFY(!reader->focusedLink().isEmpty());
        QVERIFY(inView());
        QCOMPARE(bar->value(), end);
        // A click's text cursor under that link: Shift+Tab goes to the last link above it in
        // view (that one), the page still.
        const int tabbed = reader->textCursor().selectionStart();
        QTextCursor below = reader->cursorForPosition(
            QPoint(reader->viewport()->width() / 2, reader_links::linkRect(*reader).bottom() + 4));
        QVERIFY(below.position() > reader->textCursor().selectionEnd());
        reader->setTextCursor(below);
        QCOMPARE(bar->value(), end);
        QTest::keyClick(reader, Qt::Key_Backtab);
        QCOMPARE(QApplication::focusWidget(), reader);
        QCOMPARE(reader->textCursor().selectionStart(), tabbed);
        QCOMPARE(bar->value(), end);
        // No cursor in view (at the chapter's start): the reading position is the view's top,
        // no link is above it in view, and Shift+Tab leaves the reader where it is.
        QTextCursor top(reader->document());
        reader->setTextCursor(top);
        bar->setValue(end);
        QTest::keyClick(reader, Qt::Key_Backtab);
        QCOMPARE(QApplication::focusWidget(), before);
        QCOMPARE(bar->value(), end);
        QVERIFY(!reader->focusedLinkSelection());
    }

private:
    fg::Course course_;
};

FG_TEST_MAIN(TestReaderLinks)
#include "test_reader_links.moc"
