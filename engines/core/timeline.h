// Timeline: the steps an engine produced for a list of ops, and the state after any one of them.
//
// An engine mutates its State in place while it applies an op, and reports each step to a
// StepSink together with the state as it stands at that moment. The Timeline records the steps,
// and keeps checkpoints (copies of the state): before op j every `checkpointEvery` ops, and
// wherever kUnitsPerCheckpoint units of work have gone by since the last one, inside a long op
// too when the engine can resume it there (Engine::resume; 100,000 random inserts are one op,
// of 100,000 units). To show the frame after step i it restores the last checkpoint before it,
// replays silently up to the op of step i, or to the unit of step i when the engine can resume
// there, then replays that op or unit until step i and copies the state there. So step back is a
// jump, not an undo, and it is exact: engines keep every random choice inside their State or the
// op's OpResume (see Rng), so a replay makes the same choices as the first run. Checkpoints bound
// a jump's replay to `checkpointEvery` ops or kUnitsPerCheckpoint units, while memory stays at
// one state per that many.
#pragma once

#include "engines/core/rng.h"

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <optional>
#include <utility>
#include <vector>

namespace fg {

// A place inside a long op that an engine can resume the op from (Engine::resume): after `done`
// of its units (insert-random: keys inserted), with the op's random stream as it stands there.
struct OpResume {
    std::int64_t done = 0;
    Rng rng;
};

// What an engine reports steps to. `narrate()` false means bulk mode: the engine may skip building
// sentences and emit nothing.
template <class Step, class State>
class StepSink {
public:
    virtual ~StepSink() = default;
    virtual bool narrate() const = 0;
    // `after` is the engine's state right after this step.
    virtual void report(Step step, const State& after) = 0;
    // An engine that can resume a long op offers each place it could resume from (between two
    // of the op's units), with the state there, when the sink wants them (a Timeline's build,
    // for its checkpoints). The offer costs the engine nothing when not wanted.
    virtual bool wantsResumePoints() const { return false; }
    virtual void resumePoint(const OpResume&, const State&) {}
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
// and optionally, for checkpoints inside a long op:
//   void Engine::resume(State&, const Op&, const OpResume&, StepSink<Step, State>&) const;
//   which, from a state and place the engine offered (resumePoint) while applying that op, goes
//   on exactly as apply went on from there. Such an engine offers the same places whether its
//   sink narrates or not, the state it offers being the one it applies the op to.
template <class Engine>
concept ResumesOps = requires(const Engine& e, typename Engine::State& s,
                              const typename Engine::Op& op, const OpResume& at,
                              StepSink<typename Engine::Step, typename Engine::State>& sink) {
    e.resume(s, op, at, sink);
};

template <class Engine>
class Timeline {
public:
    using State = typename Engine::State;
    using Op = typename Engine::Op;
    using Step = typename Engine::Step;

    // Units of work (an op, or a unit of a long op: one of 100,000 random inserts) between two
    // checkpoints at most, where the engine can resume: a jump replays at most this many silently
    // (about 2 ms of inserts), then the one unit of its step narrated; the 100,000-key tree keeps
    // 14 states.
    static constexpr std::size_t kUnitsPerCheckpoint = 8192;

    // `watch` (when given) may stop the build from another thread: see BuildWatch.
    Timeline(Engine engine, State initial, std::vector<Op> ops, std::size_t checkpointEvery = 32,
             BuildWatch* watch = nullptr)
        : engine_(std::move(engine)), ops_(std::move(ops)),
          every_(checkpointEvery == 0 ? 1 : checkpointEvery), final_(std::move(initial)) {
        Recorder rec(*this, watch);
        for (std::size_t j = 0; j < ops_.size(); ++j) {
            if (j % every_ == 0 || sinceCheckpoint_ >= kUnitsPerCheckpoint) {
                keepCheckpoint(j, std::nullopt, final_);
            }
            ++sinceCheckpoint_;
            opBegin_.push_back(steps_.size());
            rec.op = j;
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
    State initialState() const {
        return checkpoints_.empty() ? final_ : checkpoints_.front().state;
    }
    // How many states the timeline keeps to jump from (the final one aside).
    std::size_t checkpointCount() const { return checkpoints_.size(); }

    // Index of the op that produced step i. REQUIRES: i < size().
    std::size_t opOfStep(std::size_t i) const {
        std::size_t lo = 0, hi = ops_.size();
        while (hi - lo > 1) {
            const std::size_t mid = (lo + hi) / 2;
            (opBegin_[mid] <= i ? lo : hi) = mid;
        }
        return lo;
    }

    // The first step op j produced (size() for j == ops().size(), after the last op; an op
    // that produced no step begins where the next does). REQUIRES: j <= ops().size().
    std::size_t opBeginStep(std::size_t j) const { return opBegin_.at(j); }

    // The state shown after step i. REQUIRES: i < size().
    State stateAfter(std::size_t i) const {
        const std::size_t j = opOfStep(i);
        const std::size_t place = placeBefore(j, i);
        const Checkpoint& c = checkpointBefore(j, i);
        State s = c.state;
        const std::optional<OpResume> at = runSilentlyTo(s, c, j, place);
        // The op stops once step i is captured: a step early in a long op (the first of
        // 100,000 random inserts) costs its own place in the op, not the whole op.
        Capture cap(i - (at ? places_[place].step : opBegin_[j]));
        runUntilStopped(s, j, at, cap);
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
    static constexpr std::size_t kNone = ~std::size_t{0};

    // A place inside op `op` its engine offered (resumePoint), `step` steps into the timeline.
    struct Place {
        std::size_t op;
        std::size_t step;
    };

    // A copy of the state before op `op` (place kNone), or at places_[place] inside it, where
    // the op goes on from `inside`.
    struct Checkpoint {
        std::size_t op;
        std::size_t place;
        std::optional<OpResume> inside;
        State state;
    };

    void keepCheckpoint(std::size_t op, const std::optional<OpResume>& inside, const State& s) {
        checkpoints_.push_back({op, inside ? places_.size() - 1 : kNone, inside, s});
        sinceCheckpoint_ = 0;
    }

    void resume(State& s, std::size_t op, const OpResume& at, StepSink<Step, State>& sink) const {
        if constexpr (ResumesOps<Engine>) { // only such engines offer places inside an op
            engine_.resume(s, ops_[op], at, sink);
        }
    }

    // Applies op j to `s` from its start, or from `at` when set, until `sink` stops it (Capture,
    // Pause) or the op ends.
    void runUntilStopped(State& s, std::size_t j, const std::optional<OpResume>& at,
                         StepSink<Step, State>& sink) const {
        try {
            if (at) {
                resume(s, j, *at, sink);
            } else {
                engine_.apply(s, ops_[j], sink);
            }
        } catch (const Captured&) {
        }
    }

    // The last place of op j at or before step i, or kNone.
    std::size_t placeBefore(std::size_t j, std::size_t i) const {
        const auto after =
            std::upper_bound(places_.begin(), places_.end(), std::pair(j, i),
                             [](const std::pair<std::size_t, std::size_t>& at, const Place& p) {
                                 return at < std::pair(p.op, p.step);
                             });
        return after != places_.begin() && (after - 1)->op == j
                   ? static_cast<std::size_t>(after - 1 - places_.begin())
                   : kNone;
    }

    // The first place of op j (REQUIRES: it has one).
    std::size_t firstPlaceOf(std::size_t j) const {
        return static_cast<std::size_t>(
            std::partition_point(places_.begin(), places_.end(),
                                 [j](const Place& p) { return p.op < j; }) -
            places_.begin());
    }

    // The last checkpoint before step i of op j (the first is before op 0).
    const Checkpoint& checkpointBefore(std::size_t j, std::size_t i) const {
        const auto after = std::upper_bound(
            checkpoints_.begin(), checkpoints_.end(), std::pair(j, i),
            [this](const std::pair<std::size_t, std::size_t>& at, const Checkpoint& c) {
                return at <
                       std::pair(c.op, c.place == kNone ? opBegin_[c.op] : places_[c.place].step);
            });
        return *(after - 1);
    }

    // Brings `s`, the state of checkpoint c, silently to the start of op j (returns nullopt) or,
    // when `place` is set, to that place of op j (returns where the op goes on from there).
    std::optional<OpResume> runSilentlyTo(State& s, const Checkpoint& c, std::size_t j,
                                          std::size_t place) const {
        SilentSink<Step, State> silent;
        std::size_t k = c.op;
        std::optional<OpResume> at = c.inside;
        if (at && k < j) { // the rest of the op the checkpoint is in
            resume(s, k++, *at, silent);
            at.reset();
        }
        for (; k < j; ++k) {
            engine_.apply(s, ops_[k], silent);
        }
        if (place == kNone || (at && c.place == place)) {
            return at;
        }
        // From the op's start or the checkpoint's place to `place`, counting the places offered.
        const std::size_t from = at ? c.place : firstPlaceOf(j);
        Pause pause(place - from, s);
        runUntilStopped(s, j, at, pause);
        return pause.at;
    }

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
        std::size_t op = 0; // the op being applied
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
        bool wantsResumePoints() const override { return ResumesOps<Engine>; }
        void resumePoint(const OpResume& at, const State& state) override {
            t_.places_.push_back({op, t_.steps_.size()});
            if (t_.sinceCheckpoint_++ >= kUnitsPerCheckpoint) {
                t_.keepCheckpoint(op, at, state);
            }
        }

    private:
        Timeline& t_;
        BuildWatch* watch_;
    };

    // Thrown by Capture once it holds its step, and by Pause at its place: the rest of the op is
    // not needed.
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

    // A silent run that stops at the place offered `wanted` places after its start, keeping
    // where the op goes on from there (`at`) and the state there (in `s`, the run's own state).
    class Pause final : public StepSink<Step, State> {
    public:
        Pause(std::size_t wanted, State& s) : wanted_(wanted), s_(s) {}
        bool narrate() const override { return false; }
        void report(Step, const State&) override {}
        bool wantsResumePoints() const override { return true; }
        void resumePoint(const OpResume& here, const State& state) override {
            if (seen_++ == wanted_) {
                at = here;
                if (&state != &s_) {
                    s_ = state;
                }
                throw Captured();
            }
        }
        std::optional<OpResume> at;

    private:
        std::size_t wanted_;
        State& s_;
        std::size_t seen_ = 0;
    };

    Engine engine_;
    std::vector<Op> ops_;
    std::size_t every_;
    State final_;
    std::deque<Step> steps_;
    std::vector<std::size_t> opBegin_;
    std::vector<Place> places_; // in (op, step) order
    std::vector<Checkpoint> checkpoints_;
    std::size_t sinceCheckpoint_ = 0; // units applied since the last checkpoint (while building)
};

} // namespace fg
