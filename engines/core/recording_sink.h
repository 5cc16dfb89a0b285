// RecordingSink: a StepSink that keeps what an engine reports, for code that wants the steps of a
// run (and the state after each) without a Timeline: tests, above all, comparing a Timeline's
// jumps with the states seen on the way forward.
#pragma once

#include "engines/core/timeline.h"

#include <utility>
#include <vector>

namespace fg {

template <class Step, class State>
class RecordingSink final : public StepSink<Step, State> {
public:
    // `keepStates` false keeps only the steps (a state copy per step can be costly).
    explicit RecordingSink(bool keepStates = true) : keepStates_(keepStates) {}

    bool narrate() const override { return true; }
    void report(Step step, const State& after) override {
        steps.push_back(std::move(step));
        if (keepStates_) {
            states.push_back(after);
        }
    }

    // Applies each op in turn to `state` through `engine`, recording their steps.
    template <class Engine, class Ops>
    void run(const Engine& engine, State& state, const Ops& ops) {
        for (const auto& op : ops) {
            engine.apply(state, op, *this);
        }
    }

    std::vector<Step> steps;
    std::vector<State> states; // states[i]: the state right after steps[i] (when kept)

private:
    bool keepStates_;
};

// The recording sink for an engine's own Step and State.
template <class Engine>
using RecordingSinkFor = RecordingSink<typename Engine::Step, typename Engine::State>;

} // namespace fg
