// Player: the cursor moves one step at a time, jumps back exactly, clamps at both ends, keeps its
// place when the timeline is rebuilt, and plays to the end by itself at any speed.
#include "widgets/playback/player.h"

#include <QSignalSpy>
#include <QTest>

class TestPlayer : public QObject {
    Q_OBJECT
private slots:
    void startsBeforeTheFirstStep() {
        fg::Player p;
        p.setStepCount(5);
        QCOMPARE(p.position(), -1);
        QVERIFY(p.atStart());
        QVERIFY(!p.isPlaying());
    }

    void stepForwardAnimatesStepBackJumps() {
        fg::Player p;
        p.setStepCount(3);
        QSignalSpy moved(&p, &fg::Player::positionChanged);
        p.stepForward();
        QCOMPARE(p.position(), 0);
        QCOMPARE(p.progress(), 0.0); // the transition starts from the previous frame
        QTRY_COMPARE(p.progress(), 1.0);
        p.stepForward();
        QTRY_COMPARE(p.progress(), 1.0);
        p.stepBack();
        QCOMPARE(p.position(), 0);
        QCOMPARE(p.progress(), 1.0); // no tween: exactly the frame shown before
        QCOMPARE(moved.count(), 3);
        QCOMPARE(moved.last().at(0).toInt(), 0);
        QCOMPARE(moved.last().at(1).toInt(), 1);
    }

    void clampsAtBothEnds() {
        fg::Player p;
        p.setStepCount(2);
        p.stepBack();
        QCOMPARE(p.position(), -1);
        p.toEnd();
        QCOMPARE(p.position(), 1);
        p.stepForward();
        QCOMPARE(p.position(), 1);
        p.seek(99);
        QCOMPARE(p.position(), 1);
        p.seek(-99);
        QCOMPARE(p.position(), -1);
    }

    void aRebuiltTimelineKeepsThePlace() {
        fg::Player p;
        p.setStepCount(10);
        p.seek(6);
        p.setStepCount(20); // e.g. a smaller B-Tree order: more steps for the same keys
        QCOMPARE(p.position(), 6);
        p.setStepCount(4);
        QCOMPARE(p.position(), 3);
    }

    void playsToTheEndAndStops() {
        fg::Player p;
        p.setSpeed(8);
        p.setStepCount(4);
        QSignalSpy playing(&p, &fg::Player::playingChanged);
        p.play();
        QVERIFY(p.isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(!p.isPlaying(), 5000);
        QCOMPARE(p.position(), 3);
        QCOMPARE(playing.count(), 2);
        p.play(); // from the end: starts over
        QVERIFY(p.position() <= 0);
        p.pause();
    }

    void speedsRunFromAQuarterToEight() {
        fg::Player p;
        QCOMPARE(p.speed(), 1.0);
        for (int i = 0; i < 10; ++i) {
            p.faster();
        }
        QCOMPARE(p.speed(), 8.0);
        for (int i = 0; i < 10; ++i) {
            p.slower();
        }
        QCOMPARE(p.speed(), 0.25);
        p.setSpeed(3.0); // nearest on a log scale
        QCOMPARE(p.speed(), 4.0);
    }
};

QTEST_GUILESS_MAIN(TestPlayer)
#include "test_player.moc"
