// DiagramPanel: VisuAlgo's keys drive the diagram from anywhere in the panel, the narration and
// step counter follow, and every control has an accessible name.
#include "tests/widgets/canvas/toy_source.h"
#include "widgets/canvas/diagram_panel.h"

#include <QAbstractButton>
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
                QVERIFY2(!w->accessibleName().isEmpty(), w->metaObject()->className());
            }
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

QTEST_MAIN(TestPanel)
#include "test_panel.moc"
