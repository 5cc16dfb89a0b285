// LsmView: the LSM-tree diagram as a student drives it: put, delete and get keys, flush, compact,
// add random keys, switch between leveled and size-tiered compaction or change the memtable size
// (the same writes re-run under the new setting), presets; counters show flushes, compactions and
// write, read and space amplification, and a chart plots write and read amplification step by
// step up to the step on screen.
#pragma once

#include "engines/lsm/lsm_tree.h"
#include "widgets/diagrams/diagram_view.h"

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace fg {

class LsmDiagram;

class LsmView : public DiagramView {
    Q_OBJECT
public:
    explicit LsmView(QWidget* parent = nullptr);

    void setScenario(lsm::LsmParams params, std::vector<lsm::LsmOp> ops);
    void addOps(const std::vector<lsm::LsmOp>& ops);
    const std::vector<lsm::LsmOp>& ops() const { return ops_; }
    const lsm::LsmParams& params() const { return params_; }
    const char* engineName() const override { return "lsm"; }
    nlohmann::json scenarioJson() const override;

protected:
    Status applyScenario(const nlohmann::json& scenario) override;
    void refresh() override;

private:
    void rebuild(int position);
    void computeSeries();

    lsm::LsmParams params_{3, 3, 3, 10, false};
    std::vector<lsm::LsmOp> ops_;
    const LsmDiagram* diagram_ = nullptr;
    // Write and read amplification after every step of the timeline (computed once per rebuild).
    QVector<double> steps_, writeAmp_, readAmp_;
    QLineEdit* key_;
    QComboBox* strategy_;
    QSpinBox* memtable_;
};

} // namespace fg
