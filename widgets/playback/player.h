// Player: the cursor over a diagram's timeline, and the clock that moves it. It knows nothing of
// what is drawn: a view listens to positionChanged(position, previous) and progressChanged(t) and
// draws the frame between the two steps' layouts. Step back and seek are jumps to an exact frame
// (progress 1, no animation), so going back shows exactly the frame that was shown before.
//
// Position -1 is the initial state (before the first step); positions run to stepCount() - 1.
// Playing, one step is a 450 ms transition at 1x (eased), then the frame holds still while its
// narration is read (holdMs: about 1.2 to 6 s at 1x, longer for a longer sentence), so a class
// can read every sentence; speeds run from 0.25x to 8x and scale both. Play waits only for what is
// left of the reading time of the frame on screen: pressing Play on a frame read long ago moves at
// once, a preset that starts playing holds its opening sentence first.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QVariantAnimation>
#include <array>
#include <functional>

namespace fg {

class Player : public QObject {
    Q_OBJECT
public:
    static constexpr int kStepMs = 450;     // a transition at 1x
    static constexpr int kHoldMs = 1200;    // the hold at 1x of a frame without narration
    static constexpr int kMaxHoldMs = 6000; // however long the sentence
    static constexpr std::array<double, 6> kSpeeds = {0.25, 0.5, 1.0, 2.0, 4.0, 8.0};

    explicit Player(QObject* parent = nullptr);

    // How long (ms at 1x) a frame holds for a narration of `characters` characters: 20 ms a
    // character (50 characters a second: a quick read, the drawing having shown the rest) plus
    // 500 ms to find it, within kHoldMs..kMaxHoldMs; a slower reader pauses or steps.
    static int readingMs(qsizetype characters);
    // What the hold of each position is (ms at 1x); unset, every frame holds kHoldMs. The canvas
    // sets it to the reading time of the position's narration.
    void setHoldFunction(std::function<int(int position)> holdMs) { holdMs_ = std::move(holdMs); }
    int holdMs(int position) const { return holdMs_ ? holdMs_(position) : kHoldMs; }

    // A new timeline: the position is clamped into it (kept where it still exists, so changing a
    // parameter keeps the student's place) and playing stops.
    void setStepCount(int count);
    int stepCount() const { return count_; }
    int position() const { return position_; }
    bool isPlaying() const { return playing_; }
    double speed() const { return kSpeeds[speedIndex_]; }
    // Progress of the transition into position(), from 0 (the previous frame) to 1.
    double progress() const { return progress_; }
    bool atStart() const { return position_ <= -1; }
    bool atEnd() const { return position_ >= count_ - 1; }

public slots:
    void play();
    // Plays on from the next step at once, with no hold first: a step the student has just asked
    // for (an operation added from the controls).
    void playOn();
    void pause();
    // The frame on screen counts as shown from now: its whole reading time is still to come
    // (a blacked-out slide hid it; played on after, it stepped on at once).
    void holdAfresh();
    void togglePlay();
    void stepForward();      // animated
    void stepBack();         // a jump
    void toStart();          // a jump
    void toEnd();            // a jump
    void seek(int position); // a jump
    void faster();
    void slower();
    void setSpeed(double speed); // the nearest of kSpeeds

signals:
    void positionChanged(int position, int previous);
    void progressChanged(double t);
    void playingChanged(bool playing);
    void speedChanged(double speed);
    // The run has a new number of steps (the position may stay: a new source of the same run).
    void stepCountChanged(int count);

private:
    void jump(int position);
    void animateTo(int position);
    void onFinished();
    void advance();
    int scaled(int ms) const { return static_cast<int>(ms / speed()); }

    QVariantAnimation animation_;
    QTimer hold_;         // the hold of the frame on screen while playing
    QElapsedTimer shown_; // since the frame on screen came to rest
    std::function<int(int)> holdMs_;
    int count_ = 0;
    int position_ = -1;
    double progress_ = 1.0;
    bool playing_ = false;
    std::size_t speedIndex_ = 2;
};

} // namespace fg
