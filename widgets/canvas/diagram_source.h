// DiagramSource: what a live diagram shows, step by step. One implementation per diagram (B-Tree,
// LSM, hash slots, partitions, downsampling) wraps its engine's Timeline and lays out a Frame for
// any position: -1 is the state before the first step, 0..stepCount()-1 the state after each
// step. Layout is a pure function of (position, theme), so the same source draws the screen and
// every export.
#pragma once

#include "models/theme/theme.h"
#include "widgets/canvas/frame.h"

#include <QString>
#include <vector>

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
    // What a screen reader says of the state at `position`, after the narration: the structure
    // in a sentence or two, large ones summarised (spoken_state.h). Empty: nothing more to say.
    virtual QString summary(int position) const {
        (void)position;
        return {};
    }
    // True when the drawing keeps its place from step to step at the desk too: the canvas then
    // frames the whole run (runBounds) at every step, as a slide does (the LSM-tree's levels fill
    // up in place instead of the drawing moving up and down). Otherwise the desk fits each step.
    virtual bool holdsItsPlace() const { return false; }
};

// What the frames at `positions` draw together: the union of their drawn areas (Frame::bounds),
// or (0, 0, 1, 1) when nothing is drawn, and their largest letters (Frame::largestTextPx). With a
// budget (ms, 0: none) it stops once the budget is spent, after the first two positions: put the
// ones that must count first. The one camera over a run that the desk canvas, presentation
// slides and animations frame.
struct RunExtent {
    QRectF bounds;
    qreal largestTextPx = 0;
    // Each position's drawn area, in the order of `positions`, as far as the budget went.
    std::vector<QRectF> each;
};
RunExtent runExtent(const DiagramSource& source, const Theme& theme,
                    const std::vector<int>& positions, int budgetMs = 0);
// runExtent's bounds over every position first..last (-2: the last step).
QRectF runBounds(const DiagramSource& source, const Theme& theme, int first = -1, int last = -2);

} // namespace fg
