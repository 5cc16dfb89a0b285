// LifecycleView: what a lifecycle rule saves on object storage. Prices per storage class
// (editable, the course's by default), the rule's ages, data added each month and retrieval fees;
// the chart plots the monthly bill with and without the rule over 36 months.
#pragma once

#include "engines/concepts/lifecycle_cost.h"
#include "widgets/simulators/simulator_view.h"

class QDoubleSpinBox;
class QSpinBox;

namespace fg {

class LifecycleView : public SimulatorView {
    Q_OBJECT
public:
    explicit LifecycleView(QWidget* parent = nullptr);
    const char* simulatorId() const override { return "lifecycle"; }

    concepts::LifecycleParams params() const;
    void setParams(const concepts::LifecycleParams& p);
    const concepts::LifecycleRun& run() const { return run_; }

protected:
    void refresh() override;

private:
    QDoubleSpinBox* standard_;
    QDoubleSpinBox* ia_;
    QDoubleSpinBox* glacier_;
    QDoubleSpinBox* iaRetrieval_;
    QDoubleSpinBox* glacierRetrieval_;
    QSpinBox* retrievedPercent_;
    QSpinBox* daysToIa_;
    QSpinBox* daysToGlacier_;
    QSpinBox* daysToDelete_;
    QDoubleSpinBox* gbPerMonth_;
    concepts::LifecycleRun run_;
};

} // namespace fg
