// PlaybackBar: the controls under a diagram: to start, step back, play/pause, step forward, to end,
// a timeline scrubber, the speed, and "Step 3 of 42". It drives a Player and follows it. The keys
// are VisuAlgo's: Space play/pause, Left/Right step, Home/End, -/+ speed; they work anywhere in
// the bar's parent panel (installKeys).
#pragma once

#include "widgets/playback/player.h"

#include <QWidget>

class QLabel;
class QSlider;
class QToolButton;

namespace fg {

class PlaybackBar : public QWidget {
    Q_OBJECT
public:
    explicit PlaybackBar(Player* player, QWidget* parent = nullptr);

    // Adds the playback keys as actions on `scope` (shortcuts active while focus is inside it).
    void installKeys(QWidget* scope);

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    QToolButton* button(const QString& name, int icon, void (Player::*slot)());

    Player* player_;
    QToolButton* playButton_ = nullptr;
    QSlider* scrubber_ = nullptr;
    QLabel* stepLabel_ = nullptr;
    QLabel* speedLabel_ = nullptr;
    int iconShown_ = -1; // 1 pause, 0 play, -1 none yet: the icon is made only when it changes
};

} // namespace fg
