// What keeps a DiagramCanvas's drawing whole on the screen: where the drawing is anchored (in
// the middle when it fits, at the top-left margin along an edge it overflows), how far it may be
// moved (a drawing larger than its area from one end to the other, a smaller one inside it), and
// scroll bars along the edges it overflows (a keyboard user zoomed the Lab's drawings in and
// their middles filled the area, the rest cut off with no way to reach it: a tester).
#pragma once

#include <QObject>
#include <QPointF>
#include <QRectF>
#include <functional>
#include <optional>

class QKeyEvent;
class QScrollBar;
class QWidget;

namespace fg {

struct Frame;

// The margin a drawing keeps from its area's edges: it grows with the area.
qreal drawingMargin(QSizeF viewport);
// What a drawing fits into: `viewport` less drawingMargin all round.
QSizeF drawingRoom(QSizeF viewport);
// True when a drawing `length` pixels long and its margins overflow `viewport` along one edge.
bool overflows(qreal viewport, qreal length, qreal margin);
// Along one edge of `viewport`, where the drawing's `start` (its left or top, scaled: the
// drawing `length` pixels long) goes before the student's pan: centred when it fits with its
// margins, else at the margin.
qreal anchoredStart(qreal viewport, qreal length, qreal margin);
// The smallest letters a visible text item of `frame` draws (0: none), in the frame's units.
qreal smallestTextPx(const Frame& frame);

class CanvasScrollBars : public QObject {
    Q_OBJECT
public:
    // `moveBy`: moves the drawing by that many pixels (the canvas's pan), when a bar is moved.
    CanvasScrollBars(QWidget* canvas, std::function<void(QPointF)> moveBy);

    // The pan that keeps `drawn` (the drawing's rectangle on the canvas now) whole or scrollable:
    // the move (in pixels) that brings it back within its range.
    QPointF keepInView(const QRectF& drawn) const;
    // Shows a bar along each edge `drawn` overflows, its handle where the view is.
    void follow(const QRectF& drawn);
    // Shift+Left/Right/Up/Down along a bar that shows: the move (in pixels) of `fraction` of the
    // canvas's width or height; none for any other key, or where no bar shows.
    std::optional<QPointF> keyMove(const QKeyEvent* e, qreal fraction) const;
    QScrollBar* horizontal() const { return horizontal_; }
    QScrollBar* vertical() const { return vertical_; }

private:
    struct Span {
        qreal least; // the start's smallest value (the end at the far edge)
        qreal most;  // its largest (the start at the near margin)
    };
    Span spanOf(qreal length, qreal viewport, qreal margin) const;
    void place();

    QWidget* canvas_;
    std::function<void(QPointF)> moveBy_;
    QScrollBar* horizontal_;
    QScrollBar* vertical_;
    QRectF drawn_;
    bool following_ = false;
};

} // namespace fg
