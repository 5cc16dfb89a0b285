// Type zoom: View > Zoom in, Zoom out and Reset zoom on a page that has no zoom of its own (the
// decision wizard, matrix and scenario explorer, the quiz, progress, the simulators, B-Tree vs
// LSM-tree): its type grows or shrinks 10% a step, as the reader's text does. The reader and the
// live diagrams zoom themselves (Page::zoomPage).
#pragma once

#include <QHash>
#include <QtGlobal>

class QWidget;

namespace fg {

inline constexpr int kLeastTypeZoom = -5;
inline constexpr int kMostTypeZoom = 12;

// The page's type zoom step (0: the application's type size).
int typeZoom(const QWidget* page);
// Scales the page's type to `step` (clamped to the range above) from the step it is at.
void setTypeZoom(QWidget* page, int step);

// A study page's body type at zoom step 0, before the theme's scale: the application's type is
// a desktop's (12-13 px), small for a page read as a whole (a tester at 1920x1080: the quiz, the
// wizard and the progress at ~11 px beside a reader at 19 px).
inline constexpr qreal kStudyBodyPx = 16;
// Brings a study page just made to kStudyBodyPx times `themeScale` (never smaller than the
// application's type): every widget of it, as a zoom step does. A theme switch then scales it
// as it scales every font of the window.
void useStudyType(QWidget* page, qreal themeScale);
// The type sizes of `root` and the widgets under it that have a font of their own, read before
// the application's font changes (a theme's larger type), for scaleOwnFonts.
using OwnFontSizes = QHash<const QWidget*, qreal>;
OwnFontSizes ownFontSizes(const QWidget* root);
// After the application's font changed: scales by `ratio` the font of `root` and of every widget
// under it whose size is its own, that is still the size it had in `before` once the widgets
// above it are scaled (a widget that follows its parent's font, DiagramPanel::kFontFollowsParent,
// is left to follow it). A widget with a font of its own may still take its size from its parent
// (the quiz's choices set only bold): that one took the new size already and is not scaled
// twice (its text stood 1.35x too large after Projector -> System). Style sheets must be
// polished again afterwards (AppTheme::repolishStyleSheets).
void scaleOwnFonts(QWidget* root, qreal ratio, const OwnFontSizes& before);

} // namespace fg
