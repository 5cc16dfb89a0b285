// BTreeView: the B-Tree diagram as a student drives it: type a key and insert, search or delete
// it, scan a range, add random keys, pick a preset, change the order or the variant (B-Tree,
// B+-tree, B+-tree as PostgreSQL). Every change re-runs the same ops through a new timeline (so a
// new order or variant rebuilds the same keys under the new rule) and plays the new op's steps.
// Counters show height, nodes, splits and page writes after the step on screen, and a B+-tree's
// leaves and how full they are.
#pragma once

#include "engines/btree/btree.h"
#include "engines/scenario/btree_scenario.h"
#include "widgets/diagrams/btree_diagram.h"
#include "widgets/diagrams/step_view.h"

#include <vector>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace fg {

struct BTreeViewTraits {
    using Scenario = BtreeScenario;
    using Diagram = BTreeDiagram;
    static constexpr const char* kEngine = "btree";
    static Status parse(const nlohmann::json& json, Scenario& out);
    static nlohmann::json write(const Scenario& scenario);
    static std::unique_ptr<Diagram> diagram(Scenario scenario, std::optional<KeepOnly> only,
                                            BuildWatch* watch);
    static bool keyEvent(const Diagram::Step& step);
};

class BTreeView : public StepView<BTreeViewTraits> {
    Q_OBJECT
public:
    explicit BTreeView(QWidget* parent = nullptr);

    using StepView::setScenario;
    // Replaces everything: a scenario opened, or a preset.
    void setScenario(btree::Params params, std::vector<btree::Op> ops, int position = -1);
    const btree::Params& params() const { return scenario().params; }

protected:
    void showParams(const Scenario& scenario) override;
    void refresh() override;

private:
    // The key in the key box (or `box`), or false after a message saying what is wrong with it.
    bool readKey(btree::Key& out);
    bool readKey(const QLineEdit* box, btree::Key& out);

    QLineEdit* key_;
    QLineEdit* rangeTo_;
    QSpinBox* order_;
    QComboBox* variant_;
};

} // namespace fg
