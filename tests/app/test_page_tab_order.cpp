// Tab in the order a page reads (issue 19): on a live diagram's page, Tab goes through the
// diagram's own controls at the top, then the drawing, then the playback bar, and only then out
// of the page; never to the chapter list or the tabs in between (a tester's Tab went from the
// playback bar to the chapter list and the tabs before the controls at the top).
#include "app/presentation/presentation.h"
#include "app/reader/chapter_tree.h"
#include "app/reader/reader_view.h"
#include "tests/app/window_test_support.h"
#include "tests/suite_main.h"
#include "widgets/diagrams/diagram_view.h"

#include <QApplication>
#include <QRegularExpression>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>

namespace page_tab_order {

// `b` comes after `a` in reading order: on the same line (their heights overlap) further right,
// or on a line below.
bool readsAfter(const QRect& a, const QRect& b) {
    const bool sameLine = b.top() < a.bottom() && a.top() < b.bottom();
    return sameLine ? b.left() > a.left() : b.top() >= a.bottom() - 1;
}

QRect onScreen(const QWidget* w) {
    return {w->mapToGlobal(QPoint(0, 0)), w->size()};
}

QString nameOf(const QWidget* w) {
    const QString name = w->accessibleName();
    return name.isEmpty() ? QString::fromLatin1(w->metaObject()->className()) : name;
}

} // namespace page_tab_order

class TestPageTabOrder : public WindowSuite {
    Q_OBJECT
private slots:
    void initTestCase() { useOwnTestSettings("page-tab-order"); }
    void init() { QSettings().clear(); }
    void cleanup() { desktop_.restore(); }

    void tabGoesTopControlsDrawingPlaybackThenOut_data() {
        QTest::addColumn<QString>("diagram");
        QTest::addColumn<QSize>("screen");
        for (const QSize screen : {QSize(1920, 1050), QSize(1280, 800)}) {
            for (const auto& d : fg::liveDiagrams()) {
                QTest::addRow("%s %s", qPrintable(d.id), qPrintable(sizeText(screen)))
                    << d.id << screen;
            }
        }
    }

    void tabGoesTopControlsDrawingPlaybackThenOut() {
        QFETCH(QString, diagram);
        QFETCH(QSize, screen);
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.resize(screen);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        w.openDiagram(diagram);
        settle();
        auto* page = qobject_cast<fg::DiagramView*>(w.tabs()->currentWidget());
        if (!page) {
            QSKIP("B-Tree vs LSM-tree has a page of its own, not a live diagram's");
        }
        // From the window's tabs, with real Tab keys, into the page and through it.
        w.tabs()->tabBar()->setFocus(Qt::TabFocusReason);
        QList<QWidget*> visited;
        bool left = false;
        for (int i = 0; i < 80 && !left; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QWidget* now = QApplication::focusWidget();
            QVERIFY(now);
            if (page->isAncestorOf(now)) {
                QVERIFY2(!visited.contains(now),
                         qPrintable(page_tab_order::nameOf(now) + " twice"));
                visited << now;
            } else {
                left = !visited.isEmpty();
            }
        }
        QVERIFY2(left, "Tab never left the page");
        QStringList names;
        for (QWidget* v : visited) {
            names << page_tab_order::nameOf(v);
        }
        const QWidget* canvas = page->panel()->canvas();
        const int drawing = int(visited.indexOf(canvas));
        QVERIFY2(drawing > 0, qPrintable(names.join(" > "))); // controls above it, first
        QVERIFY2(drawing < visited.size() - 1, qPrintable(names.join(" > ")));
        for (int i = 1; i < visited.size(); ++i) {
            QVERIFY2(page_tab_order::readsAfter(page_tab_order::onScreen(visited[i - 1]),
                                                page_tab_order::onScreen(visited[i])),
                     qPrintable(QStringLiteral("%1 then %2: %3")
                                    .arg(page_tab_order::nameOf(visited[i - 1]),
                                         page_tab_order::nameOf(visited[i]), names.join(" > "))));
        }
        // Every control of the page that takes Tab is on the way.
        for (QWidget* c : page->findChildren<QWidget*>()) {
            if ((c->focusPolicy() & Qt::TabFocus) && c->isVisible() && c->isEnabled() &&
                !c->focusProxy() && !qobject_cast<QTabBar*>(c)) {
                QVERIFY2(visited.contains(c), qPrintable(page_tab_order::nameOf(c) +
                                                         " not reached: " + names.join(" > ")));
            }
        }
        // And from the drawing, where the page puts the focus, Tab goes on to the playback bar.
        page->panel()->canvas()->setFocus(Qt::TabFocusReason);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), visited[drawing + 1]);
        QVERIFY(page_tab_order::onScreen(visited[drawing + 1]).top() >=
                page_tab_order::onScreen(canvas).bottom());
    }

    // Tester 36 #6: Down in the chapter list replaced the decision matrix by the reader. Behind
    // a tool's tab the arrows move the list's mark only, and the status bar says that Enter
    // opens it; Enter opens it in the reader. With the reader on screen it follows the arrows.
    void theListsArrowsLeaveAToolOnScreenUntilEnter() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        showActive(w);
        w.openTool(QStringLiteral("matrix"));
        settle();
        QWidget* matrix = w.tabs()->currentWidget();
        QVERIFY(matrix != w.reader());
        w.tree()->setFocus(Qt::TabFocusReason);
        const QTreeWidgetItem* before = w.tree()->currentItem();
        QTest::keyClick(w.tree(), Qt::Key_Down);
        QTest::keyClick(w.tree(), Qt::Key_Down);
        QVERIFY(w.tree()->currentItem() != before);
        QCOMPARE(w.tabs()->currentWidget(), matrix);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(w.tree()));
        QVERIFY2(w.statusBar()->currentMessage().contains(QLatin1String("Enter opens")),
                 qPrintable(w.statusBar()->currentMessage()));
        QTreeWidgetItem* chosen = w.tree()->currentItem();
        const int chapter =
            w.tree()->indexOfTopLevelItem(chosen->parent() ? chosen->parent() : chosen);
        QTest::keyClick(w.tree(), Qt::Key_Return);
        QCOMPARE(w.tabs()->currentWidget(), static_cast<QWidget*>(w.reader()));
        QCOMPARE(w.reader()->chapterIndex(), chapter);
        // The hint went with the tab it was about (tester 41: a click opened the section at
        // once, and the status bar still said the tab stays).
        QVERIFY2(!w.statusBar()->currentMessage().contains(QLatin1String("Enter opens")),
                 qPrintable(w.statusBar()->currentMessage()));
        // The reader on screen follows the arrows.
        w.tree()->setFocus(Qt::TabFocusReason);
        const QString section = w.reader()->currentSection();
        QTest::keyClick(w.tree(), Qt::Key_Down);
        QCOMPARE(w.tabs()->currentWidget(), static_cast<QWidget*>(w.reader()));
        QVERIFY(w.reader()->currentSection() != section);
        // A click on a row behind the tool's tab opens it at once, the hint gone with the tab.
        w.tabs()->setCurrentWidget(matrix);
        const QRect row = w.tree()->visualItemRect(w.tree()->topLevelItem(2));
        QTest::mouseClick(w.tree()->viewport(), Qt::LeftButton, {}, row.center());
        QCOMPARE(w.tabs()->currentWidget(), static_cast<QWidget*>(w.reader()));
        QVERIFY2(!w.statusBar()->currentMessage().contains(QLatin1String("Enter opens")),
                 qPrintable(w.statusBar()->currentMessage()));
    }

    // Tester 37: with the reader on screen, Up from a chapter's first section went to the
    // chapter's own row, whose reader (its top) marked the first section again: Up never got
    // past a chapter, and Down from the chapter's row skipped its first section. The arrows
    // move one visible row at a time, the reader following, the list keeping its row.
    void theArrowsWalkEveryRowWithTheReaderOnScreen() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        showActive(w);
        const int chapter = 3;
        w.showSection(chapter, {});
        settle();
        QTreeWidgetItem* top = w.tree()->topLevelItem(chapter);
        QVERIFY(top && top->childCount() > 1);
        w.tree()->setFocus(Qt::TabFocusReason);
        w.tree()->setCurrentItem(top->child(1));
        settle();
        const auto up = [&w] {
            QTest::keyClick(w.tree(), Qt::Key_Up);
            settle();
            return w.tree()->currentItem();
        };
        QCOMPARE(up(), top->child(0));
        QCOMPARE(up(), top);
        QCOMPARE(w.reader()->chapterIndex(), chapter);
        QTreeWidgetItem* above = w.tree()->itemAbove(top);
        QVERIFY(above);
        QCOMPARE(up(), above);
        QCOMPARE(w.tree()->selectedItems(), QList<QTreeWidgetItem*>{above});
        QTest::keyClick(w.tree(), Qt::Key_Down);
        settle();
        QCOMPARE(w.tree()->currentItem(), w.tree()->itemBelow(above));
    }

    // Tester 36 #6: Tab went page, chapter list, tabs (the order the widgets were made), and
    // from the reader's last link it skipped the list. Round the window with real Tab keys, from
    // the list: the list, the tabs, the page, each once and in that order, and back to the list;
    // Shift+Tab goes the same way back.
    void tabGoesListTabsPageAndRound_data() {
        QTest::addColumn<QString>("page");
        QTest::newRow("reader") << QString();
        QTest::newRow("matrix") << QStringLiteral("matrix");
        QTest::newRow("wizard") << QStringLiteral("wizard");
        QTest::newRow("btree") << QStringLiteral("btree");
    }
    void tabGoesListTabsPageAndRound() {
        QFETCH(QString, page);
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        showActive(w);
        if (page == QLatin1String("btree")) {
            w.openDiagram(page);
        } else if (!page.isEmpty()) {
            w.openTool(page);
        }
        settle();
        const auto partOf = [&w](QWidget* f) {
            QWidget* onScreen = w.tabs()->currentWidget();
            return f == w.tree() || w.tree()->isAncestorOf(f)   ? 0
                   : onScreen->isAncestorOf(f) || f == onScreen ? 2
                   : w.tabs()->isAncestorOf(f)                  ? 1
                   : w.welcomeNotice()->isAncestorOf(f)         ? 3
                                                                : -1;
        };
        // A first start's welcome bar (on the Reader tab only) is the window's first part.
        const bool welcome = w.welcomeNotice()->isVisible();
        QCOMPARE(welcome, page.isEmpty());
        for (const bool forward : {true, false}) {
            w.tree()->setFocus(forward ? Qt::TabFocusReason : Qt::BacktabFocusReason);
            QList<int> parts{0};
            for (int i = 0; i < 300; ++i) {
                QTest::keyClick(QApplication::focusWidget(),
                                forward ? Qt::Key_Tab : Qt::Key_Backtab);
                const int part = partOf(QApplication::focusWidget());
                QVERIFY2(part >= 0, QApplication::focusWidget()->metaObject()->className());
                if (part != parts.back()) {
                    parts << part;
                }
                if (part == 0) {
                    break;
                }
            }
            if (welcome) {
                QCOMPARE(parts,
                         forward ? QList<int>({0, 1, 2, 3, 0}) : QList<int>({0, 3, 2, 1, 0}));
            } else {
                QCOMPARE(parts, forward ? QList<int>({0, 1, 2, 0}) : QList<int>({0, 2, 1, 0}));
            }
        }
    }

    // Tester 36 #7: Study > Decision matrix with its tab open left the focus where it was (the
    // chapter list), and Space ticked nothing. Opened or opened again, the keys are in its table.
    void aToolOpenedAgainHasTheKeys() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        showActive(w);
        w.openTool(QStringLiteral("matrix"));
        settle();
        auto* table = w.tabs()->currentWidget()->findChild<QTableWidget*>();
        QVERIFY(table);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(table));
        w.tree()->setFocus(Qt::TabFocusReason);
        w.openTool(QStringLiteral("matrix"));
        settle();
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(table));
        table->setCurrentCell(0, 0);
        QTest::keyClick(table, Qt::Key_Space);
        QCOMPARE(table->item(0, 0)->checkState(), Qt::Checked);
    }

    // Testers 43 and 44: every presentation wrote "QWidget::setTabOrder: 'first' and 'second'
    // must be in the same window" to the console. A slide sets its page's font, which makes a
    // combo box's list (a window of its own) before the page orders its Tab stops, and that list
    // was put in the chain. Every live diagram presented from its tab: not one such warning.
    void aSlidesPageOrdersItsTabsWithoutAWarning() {
        QTest::failOnWarning(QRegularExpression(QStringLiteral("setTabOrder")));
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        showActive(w);
        for (const auto& d : fg::liveDiagrams()) {
            w.openDiagram(d.id);
            settle();
            if (!qobject_cast<fg::DiagramView*>(w.tabs()->currentWidget())) {
                continue; // B-Tree vs LSM-tree: a page of its own
            }
            QTest::keyClick(&w, Qt::Key_F5);
            QVERIFY2(w.presentation(), qPrintable(d.id));
            settle();
            QTest::keyClick(w.presentation(), Qt::Key_Escape);
            QTRY_VERIFY(!w.presentation());
        }
    }

private:
    static void showActive(fg::MainWindow& w) {
        w.resize(1920, 1050);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
    }
};

FG_TEST_MAIN(TestPageTabOrder)
#include "test_page_tab_order.moc"
