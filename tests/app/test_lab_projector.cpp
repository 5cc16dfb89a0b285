// The Lab's pages as a teacher shows them to a room, through the window and the real helper
// program (RocksDB, librdkafka's mock cluster; no fakes): the comparison tables keep their reasons
// whole after View > Zoom and theme switches (tester 36 #2: the Why column one letter wide, the
// headings cut to "RocksDE").
#include "app/main_window.h"
#include "models/course/content_loader.h"
#include "tests/app/window_test_support.h"
#include "tests/suite_main.h"
#include "widgets/canvas/diagram_canvas.h"
#include "widgets/diagrams/diagram_registry.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStyle>
#include <QTabWidget>
#include <QTableWidget>

namespace lab_projector {

QAction* viewAction(fg::MainWindow& w, const QString& text) {
    for (QAction* a : w.findChildren<QAction*>()) {
        if (a->text() == text) {
            return a;
        }
    }
    return nullptr;
}

// Presses the Run button of the Lab page `page` (its default scenario); false when the run
// failed.
bool run(QWidget* page) {
    QSignalSpy finished(page, SIGNAL(runFinished(bool)));
    for (QPushButton* b : page->findChildren<QPushButton*>()) {
        if (b->text().startsWith(QStringLiteral("&Run in"))) {
            b->click();
            return finished.wait(60'000) && finished.front().front().toBool();
        }
    }
    return false;
}

// Opens the Lab page `id` in `w` and runs it.
bool openAndRun(fg::MainWindow& w, const QString& id) {
    w.openTool(id);
    return run(w.tabs()->currentWidget());
}

// Where `canvas` draws the top-left corner of its run (what its steps draw together), in its
// pixels.
QPointF drawingStart(const fg::DiagramCanvas& canvas) {
    return canvas.transformAtRest().map(canvas.runCamera().topLeft());
}

// Enough rounds for the layouts and the tables' fitting (each waits for the one before).
void settleTables() {
    for (int round = 0; round < 8; ++round) {
        QCoreApplication::processEvents();
        QTest::qWait(10);
    }
}

// The widest word of `text` in `fm` (a cell never breaks a word: narrower, it is cut letter by
// letter, "T a B h tl").
int widestWord(const QFontMetrics& fm, const QString& text) {
    int widest = 0;
    for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        widest = std::max(widest, fm.horizontalAdvance(word));
    }
    return widest;
}

// What of `table` cannot be read whole: a heading cut, a column narrower than a word of it, a
// row lower than its wrapped text, the last column (the reasons) under `leastChars` characters.
QStringList unreadable(const QTableWidget* table, int leastChars, const QString& where) {
    QStringList out;
    const QFontMetrics fm(table->font());
    const QHeaderView* header = table->horizontalHeader();
    const int last = table->columnCount() - 1;
    if (table->columnWidth(last) < leastChars * fm.averageCharWidth()) {
        out << QStringLiteral("%1: the last column is %2 px, under %3 characters")
                   .arg(where)
                   .arg(table->columnWidth(last))
                   .arg(leastChars);
    }
    for (int c = 0; c <= last; ++c) {
        const QString heading = table->horizontalHeaderItem(c)->text();
        const int room = table->columnWidth(c) - 6; // the cell's margins
        // A heading wraps, as a cell does: no word of it cut, the header as high as its lines.
        const QFontMetrics hm(header->font());
        const int headingRoom =
            header->sectionSize(c) - 2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin);
        const int headingNeed =
            hm.boundingRect(QRect(0, 0, headingRoom, 100'000), Qt::TextWordWrap, heading).height();
        if (widestWord(hm, heading) > headingRoom || header->height() < headingNeed) {
            out << QStringLiteral("%1: heading \"%2\" cut (%3 px wide, %4 high for %5)")
                       .arg(where, heading)
                       .arg(header->sectionSize(c))
                       .arg(header->height())
                       .arg(headingNeed);
        }
        for (int r = 0; r < table->rowCount(); ++r) {
            const QString text = table->item(r, c)->text();
            const int need =
                fm.boundingRect(QRect(0, 0, room, 100'000), Qt::TextWordWrap, text).height();
            if (widestWord(fm, text) > room || table->rowHeight(r) < need) {
                out << QStringLiteral("%1: row %2 of \"%3\" cut (%4 px wide for a %5 px word, "
                                      "%6 px high for %7 px of text)")
                           .arg(where)
                           .arg(r)
                           .arg(heading)
                           .arg(room)
                           .arg(widestWord(fm, text))
                           .arg(table->rowHeight(r))
                           .arg(need);
            }
        }
    }
    return out;
}

QTableWidget* comparisonTable(QWidget* page) {
    for (QTableWidget* t : page->findChildren<QTableWidget*>()) {
        if (t->accessibleName().startsWith(QStringLiteral("Comparison"))) {
            return t;
        }
    }
    return nullptr;
}

} // namespace lab_projector

namespace lp = lab_projector;

class TestLabProjector : public WindowSuite {
    Q_OBJECT
private slots:
    void initTestCase() {
        useOwnTestSettings("lab-projector");
        qputenv("FIELDGUIDE_LAB_HELPER", LAB_HELPER_BIN);
    }
    void init() { QSettings().clear(); }
    void cleanup() { desktop_.restore(); }

    void theReasonsStayWholeAfterZoomAndThemeSwitches_data() {
        QTest::addColumn<QString>("lab");
        QTest::newRow("RocksDB") << QStringLiteral("lab-rocksdb");
        QTest::newRow("Kafka") << QStringLiteral("lab-kafka");
    }
    void theReasonsStayWholeAfterZoomAndThemeSwitches() {
        QFETCH(QString, lab);
        QStringList problems;
        forEveryWindow(
            [&](fg::MainWindow& w, QSize screen, fg::ThemeChoice) {
                QVERIFY(lp::openAndRun(w, lab));
                QTableWidget* table = lp::comparisonTable(w.tabs()->currentWidget());
                QVERIFY(table && table->rowCount() > 0);
                const QString at = sizeText(screen);
                lp::settleTables();
                problems << lp::unreadable(table, 25, at + QStringLiteral(" Projector"));
                lp::viewAction(w, QStringLiteral("Zoom &in"))->trigger();
                lp::viewAction(w, QStringLiteral("Zoom &in"))->trigger();
                lp::settleTables();
                problems << lp::unreadable(table, 25, at + QStringLiteral(" zoomed twice"));
                w.setThemeChoice(fg::ThemeChoice::Dark);
                lp::settleTables();
                problems << lp::unreadable(table, 25, at + QStringLiteral(" zoomed, Dark"));
                w.setThemeChoice(fg::ThemeChoice::Projector);
                lp::settleTables();
                problems << lp::unreadable(table, 25,
                                           at + QStringLiteral(" zoomed, Dark, Projector"));
            },
            {fg::ThemeChoice::Projector});
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
    }

    // Zoomed twice after a run, and run again zoomed, the drawings show their start: the
    // top-left corner of each side's drawing in view (zoomed about their middles, they showed
    // "ble #11" and "t first, ranges overlap)": a tester). Scrolled, by a bar or by Shift+arrows
    // on a drawing, the other side follows to the same place.
    void zoomedDrawingsShowTheirStartAndScrollInStep() {
        forEveryWindow(
            [&](fg::MainWindow& w, QSize, fg::ThemeChoice) {
                QVERIFY(lp::openAndRun(w, QStringLiteral("lab-rocksdb")));
                QWidget* page = w.tabs()->currentWidget();
                const QList<fg::DiagramCanvas*> sides = page->findChildren<fg::DiagramCanvas*>();
                QCOMPARE(sides.size(), 2);
                fg::DiagramCanvas* real = sides[0];
                fg::DiagramCanvas* model = sides[1];
                auto startsInView = [&](const char* when) {
                    lp::settleTables();
                    for (const fg::DiagramCanvas* side : sides) {
                        const QPointF start = lp::drawingStart(*side);
                        QVERIFY2(start.x() >= 0 && start.y() >= 0 &&
                                     start.x() < side->width() / 2 &&
                                     start.y() < side->height() / 2,
                                 qPrintable(QStringLiteral("%1: the drawing starts at %2,%3")
                                                .arg(QLatin1String(when))
                                                .arg(start.x())
                                                .arg(start.y())));
                    }
                };
                lp::viewAction(w, QStringLiteral("Zoom &in"))->trigger();
                lp::viewAction(w, QStringLiteral("Zoom &in"))->trigger();
                startsInView("zoomed twice");
                QVERIFY(real->horizontalScrollBar()->isVisible());
                QVERIFY(lp::run(page));
                startsInView("run again, zoomed");

                real->horizontalScrollBar()->setValue(real->horizontalScrollBar()->maximum() / 2);
                QVERIFY(real->pan().x() < 0);
                QCOMPARE(model->pan().x(), real->pan().x());
                model->setFocus();
                const qreal before = real->pan().y();
                QTest::keyClick(model, Qt::Key_Down, Qt::ShiftModifier);
                QVERIFY(model->pan().y() < before);
                QCOMPARE(real->pan().y(), model->pan().y());
                const int step = real->player()->position();
                QTest::keyClick(model, Qt::Key_Right, Qt::ShiftModifier);
                QCOMPARE(real->player()->position(), step); // Shift+Right scrolls, not steps
            },
            {fg::ThemeChoice::Light}, {QSize(1920, 1080)});
    }

    // After Run (pressed with Space, the focus left on the button) the player is at the run's
    // first step and says so: Right steps on, Left back, End to the last (it was at the last
    // step, where Right did nothing although the page said "Step through": a tester).
    void aRunStartsAtItsFirstStep_data() {
        QTest::addColumn<QString>("lab");
        QTest::newRow("RocksDB") << QStringLiteral("lab-rocksdb");
        QTest::newRow("Kafka") << QStringLiteral("lab-kafka");
        QTest::newRow("Time buckets") << QStringLiteral("lab-buckets");
    }
    void aRunStartsAtItsFirstStep() {
        QFETCH(QString, lab);
        forEveryWindow(
            [&](fg::MainWindow& w, QSize, fg::ThemeChoice) {
                w.openTool(lab);
                QWidget* page = w.tabs()->currentWidget();
                QPushButton* runButton = nullptr;
                for (QPushButton* b : page->findChildren<QPushButton*>()) {
                    runButton = b->text().startsWith(QStringLiteral("&Run in")) ? b : runButton;
                }
                QVERIFY(runButton);
                runButton->setFocus();
                QSignalSpy finished(page, SIGNAL(runFinished(bool)));
                QTest::keyClick(runButton, Qt::Key_Space);
                QVERIFY(finished.wait(60'000) && finished.front().front().toBool());
                fg::Player* player = page->findChildren<fg::DiagramCanvas*>().front()->player();
                const int steps = player->stepCount();
                QVERIFY(steps > 1);
                QCOMPARE(player->position(), 0);
                const auto said = [&] {
                    QStringList all;
                    for (const QLabel* l : page->findChildren<QLabel*>()) {
                        all << l->text();
                    }
                    return all.join('\n');
                };
                QVERIFY2(said().contains(
                             QStringLiteral("The drawings start at step 1 of %1: press Right")
                                 .arg(steps)),
                         qPrintable(said()));
                QWidget* focus = QApplication::focusWidget();
                QVERIFY(focus);
                QTest::keyClick(focus, Qt::Key_Right);
                QCOMPARE(player->position(), 1);
                QTest::keyClick(focus, Qt::Key_End);
                QCOMPARE(player->position(), steps - 1);
                QTest::keyClick(focus, Qt::Key_Left);
                QCOMPARE(player->position(), steps - 2);
            },
            {fg::ThemeChoice::Light}, {QSize(1920, 1080)});
    }
};

FG_TEST_MAIN(TestLabProjector)
#include "test_lab_projector.moc"
