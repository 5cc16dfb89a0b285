// DiagramPanel: VisuAlgo's keys drive the diagram from anywhere in the panel, the narration and
// step counter follow, and every control has an accessible name.
#include "tests/suite_main.h"
#include "tests/widgets/canvas/toy_source.h"
#include "widgets/canvas/diagram_panel.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QLabel>
#include <QSlider>
#include <QTest>

class TestPanel : public QObject {
    Q_OBJECT
private slots:
    void keysDriveThePlayer() {
        fg::DiagramPanel panel;
        panel.setSource(std::make_unique<ToySource>());
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.canvas()->setFocus();
        QTest::keyClick(panel.canvas(), Qt::Key_Right);
        QCOMPARE(panel.player()->position(), 0);
        QTest::keyClick(panel.canvas(), Qt::Key_End);
        QCOMPARE(panel.player()->position(), 11);
        QTest::keyClick(panel.canvas(), Qt::Key_Left);
        QCOMPARE(panel.player()->position(), 10);
        QCOMPARE(panel.narration(), QStringLiteral("Step 10 adds box 10."));
        QTest::keyClick(panel.canvas(), Qt::Key_Home);
        QCOMPARE(panel.player()->position(), -1);
        QTest::keyClick(panel.canvas(), Qt::Key_Plus);
        QCOMPARE(panel.player()->speed(), 2.0);
        QTest::keyClick(panel.canvas(), Qt::Key_Minus);
        QTest::keyClick(panel.canvas(), Qt::Key_Minus);
        QCOMPARE(panel.player()->speed(), 0.5);
        QTest::keyClick(panel.canvas(), Qt::Key_Space);
        QVERIFY(panel.player()->isPlaying());
        QTest::keyClick(panel.canvas(), Qt::Key_Space);
        QVERIFY(!panel.player()->isPlaying());
    }

    void everyControlHasAnAccessibleName() {
        fg::DiagramPanel panel;
        panel.setSource(std::make_unique<ToySource>());
        const auto widgets = panel.findChildren<QWidget*>();
        QVERIFY(widgets.size() > 5);
        for (QWidget* w : widgets) {
            if (qobject_cast<QAbstractButton*>(w) || w->inherits("QSlider") ||
                w->inherits("QLabel") || w->inherits("fg::DiagramCanvas")) {
                // What a screen reader hears: a label's text is its name (what it is, its
                // description; an empty label says nothing), a control's name is set.
                const auto* label = qobject_cast<QLabel*>(w);
                if (label && label->text().isEmpty()) {
                    continue;
                }
                QAccessibleInterface* a = QAccessible::queryAccessibleInterface(w);
                QVERIFY2(a && !a->text(QAccessible::Name).isEmpty(), w->metaObject()->className());
            }
        }
    }

    // A tester clicked the timeline's track and the step moved by a page, not to the click: a
    // click at a quarter of the track goes to the step a quarter of the way; on the handle it
    // is a drag as before.
    void aClickOnTheTimelineJumpsThere() {
        fg::DiagramPanel panel;
        panel.setSource(std::make_unique<ToySource>());
        panel.resize(900, 400);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSlider* timeline = panel.findChild<QSlider*>();
        QVERIFY(timeline);
        const int steps = panel.player()->stepCount();
        for (const double at : {0.25, 0.8, 0.5}) {
            const QPoint where(qRound(at * timeline->width()), timeline->height() / 2);
            QTest::mouseClick(timeline, Qt::LeftButton, Qt::NoModifier, where);
            // The slider's value v is step v - 1 (0: before the first step).
            const int expected = qRound(at * steps) - 1;
            QVERIFY2(std::abs(panel.player()->position() - expected) <= 1,
                     qPrintable(QStringLiteral("clicked at %1 of the track: step %2, expected %3")
                                    .arg(at)
                                    .arg(panel.player()->position())
                                    .arg(expected)));
        }
    }

    void aNewSourceKeepsTheStep() {
        fg::DiagramPanel panel;
        panel.setSource(std::make_unique<ToySource>());
        panel.player()->seek(7);
        panel.setSource(std::make_unique<ToySource>());
        QCOMPARE(panel.player()->position(), 7);
    }
};

FG_TEST_MAIN(TestPanel)
#include "test_panel.moc"
