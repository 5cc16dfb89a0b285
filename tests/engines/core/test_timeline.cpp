// The timeline's contract: steps recorded in order, the state after any step reproduced exactly by
// a jump (checkpoint + replay), including random choices.
#include "engines/core/recording_sink.h"
#include "engines/core/rng.h"
#include "engines/core/timeline.h"

#include <QTest>
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

QTEST_APPLESS_MAIN(TestTimeline)
#include "test_timeline.moc"
