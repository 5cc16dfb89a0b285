// DiagramCanvas's view of its drawing: zoom about the middle, back to the fit or to the
// drawing's start, and the keys that scroll a drawing larger than its area (canvas_scroll.h).
#include "widgets/canvas/canvas_scroll.h"
#include "widgets/canvas/diagram_canvas.h"

#include <QKeyEvent>
#include <algorithm>
#include <cmath>
#include <optional>

namespace fg {

void DiagramCanvas::zoomBy(qreal factor) {
    // About the middle of the area: what is there stays there.
    const QPointF middle = QRectF(rect()).center();
    const QPointF at = viewTransform(size(), to_).inverted().map(middle);
    zoom_ = std::clamp(zoom_ * factor, 0.1, 400.0);
    if (std::abs(zoom_ - 1.0) < 1e-9) {
        // Back at the fit (the readable one, or Fit's whole drawing): fitted again, as if
        // never zoomed.
        zoom_ = 1.0;
        pan_ = QPointF();
        keepDrawingInView();
        update();
        emit viewChanged();
        return;
    }
    pan_ += middle - viewTransform(size(), to_).map(at);
    keepDrawingInView();
    update();
    emit viewChanged();
}

void DiagramCanvas::showStart() {
    pan_ = QPointF();
    keepDrawingInView();
    update();
    emit viewChanged();
}

void DiagramCanvas::keyPressEvent(QKeyEvent* e) {
    if (const std::optional<QPointF> move = bars_->keyMove(e, kScrollKeyFraction)) {
        panBy(*move);
    } else {
        QWidget::keyPressEvent(e); // ignored: the page's keys
    }
}

void DiagramCanvas::zoomStep(int direction) {
    if (direction > 0) {
        zoomIn();
    } else if (direction < 0) {
        zoomOut();
    } else {
        fitToView();
    }
}

void DiagramCanvas::zoomIn() {
    zoomBy(1.25);
}

void DiagramCanvas::zoomOut() {
    zoomBy(1 / 1.25);
}

void DiagramCanvas::fitToView() {
    wholeFit_ = false;
    zoom_ = 1.0;
    pan_ = QPointF();
    keepDrawingInView();
    update();
    emit viewChanged();
}

void DiagramCanvas::fitWhole() {
    // Readable type holds the words at the page's size, the drawing larger than its area: Fit
    // asked for shows it whole all the same (it changed nothing on the Lab pages: a tester), and
    // both sides of a Lab page at the one scale that shows each whole, as the area changes too.
    fitToView();
    wholeFit_ = readableType_;
    keepDrawingInView();
    update();
}

void DiagramCanvas::handleZoomKeys(QWidget* scope) {
    scope->installEventFilter(this);
}

} // namespace fg
