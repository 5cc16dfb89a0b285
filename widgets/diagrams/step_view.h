// StepView: a DiagramView over one engine's scenario, written once for every engine. It owns the
// scenario (the engine's params and the ops so far, as the command line's JSON has them) and the
// diagram built from it, and does what every engine's page does with them: add ops and play their
// steps, take back the last ops added, replace the scenario (a preset, a file), run the same ops
// again under new params, and read and write the scenario as JSON. A view keeps only what is its
// own: its controls, how they show the params (showParams), and its counters and chart (refresh).
// Its defaults (`initial`, the same params as its default scenario's) are what a preset gets for
// every param it does not name, whatever the controls were set to before.
//
// A scenario asking for kBackgroundWork keys, records or ops or more builds on a worker thread
// (the 100,000-key index took 1.4 s at order 64 and seconds more at order 3, the window frozen):
// the drawing on screen stays until the new one is complete, a line over it counts the steps
// built, and Cancel (or Esc) brings back the scenario and settings of the drawing on screen.
//
// `Traits`, one small struct per engine beside its view, says which scenario and diagram:
//   using Scenario = ...;               // the JSON edge's scenario: params, `ops`, `narrate`
//   using Diagram = ...;                // a TimelineSource over the engine
//   static constexpr const char* kEngine = "...";
//   static Status parse(const nlohmann::json&, Scenario&);
//   static nlohmann::json write(const Scenario&);
//   // The diagram of a scenario: `only` one position of it (a picture), or all; watch may be null
//   static std::unique_ptr<Diagram> diagram(Scenario, std::optional<KeepOnly> only, BuildWatch*);
//   static bool keyEvent(const Diagram::Step&); // a split, a flush, MOVED...: held longer
#pragma once

#include "engines/core/status.h"
#include "engines/core/timeline.h"
#include "engines/scenario/scenario_reader.h"
#include "widgets/canvas/counted.h"
#include "widgets/diagrams/diagram_view.h"
#include "widgets/playback/player.h"

#include <QAbstractSpinBox>
#include <QLineEdit>
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <exception>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace fg {

// Work (keys, records or ops, as WorkBudget counts it) from which a page builds its diagram on a
// worker thread: about 0.1 s of the B-Tree's inserts.
inline constexpr std::int64_t kBackgroundWork = 5'000;

template <class Traits>
class StepView : public DiagramView {
public:
    using ViewTraits = Traits; // the diagram registry's rows read it
    using Scenario = typename Traits::Scenario;
    using Diagram = typename Traits::Diagram;
    using Op = typename Diagram::Op;
    using State = typename Diagram::State;

    const char* engineName() const override { return Traits::kEngine; }
    // The page plays every step, but a file that asks for every step holds a budget of them
    // (10,000 narrated B-Tree draws): a larger scenario (the 100,000-key index) is written as
    // a bulk run ("narrate": false), which the page opens and plays whole and the CLI answers
    // with its end state. Written narrated, it did not open again (F5 showed another scenario).
    nlohmann::json scenarioJson() const override {
        nlohmann::json json = Traits::write(scenario_);
        if (Scenario check; !Traits::parse(json, check)) {
            Scenario bulk = scenario_;
            bulk.narrate = false;
            json = Traits::write(bulk);
        }
        return json;
    }

    // Replaces everything (a scenario opened, or a preset) and shows it before its first step
    // (or at `position`, as showSource takes it), fitted to the window.
    // Replaced from a control (a preset, Clear, Reset, a file opened: replacing()), Undo brings
    // back the scenario on screen before it, at its step; else the history starts afresh.
    void setScenario(Scenario scenario, int position = -1) {
        if (const std::optional<Replacing> from = replacing()) {
            // A build under way is not what the student had: the drawing on screen is.
            if (build_) {
                undo_ = shownUndo_;
            }
            UndoEntry replaced;
            replaced.before = std::make_shared<const Scenario>(build_ ? shown_ : scenario_);
            replaced.whole = true;
            replaced.position = from->position;
            replaced.title = from->title;
            remember(std::move(replaced));
        } else {
            undo_.clear();
        }
        scenario_ = std::move(scenario);
        scenario_.narrate = true; // the page plays every step
        newScenario();
        showParams(scenario_);
        rebuild(position);
    }
    // Appends `ops` (one operation of the controls: one Undo takes them all back) and plays their
    // steps.
    void addOps(const std::vector<Op>& ops) {
        waitForBuild(); // its controls wait for a build; this waits too, whoever calls it
        const int firstNew = diagram_ ? diagram_->stepCount() : 0;
        const int was = panel()->player()->position();
        UndoEntry added;
        added.ops = scenario_.ops.size();
        remember(std::move(added));
        scenario_.ops.insert(scenario_.ops.end(), ops.begin(), ops.end());
        scenarioEdited();
        rebuild(firstNew - 1);
        afterBuild([this, was, firstNew] {
            panel()->player()->playOn();
            // What is added goes after the last step: from the middle of the scenario the
            // drawing jumps there first, and says so (a tester at step 9 of 16 inserted 25 and
            // saw keys 60 and 70 appear with it, nothing said). Not from the opening, before the
            // first step: the scenario is not under way there.
            if (was >= 0 && was < firstNew - 1) {
                showMessage(tr("New steps go after the last one: the diagram went from step %1 "
                               "to step %2 first, then plays what you added.")
                                .arg(was + 1)
                                .arg(firstNew));
            }
        });
        // The key typed stays for the next button (Search what was inserted), selected so that
        // typing replaces it ("42" then "abc" read "42abc"). Not a number box's text (the
        // B-Tree's order): it was drawn selected too, and three fields looked selected at once.
        for (auto* box : findChildren<QLineEdit*>()) {
            if (!qobject_cast<QAbstractSpinBox*>(box->parentWidget())) {
                box->selectAll();
            }
        }
    }
    void addOp(const Op& op) { addOps({op}); }

    bool canUndo() const override { return !undo_.empty(); }
    void undo() override {
        if (undo_.empty()) {
            return;
        }
        UndoEntry last = std::move(undo_.back());
        undo_.pop_back();
        if (last.before) { // the scenario as it was, settings and all
            scenario_ = *last.before;
            showParams(scenario_);
            if (last.whole) { // a preset, Clear, Reset: back where the student was
                scenarioBack(last.title);
                rebuild(last.position);
                return;
            }
        } else {
            scenario_.ops.erase(scenario_.ops.begin() + static_cast<std::ptrdiff_t>(last.ops),
                                scenario_.ops.end());
        }
        // A setting comes back at the step on screen when it was changed (a tester at step 10
        // of 78 came back to step 78); operations taken back, at the last step.
        scenarioEdited();
        rebuild(last.position);
    }

    const Scenario& scenario() const { return scenario_; }
    const std::vector<Op>& ops() const { return scenario_.ops; }

    bool building() const override { return build_ != nullptr; }
    void cancelBuild() override {
        if (!build_) {
            return;
        }
        stopBuild();
        restoreShown();
        buildEnded(BuildEnd::Cancelled);
    }
    void waitForBuild() override {
        if (build_) {
            worker_.join();
            finishBuild();
        }
    }

    // The keys, records or ops `scenario` asks for, as WorkBudget counts them: an op with a
    // count (insert-random, produce) its count, any other op one.
    static std::int64_t workOf(const Scenario& scenario) {
        std::int64_t work = 0;
        for (const Op& op : scenario.ops) {
            if constexpr (requires { op.work(); }) {
                work += op.work(); // the parser's count (an op that draws keys or records)
            } else {
                work += 1;
            }
        }
        return work;
    }

    ~StepView() override { stopBuild(); }
    StepView(const StepView&) = delete;
    StepView& operator=(const StepView&) = delete;

protected:
    // `initial`: what the page holds until its default scenario loads (and when that fails).
    explicit StepView(QWidget* parent, Scenario initial = {})
        : DiagramView(parent), initial_(initial), scenario_(std::move(initial)) {
        // Playing, a frame holds while its narration is read, and a key event (a split, a flush,
        // MOVED, a rebalance) kKeyEventMs more: the moment to look, or for a teacher to pause.
        panel()->player()->setHoldFunction([this](int position) {
            const int read = Player::readingMs(panel()->canvas()->narrationAt(position).size());
            const auto* step = diagram_ ? diagram_->stepAt(position) : nullptr;
            return step && Traits::keyEvent(*step) ? read + kKeyEventMs : read;
        });
    }

    static constexpr int kKeyEventMs = 1500;

    // The page's defaults: a preset's params start from these.
    const Scenario& defaults() const { return initial_; }

    Status applyScenario(const nlohmann::json& json) override {
        Scenario s;
        if (Status st = Traits::parse(json, s); !st) {
            return st;
        }
        // A bulk file may ask for millions; the page keeps every step of what it plays.
        if (Status st = playableOnAPage(s.work); !st) {
            return st;
        }
        setScenario(std::move(s));
        return Status::ok();
    }

    // A control changed the params (`edit` changes them in the scenario): the same ops run again
    // under the new rule, and the page shows where they end.
    // Undo brings the settings back (a tester changed the order, pressed Undo and lost a key).
    template <class Edit>
    void changeParams(Edit&& edit) {
        // The place the class is at: the op on screen, and whether it had ended there (a tester
        // changed the order at step 12 of 74, mid-lesson, and was taken to the last step,
        // paused).
        const Player* player = panel()->player();
        const bool playing = player->isPlaying();
        const int at = player->position();
        std::optional<std::pair<std::size_t, bool>> place; // op, and ended
        if (diagram_ && at >= 0 && at < diagram_->stepCount()) {
            const auto& timeline = diagram_->timeline();
            const std::size_t op = timeline.opOfStep(static_cast<std::size_t>(at));
            place = {op, static_cast<std::size_t>(at) + 1 == timeline.opBeginStep(op + 1)};
        }
        UndoEntry setting;
        setting.before = std::make_shared<const Scenario>(scenario_);
        setting.position = at;
        edit(scenario_);
        remember(std::move(setting));
        scenarioEdited();
        rebuild(at < 0 ? -1 : -2);
        // Said, not only drawn: a tester changed the B-Tree's order and saw a new tree under the
        // old caption, nothing saying the keys were replayed.
        afterBuild([this, place, playing] {
            if (diagram_ && place) {
                // The same op under the new setting: from its first step, or at its last one if
                // it had ended; playing on if it was.
                const auto& timeline = diagram_->timeline();
                const auto [op, ended] = *place;
                const auto begin = static_cast<int>(timeline.opBeginStep(op));
                const auto end = static_cast<int>(timeline.opBeginStep(op + 1));
                const int to = std::clamp(ended || begin == end ? end - 1 : begin, -1,
                                          diagram_->stepCount() - 1);
                panel()->player()->seek(to);
            }
            if (diagram_ && playing && !panel()->player()->atEnd()) {
                panel()->player()->play();
            }
            if (diagram_) {
                const auto ops = static_cast<qint64>(scenario_.ops.size());
                const auto steps = static_cast<qint64>(diagram_->stepCount());
                showMessage(
                    tr("Replayed with the new setting: the same %1, now %2.")
                        .arg(inEnglishNumber(tr("%n operation(s)", nullptr, int(ops)), ops),
                             inEnglishNumber(tr("%n step(s)", nullptr, int(steps)), steps)));
            }
        });
    }

    // The diagram on screen (null until a scenario is shown).
    const Diagram* diagram() const { return diagram_; }
    // The state at the step on screen, or null before a scenario is shown.
    const State* stateOnScreen() {
        return diagram_ ? &diagram_->stateAt(panel()->player()->position()) : nullptr;
    }

    // Shows the scenario's params in the controls (without their change signals): a new scenario
    // came in whole.
    virtual void showParams(const Scenario&) {}
    // A new diagram is built and about to be shown (refresh() follows): the place to compute what
    // depends on the whole timeline.
    virtual void diagramBuilt() {}

    void pollBuild() override {
        if (!build_) {
            return;
        }
        if (build_->done.load(std::memory_order_acquire)) {
            worker_.join();
            finishBuild();
        } else {
            showBuilding(build_->watch.steps.load(std::memory_order_relaxed));
        }
    }

private:
    // A diagram being built on the worker thread, shared with it.
    struct Build {
        Scenario scenario;
        BuildWatch watch;
        std::unique_ptr<Diagram> diagram; // null when cancelled or failed
        std::string error;                // why it failed
        std::atomic<bool> done{false};
    };

    // Runs the scenario into a new diagram and shows `position` (see showSource): at once, or
    // on the worker thread when the scenario asks for much work.
    void rebuild(int position) {
        if (build_) { // a newer scenario replaces the one being built
            stopBuild();
            buildEnded(BuildEnd::Replaced);
        }
        if (workOf(scenario_) < kBackgroundWork) {
            install(Traits::diagram(scenario_, std::nullopt, nullptr), position);
            return;
        }
        auto job = std::make_shared<Build>();
        job->scenario = scenario_;
        build_ = job;
        buildPosition_ = position;
        worker_ = std::thread([job, position] {
            try {
                job->diagram = Traits::diagram(job->scenario, std::nullopt, &job->watch);
                // The state shown first is computed here too (in a long op it is a replay of
                // the op, ~0.1 s for the 100,000-key insert).
                const int first = resolvePosition(position, job->diagram->stepCount());
                if (first >= 0) {
                    job->diagram->stateAt(first);
                }
            } catch (const BuildCancelled&) {
            } catch (const std::exception& e) { // std::bad_alloc, above all
                job->error = e.what();
            }
            job->done.store(true, std::memory_order_release);
        });
        showBuilding(0);
    }

    void install(std::unique_ptr<Diagram> d, int position) {
        diagram_ = d.get();
        shown_ = scenario_;
        shownUndo_ = undo_;
        diagramBuilt();
        showSource(std::move(d), position);
    }

    // The worker is done (joined): its diagram goes on screen, or the page says why not.
    void finishBuild() {
        std::shared_ptr<Build> job = std::move(build_);
        if (!job->diagram) {
            restoreShown();
            buildEnded(BuildEnd::Failed);
            showMessage(tr("The diagram could not be built (%1): it stays as it was.")
                            .arg(QString::fromStdString(job->error)));
            return;
        }
        install(std::move(job->diagram), buildPosition_);
        buildEnded(BuildEnd::Shown);
    }

    // The scenario, undo steps and controls of the drawing on screen: a build that did not end
    // on screen leaves the page as it was.
    void restoreShown() {
        scenario_ = shown_;
        undo_ = shownUndo_;
        showParams(scenario_);
    }

    // Stops the worker (if any) and forgets its build.
    void stopBuild() {
        if (build_) {
            build_->watch.cancel.store(true);
        }
        if (worker_.joinable()) {
            worker_.join();
        }
        build_.reset();
    }

    const Scenario initial_;
    Scenario scenario_;
    // What Undo takes back, the last first: the ops an addOps added (the number of ops before
    // it), a change of settings (the scenario before it), or a scenario replaced whole (the
    // scenario before it, the step and title it was shown with).
    struct UndoEntry {
        std::size_t ops = 0;
        std::shared_ptr<const Scenario> before; // shared: the history is copied at every build
        bool whole = false;
        int position = -2; // on screen before it (-2: the last step)
        QString title;
    };
    // Undo goes back kUndoLimit operations; the oldest is forgotten first.
    static constexpr std::size_t kUndoLimit = 100;
    void remember(UndoEntry entry) {
        undo_.push_back(std::move(entry));
        if (undo_.size() > kUndoLimit) {
            undo_.erase(undo_.begin());
        }
    }
    std::vector<UndoEntry> undo_;
    const Diagram* diagram_ = nullptr; // owned by the panel
    // What the diagram on screen was built from: a cancelled build brings it back.
    Scenario shown_;
    std::vector<UndoEntry> shownUndo_;
    std::shared_ptr<Build> build_; // the build under way, if any
    std::thread worker_;
    int buildPosition_ = -1; // where the build under way is shown (see showSource)
};

} // namespace fg
