// StepView: a DiagramView over one engine's scenario, written once for every engine. It owns the
// scenario (the engine's params and the ops so far, as the command line's JSON has them) and the
// diagram built from it, and does what every engine's page does with them: add ops and play their
// steps, replace the scenario (a preset, a file), run the same ops again under new params, and read
// and write the scenario as JSON. A view keeps only what is its own: its controls, how they show
// the params (showParams), and its counters and chart (refresh).
//
// `Traits`, one small struct per engine beside its view, says which scenario and diagram:
//   using Scenario = ...;               // the JSON edge's scenario: params, `ops`, `narrate`
//   using Diagram = ...;                // a TimelineSource over the engine
//   static constexpr const char* kEngine = "...";
//   static Status parse(const nlohmann::json&, Scenario&);
//   static nlohmann::json write(const Scenario&);
//   static std::unique_ptr<Diagram> diagram(const Scenario&);
#pragma once

#include "engines/core/status.h"
#include "widgets/diagrams/diagram_view.h"

#include <memory>
#include <utility>
#include <vector>

namespace fg {

template <class Traits>
class StepView : public DiagramView {
public:
    using Scenario = typename Traits::Scenario;
    using Diagram = typename Traits::Diagram;
    using Op = typename Diagram::Op;
    using State = typename Diagram::State;

    const char* engineName() const override { return Traits::kEngine; }
    nlohmann::json scenarioJson() const override { return Traits::write(scenario_); }

    // Replaces everything (a scenario opened, or a preset) and shows it before its first step.
    void setScenario(Scenario scenario) {
        scenario_ = std::move(scenario);
        scenario_.narrate = true; // the page plays every step
        showParams(scenario_);
        rebuild(-1);
    }
    // Appends `ops` and plays their steps.
    void addOps(const std::vector<Op>& ops) {
        const int firstNew = diagram_ ? diagram_->stepCount() : 0;
        scenario_.ops.insert(scenario_.ops.end(), ops.begin(), ops.end());
        rebuild(firstNew - 1);
        panel()->player()->play();
    }
    void addOp(const Op& op) { addOps({op}); }

    const Scenario& scenario() const { return scenario_; }
    const std::vector<Op>& ops() const { return scenario_.ops; }

protected:
    // `initial`: what the page holds until its default scenario loads (and when that fails).
    explicit StepView(QWidget* parent, Scenario initial = {})
        : DiagramView(parent), scenario_(std::move(initial)) {}

    Status applyScenario(const nlohmann::json& json) override {
        Scenario s;
        if (Status st = Traits::parse(json, s); !st) {
            return st;
        }
        setScenario(std::move(s));
        return Status::ok();
    }

    // A control changed the params (`edit` changes them in the scenario): the same ops run again
    // under the new rule, and the page shows where they end.
    template <class Edit>
    void changeParams(Edit&& edit) {
        edit(scenario_);
        rebuild(-2);
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

private:
    // Runs the scenario into a new diagram and shows `position` (see showSource).
    void rebuild(int position) {
        std::unique_ptr<Diagram> d = Traits::diagram(scenario_);
        diagram_ = d.get();
        diagramBuilt();
        showSource(std::move(d), position);
    }

    Scenario scenario_;
    const Diagram* diagram_ = nullptr; // owned by the panel
};

} // namespace fg
