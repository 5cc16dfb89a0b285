// PlaybackBar: the controls under a diagram: to start, step back, play/pause, step forward, to end,
// a timeline scrubber, the speed, and "Step 3 of 42". It drives a Player and follows it. The keys
// are VisuAlgo's: Space play/pause, Left/Right step, Home/End, -/+ speed; they work anywhere in
// the bar's parent panel (installKeys).
#pragma once

#include "widgets/playback/player.h"

#include <QIcon>
#include <QWidget>
#include <utility>
#include <vector>

class QLabel;
class QSlider;
class QToolButton;

namespace fg {

class PlaybackBar : public QWidget {
    Q_OBJECT
public:
    explicit PlaybackBar(Player* player, QWidget* parent = nullptr);

    // The player the bar drives.
    Player* player() const { return player_; }
    // Adds the playback keys as actions on `scope` (shortcuts active while focus is inside it).
    void installKeys(QWidget* scope);

protected:
    void changeEvent(QEvent* event) override;
    // A click on the timeline's track jumps to the step under the pointer (Qt's slider paged by
    // a tenth, a tester clicked and nothing seemed to follow).
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refresh();
    void sizeIcons(); // the icons as large as the bar's type
    // True when `watched` (the timeline or a button), focused, takes `key` for itself.
    bool takesKey(QObject* watched, int key) const;
    QToolButton* button(const QString& name, int icon, void (Player::*slot)());
    // The standard media icon `icon`, drawn in the palette's button text colour (Qt's own are
    // dark grey whatever the palette: nearly invisible on the dark theme's buttons).
    QIcon tinted(int icon) const;
    // Makes every button's icon again in the palette's colours (a theme or style change).
    void tintIcons();

    Player* player_;
    QToolButton* playButton_ = nullptr;
    QSlider* scrubber_ = nullptr;
    QLabel* stepLabel_ = nullptr;
    QLabel* speedLabel_ = nullptr;
    std::vector<std::pair<QToolButton*, int>> iconButtons_; // each button and its icon
    QIcon playIcon_, pauseIcon_;
    int iconShown_ = -1; // 1 pause, 0 play, -1 none yet: the icon is set only when it changes
};

} // namespace fg
