// The picture of a live diagram as every export draws it (the app's Export dialog, Copy as image,
// animations, handouts and `fieldguide export`): the frame fitted inside a margin, and the step's
// narration as a caption under it, in the theme's colours and type size.
#pragma once

#include "models/theme/theme.h"
#include "widgets/canvas/frame.h"

#include <QSizeF>
#include <QString>

class QPainter;

namespace fg {

void paintDiagramPicture(QPainter& painter, QSizeF size, const Frame& frame, const QString& caption,
                         const Theme& theme);

} // namespace fg
