// WalkPlayer: "Show me" on the Practice page for an exercise no live diagram replays: the
// engine's walkthrough (engines/practice/practice_walk.h) played one step at a time under the
// exercise's picture: the step's sentence, Back, Next and Play (a step every 2 seconds), Left and
// Right as in a live diagram. The page outlines on the picture what each step looks at.
#pragma once

#include "engines/practice/practice_walk.h"

#include <QWidget>
#include <vector>

class QLabel;
class QPushButton;
class QTimer;

namespace fg {

class WalkPlayer : public QWidget {
    Q_OBJECT
public:
    explicit WalkPlayer(QWidget* parent = nullptr);

    // The steps to play (hidden, stopped); start() shows the first and plays on.
    void setSteps(std::vector<practice::WalkStep> steps);
    void start();
    void stop();
    int at() const { return at_; }
    int stepCount() const { return static_cast<int>(steps_.size()); }
    const std::vector<practice::WalkStep>& steps() const { return steps_; }
    bool isPlaying() const;
    QString text() const; // the step's line as shown
    void showStep(int index);
    // Left / Right step while the player is shown; true when the key was taken.
    bool takeKey(int key);

signals:
    // Step `index` is on screen: the page marks what it names and the answer settled so far.
    void stepShown(int index);

private:
    void playPause();

    std::vector<practice::WalkStep> steps_;
    int at_ = -1;
    QLabel* line_ = nullptr;
    QPushButton* back_ = nullptr;
    QPushButton* next_ = nullptr;
    QPushButton* play_ = nullptr;
    QTimer* timer_ = nullptr;
};

} // namespace fg
