// BTreeView: the B-Tree diagram as a student drives it: type a key and insert, search or delete
// it, scan a range, add random keys, pick a preset, change the order. Every change re-runs the
// same ops through a new timeline (so a new order rebuilds the same keys under the new rule) and
// plays the new op's steps. Counters show height, nodes, splits and page writes after the step
// on screen.
#pragma once

#include "engines/btree/btree.h"
#include "widgets/diagrams/diagram_view.h"

#include <vector>

class QLineEdit;
class QSpinBox;

namespace fg {

class BTreeDiagram;

class BTreeView : public DiagramView {
    Q_OBJECT
public:
    explicit BTreeView(QWidget* parent = nullptr);

    // Replaces everything: a scenario opened, or a preset.
    void setScenario(btree::Params params, std::vector<btree::Op> ops);
    void addOp(const btree::Op& op);
    const std::vector<btree::Op>& ops() const { return ops_; }
    const btree::Params& params() const { return params_; }
    const char* engineName() const override { return "btree"; }
    nlohmann::json scenarioJson() const override;

protected:
    Status applyScenario(const nlohmann::json& scenario) override;
    void refresh() override;

private:
    void rebuild(int keepPosition);
    bool readKey(btree::Key& out);

    btree::Params params_ = btree::Params::withOrder(4);
    std::vector<btree::Op> ops_;
    const BTreeDiagram* diagram_ = nullptr;
    QLineEdit* key_;
    QLineEdit* rangeTo_;
    QSpinBox* order_;
};

} // namespace fg
