// DiagramPanel: a live diagram as a student uses it: the canvas, the narration of the current
// step in large type, and the playback bar with Fit, Zoom out and Zoom in beside it, with the
// playback and zoom keys active anywhere in the panel.
// It owns its source; replacing the source (a new scenario, or the same ops under a new
// parameter) keeps the student's step where it still exists.
#pragma once

#include "widgets/canvas/diagram_canvas.h"

#include <QWidget>
#include <memory>

class QHBoxLayout;
class QLabel;

namespace fg {

class PlaybackBar;

class DiagramPanel : public QWidget {
    Q_OBJECT
public:
    explicit DiagramPanel(QWidget* parent = nullptr);
    ~DiagramPanel() override;

    void setSource(std::unique_ptr<DiagramSource> source);
    DiagramCanvas* canvas() { return canvas_; }
    Player* player() { return canvas_->player(); }
    QString narration() const;
    // The narration's type (a note over the drawing, a bad key's message, is read as it is).
    QFont narrationFont() const;
    void setTheme(const Theme& theme);
    // Larger narration for a projector (0: the normal size, a quarter larger than the panel's
    // type, following it when the theme changes the application's type).
    void setNarrationPixelSize(int px);
    // Set on a label whose font is derived from its parent's: a theme switch that scales the
    // fonts widgets set themselves leaves it alone (it follows its parent already).
    static constexpr const char* kFontFollowsParent = "fgFontFollowsParent";

    // A button after Zoom in (it moves with the zoom buttons under the playback bar in a
    // narrow panel): the diagram's "Practice this".
    void addTrailingButton(QWidget* button);

    QSize minimumSizeHint() const override;
    // How tall everything but the canvas is in a panel `width` wide: the narration wrapped to
    // that width (two lines at least: a step's may be longer than the one on screen), the
    // playback bar, and the zoom buttons on a line of their own where they go under it.
    int chromeHeightAt(int width) const;

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void applyNarrationFont();
    // The zoom buttons beside the playback bar when both fit on a line, else under it.
    void placeZoomButtons();
    bool zoomUnderTheBar(int width) const; // in a panel `width` wide

    int narrationPx_ = 0;
    std::unique_ptr<DiagramSource> source_;
    DiagramCanvas* canvas_;
    QLabel* narration_;
    PlaybackBar* bar_;
    bool relayoutPending_ = false; // one deferred layout for a run of resizes (resizeEvent)
    QWidget* zoom_;                // Fit, Zoom out, Zoom in
    QHBoxLayout* row_ = nullptr;   // the playback bar, and the zoom buttons when they fit
    QHBoxLayout* under_ = nullptr; // the zoom buttons, in a narrow panel
};

} // namespace fg
