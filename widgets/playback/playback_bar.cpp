#include "widgets/playback/playback_bar.h"

#include "widgets/controls/focus_ring.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPixmap>
#include <QSlider>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QToolButton>
#include <algorithm>

namespace fg {

PlaybackBar::PlaybackBar(Player* player, QWidget* parent) : QWidget(parent), player_(player) {
    auto* row = new QHBoxLayout(this);
    // Room for the focus ring round the buttons and the timeline: drawn in this bar, outside
    // the focused control, it was cut off where a control met the bar's edge.
    const int ring = FocusRing::kWidth;
    row->setContentsMargins(ring, ring, ring, ring);
    row->addWidget(button(tr("To start (Home)"), QStyle::SP_MediaSkipBackward, &Player::toStart));
    row->addWidget(button(tr("Step back (Left)"), QStyle::SP_MediaSeekBackward, &Player::stepBack));
    playButton_ = button(tr("Play (Space)"), QStyle::SP_MediaPlay, &Player::togglePlay);
    row->addWidget(playButton_);
    row->addWidget(
        button(tr("Step forward (Right)"), QStyle::SP_MediaSeekForward, &Player::stepForward));
    row->addWidget(button(tr("To end (End)"), QStyle::SP_MediaSkipForward, &Player::toEnd));

    scrubber_ = new QSlider(Qt::Horizontal, this);
    scrubber_->setAccessibleName(tr("Timeline"));
    // Said by a screen reader with the timeline: keys first, for those who have no mouse.
    scrubber_->setToolTip(tr("Left and Right go one step; drag it to jump to any step"));
    // Reached with Tab, not by a click (the canvas keeps Left/Right after a drag); focused, it
    // takes its own arrows, Home, End and Page keys (eventFilter) and moves the player with them.
    scrubber_->setFocusPolicy(Qt::TabFocus);
    connect(scrubber_, &QSlider::sliderMoved, player_, [this](int v) { player_->seek(v - 1); });
    connect(scrubber_, &QSlider::actionTriggered, player_, [this](int action) {
        if (action != QAbstractSlider::SliderMove) {
            player_->seek(scrubber_->sliderPosition() - 1);
        }
    });
    scrubber_->installEventFilter(this);
    row->addWidget(scrubber_, 1);

    stepLabel_ = new QLabel(this);
    stepLabel_->setAccessibleDescription(tr("Step counter"));
    row->addWidget(stepLabel_);

    auto* slower = new QToolButton(this);
    slower->setText(QStringLiteral("\u2212"));
    slower->setAccessibleName(tr("Slower (-)"));
    slower->setToolTip(tr("Slower (-)"));
    connect(slower, &QToolButton::clicked, player_, &Player::slower);
    row->addWidget(slower);
    speedLabel_ = new QLabel(this);
    speedLabel_->setAccessibleDescription(tr("Speed"));
    speedLabel_->setAlignment(Qt::AlignCenter);
    row->addWidget(speedLabel_);
    auto* faster = new QToolButton(this);
    faster->setText(QStringLiteral("+"));
    faster->setAccessibleName(tr("Faster (+)"));
    faster->setToolTip(tr("Faster (+)"));
    connect(faster, &QToolButton::clicked, player_, &Player::faster);
    row->addWidget(faster);

    connect(player_, &Player::positionChanged, this, &PlaybackBar::refresh);
    connect(player_, &Player::playingChanged, this, &PlaybackBar::refresh);
    connect(player_, &Player::speedChanged, this, &PlaybackBar::refresh);
    connect(player_, &Player::stepCountChanged, this, &PlaybackBar::refresh);
    tintIcons();
    sizeIcons();
}

QToolButton* PlaybackBar::button(const QString& name, int icon, void (Player::*slot)()) {
    auto* b = new QToolButton(this);
    iconButtons_.emplace_back(b, icon);
    b->setAccessibleName(name);
    b->setToolTip(name);
    b->setFocusPolicy(Qt::TabFocus); // a click leaves the keys with the diagram
    b->installEventFilter(this);     // Space presses it when it has the focus
    connect(b, &QToolButton::clicked, player_, slot);
    return b;
}

void PlaybackBar::installKeys(QWidget* scope) {
    auto add = [&](const QString& name, QList<QKeySequence> keys, auto slot) {
        auto* a = new QAction(name, scope);
        a->setShortcuts(keys);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, player_, slot);
        scope->addAction(a);
    };
    add(tr("Play or pause"), {Qt::Key_Space}, &Player::togglePlay);
    add(tr("Step forward"), {Qt::Key_Right}, &Player::stepForward);
    add(tr("Step back"), {Qt::Key_Left}, &Player::stepBack);
    add(tr("To start"), {Qt::Key_Home}, &Player::toStart);
    add(tr("To end"), {Qt::Key_End}, &Player::toEnd);
    add(tr("Slower"), {Qt::Key_Minus}, &Player::slower);
    add(tr("Faster"), {Qt::Key_Plus, Qt::Key_Equal}, &Player::faster);
}

void PlaybackBar::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::StyleChange || event->type() == QEvent::PaletteChange) {
        tintIcons();
    }
    if (event->type() == QEvent::FontChange) {
        sizeIcons();
        refresh(); // the labels' room in the new type
    }
}

void PlaybackBar::sizeIcons() {
    // As high as a line of the bar's type, the style's 16 px at least: the icons stayed 16 px
    // beside text zoomed, presented (F5) or in the Projector's type (a tester).
    const int side = std::max(16, fontMetrics().height());
    for (const auto& [b, icon] : iconButtons_) {
        b->setIconSize(QSize(side, side));
    }
}

QIcon PlaybackBar::tinted(int icon) const {
    const QIcon source = style()->standardIcon(static_cast<QStyle::StandardPixmap>(icon));
    QIcon out;
    for (const auto& [mode, group] : {std::pair{QIcon::Normal, QPalette::Active},
                                      std::pair{QIcon::Disabled, QPalette::Disabled}}) {
        const QColor colour = palette().color(group, QPalette::ButtonText);
        for (int side : {16, 24, 32, 48}) {
            QPixmap pm = source.pixmap(QSize(side, side));
            if (pm.isNull()) {
                continue;
            }
            if (pm.width() < side) { // a style with small images only: drawn as large anyway
                pm = pm.scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation);
            }
            QPainter p(&pm);
            p.setCompositionMode(QPainter::CompositionMode_SourceIn);
            p.fillRect(pm.rect(), colour); // the icon's shape, in the text colour
            p.end();
            out.addPixmap(pm, mode);
        }
    }
    return out;
}

void PlaybackBar::tintIcons() {
    for (const auto& [b, icon] : iconButtons_) {
        if (b != playButton_) {
            b->setIcon(tinted(icon));
        }
    }
    playIcon_ = tinted(QStyle::SP_MediaPlay);
    pauseIcon_ = tinted(QStyle::SP_MediaPause);
    iconShown_ = -1;
    refresh();
}

void PlaybackBar::refresh() {
    const bool playing = player_->isPlaying();
    // The icons are made once per palette or style (tintIcons): each standardIcon call loads
    // the icon's images again (the soak saw ~1 KB a step kept in the pixmap cache).
    if (iconShown_ != int(playing)) {
        iconShown_ = int(playing);
        playButton_->setIcon(playing ? pauseIcon_ : playIcon_);
        playButton_->setAccessibleName(playing ? tr("Pause (Space)") : tr("Play (Space)"));
        playButton_->setToolTip(playButton_->accessibleName());
    }
    scrubber_->setRange(0, player_->stepCount());
    scrubber_->setValue(player_->position() + 1);
    stepLabel_->setText(tr("Step %1 of %2").arg(player_->position() + 1).arg(player_->stepCount()));
    // Each label as wide as its widest text for this run ("Step 88 of 88", "0.25x"), so that
    // the timeline's end does not move a few pixels between step 5 and step 11 (a tester), and
    // half a letter's room on each side (they touched the - and + buttons beside them).
    const QString widest = QString(QString::number(player_->stepCount()).size(), QLatin1Char('8'));
    for (QLabel* label : {stepLabel_, speedLabel_}) {
        const int pad = label->fontMetrics().averageCharWidth() / 2 + 1;
        label->setContentsMargins(pad, 0, pad, 0);
        label->setMinimumWidth(2 * pad + label->fontMetrics().horizontalAdvance(
                                             label == stepLabel_
                                                 ? tr("Step %1 of %2").arg(widest, widest)
                                                 : QStringLiteral("0.25x")));
    }
    speedLabel_->setText(QStringLiteral("%1x").arg(player_->speed()));
}

bool PlaybackBar::takesKey(QObject* watched, int key) const {
    if (watched == scrubber_) {
        return key == Qt::Key_Left || key == Qt::Key_Right || key == Qt::Key_Home ||
               key == Qt::Key_End || key == Qt::Key_PageUp || key == Qt::Key_PageDown;
    }
    return key == Qt::Key_Space && qobject_cast<QToolButton*>(watched);
}

bool PlaybackBar::eventFilter(QObject* watched, QEvent* event) {
    // The panel's playback keys are shortcuts: a focused control that claims a key here gets it
    // instead (Space presses the focused button, the arrows move the focused timeline).
    if (event->type() == QEvent::ShortcutOverride &&
        takesKey(watched, static_cast<QKeyEvent*>(event)->key())) {
        event->accept();
        return true;
    }
    if (watched == scrubber_ && event->type() == QEvent::MouseButtonPress) {
        auto* press = static_cast<QMouseEvent*>(event);
        QStyleOptionSlider opt;
        opt.initFrom(scrubber_);
        opt.orientation = scrubber_->orientation();
        opt.minimum = scrubber_->minimum();
        opt.maximum = scrubber_->maximum();
        opt.sliderPosition = scrubber_->sliderPosition();
        opt.sliderValue = scrubber_->value();
        opt.upsideDown = scrubber_->invertedAppearance();
        const QRect handle = scrubber_->style()->subControlRect(QStyle::CC_Slider, &opt,
                                                                QStyle::SC_SliderHandle, scrubber_);
        const QRect groove = scrubber_->style()->subControlRect(QStyle::CC_Slider, &opt,
                                                                QStyle::SC_SliderGroove, scrubber_);
        if (press->button() == Qt::LeftButton && !handle.contains(press->position().toPoint())) {
            const int span = std::max(1, groove.width() - handle.width());
            const int x = qRound(press->position().x()) - groove.left() - handle.width() / 2;
            const int value = QStyle::sliderValueFromPosition(
                scrubber_->minimum(), scrubber_->maximum(), std::clamp(x, 0, span), span);
            player_->seek(value - 1);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace fg
