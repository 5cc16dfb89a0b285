// TimelineSource: the part every live diagram shares. It runs the ops through the engine's
// Timeline, narrates each step from the step's own text, and keeps the state of the last position
// asked for, so the frame of a step and the counters shown beside it replay the engine once, not
// twice. A diagram only says how to lay out one state (layoutState).
#pragma once

#include "engines/core/timeline.h"
#include "widgets/canvas/diagram_source.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace fg {

template <class Engine>
class TimelineSource : public DiagramSource {
public:
    using State = typename Engine::State;
    using Step = typename Engine::Step;
    using Op = typename Engine::Op;

    TimelineSource(Engine engine, State initial, std::vector<Op> ops)
        : timeline_(std::move(engine), std::move(initial), std::move(ops)) {}

    int stepCount() const override { return static_cast<int>(timeline_.size()); }

    QString narration(int position) const override {
        if (position < 0 || position >= stepCount()) {
            return {};
        }
        return QString::fromStdString(timeline_.step(static_cast<std::size_t>(position)).text);
    }

    Frame frame(int position, const Theme& theme) const override {
        return layoutState(stateAt(position), stepAt(position), theme);
    }

    const Timeline<Engine>& timeline() const { return timeline_; }

    // The state shown at `position` (-1: before the first step; past the end: the last step).
    // The reference stays valid until the next call.
    const State& stateAt(int position) const {
        const int pos = clamp(position);
        if (!cached_ || cachedPos_ != pos) {
            cached_ = pos < 0 ? timeline_.initialState()
                              : timeline_.stateAfter(static_cast<std::size_t>(pos));
            cachedPos_ = pos;
        }
        return *cached_;
    }

    // The step at `position`, or null before the first step.
    const Step* stepAt(int position) const {
        const int pos = clamp(position);
        return pos < 0 ? nullptr : &timeline_.step(static_cast<std::size_t>(pos));
    }

protected:
    virtual Frame layoutState(const State& state, const Step* step, const Theme& theme) const = 0;

private:
    int clamp(int position) const {
        return timeline_.size() == 0 ? -1 : std::min(position, stepCount() - 1);
    }

    Timeline<Engine> timeline_;
    mutable std::optional<State> cached_;
    mutable int cachedPos_ = -2;
};

} // namespace fg
