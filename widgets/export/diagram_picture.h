// The picture of a live diagram as every export draws it (the app's Export dialog, Copy as image,
// animations, handouts and `fieldguide export`): the frame fitted inside a margin, and the step's
// narration as a caption under it, in the theme's colours and type size.
#pragma once

#include "models/theme/theme.h"
#include "widgets/canvas/frame.h"

#include <QRectF>
#include <QSizeF>
#include <QString>

class QPainter;

namespace fg {

// `camera`: the area of the frame's coordinates fitted to the picture, inside a margin of 5% of
// the picture's shorter side; by default what the frame draws (Frame::bounds). An animation gives
// every frame the same camera (runBounds), so the drawing does not jump or change scale from one
// frame to the next.
// `margin`: the room left all round, in the picture's units (-1: 5% of its shorter side); a
// handout's card, which pads the picture itself, gives a small one.
void paintDiagramPicture(QPainter& painter, QSizeF size, const Frame& frame, const QString& caption,
                         const Theme& theme, const QRectF& camera = QRectF(), qreal margin = -1);

// The scale paintDiagramPicture draws `view` at in a picture of `size` (with a caption band under
// the drawing when `withCaption`), for layouts that size a picture to its drawing: the drawing
// as large as the picture allows inside its margin, a small one (a tree of three keys) until its
// largest letters (`largestTextPx`, Frame::largestTextPx) are a seventh of the picture's height.
qreal diagramPictureScale(QSizeF size, const QRectF& view, bool withCaption, const Theme& theme,
                          qreal margin = -1, qreal largestTextPx = 0);

} // namespace fg
