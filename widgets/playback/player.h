// Player: the cursor over a diagram's timeline, and the clock that moves it. It knows nothing of
// what is drawn: a view listens to positionChanged(position, previous) and progressChanged(t) and
// draws the frame between the two steps' layouts. Step back and seek are jumps to an exact frame
// (progress 1, no animation), so going back shows exactly the frame that was shown before.
//
// Position -1 is the initial state (before the first step); positions run to stepCount() - 1.
// One step takes 300 ms at 1x (eased); speeds run from 0.25x to 8x.
#pragma once

#include <QObject>
#include <QVariantAnimation>
#include <array>

namespace fg {

class Player : public QObject {
    Q_OBJECT
public:
    static constexpr int kStepMs = 300;
    static constexpr std::array<double, 6> kSpeeds = {0.25, 0.5, 1.0, 2.0, 4.0, 8.0};

    explicit Player(QObject* parent = nullptr);

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
    void pause();
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

private:
    void jump(int position);
    void animateTo(int position);
    void onFinished();

    QVariantAnimation animation_;
    int count_ = 0;
    int position_ = -1;
    double progress_ = 1.0;
    bool playing_ = false;
    std::size_t speedIndex_ = 2;
};

} // namespace fg
