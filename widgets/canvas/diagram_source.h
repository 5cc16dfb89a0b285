// DiagramSource: what a live diagram shows, step by step. One implementation per diagram (B-Tree,
// LSM, hash slots, partitions, downsampling) wraps its engine's Timeline and lays out a Frame for
// any position: -1 is the state before the first step, 0..stepCount()-1 the state after each
// step. Layout is a pure function of (position, theme), so the same source draws the screen and
// every export.
#pragma once

#include "models/theme/theme.h"
#include "widgets/canvas/frame.h"

#include <QString>

namespace fg {

// What a source built for one picture keeps: the position it will draw (kLast: the last step),
// and nothing else: not every step, not the checkpoints the app needs to step back and forth. An
// export of a million-key scenario then holds one state, not the whole run (issue 14, item 2).
struct KeepOnly {
    static constexpr int kLast = -2;
    int position = kLast;
};

class DiagramSource {
public:
    virtual ~DiagramSource() = default;
    virtual int stepCount() const = 0;
    virtual Frame frame(int position, const Theme& theme) const = 0;
    // The one-sentence narration of the step at `position` (empty at -1).
    virtual QString narration(int position) const = 0;
};

} // namespace fg
