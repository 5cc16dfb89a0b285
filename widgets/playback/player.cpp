#include "widgets/playback/player.h"

#include <QEasingCurve>
#include <QTimer>
#include <algorithm>
#include <cmath>

namespace fg {

Player::Player(QObject* parent) : QObject(parent) {
    animation_.setStartValue(0.0);
    animation_.setEndValue(1.0);
    animation_.setEasingCurve(QEasingCurve::InOutCubic);
    connect(&animation_, &QVariantAnimation::valueChanged, this, [this](const QVariant& v) {
        progress_ = v.toDouble();
        emit progressChanged(progress_);
    });
    connect(&animation_, &QVariantAnimation::finished, this, &Player::onFinished);
    hold_.setSingleShot(true);
    connect(&hold_, &QTimer::timeout, this, &Player::advance);
    shown_.start();
}

int Player::readingMs(qsizetype characters) {
    return static_cast<int>(std::clamp<qsizetype>(500 + 20 * characters, kHoldMs, kMaxHoldMs));
}

void Player::setStepCount(int count) {
    pause();
    const int before = count_;
    count_ = std::max(0, count);
    const int clamped = std::clamp(position_, -1, count_ - 1);
    if (clamped != position_) {
        jump(clamped);
    }
    if (count_ != before) {
        emit stepCountChanged(count_);
    }
}

void Player::play() {
    if (playing_ || count_ == 0) {
        return;
    }
    if (atEnd()) { // playing from the end starts over, as a video player does
        jump(-1);
    }
    playing_ = true;
    emit playingChanged(true);
    if (animation_.state() != QAbstractAnimation::Running) {
        // Only what is left of the frame's reading time: it may have been on screen a while.
        hold_.start(
            static_cast<int>(std::max<qint64>(0, scaled(holdMs(position_)) - shown_.elapsed())));
    }
}

void Player::playOn() {
    if (count_ == 0 || atEnd()) {
        return;
    }
    if (!playing_) {
        playing_ = true;
        emit playingChanged(true);
    }
    hold_.stop();
    animateTo(position_ + 1);
}

void Player::holdAfresh() {
    shown_.restart();
}

void Player::pause() {
    hold_.stop();
    if (!playing_) {
        return;
    }
    playing_ = false;
    emit playingChanged(false);
}

void Player::togglePlay() {
    playing_ ? pause() : play();
}

void Player::stepForward() {
    pause();
    if (!atEnd()) {
        animateTo(position_ + 1);
    }
}

void Player::stepBack() {
    pause();
    if (!atStart()) {
        jump(position_ - 1);
    }
}

void Player::toStart() {
    pause();
    jump(-1);
}

void Player::toEnd() {
    pause();
    jump(count_ - 1);
}

void Player::seek(int position) {
    pause();
    jump(std::clamp(position, -1, count_ - 1));
}

void Player::faster() {
    setSpeed(kSpeeds[std::min(speedIndex_ + 1, kSpeeds.size() - 1)]);
}

void Player::slower() {
    setSpeed(kSpeeds[speedIndex_ == 0 ? 0 : speedIndex_ - 1]);
}

void Player::setSpeed(double wanted) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < kSpeeds.size(); ++i) {
        if (std::abs(std::log2(kSpeeds[i] / wanted)) <
            std::abs(std::log2(kSpeeds[best] / wanted))) {
            best = i;
        }
    }
    if (best == speedIndex_) {
        return;
    }
    speedIndex_ = best;
    animation_.setDuration(static_cast<int>(kStepMs / speed()));
    emit speedChanged(this->speed());
}

void Player::jump(int position) {
    animation_.stop();
    const int previous = position_;
    if (position != previous || progress_ < 1.0) {
        shown_.restart(); // the same frame again (a rebuilt timeline) keeps its time on screen
    }
    position_ = position;
    progress_ = 1.0;
    emit positionChanged(position_, previous);
    emit progressChanged(1.0);
}

void Player::animateTo(int position) {
    animation_.stop();
    const int previous = position_;
    position_ = position;
    progress_ = 0.0;
    animation_.setDuration(static_cast<int>(kStepMs / speed()));
    emit positionChanged(position_, previous);
    emit progressChanged(0.0);
    animation_.start();
}

void Player::onFinished() {
    progress_ = 1.0;
    shown_.restart();
    if (!playing_) {
        return;
    }
    if (atEnd()) {
        pause();
        return;
    }
    // The frame holds still while its narration is read, then the next step moves.
    hold_.start(scaled(holdMs(position_)));
}

void Player::advance() {
    if (!playing_ || animation_.state() == QAbstractAnimation::Running) {
        return;
    }
    if (atEnd()) {
        pause();
    } else {
        animateTo(position_ + 1);
    }
}

} // namespace fg
