// The timeline's contract: steps recorded in order, the state after any step reproduced exactly by
// a jump (checkpoint + replay), including random choices.
#include "engines/core/recording_sink.h"
#include "engines/core/rng.h"
#include "engines/core/timeline.h"
#include "tests/suite_main.h"

#include <QTest>
#include <atomic>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace {

// A toy engine: each op adds `count` random numbers to a set, one step per number.
struct ToyEngine {
    struct State {
        std::set<long> values;
        fg::Rng rng{42};
    };
    struct Op {
        int count;
    };
    struct Step {
        std::string kind;
        long value;
    };
    void apply(State& s, const Op& op, fg::StepSink<Step, State>& sink) const {
        for (int i = 0; i < op.count; ++i) {
            const long v = s.rng.uniform(0, 1000);
            s.values.insert(v);
            if (sink.narrate()) {
                sink.report({"add", v}, s);
            }
        }
    }
};

// Counts the steps it makes (a long op), and may set a build's cancel flag at one of them, as
// another thread would.
struct CountingEngine {
    struct State {
        long sum = 0;
    };
    struct Op {
        long count;
    };
    struct Step {
        long value;
    };
    long* made = nullptr;                // steps made, over every apply
    std::atomic<bool>* cancel = nullptr; // set when step `cancelAt` is made
    long cancelAt = -1;
    void apply(State& s, const Op& op, fg::StepSink<Step, State>& sink) const {
        for (long i = 0; i < op.count; ++i) {
            if (cancel && i == cancelAt) {
                cancel->store(true);
            }
            s.sum += i;
            ++*made;
            sink.report({i}, s);
        }
    }
};

// An engine that can resume its long ops (as the B-Tree's insert-random): each op has `units`
// units, each drawing from the op's own random stream and reporting 0 to 2 steps; it offers the
// place before each unit. `resumes` counts the resume calls.
struct ResumingEngine {
    struct State {
        std::uint64_t hash = 0;
        long units = 0;
        bool operator==(const State&) const = default;
    };
    struct Op {
        long units;
        std::uint64_t seed;
    };
    struct Step {
        std::uint64_t hash;
    };
    using Sink = fg::StepSink<Step, State>;
    long* resumes = nullptr;
    void apply(State& s, const Op& op, Sink& sink) const {
        if (sink.narrate()) {
            sink.report({op.seed}, s); // an opening step, as insert-random's random-keys
        }
        run(s, op, {0, fg::Rng(op.seed)}, sink);
    }
    void resume(State& s, const Op& op, const fg::OpResume& at, Sink& sink) const {
        ++*resumes;
        run(s, op, at, sink);
    }
    void run(State& s, const Op& op, fg::OpResume at, Sink& sink) const {
        const bool offer = sink.wantsResumePoints();
        for (; at.done < op.units; ++at.done) {
            if (offer) {
                sink.resumePoint(at, s);
            }
            const std::int64_t steps = at.rng.uniform(0, 2);
            for (std::int64_t k = 0; k <= steps; ++k) {
                s.hash = s.hash * 1'000'003 + static_cast<std::uint64_t>(at.rng.uniform(1, 99));
                if (k > 0 && sink.narrate()) {
                    sink.report({s.hash}, s);
                }
            }
            ++s.units;
        }
    }
};

} // namespace

class TestTimeline : public QObject {
    Q_OBJECT
private slots:
    void rngIsDeterministicAndInRange() {
        fg::Rng a(7), b(7);
        for (int i = 0; i < 1000; ++i) {
            const auto x = a.uniform(-5, 5);
            QCOMPARE(x, b.uniform(-5, 5));
            QVERIFY(x >= -5 && x <= 5);
        }
        // SplitMix64's published first output for seed 0.
        fg::Rng z(0);
        QCOMPARE(z.next(), 0xe220a8397b1dcdafULL);
    }

    void stateAfterEveryStepMatchesAFreshRun() {
        std::vector<ToyEngine::Op> ops;
        for (int j = 0; j < 50; ++j) {
            ops.push_back({1 + j % 4});
        }
        fg::Timeline<ToyEngine> t(ToyEngine{}, {}, ops, 8);
        // Reference: run once, snapshotting after every step.
        fg::RecordingSinkFor<ToyEngine> expected;
        ToyEngine::State s;
        expected.run(ToyEngine{}, s, ops);
        QCOMPARE(t.size(), expected.states.size());
        // Jump backwards through every step: each frame is the one shown on the way forward.
        for (std::size_t i = t.size(); i-- > 0;) {
            QVERIFY(t.stateAfter(i).values == expected.states[i].values);
            QCOMPARE(t.step(i).value, expected.steps[i].value);
        }
        QVERIFY(t.finalState().values == s.values);
        QCOMPARE(t.opOfStep(0), std::size_t{0});
        QCOMPARE(t.opOfStep(1), std::size_t{1}); // op 0 has one step, op 1 two
        QCOMPARE(t.opOfStep(2), std::size_t{1});
    }

    // A page builds a long scenario on a worker thread: the watch counts the steps recorded,
    // and a cancel set from elsewhere stops the build at the next step.
    void aWatchedBuildCountsItsStepsAndStopsWhenCancelled() {
        long made = 0;
        fg::BuildWatch whole;
        const fg::Timeline<CountingEngine> t(CountingEngine{&made}, {}, {{1000}}, 32, &whole);
        QCOMPARE(whole.steps.load(), std::size_t{1000});
        QCOMPARE(t.size(), std::size_t{1000});

        fg::BuildWatch watch;
        made = 0;
        bool stopped = false;
        try {
            const fg::Timeline<CountingEngine> c(CountingEngine{&made, &watch.cancel, 400}, {},
                                                 {{1000}, {1000}}, 32, &watch);
        } catch (const fg::BuildCancelled&) {
            stopped = true;
        }
        QVERIFY(stopped);
        QCOMPARE(made, 401L);                           // not the 2,000 steps of the two ops
        QCOMPARE(watch.steps.load(), std::size_t{400}); // the steps recorded before it
    }

    // One op of many steps (100,000 random inserts): the state after one of its early steps
    // replays the op up to that step only, and is the state a fresh run has there.
    void aStepEarlyInALongOpReplaysOnlyUpToIt() {
        long made = 0;
        const fg::Timeline<CountingEngine> t(CountingEngine{&made}, {}, {{100'000}});
        made = 0;
        QCOMPARE(t.stateAfter(10).sum, 55L); // 0 + 1 + ... + 10
        QCOMPARE(made, 11L);
        made = 0;
        QCOMPARE(t.stateAfter(99'999).sum, 99'999L * 100'000L / 2);
        QCOMPARE(made, 100'000L);
    }

    // Long ops an engine can resume (more units than kUnitsPerCheckpoint, some with no step):
    // the timeline keeps checkpoints inside them, and a jump to every step, backwards, gives the
    // state a run from the start has there.
    void aJumpIntoALongResumableOpIsExact() {
        constexpr long kLong = 3 * long(fg::Timeline<ResumingEngine>::kUnitsPerCheckpoint) + 17;
        const std::vector<ResumingEngine::Op> ops = {
            {5, 1}, {kLong, 2}, {0, 3}, {3, 4}, {kLong / 2, 5}};
        long resumes = 0;
        const fg::Timeline<ResumingEngine> t(ResumingEngine{&resumes}, {}, ops);
        QCOMPARE(resumes, 0L); // the build applies each op once
        QVERIFY(t.checkpointCount() >= 5);
        fg::RecordingSinkFor<ResumingEngine> expected;
        ResumingEngine::State s;
        expected.run(ResumingEngine{&resumes}, s, ops);
        QCOMPARE(t.size(), expected.states.size());
        for (std::size_t i = t.size(); i-- > 0;) {
            QVERIFY2(t.stateAfter(i) == expected.states[i], std::to_string(i).c_str());
            QCOMPARE(t.step(i).hash, expected.steps[i].hash);
        }
        QVERIFY(resumes > 0); // the jumps went through checkpoints inside the long ops
        QVERIFY(t.finalState() == s);
    }

    void replayVisitsEveryStepWithItsState() {
        std::vector<ToyEngine::Op> ops;
        for (int j = 0; j < 40; ++j) {
            ops.push_back({j % 3}); // some ops have no step at all
        }
        fg::Timeline<ToyEngine> t(ToyEngine{}, {}, ops, 4);
        std::size_t visited = 0;
        t.replay([&](std::size_t i, const ToyEngine::Step& step, const ToyEngine::State& after) {
            QCOMPARE(i, visited);
            QCOMPARE(step.value, t.step(i).value);
            QVERIFY(after.values == t.stateAfter(i).values);
            ++visited;
        });
        QCOMPARE(visited, t.size());
    }
};

FG_TEST_APPLESS_MAIN(TestTimeline)
#include "test_timeline.moc"
