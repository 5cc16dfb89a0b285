#include "widgets/practice/walk_player.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

namespace fg {

WalkPlayer::WalkPlayer(QWidget* parent) : QWidget(parent) {
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(0, 4, 0, 4);
    line_ = new QLabel(this);
    line_->setWordWrap(true);
    line_->setTextFormat(Qt::PlainText);
    line_->setAccessibleDescription(tr("Step of the engine's work"));
    QFont f = line_->font();
    f.setPointSizeF(f.pointSizeF() * 1.1);
    line_->setFont(f);
    v->addWidget(line_);
    auto* row = new QHBoxLayout;
    back_ = new QPushButton(tr("\u25c0 Back"), this);
    back_->setToolTip(tr("The step before (Left)"));
    next_ = new QPushButton(tr("Next step \u25b6"), this);
    next_->setToolTip(tr("The next step (Right)"));
    play_ = new QPushButton(tr("Pause"), this);
    for (QPushButton* b : {back_, next_, play_}) {
        row->addWidget(b);
    }
    row->addStretch(1);
    v->addLayout(row);
    timer_ = new QTimer(this);
    timer_->setInterval(2000); // time to read a sentence
    connect(timer_, &QTimer::timeout, this, [this] { showStep(at_ + 1); });
    connect(back_, &QPushButton::clicked, this, [this] {
        stop();
        showStep(at_ - 1);
    });
    connect(next_, &QPushButton::clicked, this, [this] {
        stop();
        showStep(at_ + 1);
    });
    connect(play_, &QPushButton::clicked, this, &WalkPlayer::playPause);
    hide();
}

void WalkPlayer::setSteps(std::vector<practice::WalkStep> steps) {
    stop();
    steps_ = std::move(steps);
    at_ = -1;
    hide();
}

void WalkPlayer::start() {
    if (steps_.empty()) {
        return;
    }
    show();
    showStep(0);
    if (stepCount() > 1) {
        timer_->start();
        play_->setText(tr("Pause"));
    }
    next_->setFocus();
}

void WalkPlayer::stop() {
    timer_->stop();
    play_->setText(at_ + 1 >= stepCount() ? tr("Play again") : tr("Play"));
}

bool WalkPlayer::isPlaying() const {
    return timer_->isActive();
}

QString WalkPlayer::text() const {
    return line_->text();
}

void WalkPlayer::showStep(int index) {
    if (steps_.empty()) {
        return;
    }
    at_ = std::clamp(index, 0, stepCount() - 1);
    line_->setText(tr("Step %1 of %2: %3")
                       .arg(at_ + 1)
                       .arg(stepCount())
                       .arg(QString::fromStdString(steps_[static_cast<std::size_t>(at_)].text)));
    back_->setEnabled(at_ > 0);
    next_->setEnabled(at_ + 1 < stepCount());
    if (at_ + 1 >= stepCount()) {
        stop(); // the last step stays on screen
    }
    emit stepShown(at_);
}

void WalkPlayer::playPause() {
    if (isPlaying()) {
        stop();
        return;
    }
    if (at_ + 1 >= stepCount()) {
        showStep(0); // from the start again
    } else {
        showStep(at_ + 1);
    }
    if (at_ + 1 < stepCount()) {
        timer_->start();
        play_->setText(tr("Pause"));
    }
}

bool WalkPlayer::takeKey(int key) {
    if (isHidden() || steps_.empty() || (key != Qt::Key_Left && key != Qt::Key_Right)) {
        return false;
    }
    stop();
    showStep(at_ + (key == Qt::Key_Right ? 1 : -1));
    return true;
}

} // namespace fg
