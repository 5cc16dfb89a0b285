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

#include <QPointer>
#include <QWidget>

class QScrollBar;

namespace fg {

class CanvasScrollBars;

class DiagramCanvas : public QWidget {
    Q_OBJECT
public:
    explicit DiagramCanvas(QWidget* parent = nullptr);

    // The canvas does not own the source; it must outlive the canvas or be replaced first.
    void setSource(const DiagramSource* source);
    const DiagramSource* source() const { return source_; }
    void setTheme(const Theme& theme);
    // The source draws its steps differently now (a box selected), not other steps: the frames
    // on screen are laid out again.
    void refreshFrames();
    const Theme& theme() const { return theme_; }
    Player* player() { return &player_; }

    // The frame on screen right now (the tween at the player's progress).
    Frame currentFrame() const;
    // Renders what is on screen into an image of `size` pixels (for tests and quick exports).
    QImage grabFrame(QSize size, qreal dpr = 1.0) const;

    // Where the frame on screen is drawn: its coordinates to the widget's pixels.
    QTransform transformOnScreen() const;
    // Where the frame of the step on screen is drawn once its transition ends.
    QTransform transformAtRest() const;
    // Where the item `id` of the frame on screen is drawn, in widget coordinates (empty when the
    // frame has no such item). An item pinned to the left (FrameItem::pinLeft) that the zoom or
    // pan took past the left edge is drawn kPinnedMargin pixels in from it, no larger than when
    // the drawing is fitted.
    QRectF itemRect(const QString& id) const;
    static constexpr qreal kPinnedMargin = 6;
    // The id of the topmost box under `pos` (widget coordinates), or empty.
    QString itemAt(QPointF pos) const;
    // The tooltip of the topmost box under `pos` that has one, or empty.
    QString toolTipAt(QPointF pos) const;

    // The narration before the first step (position -1): what the scenario will show, and
    // what it says instead while playing (a preset starts playing: "Press Play" was on screen
    // while it played); empty: the same.
    void setOpening(const QString& text, const QString& whilePlaying = {});
    // The narration of `position`: the opening sentence at -1, else the source's sentence.
    QString narrationAt(int position) const;
    // What a screen reader reads of the step on screen (the canvas's accessible description):
    // "Step 3 of 16:", the narration, and the source's summary of the state (DiagramSource::
    // summary). Sent as a DescriptionChanged event whenever the narration changes, and said
    // (announce(): Orca speaks no description change) at each new step while the focus is on the
    // canvas or on the playback bar that drives its player.
    QString spokenText() const;

    // Zoom on top of the fit (1: the whole diagram fits the widget) and pan, in pixels.
    qreal zoom() const { return zoom_; }
    QPointF pan() const { return pan_; }
    void zoomBy(qreal factor);
    // Moves the drawing by `delta` pixels, as a drag does.
    void panBy(QPointF delta);
    // Shows the drawing from its start at the zoom it has: its top-left corner at the margin
    // where it is larger than its area (the titles and first boxes are read first), centred
    // where it fits. A Lab page's drawings after a run and a zoom (zoomed about their middle,
    // they opened with their titles cut off: a tester).
    void showStart();
    // With the focus on the drawing, Shift+Left/Right/Up/Down scroll a drawing larger than its
    // area by a tenth of it (Left and Right alone step the player).
    static constexpr qreal kScrollKeyFraction = 0.1;
    void zoomIn();
    void zoomOut();
    // The whole drawing in the area: fitToView, and with readable type below the page's type
    // where the drawing needs it (a Lab page's Fit button). It stays whole as the area changes
    // (the window made larger again: the drawing kept its small size, a tester) until the zoom
    // is reset (fitToView: readable type again).
    void fitWhole();
    void fitToView();
    // zoomIn (direction > 0), zoomOut (< 0) or fitToView (0): a page's zoom keys and buttons.
    void zoomStep(int direction);
    // True until the student zooms or drags the drawing: a fitted drawing fits the widget again
    // when the widget is resized, a zoomed one keeps the size it is shown at.
    bool fitted() const { return zoom_ == 1.0 && pan_.isNull(); }
    // The camera over the run: what all of the source's steps draw together, computed once for
    // a source and a theme. The desk frames it at every step when the source holds its place; a
    // slide always does. Up to kRunCameraSteps steps it is the union of every step (runBounds);
    // past it, of the run's ends and up to kRunCameraSamples steps spread evenly over it, within
    // kRunCameraBudgetMs (bounded work: the 100,000-key B-Tree preset has 304,051 steps), and a
    // step the sample missed that draws outside it is framed together with it.
    static constexpr int kRunCameraSteps = 20'000;
    static constexpr int kRunCameraSamples = 64;
    static constexpr int kRunCameraBudgetMs = 300; // a sample's time, the run's ends always
    QRectF runCamera() const;
    // A slide's camera at `position` (-1: the start): what the run has drawn up to that step, the
    // union of its frames from the start (with the sampled run's, the samples up to it). A
    // drawing that grows fills the slide from its first step and the view only widens as it
    // grows, blended across a transition: framed at the run's end, a B-Tree's early steps used
    // 9% of the slide (tester 47). A step is framed the same whichever way it is reached.
    QRectF stepCamera(int position) const;
    // Two drawings side by side at one scale (a Lab page's real system and model): each frames
    // the union of both runs' cameras, so a step of one is as large as the same step of the
    // other. Null: its own camera alone.
    void setCameraPartner(const DiagramCanvas* partner);
    // The largest scale a fitted drawing is shown at, whatever the room: its largest letters
    // (over the run's camera, else in `frame`) at most largestTextPx() pixels high, so a small
    // diagram is not blown up into a few giant glyphs. The one cap of the desk and of a slide.
    qreal largestReadableScale(const Frame& frame) const;
    // The desk's: kDeskLargestTextPx times the theme's type scale (the projector's larger type
    // is allowed larger letters); a slide's is given with setSlideFraming. With readable type,
    // times the canvas's type over the application's, when larger (zoomed, presented).
    static constexpr qreal kDeskLargestTextPx = 24;
    qreal largestTextPx() const;
    // A presentation slide: each step at the scale that fits its camera in the widget (with a
    // margin): the run's camera for a source that holds its place, else stepCamera. Its largest
    // letters at most `largestTextPx` high, the camera centred; a step is centred across within
    // it unless the source holds its place. Off: the desk's framing.
    // A run too wide for its largest letters to be `leastTextPx` high (a B+-tree of eight
    // leaves drew its keys 12 px high on a 1080p slide, 60% of it empty: tester 42) is shown
    // with them `heldTextPx` high, larger than the slide, and scrolls to what each step changes.
    void setSlideFraming(bool on, qreal largestTextPx = 0, qreal leastTextPx = 0,
                         qreal heldTextPx = 0);
    bool slideFraming() const { return slide_; }
    // Whether a slide's canvas of `size` would show the run (its whole camera) larger than it, at
    // its held letters and scrolling (setSlideFraming): too small a room for the run to be read
    // whole.
    bool slideHeldLargerAt(QSize size) const;
    // Never smaller than the page's type: the drawing's smallest letters at least as high as the
    // canvas's font (which grows with View > Zoom, F5 and the Projector theme, as the page's
    // sentences do), a drawing that is then larger than its area scrolling (a Lab page: its
    // drawings fitted a small window with 7-pixel words, and kept a desktop's size in Projector:
    // testers). Off: fitted whatever the size of its words (a live diagram's large runs).
    // A drawing that fits whole with its smallest words at kLeastSqueeze of the font or more is
    // shown whole (a caption's size beside the sentences: at 1024x700 the Lab's maps scrolled
    // for a few pixels of type, their nodes out of sight: a tester); one that does not is shown
    // at the font's size and scrolls.
    static constexpr qreal kLeastSqueeze = 0.8;
    void setReadableType(bool on);
    // The scroll bars shown along the edges the drawing overflows (zoomed in, or readable type).
    QScrollBar* horizontalScrollBar() const;
    QScrollBar* verticalScrollBar() const;

    // Ctrl++ (and Ctrl+=), Ctrl+- and Ctrl+0 zoom this canvas while the focus is anywhere in
    // `scope`, before any shortcut of the window with the same keys (a reader's zoom).
    void handleZoomKeys(QWidget* scope);

signals:
    void narrationChanged(const QString& text);
    // Where the drawing is shown may have changed: the widget's size, the zoom or pan, or the
    // framing (what lines up with the drawing follows it: the time-series chart). A new step does
    // not emit it: the page refreshes its chart for the step anyway.
    void viewChanged();
    // A click (not a drag) on a box of the diagram.
    void itemClicked(const QString& id);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    bool event(QEvent* event) override; // a box's tooltip
    void paintEvent(QPaintEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override; // Shift+arrows scroll
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override; // the font: the readable type's size

private:
    void onPositionChanged(int position, int previous);
    void announceStep();
    // True when the student is on this drawing: the focus on it or on its playback bar.
    bool followedFromTheKeyboard() const;
    // The scale that shows the whole of `frame` in `viewport`, its letters however small.
    qreal wholeScale(QSizeF viewport, const Frame& frame) const;
    // The same, for this drawing and its camera partner's at once (both sides at one scale).
    qreal pairWholeScale(QSizeF viewport, const Frame& frame) const;
    QTransform viewTransform(QSizeF viewport, const Frame& frame) const;
    // What `frame` is fitted by (the run's camera, or the frame's own size) and the scale that
    // fits it in `viewport` before the student's zoom.
    QRectF viewOf(const Frame& frame) const;
    qreal fitScale(QSizeF viewport, const Frame& frame) const;
    qreal leastReadableScale() const; // 0: no floor
    // Moves the drawing back within reach (whole, or scrollable end to end) and shows the bars.
    void keepDrawingInView();
    // A drawing larger than its area (readable type, or zoomed in): scrolls the least that
    // brings what changed from `before` to the step on screen into view.
    void showChange(const Frame& before);
    void computeRunCamera() const;

    const DiagramSource* source_ = nullptr;
    Theme theme_ = Theme::light();
    Player player_;
    Frame from_, to_;
    QString opening_;
    QString openingWhilePlaying_;
    qreal zoom_ = 1.0;
    bool slide_ = false;
    qreal slideTextPx_ = 0;
    qreal slideLeastPx_ = 0, slideHeldPx_ = 0;
    // A slide whose step at rest, fitted whole, would draw its letters under slideLeastPx_.
    bool slideHeldLarger() const;
    bool slideHeldLargerAt(QSize size, const Frame& frame) const;
    // Stamps from_ and to_ with their slide cameras (stepCamera), or takes them off.
    void frameCameras(int position, int previous);
    QRectF ownRunCamera() const;
    qreal runLargestFont() const; // the camera's largest letters (the partner's too)
    QPointer<const DiagramCanvas> partner_;
    mutable QRectF runCamera_; // invalid: not computed for this source and theme yet
    mutable bool cameraSampled_ = false;
    mutable qreal runLargestFont_ = 0; // the largest letters of the camera's frames
    // The positions the run's camera was computed over, in order, and what the frames drew up
    // to and with each (stepCamera).
    mutable std::vector<int> cameraPositions_;
    mutable std::vector<QRectF> cameraSoFar_;
    QPointF pan_;
    bool readableType_ = false;
    bool wholeFit_ = false; // fitWhole: shown whole, however small its words, until fitToView
    CanvasScrollBars* bars_ = nullptr;
    QPoint dragStart_;
    QPointF panStart_;
};

} // namespace fg
