// Animation export: a scenario's steps as an animated GIF (written with giflib, the library
// Debian ships; Qt writes no GIF) or as a numbered PNG frame sequence, drawn by the same painter
// as the screen and every picture export (frame, tween, caption). Each step is its eased
// transition followed by a hold, so a class can follow it. Every file goes through AtomicFile (no
// partial file); progress is reported per frame and the export can be cancelled.
#pragma once

#include "models/theme/theme.h"
#include "widgets/canvas/diagram_source.h"

#include <QSize>
#include <QString>
#include <functional>

namespace fg {

struct AnimationOptions {
    QSize size{960, 540};
    int fps = 12;
    double transitionSeconds = 0.5; // the eased move from one step to the next
    double holdSeconds = 0.7;       // then the step stays on screen
    int from = -1;                  // the first position shown (-1: before the first step)
    int to = -2;                    // the last position (-2: the last step)
};

// Called after each frame with (frames done, frames in all); returning false cancels.
using AnimationProgress = std::function<bool(int done, int total)>;

// How many frames the animation of `source` has under `options`.
int animationFrameCount(const DiagramSource& source, const AnimationOptions& options);

// Returns an empty string on success, or a sentence naming the problem ("cancelled" when the
// progress callback cancelled; then no file is left behind).
QString exportGif(const DiagramSource& source, const Theme& theme, const QString& path,
                  const AnimationOptions& options, const AnimationProgress& progress = {});

// Writes `dir`/`baseName`-0001.png ... ; on failure or cancel the frames written are removed.
QString exportFrameSequence(const DiagramSource& source, const Theme& theme, const QString& dir,
                            const QString& baseName, const AnimationOptions& options,
                            const AnimationProgress& progress = {});

} // namespace fg
