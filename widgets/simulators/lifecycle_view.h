// LifecycleView: what a lifecycle rule saves on object storage. Prices per storage class
// (editable, the course's by default), the rule's ages, data added each month and retrieval fees;
// the chart plots the monthly bill with and without the rule over 36 months. The rule is the one
// S3 would take (concepts::acceptedByS3): a day S3 would refuse is set to the nearest it takes,
// in its box too, and the summary says which of S3's rules moved it; data deleted before its
// class's minimum storage duration pays for it, and the summary says how much.
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
    // What S3's rule `f` changed, in a sentence; daysToIa: the IA day the rule uses.
    static QString fixText(const concepts::LifecycleFix& f, int daysToIa);

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
