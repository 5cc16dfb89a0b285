// CanvasAccessible: what a screen reader finds on a live diagram's canvas. Its name says which
// diagram it is (the canvas's accessible name); its description is what the step on screen shows:
// the step, its narration and a short summary of the state (DiagramCanvas::spokenText), computed
// when the reader asks, so that a canvas no reader looks at does no more work per step. The canvas
// sends a DescriptionChanged event at every step, which the Linux bridge (AT-SPI) passes on as
// "accessible-description" changed: Orca speaks it for the object that has the focus (Qt 6.4 has
// no announcement event).
#pragma once

#include <QAccessibleWidget>

namespace fg {

class DiagramCanvas;

class CanvasAccessible : public QAccessibleWidget {
public:
    explicit CanvasAccessible(DiagramCanvas* canvas);
    QString text(QAccessible::Text t) const override;
};

// Makes queryAccessibleInterface answer a CanvasAccessible for every DiagramCanvas (the factory
// is installed once), `canvas` included. Called at the end of the canvas's constructor.
void installCanvasAccessible(DiagramCanvas* canvas);

} // namespace fg
