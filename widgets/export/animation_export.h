// Animation export: a scenario's steps as an animated GIF (written with giflib, the library
// Debian ships; Qt writes no GIF) or as a numbered PNG frame sequence, drawn by the same painter
// as the screen and every picture export (frame, tween, caption). Each step is its eased
// transition followed by a hold, so a class can follow it. The whole animation has one camera
// (what its frames draw, together): the drawing never jumps or rescales between frames. Every
// file goes through AtomicFile (no partial file); progress is reported per frame and the export can
// be cancelled.
#pragma once

#include "engines/core/status.h"
#include "models/theme/theme.h"
#include "widgets/canvas/diagram_source.h"

#include <QRectF>
#include <QSize>
#include <QString>
#include <QStringList>
#include <functional>
#include <vector>

namespace fg {

struct AnimationOptions {
    QSize size{960, 540};
    int fps = 12;
    double transitionSeconds = 0.5; // the eased move from one step to the next
    double holdSeconds = 0.7;       // then the step stays on screen
    int from = -1;                  // the first position shown (-1: before the first step)
    int to = -2;                    // the last position (-2: the last step)
    // The scenario's title: the first frame, before the first step, says what is coming and
    // how many steps the animation shows (openingSentence; it said all 103 of a 16-step range).
    QString scenarioTitle;
};

// The most steps one animation holds: each step is a dozen frames, and the 100,000-key B-Tree's
// 304,051 steps made 4,256,722 frames (98 hours) that froze the app. 200 steps is about 2,800
// frames at 12 frames a second, a few minutes of film and of writing.
constexpr int kMaxAnimationSteps = 200;

// Called after each frame with (frames done, frames in all); returning false cancels.
using AnimationProgress = std::function<bool(int done, int total)>;

// How many frames the animation of `source` has under `options`.
int animationFrameCount(const DiagramSource& source, const AnimationOptions& options);

// Each frame's caption, in order: a frame of a move says the step it leaves until half way,
// where the drawing switches to the next step, then that step; a hold says its own.
QStringList animationCaptions(const DiagramSource& source, const AnimationOptions& options);
// The caption of an animation's first frame when it starts before the first step: what is
// coming and how many steps the animation shows (not the whole run's when it shows a range).
QString animationOpening(const DiagramSource& source, const AnimationOptions& options);

// What each position first..last (-2: the last step) frames, in order. One camera for all when
// the drawing stays in place (runBounds, the canvas's camera over a run), so it keeps its place
// and scale from one frame to the next (fitting each frame on its own made the picture jump and
// zoom at every step). When the drawing wanders further than a quarter of its own size (the
// 100,000-key B-Tree shows the branch each step walks: the union of every branch was three
// times as wide as any frame, and drew each tree 250 px wide in the top-left corner of 960), a
// camera of one size, as large as the largest frame, centred on each frame: the scale never
// changes and the camera glides from one step's drawing to the next during the transition.
std::vector<QRectF> framingOf(const DiagramSource& source, const Theme& theme, int first = -1,
                              int last = -2);

// The positions a range of steps as the app numbers them (step 1 is position 0) covers: from the
// state before `firstStep` to the state after `lastStep`. Steps outside 1..stepCount are clamped.
void setStepRange(AnimationOptions& options, int firstStep, int lastStep, int stepCount);

// Ok, or a Status whose message is a sentence naming the problem; Status::cancelled() when the
// progress callback cancelled. On failure or cancel no file is left behind (an old file of that
// name is kept). A range of more than kMaxAnimationSteps steps is refused before any work.
Status exportGif(const DiagramSource& source, const Theme& theme, const QString& path,
                 const AnimationOptions& options, const AnimationProgress& progress = {});

// Writes `dir`/`baseName`-0001.png ... ; on failure or cancel the frames written are removed.
Status exportFrameSequence(const DiagramSource& source, const Theme& theme, const QString& dir,
                           const QString& baseName, const AnimationOptions& options,
                           const AnimationProgress& progress = {});

} // namespace fg
