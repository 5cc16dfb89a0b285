// HashslotView: the Redis Cluster diagram as a student drives it: type a key and SET or GET it,
// add, remove or fail a node, move a slot (all of it, or one key at a time to see ASK), or pick a
// preset. Every change re-runs the ops through a new timeline and plays the new steps; counters
// show routes, MOVED and ASK redirects, and a histogram shows keys and slots per master.
#pragma once

#include "engines/redis/cluster.h"
#include "engines/scenario/hashslot_scenario.h"
#include "widgets/diagrams/hashslot_diagram.h"
#include "widgets/diagrams/step_view.h"

#include <array>

class QLineEdit;
class QSpinBox;

namespace fg {

struct HashslotViewTraits {
    using Scenario = HashslotScenario;
    using Diagram = HashslotDiagram;
    static constexpr const char* kEngine = "hashslot";
    static Status parse(const nlohmann::json& json, Scenario& out);
    static nlohmann::json write(const Scenario& scenario);
    static std::unique_ptr<Diagram> diagram(Scenario scenario, std::optional<KeepOnly> only,
                                            BuildWatch* watch);
    static bool keyEvent(const Diagram::Step& step);
};

class HashslotView : public StepView<HashslotViewTraits> {
    Q_OBJECT
public:
    // The status line lists each master's keys up to this many masters, else their range.
    static constexpr int kMastersListed = 12;
    explicit HashslotView(QWidget* parent = nullptr);

    using StepView::setScenario;
    void setScenario(int masters, int replicas, std::vector<redis::ClusterOp> ops);

protected:
    void refresh() override;

private:
    // The masters' names under their bars, as long as the chart's width allows them without
    // overlapping: "node 0" over its slot count, else "node 0", else "0".
    void fitNodeLabels();

    QVector<double> ticks_;
    std::array<QVector<QString>, 4> labels_; // the long (one line, then two), shorter and
                                             // shortest forms
    QLineEdit* key_;
    QSpinBox* node_;
    QSpinBox* slot_;
};

} // namespace fg
