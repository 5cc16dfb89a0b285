// The reader's tables: each keeps its words whole at every width and theme (a grid where it can,
// a box a row where it cannot), and follows the reader's zoom as the text around it does.
#include "app/main_window.h"
#include "app/reader/reader_view.h"
#include "models/course/content_loader.h"
#include "tests/app/app_test_support.h"
#include "tests/suite_main.h"
#include "widgets/diagrams/diagram_registry.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QMap>
#include <QSettings>
#include <QTest>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextTable>

namespace {

// The tables of data laid out as grids (a header row over the others), not stacked.
int gridTables(QTextDocument& doc) {
    int n = 0;
    for (const QTextTable* t : tablesOf(doc)) {
        n += t->format().headerRowCount() == 1 ? 1 : 0;
    }
    return n;
}

// The size in pixels of the type of the first place `text` is in the reader (0 if it is not).
int pixelsOf(fg::ReaderView* r, const QString& text) {
    QTextDocument* d = r->document();
    const QTextCursor at = d->find(text);
    return at.isNull() ? 0 : at.charFormat().font().resolve(d->defaultFont()).pixelSize();
}

} // namespace

class TestReaderTables : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { useOwnTestSettings("reader-tables"); }
    void init() { QSettings().clear(); }
    void cleanup() { desktop_.restore(); }

    void tablesKeepTheirWordsWhole_data() {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("search");
        QTest::newRow("1920x1080") << QSize(1920, 1080) << false;
        QTest::newRow("1280x800") << QSize(1280, 800) << false; // "recommendatio|ns" (chapter 1)
        QTest::newRow("1920x1080, search") << QSize(1920, 1080) << true;
        QTest::newRow("1280x800, search") << QSize(1280, 800) << true;
    }
    void tablesKeepTheirWordsWhole() {
        QFETCH(QSize, size);
        QFETCH(bool, search);
        for (const fg::ThemeChoice choice : {fg::ThemeChoice::Light, fg::ThemeChoice::Projector}) {
            fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
            w.setThemeChoice(choice);
            w.resize(size);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            if (search) {
                QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
                QTest::qWait(50);
                QVERIFY(w.findChild<QDockWidget*>("searchDock")->isVisible());
                QVERIFY(w.tree()->isVisible());
            }
            fg::ReaderView* r = w.reader();
            QStringList broken;
            const int chapters = static_cast<int>(w.course().chapters.size());
            for (int c = 0; c < chapters; ++c) {
                r->showChapter(c);
                QCoreApplication::processEvents();
                for (const QString& word : wordsBrokenInTables(*r->document())) {
                    broken << QStringLiteral("%1, chapter %2: \"%3\"")
                                  .arg(fg::themeChoiceName(choice))
                                  .arg(c)
                                  .arg(word);
                }
                // With room, every table is a grid (one too wide for a column is stacked alone).
                int tables = 0;
                for (const auto& sec : w.course().chapters[std::size_t(c)].sections) {
                    for (const auto& b : sec.blocks) {
                        tables += b.value("type", std::string()) == "table" ? 1 : 0;
                    }
                }
                if (size.width() >= 1920 && gridTables(*r->document()) != tables) {
                    broken << QStringLiteral("%1, chapter %2: %3 of %4 tables stacked")
                                  .arg(fg::themeChoiceName(choice))
                                  .arg(c)
                                  .arg(tables - gridTables(*r->document()))
                                  .arg(tables);
                }
            }
            QVERIFY2(broken.isEmpty(), qPrintable(broken.mid(0, 10).join(QLatin1Char('\n'))));
        }
    }

    // Where a grid cannot keep its words whole even in smaller type (the Projector's type at
    // 1280x800 beside the chapter list and the search), each row is a box of its own, its cells
    // named by their columns; the grid is back when the search closes. The section read stays.
    void tablesStackOnlyWhereAGridWouldBreakWords() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.setThemeChoice(fg::ThemeChoice::Projector);
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const auto grids = [&] { return gridTables(*w.reader()->document()); };
        const auto& chapter = w.course().chapters[1];
        QString section;
        for (const auto& sec : chapter.sections) {
            for (const auto& b : sec.blocks) {
                if (section.isEmpty() && b.value("type", std::string()) == "table") {
                    section = sec.id;
                }
            }
        }
        QVERIFY(!section.isEmpty());
        w.showSection(1, section);
        QTest::qWait(300);
        QVERIFY(grids() > 0);
        QCOMPARE(w.reader()->currentSection(), section);
        const QString named = QStringLiteral("Examples: PostgreSQL");
        QVERIFY(!w.reader()->document()->toPlainText().contains(named));
        QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
        QTest::qWait(300);
        QCOMPARE(grids(), 0);
        QVERIFY(w.reader()->document()->toPlainText().contains(named));
        QCOMPARE(w.reader()->currentSection(), section);
        QTest::keyClick(w.search()->findChild<QLineEdit*>(), Qt::Key_Escape);
        QTest::qWait(300);
        QVERIFY(grids() > 0);
        QCOMPARE(w.reader()->currentSection(), section);
    }

    // A tester zoomed the reader in (Ctrl+=) at 1024x700: the paragraphs grew at each step, the
    // PostgreSQL/MySQL table kept its size for three steps (its type shrunk to keep its words
    // whole) and then turned into boxes; after Ctrl+0 it came back at a size that depended on
    // the zooms before. Each step makes the table's type larger, as a grid or as boxes where a
    // grid no longer keeps its words whole, and Ctrl+0 brings it back as it was.
    void zoomingInEnlargesTablesAtEachStep_data() {
        QTest::addColumn<fg::ThemeChoice>("theme");
        QTest::newRow("Light") << fg::ThemeChoice::Light;
        QTest::newRow("Dark") << fg::ThemeChoice::Dark;
        QTest::newRow("Projector") << fg::ThemeChoice::Projector;
    }
    void zoomingInEnlargesTablesAtEachStep() {
        QFETCH(fg::ThemeChoice, theme);
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.setThemeChoice(theme);
        w.resize(1024, 700);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.showSection(2, QStringLiteral("core-identity"));
        QTest::qWait(50);
        fg::ReaderView* r = w.reader();
        const QString cell = QStringLiteral("Process-per-connection"); // a cell, grid or box
        const auto look = [&] {
            return QStringLiteral("%1 px, %2 grids")
                .arg(pixelsOf(r, cell))
                .arg(gridTables(*r->document()));
        };
        const auto zoomKey = [&](Qt::Key k) {
            QTest::keyClick(&w, k, Qt::ControlModifier);
            QTest::qWait(20);
        };
        const QString first = look();
        QVERIFY2(pixelsOf(r, cell) > 0, qPrintable(first));
        QStringList seen{first};
        for (int step = 1; step <= 6; ++step) {
            const int before = pixelsOf(r, cell);
            zoomKey(Qt::Key_Equal);
            QCOMPARE(r->zoom(), step);
            seen << look();
            QVERIFY2(pixelsOf(r, cell) > before, qPrintable(seen.join(QStringLiteral(" -> "))));
        }
        zoomKey(Qt::Key_0);
        QCOMPARE(look(), first);
        zoomKey(Qt::Key_Minus);
        zoomKey(Qt::Key_Minus);
        zoomKey(Qt::Key_0);
        QCOMPARE(look(), first);
    }

    // A tester at 1024x700 (Projector): the boxes a table turns into had bars of 26 to 36 px,
    // and their text started at as many places. Every box of a chapter has its bar as drawn
    // (the width the chapter gives it) and its text at one place, in every theme and width.
    void everyBoxHasTheSameBar_data() {
        QTest::addColumn<fg::ThemeChoice>("theme");
        QTest::addColumn<QSize>("size");
        QTest::newRow("Projector 1024x700") << fg::ThemeChoice::Projector << QSize(1024, 700);
        QTest::newRow("Light 800x600") << fg::ThemeChoice::Light << QSize(800, 600);
        QTest::newRow("Light 1920x1080") << fg::ThemeChoice::Light << QSize(1920, 1080);
    }
    void everyBoxHasTheSameBar() {
        QFETCH(fg::ThemeChoice, theme);
        QFETCH(QSize, size);
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.setThemeChoice(theme);
        w.resize(size);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        fg::ReaderView* r = w.reader();
        const int chapters = static_cast<int>(w.course().chapters.size());
        for (int c = 0; c < chapters; ++c) {
            r->showChapter(c);
            QCoreApplication::processEvents();
            QTextDocument* d = r->document();
            QAbstractTextDocumentLayout* layout = d->documentLayout();
            layout->documentSize(); // lays it all out
            QMap<int, int> starts;  // where a box's text starts, right of its left edge: boxes
            for (QTextTable* t : tablesOf(*d)) {
                // A box: one row, a bar (a cell with no text) then the text.
                if (t->rows() != 1 || t->columns() != 2 ||
                    t->cellAt(0, 0).firstCursorPosition().block().length() > 1) {
                    continue;
                }
                const qreal left = layout->frameBoundingRect(t).left();
                const QTextBlock text = t->cellAt(0, 1).firstCursorPosition().block();
                const int at = qRound(layout->blockBoundingRect(text).left() - left);
                starts[at] += 1;
            }
            QVERIFY2(
                starts.size() <= 1,
                qPrintable(
                    QStringLiteral("chapter %1: box text starts at (px: boxes) %2").arg(c).arg([&] {
                        QStringList l;
                        for (auto it = starts.cbegin(); it != starts.cend(); ++it) {
                            l << QStringLiteral("%1: %2").arg(it.key()).arg(it.value());
                        }
                        return l.join(QStringLiteral(", "));
                    }())));
        }
    }

private:
    const DesktopLook desktop_;
};

FG_TEST_MAIN(TestReaderTables)
#include "test_reader_tables.moc"
