// The reader's place and its search's hit in focus: a theme or a zoom leaves the line read where
// it was, with or without a search open (the view went back half a screen: tester 40), and the
// hit F3 is on is marked wherever it is, in a Note's box too (only its yellow showed there).
#include "app/main_window.h"
#include "app/reader/reader_view.h"
#include "app/reader/search_dock.h"
#include "models/course/content_loader.h"
#include "models/theme/theme.h"
#include "tests/app/app_test_support.h"
#include "tests/suite_main.h"
#include "widgets/diagrams/diagram_registry.h"

#include <QLineEdit>
#include <QScrollBar>
#include <QSettings>
#include <QTest>
#include <QTextCursor>

namespace reader_place {

void key(QWidget* w, int k, Qt::KeyboardModifiers m = Qt::NoModifier) {
    QTest::keyClick(w, static_cast<Qt::Key>(k), m);
}

// A position in the text and the height it is drawn at in the view.
struct Line {
    int position = 0;
    int y = 0;
};

Line topLine(fg::ReaderView* r) {
    const QTextCursor c = r->lineAtTop();
    return {c.position(), r->cursorRect(c).top()};
}

int yOf(fg::ReaderView* r, int position) {
    QTextCursor c(r->document());
    c.setPosition(position);
    return r->cursorRect(c).top();
}

// The main window on the shipped course at 1920x1080, shown, its search open on `query` (none:
// no search) with Enter pressed. Null when the window or the search did not come up.
QLineEdit* searchFor(fg::MainWindow& w, const QString& query) {
    w.resize(1920, 1080);
    w.show();
    if (!QTest::qWaitForWindowExposed(&w)) {
        return nullptr;
    }
    key(&w, Qt::Key_F, Qt::ControlModifier);
    auto* box = w.search()->findChild<QLineEdit*>();
    if (!box || !QTest::qWaitFor([box] { return box->hasFocus(); })) {
        return nullptr;
    }
    QTest::keyClicks(box, query);
    key(box, Qt::Key_Return);
    return box;
}

// How many of the view's pixels within `area` have the colour `c` (within a few levels).
int pixelsOf(const QImage& image, const QRect& area, const QColor& c) {
    int n = 0;
    const QRect r = area.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x) {
            const QColor p = image.pixelColor(x, y);
            n += std::abs(p.red() - c.red()) <= 6 && std::abs(p.green() - c.green()) <= 6 &&
                         std::abs(p.blue() - c.blue()) <= 6
                     ? 1
                     : 0;
        }
    }
    return n;
}

} // namespace reader_place

class TestReaderPlace : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { useOwnTestSettings("reader-place"); }
    void init() { QSettings().clear(); }

    void aThemeOrAZoomKeepsTheLineRead_data() {
        QTest::addColumn<bool>("search");
        QTest::newRow("reading") << false;
        QTest::newRow("a search open, F3 on its fourth hit") << true;
    }
    void aThemeOrAZoomKeepsTheLineRead() {
        QFETCH(bool, search);
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        fg::ReaderView* r = w.reader();
        if (search) {
            QVERIFY(reader_place::searchFor(w, QStringLiteral("quorum")));
            for (int i = 0; i < 3; ++i) {
                reader_place::key(&w, Qt::Key_F3);
            }
            QCOMPARE(r->currentHit(), 3);
        } else {
            w.resize(1920, 1080);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            const auto& sections = w.course().chapters[3].sections;
            QVERIFY(sections.size() >= 4);
            w.showSection(3, sections[2].id);
            QTest::qWait(300);
            r->verticalScrollBar()->setValue(r->verticalScrollBar()->value() + 170);
        }
        QTest::qWait(300);
        const int hit = r->currentHit();
        const reader_place::Line before = reader_place::topLine(r);
        const QString section = r->currentSection();
        const auto check = [&](const QString& what) {
            QTest::qWait(300); // the figures drawn again, the view's size settled
            const int y = reader_place::yOf(r, before.position);
            QVERIFY2(std::abs(y - before.y) <= 2,
                     qPrintable(QStringLiteral("after %1: the line read at %2 px, was at %3 px")
                                    .arg(what)
                                    .arg(y)
                                    .arg(before.y)));
            QCOMPARE(r->currentHit(), hit);
            QCOMPARE(r->currentSection(), section);
        };
        w.setThemeChoice(fg::ThemeChoice::Dark);
        check(QStringLiteral("Dark"));
        w.setThemeChoice(fg::ThemeChoice::Projector);
        check(QStringLiteral("Projector"));
        r->zoomPage(+1);
        check(QStringLiteral("a zoom in"));
        r->zoomPage(0);
        w.setThemeChoice(fg::ThemeChoice::Light);
        check(QStringLiteral("Light and no zoom"));
    }

    // The hit F3 is on is drawn in the accent (the selection's colours) in plain text and inside a
    // Note's box alike; the other hits are yellow.
    void theHitInFocusIsMarkedInANoteToo_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("presses"); // F3 presses after Enter
        QTest::newRow("quorum: hit 4, in a Note") << QStringLiteral("quorum") << 3;
        QTest::newRow("quorum: hit 6, in a quote") << QStringLiteral("quorum") << 5;
        QTest::newRow("pgbench: its one hit, in a Note") << QStringLiteral("pgbench") << 0;
        QTest::newRow("keyless: hit 1, in a paragraph") << QStringLiteral("keyless") << 0;
    }
    void theHitInFocusIsMarkedInANoteToo() {
        QFETCH(QString, query);
        QFETCH(int, presses);
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.setThemeChoice(fg::ThemeChoice::Light);
        QVERIFY(reader_place::searchFor(w, query));
        for (int i = 0; i < presses; ++i) {
            reader_place::key(&w, Qt::Key_F3);
        }
        QTest::qWait(300);
        fg::ReaderView* r = w.reader();
        QCOMPARE(r->currentHit(), presses);
        const QTextCursor hit = r->textCursor();
        QVERIFY(hit.hasSelection());
        QTextCursor start = hit;
        start.setPosition(hit.selectionStart());
        const QRect at = r->cursorRect(start).united(r->cursorRect(hit));
        QVERIFY2(r->viewport()->rect().contains(at),
                 qPrintable(QStringLiteral("%1,%2 %3x%4 in %5x%6")
                                .arg(at.x())
                                .arg(at.y())
                                .arg(at.width())
                                .arg(at.height())
                                .arg(r->viewport()->width())
                                .arg(r->viewport()->height())));
        const QImage shot = r->viewport()->grab().toImage();
        const QColor accent = fg::Theme::light().accent; // not the other hits' yellow
        QVERIFY(accent != fg::Theme::light().highlight);
        const int marked = reader_place::pixelsOf(shot, at, accent);
        QVERIFY2(marked > at.width() * at.height() / 3,
                 qPrintable(QStringLiteral("%1 of the hit's %2x%3 pixels in the accent")
                                .arg(marked)
                                .arg(at.width())
                                .arg(at.height())));
    }
};

FG_TEST_MAIN(TestReaderPlace)
#include "test_reader_place.moc"
