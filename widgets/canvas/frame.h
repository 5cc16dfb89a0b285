// Frame: one picture of a live diagram, as a list of items with stable ids (a B-Tree node is
// "node:7", its key 20 is "node:7/key:20"). A diagram lays out one Frame per step; tween() blends
// two frames so that an item keeping its id moves and recolours smoothly, an item that appears
// grows out of its `origin` item (the new sibling slides out of the node that split), and an item
// that goes away fades. paintFrame() draws any frame on any QPainter (screen, PNG, SVG, PDF).
#pragma once

#include "models/theme/theme.h"

#include <QColor>
#include <QFont>
#include <QFontMetricsF>
#include <QLineF>
#include <QPainter>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <vector>

namespace fg {

struct FrameItem {
    enum class Kind { Box, Text, Line };

    QString id;
    Kind kind = Kind::Box;
    QRectF rect;      // Box and Text: the area; the text is centred in it unless `align` says
    QLineF line;      // Line: from p1 to p2
    QColor fill;      // Box: invalid for none
    QColor stroke;    // Box border, Line colour
    QColor textColor; // Box and Text
    qreal strokeWidth = 1.5;
    Qt::PenStyle penStyle = Qt::SolidLine; // Box border
    qreal radius = 4;
    qreal fontPx = 14;
    bool bold = false;
    bool mono = false;
    bool arrow = false; // Line: an arrowhead at p2
    Qt::Alignment align = Qt::AlignCenter;
    QString text;
    // The text broken at spaces into lines no wider than its room (frameTextRoom) where a line
    // is wider (a translation's longer words; the pseudo-translation checks it), as paintFrame,
    // frameTextSize and every export draw and measure it (frameText); a word wider than the room
    // stays whole. The layout gives the item the lines' height. `text` itself stays one sentence
    // (what a screen reader and a test read).
    bool wrap = false;
    qreal opacity = 1;
    // Kept in view at the left edge when the zoom or a pan takes the drawing past it, as a
    // spreadsheet keeps its first column (a time-series lane's name).
    bool pinLeft = false;
    // Shown when the pointer rests on the box on screen (a segment too narrow for its label
    // says there whose it is); never drawn.
    QString toolTip;
    int z = 0;      // higher draws later
    QString origin; // an item of the previous frame this one grows out of when it appears
};

struct Frame {
    std::vector<FrameItem> items;
    QSizeF size; // the diagram's extent, for fitting it to a view or an export page
    // The extent's top-left: (0, 0) but for a drawing laid out around a point of its own (a
    // B-Tree's root stands at x = 0 in every frame, so a run's frames share one camera).
    QPointF origin;
    QRectF extent() const { return {origin, size}; }
    // What a view frames this picture by (a slide's camera, which grows with the run: see
    // DiagramCanvas::stepCamera); invalid: the view's own choice. tween() blends it.
    QRectF camera;

    const FrameItem* find(const QString& id) const;
    // The union of every item's drawn area, strokes and arrowheads included (a fit-to-view
    // target).
    QRectF bounds() const;
    // The largest letters a visible text item draws, in the frame's units (0: none). The
    // canvas, the slides and every picture export cap their scale by it.
    qreal largestTextPx() const;
    // The median size of the letters its visible texts draw, in the frame's units (0: none):
    // the drawing's type, as a reader meets it.
    qreal medianTextPx() const;
};

// Where `after` differs from `before`: the union of the areas of the items of `after` that are
// new or reworded, by their ids, or else of those moved (a key added to a B-Tree's last leaf
// moves every node, and the whole tree was "the change"), or else of those only coloured
// differently (the step before's mark taken off is not what a step is about); invalid when
// nothing changed. Items
// without an id are not compared. A Lab drawing larger than its area scrolls to it at a
// step (the change was off-screen in F5: tester 37).
QRectF changedArea(const Frame& before, const Frame& after);

// Blends `from` into `to`. REQUIRES: 0 <= t <= 1. tween(a, b, 1) draws exactly like b, and
// tween(a, b, 0) exactly like a (items only in b are invisible at 0). Kept items move and change
// colour along the whole transition; items only in `a` fade out where they stand in its first
// half, items only in `b` with an origin in `a` grow out of it along the whole transition, the
// others fade in where they stand in its second half: nothing fades in over what fades out.
Frame tween(const Frame& from, const Frame& to, qreal t);

void paintFrame(QPainter& painter, const Frame& frame);

// True when an item pinned to the left (pinLeft) of `frame`, drawn with `toDevice`, starts
// less than `margin` device pixels in from x = 0: the pinned items are then drawn at the edge.
bool pinnedAtTheEdge(const Frame& frame, const QTransform& toDevice, qreal margin);
// Where the pinned item `it` is drawn at the edge (device pixels): `margin` in from x = 0, its
// middle level with where the drawing has it, and no larger than at `largestScale` (zoomed in,
// a lane's name grew with the drawing and covered half of it).
QRectF pinnedRect(const FrameItem& it, const QTransform& toDevice, qreal margin,
                  qreal largestScale);
// REQUIRES: pinnedAtTheEdge. Draws the pinned items at the edge (pinnedRect), each over a patch
// of `background` so that what the drawing has under them does not show through.
void paintPinned(QPainter& painter, const Frame& frame, const QTransform& toDevice, qreal margin,
                 qreal largestScale, const QColor& background);

// The font paintFrame draws `item`'s text in (at its size in frame units), the text it draws
// (wrapped to its room when the item asks), and the area that text takes there (every line), for
// layouts that size a box to its text and for checks that the text fits its box.
QFont frameFont(const FrameItem& item);
QString frameText(const FrameItem& item);
QSizeF frameTextSize(const FrameItem& item);
// The room paintFrame leaves for `item`'s text: its rect, less a box's side padding.
QRectF frameTextRoom(const FrameItem& item);
// The app's one rule for breaking drawn words onto lines: `text`'s lines (its own line breaks
// kept), each broken between words so that it is at most `width` wide in `metrics`; a word wider
// than that alone on its line, whole. None for an empty text.
QStringList wrappedLines(const QString& text, const QFontMetricsF& metrics, qreal width);

// Line widths laid out for the light theme's 1.5 px lines, scaled to `theme`'s (the projector's
// lines are twice as thick): every stroke width times strokeScale(theme).
void thickenLines(Frame& frame, const Theme& theme);
// What thickenLines multiplies a stroke width by in `theme` (1 in Light).
qreal strokeScale(const Theme& theme);

} // namespace fg
