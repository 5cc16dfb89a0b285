#include "widgets/canvas/canvas_scroll.h"

#include "widgets/canvas/frame.h"

#include <QKeyEvent>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QStyle>
#include <QWidget>
#include <algorithm>
#include <cmath>

namespace fg {

qreal drawingMargin(QSizeF viewport) {
    // A drawing never touches the edges (or the title over a slide).
    return std::max<qreal>(16, 0.03 * std::min(viewport.width(), viewport.height()));
}

QSizeF drawingRoom(QSizeF viewport) {
    const qreal margin = drawingMargin(viewport);
    return {viewport.width() - 2 * margin, viewport.height() - 2 * margin};
}

bool overflows(qreal viewport, qreal length, qreal margin) {
    // Half a pixel of rounding spared: a drawing fitted to the height fills it with its margins
    // exactly, and the last bit of a sum showed a scroll bar beside a whole drawing.
    return length + 2 * margin > viewport + 0.5;
}

qreal anchoredStart(qreal viewport, qreal length, qreal margin) {
    return overflows(viewport, length, margin) ? margin : (viewport - length) / 2;
}

qreal smallestTextPx(const Frame& frame) {
    qreal smallest = 0;
    for (const FrameItem& it : frame.items) {
        if (!it.text.isEmpty() && it.opacity > 0 && (smallest == 0 || it.fontPx < smallest)) {
            smallest = it.fontPx;
        }
    }
    return smallest;
}

CanvasScrollBars::CanvasScrollBars(QWidget* canvas, std::function<void(QPointF)> moveBy)
    : QObject(canvas), canvas_(canvas), moveBy_(std::move(moveBy)),
      horizontal_(new QScrollBar(Qt::Horizontal, canvas)),
      vertical_(new QScrollBar(Qt::Vertical, canvas)) {
    for (QScrollBar* bar : {horizontal_, vertical_}) {
        bar->hide();
        // Not Tab stops: the keyboard scrolls the drawing itself (Shift+arrows, its arrows
        // alone stepping the player), and a screen reader hears the whole state in the
        // drawing's description.
        bar->setFocusPolicy(Qt::NoFocus);
        bar->setToolTip(tr("Shift+arrow keys scroll the drawing when it has the focus"));
        connect(bar, &QScrollBar::valueChanged, this, [this, bar](int value) {
            if (following_) {
                return;
            }
            const bool across = bar == horizontal_;
            const QSizeF room = canvas_->size();
            const qreal margin = drawingMargin(room);
            const Span s = across ? spanOf(drawn_.width(), room.width(), margin)
                                  : spanOf(drawn_.height(), room.height(), margin);
            const qreal move = s.most - value - (across ? drawn_.left() : drawn_.top());
            moveBy_(across ? QPointF(move, 0) : QPointF(0, move));
        });
    }
}

CanvasScrollBars::Span CanvasScrollBars::spanOf(qreal length, qreal viewport, qreal margin) const {
    if (overflows(viewport, length, margin)) {
        // From the near margin to the far one, clear of the other edge's bar.
        const qreal bar = canvas_->style()->pixelMetric(QStyle::PM_ScrollBarExtent);
        return {viewport - margin - bar - length, margin};
    }
    return {margin, viewport - margin - length};
}

QPointF CanvasScrollBars::keepInView(const QRectF& drawn) const {
    const QSizeF room = canvas_->size();
    const qreal margin = drawingMargin(room);
    const Span x = spanOf(drawn.width(), room.width(), margin);
    const Span y = spanOf(drawn.height(), room.height(), margin);
    return {std::clamp(drawn.left(), x.least, x.most) - drawn.left(),
            std::clamp(drawn.top(), y.least, y.most) - drawn.top()};
}

void CanvasScrollBars::follow(const QRectF& drawn) {
    drawn_ = drawn;
    const QSizeF room = canvas_->size();
    const qreal margin = drawingMargin(room);
    following_ = true;
    auto show = [&](QScrollBar* bar, qreal start, qreal length, qreal viewport) {
        const bool over = overflows(viewport, length, margin);
        bar->setVisible(over);
        if (over) {
            const Span s = spanOf(length, viewport, margin);
            bar->setRange(0, int(std::ceil(s.most - s.least)));
            bar->setPageStep(int(viewport));
            bar->setSingleStep(std::max(1, int(viewport / 20)));
            bar->setValue(qRound(s.most - start));
        }
    };
    show(horizontal_, drawn.left(), drawn.width(), room.width());
    show(vertical_, drawn.top(), drawn.height(), room.height());
    following_ = false;
    place();
}

std::optional<QPointF> CanvasScrollBars::keyMove(const QKeyEvent* e, qreal fraction) const {
    const bool across = e->key() == Qt::Key_Left || e->key() == Qt::Key_Right;
    const bool along = e->key() == Qt::Key_Up || e->key() == Qt::Key_Down;
    const QScrollBar* bar = across ? horizontal_ : vertical_;
    if (!(across || along) || (e->modifiers() & ~Qt::KeypadModifier) != Qt::ShiftModifier ||
        !bar->isVisibleTo(canvas_)) {
        return std::nullopt;
    }
    const qreal step = fraction * (across ? canvas_->width() : canvas_->height());
    const qreal sign = e->key() == Qt::Key_Left || e->key() == Qt::Key_Up ? 1 : -1;
    return across ? QPointF(sign * step, 0) : QPointF(0, sign * step);
}

void CanvasScrollBars::place() {
    const QSize room = canvas_->size();
    const int across = horizontal_->sizeHint().height();
    const int down = vertical_->sizeHint().width();
    const int right = vertical_->isVisibleTo(canvas_) ? down : 0;
    const int bottom = horizontal_->isVisibleTo(canvas_) ? across : 0;
    horizontal_->setGeometry(0, room.height() - across, room.width() - right, across);
    vertical_->setGeometry(room.width() - down, 0, down, room.height() - bottom);
}

} // namespace fg
