// HashslotView: the Redis Cluster diagram as a student drives it: type a key and SET or GET it,
// add, remove or fail a node, move a slot (all of it, or one key at a time to see ASK), or pick a
// preset. Every change re-runs the ops through a new timeline and plays the new steps; counters
// show routes, MOVED and ASK redirects, and a histogram shows keys and slots per master.
#pragma once

#include "engines/redis/cluster.h"
#include "widgets/diagrams/diagram_view.h"

class QLineEdit;
class QSpinBox;

namespace fg {

class HashslotDiagram;

class HashslotView : public DiagramView {
    Q_OBJECT
public:
    explicit HashslotView(QWidget* parent = nullptr);

    void setScenario(int masters, int replicas, std::vector<redis::ClusterOp> ops);
    void addOp(const redis::ClusterOp& op);
    const std::vector<redis::ClusterOp>& ops() const { return ops_; }
    const char* engineName() const override { return "hashslot"; }
    nlohmann::json scenarioJson() const override;

protected:
    Status applyScenario(const nlohmann::json& scenario) override;
    void refresh() override;

private:
    void rebuild(int position);

    int masters_ = 3, replicas_ = 1;
    std::vector<redis::ClusterOp> ops_;
    const HashslotDiagram* diagram_ = nullptr;
    QLineEdit* key_;
    QSpinBox* node_;
    QSpinBox* slot_;
};

} // namespace fg
