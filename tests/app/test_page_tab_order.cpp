// Tab in the order a page reads (issue 19): on a live diagram's page, Tab goes through the
// diagram's own controls at the top, then the drawing, then the playback bar, and only then out
// of the page; never to the chapter list or the tabs in between (a tester's Tab went from the
// playback bar to the chapter list and the tabs before the controls at the top).
#include "tests/app/window_test_support.h"
#include "tests/suite_main.h"
#include "widgets/diagrams/diagram_view.h"

#include <QApplication>
#include <QTabBar>
#include <QTabWidget>

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
};

FG_TEST_MAIN(TestPageTabOrder)
#include "test_page_tab_order.moc"
