#include "widgets/canvas/diagram_canvas.h"

#include "widgets/canvas/canvas_accessible.h"
#include "widgets/canvas/canvas_scroll.h"
#include "widgets/controls/announced_text.h"
#include "widgets/playback/playback_bar.h"

#include <QAccessible>
#include <QApplication>
#include <QFontInfo>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QResizeEvent>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace fg {

DiagramCanvas::DiagramCanvas(QWidget* parent) : QWidget(parent), player_(this) {
    setFocusPolicy(Qt::StrongFocus);
    installCanvasAccessible(this); // before the name: setting it makes Qt cache an interface
    setAccessibleName(tr("Diagram"));
    connect(this, &DiagramCanvas::narrationChanged, this, &DiagramCanvas::announceStep);
    setMinimumSize(320, 200);
    connect(&player_, &Player::positionChanged, this, &DiagramCanvas::onPositionChanged);
    connect(&player_, &Player::progressChanged, this, [this] { update(); });
    connect(&player_, &Player::playingChanged, this, [this] {
        if (player_.position() < 0 && !openingWhilePlaying_.isEmpty()) {
            emit narrationChanged(narrationAt(-1));
        }
    });
    player_.setHoldFunction(
        [this](int position) { return Player::readingMs(narrationAt(position).size()); });
    bars_ = new CanvasScrollBars(this, [this](QPointF delta) { panBy(delta); });
}

void DiagramCanvas::setReadableType(bool on) {
    readableType_ = on;
    keepDrawingInView();
    update();
    emit viewChanged();
}

QScrollBar* DiagramCanvas::horizontalScrollBar() const {
    return bars_->horizontal();
}

QScrollBar* DiagramCanvas::verticalScrollBar() const {
    return bars_->vertical();
}

void DiagramCanvas::keepDrawingInView() {
    if (!bars_) {
        return; // being made
    }
    // The step at rest: the bars do not follow a transition's every frame. A slide that centres
    // each step within the run's camera: the step's drawing (the camera may reach past an edge).
    const bool stepCentred = slide_ && !(source_ && source_->holdsItsPlace());
    const QRectF what = stepCentred && to_.bounds().isValid() ? to_.bounds() : viewOf(to_);
    QRectF drawn = viewTransform(size(), to_).mapRect(what);
    // A fitted drawing is placed by its fit, in range at any size. Panned back while the page
    // was being laid out (the canvas a few pixels high for a moment), it was no longer fitted
    // and kept a zoom too large for the canvas it ended with, behind a scroll bar.
    if (!fitted() || slideHeldLarger()) {
        const QPointF back = bars_->keepInView(drawn);
        pan_ += back;
        drawn.translate(back);
    }
    bars_->follow(drawn);
}

bool DiagramCanvas::slideHeldLarger() const {
    return slideHeldLargerAt(size(), to_);
}

bool DiagramCanvas::slideHeldLargerAt(QSize size) const {
    Frame whole = to_;
    whole.camera = QRectF(); // framed by the run's camera
    return slideHeldLargerAt(size, whole);
}

bool DiagramCanvas::slideHeldLargerAt(QSize size, const Frame& frame) const {
    if (!slide_ || slideLeastPx_ <= 0 || !source_ || size.isEmpty()) {
        return false;
    }
    return fitScale(size, frame) > wholeScale(size, frame) + 1e-9;
}

void DiagramCanvas::showChange(const Frame& before) {
    const QRectF changed = changedArea(before, to_);
    if (!changed.isValid() || size().isEmpty()) {
        return;
    }
    const QRectF at = viewTransform(size(), to_).mapRect(changed);
    // Room round it: the changed box's outline and a little (a leaf stood cut at the slide's
    // edge: tester 44), and off the scroll bars along the edges.
    const qreal margin = std::max<qreal>(24, std::min(width(), height()) / 20.0);
    const QRectF view = QRectF(rect()).adjusted(margin, margin, -margin, -margin);
    // Along each axis: in view already, or moved the least to be; larger than the view, its
    // start (left, top) at the view's.
    const auto shift = [](qreal lo, qreal hi, qreal viewLo, qreal viewHi) -> qreal {
        if (hi - lo > viewHi - viewLo || lo < viewLo) {
            return viewLo - lo;
        }
        return hi > viewHi ? viewHi - hi : 0;
    };
    const QPointF by(shift(at.left(), at.right(), view.left(), view.right()),
                     shift(at.top(), at.bottom(), view.top(), view.bottom()));
    if (!by.isNull()) {
        panBy(by); // kept within the drawing's reach; the other side of a Lab page follows
    }
}

void DiagramCanvas::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange && readableType_) {
        keepDrawingInView();
        update();
        emit viewChanged();
    }
}

void DiagramCanvas::setOpening(const QString& text, const QString& whilePlaying) {
    opening_ = text;
    openingWhilePlaying_ = whilePlaying;
    if (player_.position() < 0) {
        emit narrationChanged(narrationAt(-1));
    }
}

QString DiagramCanvas::narrationAt(int position) const {
    if (position < 0) {
        return player_.isPlaying() && !openingWhilePlaying_.isEmpty() ? openingWhilePlaying_
                                                                      : opening_;
    }
    return source_ ? source_->narration(position) : QString();
}

QString DiagramCanvas::spokenText() const {
    const int position = player_.position();
    QString text;
    if (position >= 0) {
        text = tr("Step %1 of %2:").arg(position + 1).arg(player_.stepCount()) + QLatin1Char(' ');
    }
    text += narrationAt(position);
    if (const QString summary = source_ ? source_->summary(position) : QString();
        !summary.isEmpty()) { // a drawing with no narration (a Lab tree) is its summary alone
        text += (text.isEmpty() ? QString() : QStringLiteral(" ")) + summary;
    }
    return text;
}

void DiagramCanvas::announceStep() {
    // The description is made when a reader asks for it (CanvasAccessible): the event only says
    // that it changed.
    QAccessibleEvent changed(this, QAccessible::DescriptionChanged);
    QAccessible::updateAccessibility(&changed);
}

bool DiagramCanvas::followedFromTheKeyboard() const {
    if (hasFocus()) {
        return true;
    }
    for (QWidget* w = QApplication::focusWidget(); w; w = w->parentWidget()) {
        if (auto* bar = qobject_cast<PlaybackBar*>(w)) {
            return bar->player() == &player_;
        }
    }
    return false;
}

void DiagramCanvas::setSource(const DiagramSource* source) {
    source_ = source;
    runCamera_ = QRectF();
    player_.setStepCount(source_ ? source_->stepCount() : 0);
    onPositionChanged(player_.position(), player_.position());
}

void DiagramCanvas::setTheme(const Theme& theme) {
    theme_ = theme;
    refreshFrames();
}

void DiagramCanvas::refreshFrames() {
    runCamera_ = QRectF();
    onPositionChanged(player_.position(), player_.position());
}

void DiagramCanvas::onPositionChanged(int position, int previous) {
    if (!source_) {
        from_ = to_ = Frame();
        update();
        return;
    }
    // Moving one step forward reuses the frame on screen as the start of the transition.
    from_ =
        previous == position - 1 && previous != position ? to_ : source_->frame(previous, theme_);
    to_ = source_->frame(position, theme_);
    if (previous == position) {
        from_ = to_;
    }
    frameCameras(position, previous);
    keepDrawingInView();
    // A drawing larger than its area (a Lab's in readable type, or one zoomed in) scrolls to
    // what the step changes: zoomed in for the room to read, a class heard the narration of
    // nodes off screen while the view stayed put (a tester). A drawing shown whole has nothing
    // to scroll.
    if ((readableType_ || !fitted() || slideHeldLarger()) && position != previous) {
        // A jump (a seek, a slide opened at the desk's step) shows what the step itself
        // changed, not everything since the step left (the whole tree, shown from its start).
        const bool jump = position > 0 && std::abs(position - previous) > 1;
        showChange(jump ? source_->frame(position - 1, theme_) : from_);
    }
    emit narrationChanged(narrationAt(position));
    // The state said in words only for a screen reader (the summary walks the whole state).
    if (announcing() && position != previous && isVisible() && followedFromTheKeyboard()) {
        announce(this, spokenText());
    }
    update();
    // No viewChanged here: the page refreshes what follows the step (its chart) itself, and a
    // second alignment per step was a second chart layout pass per step.
}

Frame DiagramCanvas::currentFrame() const {
    return tween(from_, to_, player_.progress());
}

qreal DiagramCanvas::largestTextPx() const {
    const qreal cap =
        slide_ && slideTextPx_ > 0 ? slideTextPx_ : kDeskLargestTextPx * theme_.fontScale;
    if (!readableType_) {
        return cap;
    }
    // Readable type: the cap grows as the canvas's type outgrows the application's (View > Zoom,
    // F5): a drawing held by it kept its size beside larger sentences (a tester).
    const qreal grown =
        qreal(QFontInfo(font()).pixelSize()) / QFontInfo(QApplication::font()).pixelSize();
    return cap * std::max<qreal>(1, grown);
}

qreal DiagramCanvas::largestReadableScale(const Frame& frame) const {
    const bool camera = source_ && (slide_ || source_->holdsItsPlace());
    if (camera) {
        runCamera();
    }
    const qreal largest = std::max(camera ? runLargestFont() : 0, frame.largestTextPx());
    // A drawing without text: as if its letters were the usual 15 units high.
    return largestTextPx() / (largest > 0 ? largest : 15 * theme_.fontScale);
}

QRectF DiagramCanvas::viewOf(const Frame& frame) const {
    // The desk fits each step by the frame's own size (tweened during a transition), so a frame
    // at rest is fitted the same way whichever step came before it; a source that holds its
    // place, and a slide, frame the whole run: one scale and place for every step.
    const bool holds = source_ && source_->holdsItsPlace();
    QRectF run = slide_ && frame.camera.isValid() ? frame.camera
                 : slide_ || holds                ? runCamera()
                                                  : QRectF();
    if (!run.isEmpty() && cameraSampled_) {
        run = run.united(frame.bounds()); // a step the sample missed: framed with it
    }
    return !run.isEmpty() ? run : frame.size.isEmpty() ? QRectF(0, 0, 1, 1) : frame.extent();
}

qreal DiagramCanvas::wholeScale(QSizeF viewport, const Frame& frame) const {
    const QRectF view = viewOf(frame);
    const QSizeF room = drawingRoom(viewport);
    const qreal fit = std::min(room.width() / view.width(), room.height() / view.height());
    return std::clamp<qreal>(fit, 0.0002, std::max<qreal>(0.0002, largestReadableScale(frame)));
}

qreal DiagramCanvas::pairWholeScale(QSizeF viewport, const Frame& frame) const {
    qreal whole = wholeScale(viewport, frame);
    if (partner_ && partner_->readableType_ && !partner_->size().isEmpty()) {
        whole = std::min(whole, partner_->wholeScale(partner_->size(), partner_->to_));
    }
    return whole;
}

qreal DiagramCanvas::fitScale(QSizeF viewport, const Frame& frame) const {
    if (!readableType_) {
        const qreal whole = wholeScale(viewport, frame);
        if (slide_ && slideLeastPx_ > 0 && source_) {
            runCamera();
            if (const qreal largest = runLargestFont();
                largest > 0 && largest * whole < slideLeastPx_) {
                return slideHeldPx_ / largest;
            }
        }
        return whole;
    }
    const qreal whole = pairWholeScale(viewport, frame);
    if (wholeFit_) {
        return whole;
    }
    const qreal least = leastReadableScale();
    return whole >= kLeastSqueeze * least ? whole : least;
}

qreal DiagramCanvas::leastReadableScale() const {
    if (!readableType_) {
        return 0;
    }
    // The step at rest, and its partner's: both sides at one scale.
    qreal smallest = smallestTextPx(to_);
    if (partner_ && partner_->readableType_) {
        if (const qreal other = smallestTextPx(partner_->to_); other > 0) {
            smallest = smallest > 0 ? std::min(smallest, other) : other;
        }
    }
    return smallest > 0 ? QFontInfo(font()).pixelSize() / smallest : 0;
}

QTransform DiagramCanvas::viewTransform(QSizeF viewport, const Frame& frame) const {
    const bool holds = source_ && source_->holdsItsPlace();
    const QRectF view = viewOf(frame);
    const qreal scale = fitScale(viewport, frame) * zoom_;
    QPointF centre = view.center();
    if (slide_ && !holds) {
        // Each step centred across within the run's camera (a B-Tree's first node over the
        // middle of the slide, not at the left of where the last step's tree will be).
        if (const QRectF drawn = frame.bounds(); drawn.isValid()) {
            centre.setX(drawn.center().x());
        }
    }
    // Centred where it fits; from the top-left margin along an edge it overflows (a drawing larger
    // than its area starts where it is read from, and scrolls).
    const qreal margin = drawingMargin(viewport);
    const QPointF start(anchoredStart(viewport.width(), scale * view.width(), margin),
                        anchoredStart(viewport.height(), scale * view.height(), margin));
    QTransform t;
    t.translate(start.x() + pan_.x(), start.y() + pan_.y());
    t.scale(scale, scale);
    t.translate(-view.left() + (view.center().x() - centre.x()), -view.top());
    return t;
}

void DiagramCanvas::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    // A fitted drawing fits the new size at the next paint; a zoomed one keeps the size it is
    // shown at (its zoom is on top of the fit, which changes with the widget).
    if (!fitted() && source_ && event->oldSize().isValid() && !event->oldSize().isEmpty()) {
        const Frame frame = currentFrame();
        const qreal before = fitScale(event->oldSize(), frame);
        const qreal after = fitScale(event->size(), frame);
        if (before > 0 && after > 0) {
            zoom_ = std::clamp(zoom_ * before / after, 0.1, 400.0);
        }
    }
    // A slide that no longer needs holding its run larger (it was laid out small for a moment
    // first) is fitted again: a pan made meanwhile took its drawing off the middle.
    const bool held = slideHeldLarger();
    if (slide_ && zoom_ == 1.0 && !held) {
        pan_ = QPointF();
    }
    keepDrawingInView();
    // Shown for the first time larger than its area (a slide opened at a step): at what the
    // step changed.
    if (source_ && player_.position() > 0 && (readableType_ || held) &&
        (!event->oldSize().isValid() || event->oldSize().isEmpty())) {
        showChange(source_->frame(player_.position() - 1, theme_));
    }
    emit viewChanged();
}

void DiagramCanvas::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), theme_.background);
    const Frame frame = currentFrame();
    const QTransform t = viewTransform(size(), frame);
    p.setTransform(t);
    paintFrame(p, frame);
    if (pinnedAtTheEdge(frame, t, kPinnedMargin)) { // the fit's scale only then: not every paint
        paintPinned(p, frame, t, kPinnedMargin, fitScale(size(), frame), theme_.background);
    }
}

QImage DiagramCanvas::grabFrame(QSize size, qreal dpr) const {
    QImage img(size * dpr, QImage::Format_ARGB32_Premultiplied);
    img.setDevicePixelRatio(dpr);
    img.fill(theme_.background);
    QPainter p(&img);
    const Frame frame = currentFrame();
    const QTransform t = viewTransform(size, frame);
    p.setTransform(t, true);
    paintFrame(p, frame);
    if (pinnedAtTheEdge(frame, t, kPinnedMargin)) {
        paintPinned(p, frame, t, kPinnedMargin, fitScale(size, frame), theme_.background);
    }
    return img;
}

QTransform DiagramCanvas::transformOnScreen() const {
    return viewTransform(size(), currentFrame());
}

QTransform DiagramCanvas::transformAtRest() const {
    return viewTransform(size(), to_);
}

QRectF DiagramCanvas::itemRect(const QString& id) const {
    const Frame frame = currentFrame();
    const FrameItem* it = frame.find(id);
    if (!it) {
        return {};
    }
    const QTransform t = viewTransform(size(), frame);
    return it->pinLeft && pinnedAtTheEdge(frame, t, kPinnedMargin)
               ? pinnedRect(*it, t, kPinnedMargin, fitScale(size(), frame))
               : t.mapRect(it->rect);
}

namespace {

// The topmost box of `frame` at `at` (frame coordinates) that is shown (more than half opaque)
// and passes `wanted`, or null.
template <class Wanted>
const FrameItem* topBoxAt(const Frame& frame, QPointF at, Wanted wanted) {
    const FrameItem* best = nullptr;
    for (const auto& it : frame.items) {
        if (it.kind == FrameItem::Kind::Box && it.opacity > 0.5 && it.rect.contains(at) &&
            wanted(it) && (!best || it.z >= best->z)) {
            best = &it;
        }
    }
    return best;
}

} // namespace

QString DiagramCanvas::itemAt(QPointF pos) const {
    const Frame frame = currentFrame();
    const QPointF at = viewTransform(size(), frame).inverted().map(pos);
    const FrameItem* box = topBoxAt(frame, at, [](const FrameItem&) { return true; });
    return box ? box->id : QString();
}

QString DiagramCanvas::toolTipAt(QPointF pos) const {
    const Frame frame = currentFrame();
    const QPointF at = viewTransform(size(), frame).inverted().map(pos);
    const FrameItem* box =
        topBoxAt(frame, at, [](const FrameItem& it) { return !it.toolTip.isEmpty(); });
    return box ? box->toolTip : QString();
}

bool DiagramCanvas::event(QEvent* e) {
    if (e->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(e);
        if (const QString tip = toolTipAt(help->pos()); !tip.isEmpty()) {
            QToolTip::showText(help->globalPos(), tip, this);
        } else {
            QToolTip::hideText();
            e->ignore();
        }
        return true;
    }
    return QWidget::event(e);
}

void DiagramCanvas::mouseReleaseEvent(QMouseEvent* e) {
    if (e->button() == Qt::LeftButton &&
        (e->position().toPoint() - dragStart_).manhattanLength() < 5) {
        if (const QString id = itemAt(e->position()); !id.isEmpty()) {
            emit itemClicked(id);
        }
    }
    QWidget::mouseReleaseEvent(e);
}

void DiagramCanvas::panBy(QPointF delta) {
    pan_ += delta;
    keepDrawingInView();
    update();
    emit viewChanged();
}

void DiagramCanvas::setSlideFraming(bool on, qreal largestTextPx, qreal leastTextPx,
                                    qreal heldTextPx) {
    slide_ = on;
    slideTextPx_ = on ? largestTextPx : 0;
    slideLeastPx_ = on ? leastTextPx : 0;
    slideHeldPx_ = on ? std::max(leastTextPx, heldTextPx) : 0;
    frameCameras(player_.position(), player_.position());
    pan_ = QPointF();
    keepDrawingInView();
    update();
    emit viewChanged();
}

namespace {

enum class ZoomKey { None, In, Out, Fit };

ZoomKey zoomKeyOf(const QKeyEvent* e) {
    const Qt::KeyboardModifiers mods = e->modifiers() & ~Qt::KeypadModifier;
    if (!(mods & Qt::ControlModifier) || (mods & (Qt::AltModifier | Qt::MetaModifier))) {
        return ZoomKey::None;
    }
    const bool shift = mods & Qt::ShiftModifier;
    switch (e->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        return ZoomKey::In; // Ctrl++ is Ctrl+Shift+= on most keyboards
    case Qt::Key_Minus:
        return shift ? ZoomKey::None : ZoomKey::Out;
    case Qt::Key_0:
        return shift ? ZoomKey::None : ZoomKey::Fit;
    default:
        return ZoomKey::None;
    }
}

} // namespace

bool DiagramCanvas::eventFilter(QObject* watched, QEvent* event) {
    // A key goes first to the focused widget, then up through its parents: the ShortcutOverride
    // accepted here keeps the window's shortcuts for the same keys (the reader's zoom) from
    // taking it, and the key press that follows it arrives here too.
    if (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        const ZoomKey z = zoomKeyOf(key);
        if (z != ZoomKey::None) {
            key->accept();
            if (event->type() == QEvent::KeyPress) {
                zoomStep(z == ZoomKey::In ? 1 : z == ZoomKey::Out ? -1 : 0);
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void DiagramCanvas::wheelEvent(QWheelEvent* e) {
    if (e->modifiers() & Qt::ControlModifier) {
        zoomBy(e->angleDelta().y() > 0 ? 1.15 : 1 / 1.15);
        e->accept();
        return;
    }
    QWidget::wheelEvent(e);
}

void DiagramCanvas::mousePressEvent(QMouseEvent* e) {
    dragStart_ = e->position().toPoint();
    panStart_ = pan_;
}

void DiagramCanvas::mouseMoveEvent(QMouseEvent* e) {
    if (e->buttons() & Qt::LeftButton) {
        pan_ = panStart_ + (e->position() - QPointF(dragStart_));
        keepDrawingInView();
        update();
        emit viewChanged();
    }
}

} // namespace fg
