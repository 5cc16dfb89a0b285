// Timeline: the steps an engine produced for a list of ops, and the state after any one of them.
//
// An engine mutates its State in place while it applies an op, and reports each step to a
// StepSink together with the state as it stands at that moment. The Timeline records the steps,
// and keeps a checkpoint (a copy of the state before op j) every `checkpointEvery` ops. To show the
// frame after step i it restores the nearest checkpoint, replays the ops before i's op silently,
// then replays i's op until step i and copies the state there. So step back is a jump, not an undo,
// and it is exact: engines keep every random choice inside their State (see Rng), so a replay makes
// the same choices as the first run. Checkpoints every K ops bound the replay to K ops while memory
// stays at (ops / K) states; K = 32 keeps a jump under a millisecond for teaching-sized scenarios.
#pragma once

#include <atomic>
#include <cstddef>
#include <deque>
#include <exception>
#include <optional>
#include <utility>
#include <vector>

namespace fg {

// What an engine reports steps to. `narrate()` false means bulk mode: the engine may skip building
// sentences and emit nothing.
template <class Step, class State>
class StepSink {
public:
    virtual ~StepSink() = default;
    virtual bool narrate() const = 0;
    // `after` is the engine's state right after this step.
    virtual void report(Step step, const State& after) = 0;
};

// A sink that drops everything: bulk mode.
template <class Step, class State>
class SilentSink final : public StepSink<Step, State> {
public:
    bool narrate() const override { return false; }
    void report(Step, const State&) override {}
};

// Watches a Timeline built on another thread (a page's 100,000-key tree): once `cancel` is set,
// the build stops at its next step and the constructor throws BuildCancelled; `steps` counts the
// steps recorded so far, for a progress line.
struct BuildWatch {
    std::atomic<bool> cancel{false};
    std::atomic<std::size_t> steps{0};
};

class BuildCancelled final : public std::exception {
public:
    const char* what() const noexcept override { return "the build was cancelled"; }
};

// Engine requirements:
//   typename Engine::State (copyable), Engine::Op, Engine::Step;
//   void Engine::apply(State&, const Op&, StepSink<Step, State>&) const;
template <class Engine>
class Timeline {
public:
    using State = typename Engine::State;
    using Op = typename Engine::Op;
    using Step = typename Engine::Step;

    // `watch` (when given) may stop the build from another thread: see BuildWatch.
    Timeline(Engine engine, State initial, std::vector<Op> ops, std::size_t checkpointEvery = 32,
             BuildWatch* watch = nullptr)
        : engine_(std::move(engine)), ops_(std::move(ops)),
          every_(checkpointEvery == 0 ? 1 : checkpointEvery), final_(initial) {
        Recorder rec(*this, watch);
        for (std::size_t j = 0; j < ops_.size(); ++j) {
            if (j % every_ == 0) {
                checkpoints_.push_back(final_);
            }
            opBegin_.push_back(steps_.size());
            engine_.apply(final_, ops_[j], rec);
        }
        opBegin_.push_back(steps_.size());
    }

    const Engine& engine() const { return engine_; }
    const std::vector<Op>& ops() const { return ops_; }
    std::size_t size() const { return steps_.size(); }
    const Step& step(std::size_t i) const { return steps_.at(i); }
    const std::deque<Step>& steps() const { return steps_; }
    const State& finalState() const { return final_; }
    // The state before any op.
    State initialState() const { return checkpoints_.empty() ? final_ : checkpoints_.front(); }

    // Index of the op that produced step i. REQUIRES: i < size().
    std::size_t opOfStep(std::size_t i) const {
        std::size_t lo = 0, hi = ops_.size();
        while (hi - lo > 1) {
            const std::size_t mid = (lo + hi) / 2;
            (opBegin_[mid] <= i ? lo : hi) = mid;
        }
        return lo;
    }

    // The state shown after step i. REQUIRES: i < size().
    State stateAfter(std::size_t i) const {
        const std::size_t j = opOfStep(i);
        State s = checkpoints_[j / every_];
        SilentSink<Step, State> silent;
        for (std::size_t k = (j / every_) * every_; k < j; ++k) {
            engine_.apply(s, ops_[k], silent);
        }
        // The op stops once step i is captured: a step early in a long op (the first of
        // 100,000 random inserts) costs its own place in the op, not the whole op.
        Capture cap(i - opBegin_[j]);
        try {
            engine_.apply(s, ops_[j], cap);
        } catch (const Captured&) {
        }
        return cap.captured ? std::move(*cap.captured) : s;
    }

    // Runs the ops once more from the start, calling visit(i, step, stateAfter(i)) for every step
    // in order: one pass for a plot over the whole timeline, instead of one replay per step.
    template <class Visit>
    void replay(Visit&& visit) const {
        State s = initialState();
        Visitor<Visit> v(visit);
        for (const auto& op : ops_) {
            engine_.apply(s, op, v);
        }
    }

private:
    template <class Visit>
    class Visitor final : public StepSink<Step, State> {
    public:
        explicit Visitor(Visit& visit) : visit_(visit) {}
        bool narrate() const override { return true; }
        void report(Step step, const State& after) override { visit_(i_++, step, after); }

    private:
        Visit& visit_;
        std::size_t i_ = 0;
    };

    class Recorder final : public StepSink<Step, State> {
    public:
        Recorder(Timeline& t, BuildWatch* watch) : t_(t), watch_(watch) {}
        bool narrate() const override { return true; }
        void report(Step step, const State&) override {
            if constexpr (requires { step.text.shrink_to_fit(); }) {
                step.text.shrink_to_fit();
            }
            t_.steps_.push_back(std::move(step));
            if (watch_) {
                if (watch_->cancel.load(std::memory_order_relaxed)) {
                    throw BuildCancelled();
                }
                watch_->steps.store(t_.steps_.size(), std::memory_order_relaxed);
            }
        }

    private:
        Timeline& t_;
        BuildWatch* watch_;
    };

    // Thrown by Capture once it holds its step: the rest of the op is not needed.
    struct Captured {};

    class Capture final : public StepSink<Step, State> {
    public:
        explicit Capture(std::size_t wanted) : wanted_(wanted) {}
        bool narrate() const override { return true; }
        void report(Step, const State& after) override {
            if (seen_++ == wanted_) {
                captured = after;
                throw Captured();
            }
        }
        std::optional<State> captured;

    private:
        std::size_t wanted_;
        std::size_t seen_ = 0;
    };

    Engine engine_;
    std::vector<Op> ops_;
    std::size_t every_;
    State final_;
    std::deque<Step> steps_;
    std::vector<std::size_t> opBegin_;
    std::vector<State> checkpoints_;
};

} // namespace fg
