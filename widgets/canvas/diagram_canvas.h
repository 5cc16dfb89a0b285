// DiagramCanvas: draws a DiagramSource's frames and the transitions between them, fitted to the
// widget, with zoom (Ctrl+wheel; Ctrl++, Ctrl+- and Ctrl+0 to fit, in any widget given to
// handleZoomKeys) and pan (drag). It owns the Player that moves through the steps, and lays out
// each frame once when the step changes: paint events only tween the two cached frames, so a
// transition costs one tween and one paint per display frame. Before the first step it shows an
// opening sentence (setOpening) as the narration, and the player holds each frame for the reading
// time of its narration.
#pragma once

#include "models/theme/theme.h"
#include "widgets/canvas/diagram_source.h"
#include "widgets/playback/player.h"

#include <QWidget>

namespace fg {

class DiagramCanvas : public QWidget {
    Q_OBJECT
public:
    explicit DiagramCanvas(QWidget* parent = nullptr);

    // The canvas does not own the source; it must outlive the canvas or be replaced first.
    void setSource(const DiagramSource* source);
    const DiagramSource* source() const { return source_; }
    void setTheme(const Theme& theme);
    const Theme& theme() const { return theme_; }
    Player* player() { return &player_; }

    // The frame on screen right now (the tween at the player's progress).
    Frame currentFrame() const;
    // Renders what is on screen into an image of `size` pixels (for tests and quick exports).
    QImage grabFrame(QSize size, qreal dpr = 1.0) const;

    // Where the frame on screen is drawn: its coordinates to the widget's pixels.
    QTransform transformOnScreen() const;
    // Where the item `id` of the frame on screen is drawn, in widget coordinates (empty when the
    // frame has no such item).
    QRectF itemRect(const QString& id) const;
    // The id of the topmost box under `pos` (widget coordinates), or empty.
    QString itemAt(QPointF pos) const;

    // The narration before the first step (position -1): what the scenario will show.
    void setOpening(const QString& text);
    // The narration of `position`: the opening sentence at -1, else the source's sentence.
    QString narrationAt(int position) const;

    // Zoom on top of the fit (1: the whole diagram fits the widget) and pan, in pixels.
    qreal zoom() const { return zoom_; }
    QPointF pan() const { return pan_; }
    void zoomBy(qreal factor);
    void zoomIn();
    void zoomOut();
    void fitToView();
    // The camera over the run: what all of the source's steps draw together (runBounds), computed
    // once for a source and a theme. The desk frames it at every step when the source holds its
    // place; a slide always does. Empty past kRunCameraSteps steps (each step is then fitted by
    // itself): the union lays out every frame.
    static constexpr int kRunCameraSteps = 20'000;
    QRectF runCamera() const;
    // A presentation slide: every step at the one scale that fits the run's camera in the widget
    // (with a margin), up to `maxScale` (not the desk's 1.6x), the run centred; a step is centred
    // across within it unless the source holds its place. Off: the desk's framing.
    void setSlideFraming(bool on, qreal maxScale = 1.6);
    bool slideFraming() const { return slide_; }
    // Ctrl++ (and Ctrl+=), Ctrl+- and Ctrl+0 zoom this canvas while the focus is anywhere in
    // `scope`, before any shortcut of the window with the same keys (a reader's zoom).
    void handleZoomKeys(QWidget* scope);

signals:
    void narrationChanged(const QString& text);
    // A click (not a drag) on a box of the diagram.
    void itemClicked(const QString& id);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    void onPositionChanged(int position, int previous);
    QTransform viewTransform(QSizeF viewport, const Frame& frame) const;

    const DiagramSource* source_ = nullptr;
    Theme theme_ = Theme::light();
    Player player_;
    Frame from_, to_;
    QString opening_;
    qreal zoom_ = 1.0;
    bool slide_ = false;
    qreal maxScale_ = 1.6;
    mutable QRectF runCamera_; // invalid: not computed for this source and theme yet
    QPointF pan_;
    QPoint dragStart_;
    QPointF panStart_;
};

} // namespace fg
