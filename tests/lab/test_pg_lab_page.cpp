// Lab > PostgreSQL index as the student sees it (offscreen), through the real helper program and
// a real PostgreSQL 15: a run of a few hundred keys shows both trees titled with their real
// numbers, the comparison's rows, the SQL the lab ran; the query box changes the table and the
// index is read again; keys offered by the B-Tree diagram are the ones inserted; and 100,000
// random keys run (start, insert, read every page, draw) in under 15 s.
#include "lab/lab_folder.h"
#include "tests/lab/lab_test_support.h"
#include "tests/suite_main.h"
#include "tests/widgets/accessibility_test_support.h"
#include "widgets/canvas/diagram_canvas.h"
#include "widgets/canvas/diagram_panel.h"
#include "widgets/lab/pg_lab_page.h"
#include "widgets/lab/pg_tree_drawing.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <algorithm>

using fg::PgLabPage;

namespace {

bool waitFinished(PgLabPage& page, int ms = 60000) {
    QSignalSpy done(&page, &PgLabPage::finished);
    return done.wait(ms);
}

QStringList column(const QTableWidget* t, int c) {
    QStringList out;
    for (int r = 0; r < t->rowCount(); ++r) {
        out << (t->item(r, c) ? t->item(r, c)->text() : QString());
    }
    return out;
}

} // namespace

class TestPgLabPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        FG_REQUIRE_LAB(fg::lab::LabKind::kPostgres);
        qputenv("FIELDGUIDE_LAB_HELPER", LAB_HELPER_BIN);
    }

    // A tester typed 99,999,999 keys and the box kept 999,999 without a word: it says so now.
    void aKeyCountOverTheLabsLimitIsSaid() {
        fg::PgLabPage page;
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSpinBox* box = page.keyCount();
        box->setFocus();
        QLineEdit* edit = box->findChild<QLineEdit*>();
        edit->selectAll();
        QTest::keyClicks(edit, QStringLiteral("99999999"));
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(box->value(), 1'000'000);
        QTRY_VERIFY2(page.status().contains(QStringLiteral("99,999,999")) &&
                         page.status().contains(QStringLiteral("1,000,000")),
                     qPrintable(page.status()));
    }
    void cleanupTestCase() {
        QTRY_VERIFY_WITH_TIMEOUT(fg::lab::test::foldersOwnedByMe().isEmpty(), 15000);
    }

    void aRunShowsBothTreesTheComparisonAndTheSql() {
        PgLabPage page;
        page.resize(1600, 1000);
        page.show();
        page.keyCount()->setValue(600);
        page.run();
        QVERIFY(page.busy());
        QVERIFY2(waitFinished(page), qPrintable(page.status()));
        QVERIFY2(page.index().has_value(), qPrintable(page.status()));
        const fg::lab::PgIndex& index = *page.index();
        QCOMPARE(index.leafKeys(), std::int64_t{600});
        // 600 bigints take a few leaves under a root: the title counts them as pgstatindex does.
        const qint64 pages = index.stats.leafPages + index.stats.internalPages;
        QCOMPARE(index.stats.treeLevel, 1);
        QCOMPARE(page.realTitle(),
                 QStringLiteral("PostgreSQL's index: 2 levels, %1 pages").arg(pages));
        QCOMPARE(page.modelTitle(), QStringLiteral("The model: B+-tree, order 64"));
        QVERIFY(page.status().startsWith(QStringLiteral("Done in")));
        const QStringList quantities = column(page.comparisonTable(), 0);
        QCOMPARE(quantities.size(), 8);
        QVERIFY(quantities.contains(QStringLiteral("height")));
        QVERIFY(quantities.contains(QStringLiteral("right-links above the leaves")));
        QCOMPARE(column(page.comparisonTable(), 1).at(quantities.indexOf("leaves")),
                 QString::number(index.stats.leafPages));
        // A reason exactly where they differ.
        const QStringList agree = column(page.comparisonTable(), 3);
        const QStringList why = column(page.comparisonTable(), 4);
        for (int i = 0; i < agree.size(); ++i) {
            QCOMPARE(why[i].isEmpty(), agree[i] == QStringLiteral("yes"));
        }
        const QString sql = page.sqlList()->toPlainText();
        QVERIFY(sql.contains(QStringLiteral("CREATE INDEX fieldguide_lab_k")));
        QVERIFY(sql.contains(QStringLiteral("bt_page_items")));
        // The real tree is drawn: a node per page, the root's separator, the leaf chain.
        const fg::Frame real = page.realCanvas()->currentFrame();
        int nodes = 0;
        for (const fg::FrameItem& item : real.items) {
            nodes += item.id.startsWith(QLatin1String("node:")) && !item.id.contains('/');
        }
        QCOMPARE(nodes, pages);
        QVERIFY(real.find(QStringLiteral("sep:%1").arg(*index.page(index.root)->downlinks[1].key)));
        // Exportable: the real tree as a picture, drawn (not blank) in any theme.
        const std::optional<fg::Exportable> e = page.exportable();
        QVERIFY(e.has_value());
        const QImage picture =
            fg::paintToImage(e->picture(fg::Theme::dark()), QSizeF(800, 500), 1.0, Qt::black);
        int drawn = 0;
        for (int y = 0; y < picture.height(); y += 4) {
            for (int x = 0; x < picture.width(); x += 4) {
                drawn += picture.pixelColor(x, y) != QColor(Qt::black);
            }
        }
        QVERIFY(drawn > 500);

        // Find a key: marked in both drawings (the key's cell in the good tone, its path in the
        // accent), and said with the pages read; a key not there is said to be in no leaf.
        QVERIFY(page.keyWay().isEmpty());
        page.focusKey()->setText(QStringLiteral("450"));
        emit page.focusKey()->returnPressed();
        QVERIFY2(page.keyWay().startsWith(QStringLiteral("450 is in leaf page ")),
                 qPrintable(page.keyWay()));
        QVERIFY(page.keyWay().contains(QStringLiteral("(2 pages read)")));
        QVERIFY(page.keyWay().contains(
            QStringLiteral("the model finds it in a leaf too (2 nodes read)")));
        for (const fg::DiagramCanvas* canvas : {page.realCanvas(), page.modelCanvas()}) {
            const fg::FrameItem* cell = canvas->currentFrame().find(QStringLiteral("key:450"));
            QVERIFY(cell);
            QCOMPARE(cell->stroke, page.realCanvas()->theme().good);
        }
        page.focusKey()->setText(QStringLiteral("1000"));
        emit page.focusKey()->returnPressed();
        QVERIFY2(page.keyWay().startsWith(QStringLiteral("1000 is in no leaf")),
                 qPrintable(page.keyWay()));
        QVERIFY(page.keyWay().contains(QStringLiteral("in no leaf either")));
        page.focusKey()->clear();
        emit page.focusKey()->returnPressed();
        QVERIFY(page.keyWay().isEmpty());

        // The query box: the table changes, the index is read again, the model takes the
        // table's keys.
        page.queryBox()->setPlainText(QStringLiteral("DELETE FROM fieldguide_lab WHERE k > 300"));
        page.runQuery();
        QVERIFY(waitFinished(page));
        QVERIFY2(page.index().has_value() && page.comparison().has_value(),
                 qPrintable(page.status()));
        QCOMPARE(page.comparison()->model.keys, std::int64_t{300});
        // The index keeps the deleted rows' entries until VACUUM: said so, not "N keys" (a
        // tester read "2,000 keys" right after deleting 1,000 as a mistake).
        QVERIFY2(page.status().contains(QStringLiteral(" index entries (")) &&
                     page.status().contains(
                         QStringLiteral("for rows deleted or updated, kept until VACUUM")),
                 qPrintable(page.status()));
        // Read from the real pages, those entries are not marked dead (bt_page_items): drawn
        // among the others, and the page says why the model's side has none (a tester looked
        // for them in the drawing).
        QVERIFY(page.index()->leafKeys() > 300);
        QVERIFY2(page.status().contains(QStringLiteral("a DELETE does not mark them")),
                 qPrintable(page.status()));
        QCOMPARE(page.queryResult()->columnCount(), 0);
        // A refused statement says PostgreSQL's words, and the page goes on; the last result's
        // columns go with it (a tester saw them stay, empty, under the error).
        page.queryBox()->setPlainText(
            QStringLiteral("SELECT k, k * 2 AS twice FROM fieldguide_lab"));
        page.runQuery();
        QVERIFY(waitFinished(page));
        QCOMPARE(page.queryResult()->columnCount(), 2);
        page.queryBox()->setPlainText(QStringLiteral("DROP TABLE pg_class"));
        page.runQuery();
        QVERIFY(waitFinished(page));
        QVERIFY(!page.busy());
        QCOMPARE(page.queryResult()->columnCount(), 0);
        page.queryBox()->setPlainText(QStringLiteral("SELECT count(*) FROM fieldguide_lab"));
        page.runQuery();
        QVERIFY(waitFinished(page));
        QCOMPARE(page.queryResult()->item(0, 0)->text(), QStringLiteral("300"));
    }

    // The real tree's drawing: the page on the way to the key asked for keeps its keys and its
    // high key (a dotted cell, not a key of a row); every page has its fill gauge.
    // A screen reader hears each tree in the B-Tree diagram's words: its levels and keys, the
    // root's separators, the pages below (never every page); a new read says the new tree.
    void theTreesAreSummarisedForAScreenReader() {
        PgLabPage page;
        page.resize(1600, 1000);
        page.show();
        page.keyCount()->setValue(600);
        page.run();
        QVERIFY2(waitFinished(page), qPrintable(page.status()));
        const auto described = [](QWidget* canvas) {
            return fg::test::accessibleText(canvas, QAccessible::Description);
        };
        const fg::lab::PgIndex& index = *page.index();
        const QString real = described(page.realCanvas());
        QVERIFY2(real.startsWith(QStringLiteral("PostgreSQL's index, 2 levels, 600 keys: root "
                                                "page %1 [")
                                     .arg(index.root)) &&
                     real.contains(
                         QStringLiteral("; leaves: %1 pages, keys ").arg(index.stats.leafPages)),
                 qPrintable(real));
        const QString model = described(page.modelCanvas());
        QVERIFY2(model.startsWith(QStringLiteral("B+-tree, order 64, height 2, 600 keys: root [")),
                 qPrintable(model));
        page.keyCount()->setValue(20);
        page.run();
        QVERIFY2(waitFinished(page), qPrintable(page.status()));
        QVERIFY2(
            described(page.realCanvas())
                .startsWith(QStringLiteral("PostgreSQL's index, 1 level, 20 keys: root page ")),
            qPrintable(described(page.realCanvas())));
        // The model's order follows the key count: the title names it.
        const QString kind = page.modelTitle().section(QStringLiteral(": "), 1);
        QVERIFY2(described(page.modelCanvas())
                     .startsWith(kind + QStringLiteral(", height 1, 20 keys: root [")),
                 qPrintable(kind + QStringLiteral(" | ") + described(page.modelCanvas())));
    }

    void theRealTreeShowsHighKeysAndFill() {
        fg::lab::PgIndex index;
        index.root = 3;
        index.level = 1;
        const auto leaf = [](std::uint32_t block, std::uint32_t prev, std::uint32_t next,
                             std::int64_t from, std::int64_t to, std::optional<std::int64_t> high) {
            fg::lab::PgIndexPage p;
            p.block = block;
            p.prev = prev;
            p.next = next;
            p.highKey = high;
            p.freeSize = 8192 - 40 - 20 * static_cast<int>(to - from + 1) - (high ? 16 : 0);
            for (std::int64_t k = from; k <= to; ++k) {
                p.keys.push_back(k);
            }
            return p;
        };
        fg::lab::PgIndexPage root;
        root.block = 3;
        root.type = 'r';
        root.level = 1;
        root.downlinks = {{std::nullopt, 1}, {300, 2}};
        index.pages = {leaf(1, 0, 2, 1, 299, 300), leaf(2, 1, 0, 300, 600, std::nullopt), root};
        const fg::Frame f = fg::drawIndex(index, fg::Theme::light(), fg::TreeFocus{1, false});
        const fg::FrameItem* high = f.find(QStringLiteral("high:%1").arg(1));
        const fg::FrameItem* firstLeaf = nullptr;
        for (const auto& item : f.items) {
            if (item.id.startsWith(QLatin1String("node:")) && !item.id.contains('/') &&
                item.toolTip.startsWith(QLatin1String("Block 1,"))) {
                firstLeaf = &item;
            }
        }
        QVERIFY(high && firstLeaf);
        QCOMPARE(high->text, QStringLiteral("300"));
        QCOMPARE(high->penStyle, Qt::DotLine);
        QVERIFY(firstLeaf->rect.contains(high->rect.center()));
        QVERIFY(firstLeaf->toolTip.contains(QStringLiteral("High key 300")));
        int gauges = 0;
        for (const auto& item : f.items) {
            gauges += item.id.endsWith(QLatin1String("/fill"));
        }
        QCOMPARE(gauges, 3);                        // a page each
        QVERIFY(f.find(QStringLiteral("sep:300"))); // the root's separator
    }

    // The query box's failures in plain words, with the next step: two statements, and a
    // dropped table (the drawings do not go on showing the index as if it were there).
    void statementFailuresArePlain() {
        PgLabPage page;
        page.keyCount()->setValue(100);
        page.run();
        QVERIFY(waitFinished(page));
        QVERIFY2(page.index().has_value(), qPrintable(page.status()));
        auto* tag = page.queryBox()->parentWidget()->findChildren<QLabel*>().last();
        page.queryBox()->setPlainText(QStringLiteral("SELECT 1; SELECT 2"));
        page.runQuery();
        QVERIFY(waitFinished(page));
        QVERIFY2(tag->text().startsWith(QStringLiteral("Run one statement at a time")),
                 qPrintable(tag->text()));
        // Refused for its rights (tester 31): said in the app's words, no hint to use psql.
        page.queryBox()->setPlainText(
            QStringLiteral("COPY fieldguide_lab TO PROGRAM 'touch /tmp/fieldguide-never'"));
        page.runQuery();
        QVERIFY(waitFinished(page));
        QVERIFY2(tag->text().startsWith(QStringLiteral("The query box may not do that")),
                 qPrintable(tag->text()));
        QVERIFY2(tag->text().contains(QStringLiteral("pg_execute_server_program")),
                 qPrintable(tag->text())); // PostgreSQL's own words stay, for the curious
        QVERIFY2(!tag->text().contains(QStringLiteral("psql")), qPrintable(tag->text()));
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/fieldguide-never")));
        page.queryBox()->setPlainText(QStringLiteral("DROP TABLE fieldguide_lab"));
        page.runQuery();
        QVERIFY(waitFinished(page));
        QCOMPARE(page.status(), QStringLiteral("The lab's table is gone (a statement dropped "
                                               "it), and its index with it: press Run to build "
                                               "it again."));
        QVERIFY(!page.index().has_value());
        QCOMPARE(page.realTitle(), QStringLiteral("PostgreSQL's index: gone"));
        QVERIFY(page.realCanvas()->currentFrame().items.empty());
        // A statement now: the table is gone, said so (not "Press Run first": the server is up).
        page.queryBox()->setPlainText(QStringLiteral("SELECT 1"));
        page.runQuery();
        QVERIFY2(tag->text().startsWith(QStringLiteral("The lab's table is gone")),
                 qPrintable(tag->text()));
        // Run builds it again, and the old statement's tag ("DROP TABLE") goes; both headings
        // say the drawings are being made (a second run's went on describing the first one).
        page.run();
        QVERIFY(tag->text().isEmpty());
        QCOMPARE(page.realTitle(), QStringLiteral("PostgreSQL's index: being built"));
        QCOMPARE(page.modelTitle(), QStringLiteral("The model: being built"));
        QVERIFY(waitFinished(page));
        QVERIFY2(page.index().has_value(), qPrintable(page.status()));
    }

    // The trees' headings are bold in the page's type, whatever it becomes: a theme switch
    // changes the application's font and then scales the fonts widgets set themselves (those
    // that follow their parent are left alone); the headings shrank to 8 px when scaled twice.
    void theHeadingsFollowThePagesType() {
        const QFont before = QApplication::font();
        PgLabPage page;
        const auto headings = page.findChildren<QLabel*>();
        QList<QLabel*> titles;
        for (QLabel* l : headings) {
            if (l->text() == page.realTitle() || l->text() == page.modelTitle()) {
                titles << l;
            }
        }
        QCOMPARE(titles.size(), 2);
        QFont larger = before;
        larger.setPointSizeF(before.pointSizeF() * 1.5);
        QApplication::setFont(larger);
        QCoreApplication::sendPostedEvents(); // Qt hands the font on in an event
        for (QLabel* title : titles) {
            QVERIFY(title->font().bold());
            QCOMPARE(title->font().pointSizeF(), larger.pointSizeF());
            QVERIFY(title->property(fg::DiagramPanel::kFontFollowsParent).toBool());
        }
        QApplication::setFont(before);
        QCoreApplication::sendPostedEvents();
        for (QLabel* title : titles) {
            QCOMPARE(title->font().pointSizeF(), before.pointSizeF());
        }
    }

    // View > Zoom (Ctrl++, Ctrl+-, Ctrl+0) zooms both drawings, not the page's type.
    void zoomingThePageZoomsBothDrawings() {
        PgLabPage page;
        page.resize(1600, 1000);
        page.show();
        page.keyCount()->setValue(600);
        page.run();
        QVERIFY(waitFinished(page));
        QVERIFY(page.zoomPage(+1));
        QVERIFY(page.realCanvas()->zoom() > 1.05);
        QVERIFY(page.modelCanvas()->zoom() > 1.05);
        QVERIFY(page.zoomPage(0));
        QVERIFY(page.realCanvas()->fitted() && page.modelCanvas()->fitted());
        QVERIFY(page.zoomPage(-1));
        QVERIFY(page.realCanvas()->zoom() < 1.0 && page.modelCanvas()->zoom() < 1.0);
    }

    void offeredKeysAreTheKeysInserted() {
        PgLabPage page;
        page.offerKeys(QStringLiteral("the B-Tree diagram's 5 inserts"), {50, 10, 40, 20, 30});
        QCOMPARE(page.keySource()->currentText(), QStringLiteral("the B-Tree diagram's 5 inserts"));
        page.run();
        QVERIFY(waitFinished(page));
        QVERIFY2(page.index().has_value(), qPrintable(page.status()));
        QVERIFY(page.index()->pages.front().keys ==
                std::vector<std::int64_t>({10, 20, 30, 40, 50}));
        QCOMPARE(page.realTitle(), QStringLiteral("PostgreSQL's index: 1 level, 1 page"));
        // Too many keys are refused with a sentence, and the choice stays.
        page.offerKeys(QStringLiteral("too many"), std::vector<std::int64_t>(1'000'001, 1));
        QCOMPARE(page.keySource()->count(), 3);
        QVERIFY(page.status().contains(QStringLiteral("at most 1,000,000")));
        // The diagram changed while the student chose random keys: its entry is brought up to
        // date, once, and the student's choice stays (a tester's list grew an entry per visit
        // and switched to it each time).
        page.keySource()->setCurrentIndex(0);
        page.offerKeys(QStringLiteral("the B-Tree diagram's 6 inserts"), {1, 2, 3, 4, 5, 6}, false);
        page.offerKeys(QStringLiteral("the B-Tree diagram's 7 inserts"), {1, 2, 3, 4, 5, 6, 7},
                       false);
        QCOMPARE(page.keySource()->count(), 3);
        QCOMPARE(page.keySource()->currentIndex(), 0);
        QCOMPARE(page.keySource()->itemText(2), QStringLiteral("the B-Tree diagram's 7 inserts"));
    }

    void aServerThatCannotBeReachedIsSaid() {
        PgLabPage page;
        page.serverSource()->setCurrentIndex(1);
        page.connectionString()->setText(QStringLiteral("host=/nonexistent user=x dbname=x"));
        page.run();
        QVERIFY(waitFinished(page));
        QVERIFY2(page.status().contains(QStringLiteral("cannot connect")),
                 qPrintable(page.status()));
        QVERIFY2(page.status().contains(QStringLiteral("Check that the server is running")),
                 qPrintable(page.status()));
        QVERIFY(!page.index().has_value());
        // The intro says what Run does with the server chosen; back to the private server, the
        // connection's error goes.
        const auto intro = [&page](bool connected) {
            const QString text = PgLabPage::introText(connected);
            const auto labels = page.findChildren<QLabel*>();
            return std::any_of(labels.begin(), labels.end(),
                               [&](const QLabel* l) { return l->text() == text; });
        };
        QVERIFY(intro(true) && !intro(false));
        QVERIFY(PgLabPage::introText(true).contains(QStringLiteral("temporary table")));
        page.serverSource()->setCurrentIndex(0);
        QVERIFY(intro(false) && !intro(true));
        QVERIFY2(!page.status().contains(QStringLiteral("cannot connect")),
                 qPrintable(page.status()));
    }

    // Closing the tab while the helper reads a big index's every page: the helper notices the
    // SIGTERM inside the read, so the window waits only for the server to stop (it waited for
    // the whole read, 2-5 s, before).
    void closingThePageDuringABigReadIsQuick() {
        auto* page = new PgLabPage;
        page->keyCount()->setValue(999'999);
        page->run();
        QTRY_VERIFY_WITH_TIMEOUT(
            page->status() == QStringLiteral("Reading every page of the index..."), 60000);
        QTest::qWait(300); // well inside the read
        QElapsedTimer clock;
        clock.start();
        delete page;
        const qint64 ms = clock.elapsed();
        qInfo("closing the page during the read: %lld ms", ms);
        QVERIFY2(ms < 700, qPrintable(QString::number(ms)));
    }

    // Stop server is there during a run, and stops it at once: the run says so, the next Run
    // starts a new server and works.
    void stopServerDuringARunStopsIt() {
        PgLabPage page;
        page.keyCount()->setValue(999'999);
        page.run();
        QTRY_VERIFY_WITH_TIMEOUT(
            page.status() == QStringLiteral("Reading every page of the index..."), 60000);
        QPushButton* stopButton = nullptr;
        for (QPushButton* b : page.findChildren<QPushButton*>()) {
            stopButton = b->text() == QStringLiteral("Stop server") ? b : stopButton;
        }
        QVERIFY(stopButton && stopButton->isEnabled());
        QSignalSpy done(&page, &PgLabPage::finished);
        QElapsedTimer clock;
        clock.start();
        stopButton->click();
        QVERIFY(done.count() == 1 || done.wait(2000));
        qInfo("Stop server during the read of 999,999 keys: %lld ms", clock.elapsed());
        QVERIFY2(clock.elapsed() < 700, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(!page.busy());
        QCOMPARE(page.status(), QStringLiteral("Stopped, and the server with it; Run starts a "
                                               "new one."));
        page.keyCount()->setValue(50);
        page.run();
        QVERIFY(waitFinished(page));
        QVERIFY2(page.index().has_value(), qPrintable(page.status()));
        QCOMPARE(page.index()->leafKeys(), std::int64_t{50});
    }

    void aHundredThousandRandomKeysRunInUnder15Seconds() {
        PgLabPage page;
        page.resize(1600, 1000);
        page.show();
        page.keyCount()->setValue(100000);
        QElapsedTimer clock;
        clock.start();
        page.run();
        QVERIFY(waitFinished(page, 30000));
        // Drawn: both canvases laid out and painted once.
        const QImage real = page.realCanvas()->grabFrame(QSize(800, 500));
        const QImage model = page.modelCanvas()->grabFrame(QSize(800, 500));
        const qint64 ms = clock.elapsed();
        QVERIFY2(page.index().has_value(), qPrintable(page.status()));
        QCOMPARE(page.index()->leafKeys(), std::int64_t{100000});
        QVERIFY(!real.isNull() && !model.isNull());
        qInfo("100,000 random keys through the page: %lld ms (%s)", ms, qPrintable(page.status()));
        QVERIFY(ms < 15000);
    }
};

FG_TEST_MAIN(TestPgLabPage)
#include "test_pg_lab_page.moc"
