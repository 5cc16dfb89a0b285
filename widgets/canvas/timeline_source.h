// TimelineSource: the part every live diagram shares. It runs the ops through the engine's
// Timeline, narrates each step from the step's own text, and keeps the state of the last position
// asked for, so the frame of a step and the counters shown beside it replay the engine once, not
// twice. A diagram only says how to lay out one state (layoutState).
//
// Built with KeepOnly (an export draws one picture) it keeps no Timeline of the run: it runs the
// ops once counting the steps, and keeps the step and the state at that one position (for the
// last step it counts first, then runs again to it: two runs, one state in memory). Only that
// position, and -1 (before the first step), can then be drawn.
#pragma once

#include "engines/core/timeline.h"
#include "widgets/canvas/diagram_source.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <vector>

namespace fg {

template <class Engine>
class TimelineSource : public DiagramSource {
public:
    using State = typename Engine::State;
    using Step = typename Engine::Step;
    using Op = typename Engine::Op;

    // `watch` (when given) may stop a long build from another thread (BuildWatch): the
    // constructor then throws BuildCancelled.
    TimelineSource(Engine engine, State initial, std::vector<Op> ops,
                   std::optional<KeepOnly> only = std::nullopt, BuildWatch* watch = nullptr)
        : timeline_(std::move(engine), std::move(initial),
                    only ? std::vector<Op>() : std::move(ops), kCheckpointEvery, watch) {
        if (only) {
            keepOnly(std::move(ops), only->position);
        }
    }

    int stepCount() const override {
        return one_ ? static_cast<int>(one_->count) : static_cast<int>(timeline_.size());
    }

    QString narration(int position) const override {
        const Step* step = position < 0 || position >= stepCount() ? nullptr : stepAt(position);
        return step ? QString::fromStdString(step->text) : QString();
    }

    QString summary(int position) const override { return describe(stateAt(position)); }

    // Runs every op once more from the start, calling visit(i, step, state after step i): the
    // Timeline's replay, also when only one position is kept.
    template <class Visit>
    void replay(Visit&& visit) const {
        if (!one_) {
            timeline_.replay(std::forward<Visit>(visit));
            return;
        }
        State s = timeline_.initialState();
        Each<Visit> each(visit);
        for (const auto& op : one_->ops) {
            timeline_.engine().apply(s, op, each);
        }
    }

    Frame frame(int position, const Theme& theme) const override {
        return layoutState(stateAt(position), stepAt(position), theme);
    }

    const Timeline<Engine>& timeline() const { return timeline_; }

    // The state shown at `position` (-1: before the first step; past the end: the last step).
    // The reference stays valid until the next call.
    const State& stateAt(int position) const {
        const int pos = clamp(position);
        if (one_ && pos >= 0) {
            return *one_->at(pos).state;
        }
        // Two states are kept: a move shows the step before and the step after (a frame each),
        // and in a long op (100,000 random inserts) each is a replay of the op.
        for (Cached& c : cached_) {
            if (c.state && c.position == pos) {
                c.used = ++uses_;
                return *c.state;
            }
        }
        Cached& older = cached_[0].used <= cached_[1].used ? cached_[0] : cached_[1];
        older.state = pos < 0 ? timeline_.initialState()
                              : timeline_.stateAfter(static_cast<std::size_t>(pos));
        older.position = pos;
        older.used = ++uses_;
        return *older.state;
    }

    // The step at `position`, or null before the first step.
    const Step* stepAt(int position) const {
        const int pos = clamp(position);
        if (one_ && pos >= 0) {
            return &*one_->at(pos).step;
        }
        return pos < 0 ? nullptr : &timeline_.step(static_cast<std::size_t>(pos));
    }

protected:
    virtual Frame layoutState(const State& state, const Step* step, const Theme& theme) const = 0;
    // What a screen reader says of `state` (summary()); empty: nothing.
    virtual QString describe(const State& state) const {
        (void)state;
        return {};
    }

private:
    static constexpr std::size_t kCheckpointEvery = 32; // the Timeline's own default

    int clamp(int position) const {
        return stepCount() == 0 ? -1 : std::min(position, stepCount() - 1);
    }

    // The one kept position (KeepOnly): its step and state, and how many steps the run has.
    struct One {
        std::vector<Op> ops;
        std::size_t count = 0;
        int index = -1;
        std::optional<Step> step;
        std::optional<State> state;
        // Throws for any other position: the source was not built to draw it.
        const One& at(int position) const {
            if (position != index || !state) {
                throw std::out_of_range("a source kept for one picture draws only that position");
            }
            return *this;
        }
    };

    template <class Visit>
    class Each final : public StepSink<Step, State> {
    public:
        explicit Each(Visit& visit) : visit_(visit) {}
        bool narrate() const override { return true; }
        void report(Step step, const State& after) override { visit_(i_++, step, after); }

    private:
        Visit& visit_;
        std::size_t i_ = 0;
    };

    void keepOnly(std::vector<Op> ops, int position) {
        one_.emplace();
        one_->ops = std::move(ops);
        if (position == KeepOnly::kLast) { // count first: the last step is not known before
            std::size_t n = 0;
            replay([&](std::size_t, const Step&, const State&) { ++n; });
            position = static_cast<int>(n) - 1;
        }
        std::size_t n = 0;
        replay([&](std::size_t i, const Step& step, const State& after) {
            if (static_cast<int>(i) == position) {
                one_->index = position;
                one_->step = step;
                one_->state = after;
            }
            ++n;
        });
        one_->count = n;
    }

    Timeline<Engine> timeline_;
    std::optional<One> one_;
    struct Cached {
        std::optional<State> state;
        int position = -2;
        std::uint64_t used = 0; // when last asked for (uses_ then)
    };
    mutable std::array<Cached, 2> cached_;
    mutable std::uint64_t uses_ = 0;
};

} // namespace fg
