// LsmView: the LSM-tree diagram as a student drives it: put, delete and get keys, flush, compact,
// add random keys, switch between leveled and size-tiered compaction or change the memtable size
// (the same writes re-run under the new setting), presets; counters show flushes, compactions and
// write, read and space amplification, and a chart plots write and read amplification step by
// step up to the step on screen.
#pragma once

#include "engines/lsm/lsm_tree.h"
#include "engines/scenario/lsm_scenario.h"
#include "widgets/diagrams/lsm_diagram.h"
#include "widgets/diagrams/step_view.h"

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace fg {

struct LsmViewTraits {
    using Scenario = LsmScenario;
    using Diagram = LsmDiagram;
    static constexpr const char* kEngine = "lsm";
    static Status parse(const nlohmann::json& json, Scenario& out);
    static nlohmann::json write(const Scenario& scenario);
    static std::unique_ptr<Diagram> diagram(Scenario scenario, std::optional<KeepOnly> only,
                                            BuildWatch* watch);
    static bool keyEvent(const Diagram::Step& step);
};

class LsmView : public StepView<LsmViewTraits> {
    Q_OBJECT
public:
    explicit LsmView(QWidget* parent = nullptr);

    using StepView::setScenario;
    void setScenario(lsm::LsmParams params, std::vector<lsm::LsmOp> ops);
    const lsm::LsmParams& params() const { return scenario().params; }

protected:
    void showParams(const Scenario& scenario) override;
    void diagramBuilt() override;
    void refresh() override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // The curves' names in the legend: with what they measure when the chart is wide enough for
    // it, else the short name (beside a slide's drawing the long one was cut).
    void nameCurves();
    // Write and read amplification after every step of the timeline (computed once per rebuild).
    QVector<double> steps_, writeAmp_, readAmp_;
    QLineEdit* key_;
    QComboBox* strategy_;
    QSpinBox* memtable_;
};

} // namespace fg
