// A live diagram through a screen reader's eyes and by the keyboard alone (issue 19): every
// control Tab reaches has a name; the canvas's description says the step, its narration and the
// state, changes with the step and is announced by an accessibility event; Tab goes through the
// page in the order it reads; the playback buttons and the timeline work from the keyboard.
#include "tests/suite_main.h"
#include "tests/widgets/accessibility_test_support.h"
#include "tests/widgets/diagrams/diagram_test_support.h"
#include "widgets/canvas/diagram_canvas.h"
#include "widgets/controls/announced_text.h"
#include "widgets/controls/button_keys.h"
#include "widgets/diagrams/btree_diagram.h"
#include "widgets/diagrams/spoken_state.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QLineEdit>
#include <QSlider>
#include <QTest>
#include <QToolButton>
#include <qcustomplot.h>

namespace {

using fg::test::accessibleText;
using fg::test::heard;

// The widgets of `page` the Tab key stops at, in the order it goes, from the first.
std::vector<QWidget*> tabWalk(QWidget* page, QWidget* first) {
    std::vector<QWidget*> walk{first};
    first->setFocus(Qt::TabFocusReason);
    for (int i = 0; i < 80; ++i) {
        // The window's focus widget: under xcb the test's window need not be the active one.
        QTest::keyClick(page->window()->focusWidget(), Qt::Key_Tab);
        QWidget* now = page->window()->focusWidget();
        // Back to the first, or round to the drawing (the page's focus goes to it): once round.
        if (!now || std::find(walk.begin(), walk.end(), now) != walk.end() ||
            !page->isAncestorOf(now)) {
            break;
        }
        walk.push_back(now);
    }
    return walk;
}

// True when `b` comes after `a` in reading order: on a line below, or on the same line to the
// right. Lines: b's top below a's middle.
bool readsAfter(QWidget* page, QWidget* a, QWidget* b) {
    const QRect ra(a->mapTo(page, QPoint(0, 0)), a->size());
    const QRect rb(b->mapTo(page, QPoint(0, 0)), b->size());
    if (rb.top() >= ra.center().y()) {
        return true;
    }
    return rb.center().y() > ra.top() && rb.left() >= ra.right() - 1;
}

} // namespace

class TestAccessibilityDiagrams : public QObject {
    Q_OBJECT
    bool bridge_ = false;

private slots:
    void initTestCase() { bridge_ = fg::test::listenToAccessibilityEvents(); }

    void everyControlTabReachesHasAName_data() { addDiagramViews(); }
    void everyControlTabReachesHasAName() {
        QFETCH(ViewFactory, make);
        auto view = make();
        view->resize(1600, 900);
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view.get()));
        const QStringList unnamed = fg::test::unnamedControls(view.get());
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QLatin1String(", "))));
    }

    // The canvas says which diagram it is, and what the step on screen shows: its number, its
    // narration and the state; another step, another description, announced by an event.
    void theCanvasDescriptionFollowsTheStep_data() { addDiagramViews(); }
    void theCanvasDescriptionFollowsTheStep() {
        QFETCH(ViewFactory, make);
        auto view = make();
        view->resize(1400, 900);
        view->show();
        fg::DiagramCanvas* canvas = view->panel()->canvas();
        QVERIFY(canvas->player()->stepCount() >= 2);
        QVERIFY(accessibleText(canvas, QAccessible::Name).contains(view->pageTitle()));
        canvas->player()->seek(0);
        const QString first = accessibleText(canvas, QAccessible::Description);
        canvas->player()->seek(1);
        const QString second = accessibleText(canvas, QAccessible::Description);
        QVERIFY2(
            second.startsWith(QStringLiteral("Step 2 of %1:").arg(canvas->player()->stepCount())),
            qPrintable(second));
        QVERIFY2(second.contains(canvas->narrationAt(1)), qPrintable(second));
        const QString state = canvas->source()->summary(1);
        QVERIFY2(!state.isEmpty() && second.endsWith(state), qPrintable(second));
        QVERIFY(first != second);
    }

    // A step is announced: the canvas sends DescriptionChanged, which the Linux bridge passes to
    // the screen reader. Qt calls the update handler only while accessibility is active, which
    // needs a platform with a bridge (xcb: run under Xvfb with -platform xcb); offscreen has none.
    void aStepIsAnnounced_data() { addDiagramViews(); }
    void aStepIsAnnounced() {
        if (!bridge_) {
            QSKIP("no accessibility bridge on this platform (run with -platform xcb)");
        }
        QFETCH(ViewFactory, make);
        auto view = make();
        view->show();
        fg::DiagramCanvas* canvas = view->panel()->canvas();
        canvas->player()->seek(0);
        heard().clear();
        canvas->player()->seek(1);
        const bool announced = std::any_of(heard().begin(), heard().end(), [canvas](const auto& e) {
            return e.first == QAccessible::DescriptionChanged && e.second == canvas;
        });
        QVERIFY(announced);
    }

    // Labels that show changing text expose it as their name: the narration, "Step 2 of 16",
    // the speed and the counters, each with what it is as its description.
    void changingLabelsAreReadByTheirText() {
        auto view = std::unique_ptr<QWidget>(fg::liveDiagrams().front().makePage(nullptr));
        auto* diagram = qobject_cast<fg::DiagramView*>(view.get());
        QVERIFY(diagram);
        view->show();
        diagram->panel()->player()->seek(1);
        QStringList seen;
        for (QLabel* l : view->findChildren<QLabel*>()) {
            const QString what = l->accessibleDescription();
            if (what == QLatin1String("Narration") || what == QLatin1String("Step counter") ||
                what == QLatin1String("Speed") || what == QLatin1String("Counters")) {
                QCOMPARE(accessibleText(l, QAccessible::Name), l->text());
                QVERIFY2(!l->text().isEmpty(), qPrintable(what));
                seen << what;
            }
        }
        QCOMPARE(seen.size(), 4);
    }

    // The B-Tree said in words: its kind, order and height, the root's keys, and its leaves.
    void aSmallBTreeIsReadLevelByLevel() {
        fg::btree::Params params;
        params.order = 4;
        std::vector<fg::btree::Op> ops;
        for (int k : {10, 20, 30, 40, 50, 60}) {
            ops.push_back(fg::btree::Op::insert(k));
        }
        fg::BTreeDiagram diagram(params, ops);
        const auto& state = diagram.stateAt(diagram.stepCount() - 1);
        const QString text = diagram.summary(diagram.stepCount() - 1);
        QStringList root;
        for (auto k : state.nodes.keys(state.root)) {
            root << QString::number(k);
        }
        QVERIFY2(text.startsWith(QLatin1String("B-Tree, order 4, height 2, 6 keys: root [") +
                                 root.join(QLatin1Char(' ')) + QLatin1String("]; leaves [")),
                 qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("60]")), qPrintable(text));
        QCOMPARE(diagram.summary(-1), QStringLiteral("B-Tree, order 4: empty."));
        // One of a thing is said as one (the bus read "1 keys").
        QVERIFY2(diagram.summary(0).startsWith(QLatin1String("B-Tree, order 4, height 1, 1 key: ")),
                 qPrintable(diagram.summary(0)));
    }

    // A large tree is summarised, not read key by key: a few hundred characters at most.
    void aLargeTreeIsSummarised() {
        fg::btree::Params params;
        params.order = 4;
        fg::BTreeDiagram diagram(params, {fg::btree::Op::insertRandom(3000, 7, 1, 1'000'000)});
        const QString text = diagram.summary(diagram.stepCount() - 1);
        QVERIFY2(text.size() < 600, qPrintable(text));
        QVERIFY2(text.contains(QLatin1String(" nodes, ")), qPrintable(text));
    }

    // Tab goes through the page as it reads (the row of controls, the drawing, the playback bar,
    // the zoom buttons), and stops at the playback buttons and the timeline.
    void tabFollowsTheVisualOrder_data() { addDiagramViews(); }
    void tabFollowsTheVisualOrder() {
        QFETCH(ViewFactory, make);
        auto view = make();
        view->resize(1800, 1000);
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view.get()));
        QWidget* first = nullptr;
        for (QWidget* w : view->findChildren<QWidget*>()) {
            if ((w->focusPolicy() & Qt::TabFocus) && w->isVisible() && !w->focusProxy() &&
                (!first || readsAfter(view.get(), w, first))) {
                first = w;
            }
        }
        QVERIFY(first);
        const auto walk = tabWalk(view.get(), first);
        QStringList out;
        for (std::size_t i = 1; i < walk.size(); ++i) {
            if (!readsAfter(view.get(), walk[i - 1], walk[i])) {
                out << QStringLiteral("%1 \"%2\" after %3 \"%4\"")
                           .arg(QLatin1String(walk[i]->metaObject()->className()),
                                accessibleText(walk[i], QAccessible::Name),
                                QLatin1String(walk[i - 1]->metaObject()->className()),
                                accessibleText(walk[i - 1], QAccessible::Name));
            }
        }
        QStringList all;
        for (QWidget* w : walk) {
            all << accessibleText(w, QAccessible::Name);
        }
        QVERIFY2(out.isEmpty(), qPrintable(out.join(QLatin1String("; ")) + QLatin1String(" in ") +
                                           all.join(QLatin1String(" > "))));
        const auto reached = [&](QWidget* w) {
            return std::find(walk.begin(), walk.end(), w) != walk.end();
        };
        QVERIFY(reached(view->panel()->canvas()));
        QVERIFY(reached(view->findChild<QSlider*>()));
        int playback = 0;
        for (QWidget* w : walk) {
            playback +=
                accessibleText(w, QAccessible::Name).contains(QLatin1String("Step ")) ? 1 : 0;
        }
        QCOMPARE(playback, 2); // Step back, Step forward
    }

    // From the keyboard: Space presses the focused playback button (not play); a focused
    // timeline takes Right and moves one step; the canvas keeps Left and Right.
    void playbackWorksFromTheKeyboard() {
        auto page = std::unique_ptr<QWidget>(fg::liveDiagrams().front().makePage(nullptr));
        auto* view = qobject_cast<fg::DiagramView*>(page.get());
        view->resize(1600, 900);
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view));
        FG_ACTIVATE_OR_SKIP(view); // the canvas takes its keys with the focus
        fg::Player* player = view->panel()->player();
        player->seek(2);
        QToolButton* forward = nullptr;
        for (auto* b : view->findChildren<QToolButton*>()) {
            forward = b->accessibleName().startsWith(QLatin1String("Step forward")) ? b : forward;
        }
        QVERIFY(forward);
        forward->setFocus(Qt::TabFocusReason);
        QTest::keyClick(forward, Qt::Key_Space);
        QCOMPARE(player->position(), 3);
        QVERIFY(!player->isPlaying());
        auto* timeline = view->findChild<QSlider*>();
        timeline->setFocus(Qt::TabFocusReason);
        QTest::keyClick(timeline, Qt::Key_Right);
        QCOMPARE(player->position(), 4);
        QTest::keyClick(timeline, Qt::Key_Left);
        QCOMPARE(player->position(), 3);
        view->panel()->canvas()->setFocus(Qt::TabFocusReason);
        QTest::keyClick(view->panel()->canvas(), Qt::Key_Right);
        QCOMPARE(player->position(), 4);
    }

    // Tester 36 #4: Tab from the drawing landed on "To start", Space pressed it, and nothing
    // played under "Press Play (Space)". The opening sentence says where Space plays (on the
    // drawing), and it holds at every stop of the panel: a focused button is pressed by Space,
    // anything else (the drawing, the timeline) plays or pauses.
    void spacePlaysWhereTheOpeningSentenceSays() {
        fg::ButtonKeys::install(); // as the main window does: Space presses the focused button
        auto page = std::unique_ptr<QWidget>(fg::liveDiagrams().front().makePage(nullptr));
        auto* view = qobject_cast<fg::DiagramView*>(page.get());
        view->resize(1600, 900);
        view->show();
        FG_ACTIVATE_OR_SKIP(view);
        fg::Player* player = view->panel()->player();
        player->seek(-1);
        QVERIFY2(view->panel()->narration().contains(QLatin1String("Space on the drawing")),
                 qPrintable(view->panel()->narration()));
        int buttons = 0, playing = 0;
        for (QWidget* stop : tabWalk(view, view->panel()->canvas())) {
            if (!view->panel()->isAncestorOf(stop)) {
                continue; // the controls row above: lists, boxes and buttons of their own
            }
            player->pause();
            auto* button = qobject_cast<QAbstractButton*>(stop);
            int pressed = 0;
            if (button) {
                connect(button, &QAbstractButton::clicked, view, [&pressed] { ++pressed; });
            }
            const QString name = stop->accessibleName(); // Play's becomes Pause's
            stop->setFocus(Qt::TabFocusReason);
            QTest::keyClick(stop, Qt::Key_Space);
            if (button) {
                disconnect(button, &QAbstractButton::clicked, view, nullptr);
            }
            if (button) {
                ++buttons;
                QVERIFY2(pressed == 1, qPrintable(name));
                QCOMPARE(player->isPlaying(), name.startsWith(QLatin1String("Play")));
            } else {
                ++playing;
                QVERIFY2(player->isPlaying(), qPrintable(name));
            }
        }
        QVERIFY(buttons >= 5);
        QVERIFY(playing >= 2); // the drawing and the timeline
    }

    // With no screen reader listening, a step is not put into words nor shown as a notification
    // (the spoken state walks the whole state, at every step of a played diagram).
    void nothingIsSaidWithoutAScreenReader() {
        if (QAccessible::isActive()) {
            QSKIP("a screen reader's bridge is active in this session");
        }
        fg::setAnnouncingWithoutReader(false);
        auto page = std::unique_ptr<QWidget>(fg::liveDiagrams().front().makePage(nullptr));
        auto* view = qobject_cast<fg::DiagramView*>(page.get());
        view->resize(1600, 900);
        view->show();
        fg::DiagramCanvas* canvas = view->panel()->canvas();
        canvas->setFocus(Qt::TabFocusReason);
        QTest::keyClick(canvas, Qt::Key_Right);
        const bool said = fg::announcementOf(view->window()) != nullptr;
        fg::setAnnouncingWithoutReader(true); // the other tests stand in for a screen reader
        QVERIFY(!said);
    }

    // Orca speaks no description change (Qt 6.4's bridge sends the object, not its text): a step
    // is said as a notification while the student follows the drawing from the keyboard (the
    // focus on it or on its playback bar), and not while the focus is elsewhere.
    void aStepIsSaidWhileTheDrawingIsFollowed() {
        auto page = std::unique_ptr<QWidget>(fg::liveDiagrams().front().makePage(nullptr));
        auto* view = qobject_cast<fg::DiagramView*>(page.get());
        view->resize(1600, 900);
        view->show();
        FG_ACTIVATE_OR_SKIP(view);
        fg::DiagramCanvas* canvas = view->panel()->canvas();
        canvas->setFocus(Qt::TabFocusReason);
        QTest::keyClick(canvas, Qt::Key_Right);
        QWidget* notice = fg::announcementOf(view->window());
        QVERIFY(notice);
        QCOMPARE(QAccessible::queryAccessibleInterface(notice)->role(), QAccessible::Notification);
        QCOMPARE(accessibleText(notice, QAccessible::Name), canvas->spokenText());
        QVERIFY2(canvas->spokenText().startsWith(QLatin1String("Step 1 of ")),
                 qPrintable(canvas->spokenText()));
        fg::test::ShowCount shows(notice);
        auto* timeline = view->findChild<QSlider*>();
        timeline->setFocus(Qt::TabFocusReason);
        QTest::keyClick(timeline, Qt::Key_Right);
        QCOMPARE(shows.shown, 1);
        QCOMPARE(accessibleText(notice, QAccessible::Name), canvas->spokenText());
        QVERIFY(canvas->spokenText().startsWith(QLatin1String("Step 2 of ")));
        auto* elsewhere = new QLineEdit(view); // a control that is not the drawing's
        elsewhere->show();
        elsewhere->setFocus(Qt::TabFocusReason);
        canvas->player()->seek(5);
        QCOMPARE(shows.shown, 1);
        QVERIFY(accessibleText(notice, QAccessible::Name).startsWith(QLatin1String("Step 2 of ")));
    }

    // One object has the focus for a screen reader: the page and its chart hand theirs to the
    // drawing (focus proxies) and said they had it too (three focused objects on the bus).
    void onlyTheDrawingSaysItHasTheFocus_data() { addDiagramViews(); }
    void onlyTheDrawingSaysItHasTheFocus() {
        QFETCH(ViewFactory, make);
        auto view = make();
        view->resize(1600, 900);
        view->show();
        FG_ACTIVATE_OR_SKIP(view.get());
        view->panel()->canvas()->setFocus(Qt::TabFocusReason);
        const QStringList focused = fg::test::focusedInterfaces(view.get());
        QVERIFY2(focused.size() == 1 && focused.front().endsWith(accessibleText(
                                            view->panel()->canvas(), QAccessible::Name)),
                 qPrintable(focused.join(QLatin1String(", "))));
        if (view->chart()) {
            QCOMPARE(QAccessible::queryAccessibleInterface(view->chart())->role(),
                     QAccessible::Chart);
        }
    }

    // A chart has a text summary: its series by name, with their values.
    void aChartHasATextSummary_data() { addDiagramViews(); }
    void aChartHasATextSummary() {
        QFETCH(ViewFactory, make);
        auto view = make();
        if (!view->chart()) {
            QSKIP("no chart on this diagram");
        }
        view->resize(1400, 900);
        view->show();
        view->panel()->player()->toEnd();
        view->chart()->replot();
        const QString text = accessibleText(view->chart(), QAccessible::Description);
        QVERIFY2(text.contains(QLatin1String(" points, from ")), qPrintable(text));
        for (int i = 0; i < view->chart()->plottableCount(); ++i) {
            const QString name = view->chart()->plottable(i)->name();
            QVERIFY2(name.isEmpty() || !view->chart()->plottable(i)->visible() ||
                         text.contains(name),
                     qPrintable(name + QLatin1String(" | ") + text));
        }
    }
};

FG_TEST_MAIN(TestAccessibilityDiagrams)
#include "test_accessibility_diagrams.moc"
