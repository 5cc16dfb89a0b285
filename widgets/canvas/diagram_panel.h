// DiagramPanel: a live diagram as a student uses it: the canvas, the narration of the current
// step in large type, and the playback bar with Fit, Zoom out and Zoom in beside it, with the
// playback and zoom keys active anywhere in the panel.
// It owns its source; replacing the source (a new scenario, or the same ops under a new
// parameter) keeps the student's step where it still exists.
#pragma once

#include "widgets/canvas/diagram_canvas.h"

#include <QWidget>
#include <memory>

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
    void setTheme(const Theme& theme);
    // Larger narration for a projector (0: the normal size).
    void setNarrationPixelSize(int px);

private:
    std::unique_ptr<DiagramSource> source_;
    DiagramCanvas* canvas_;
    QLabel* narration_;
    PlaybackBar* bar_;
};

} // namespace fg
