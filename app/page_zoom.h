// Type zoom: View > Zoom in, Zoom out and Reset zoom on a page that has no zoom of its own (the
// decision wizard, matrix and scenario explorer, the quiz, progress, the simulators, B-Tree vs
// LSM-tree): its type grows or shrinks 10% a step, as the reader's text does. The reader and the
// live diagrams zoom themselves (Page::zoomPage).
#pragma once

#include <QtGlobal>

class QWidget;

namespace fg {

inline constexpr int kLeastTypeZoom = -5;
inline constexpr int kMostTypeZoom = 12;

// The page's type zoom step (0: the application's type size).
int typeZoom(const QWidget* page);
// Scales the page's type to `step` (clamped to the range above) from the step it is at.
void setTypeZoom(QWidget* page, int step);
// Scales the font of `root` and of every widget under it that has a font of its own by `ratio`
// (a widget that follows its parent's font, DiagramPanel::kFontFollowsParent, is left to follow
// it); a theme's larger type does this after changing the application's font. Style sheets must
// be polished again afterwards (AppTheme::repolishStyleSheets).
void scaleOwnFonts(QWidget* root, qreal ratio);

} // namespace fg
