// CacheView: one workload through a cache of limited size, under the pattern chosen: the chart
// follows the hit ratio and the share of stale reads over time, and the database writes per tick.
#pragma once

#include "engines/concepts/cache_patterns.h"
#include "widgets/simulators/simulator_view.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace fg {

class CacheView : public SimulatorView {
    Q_OBJECT
public:
    explicit CacheView(QWidget* parent = nullptr);
    const char* simulatorId() const override { return "cache"; }

    concepts::CacheParams params() const;
    void setParams(const concepts::CacheParams& p);
    const concepts::CacheRun& run() const { return run_; }

protected:
    void refresh() override;

private:
    QComboBox* pattern_;
    QSpinBox* keys_;
    QDoubleSpinBox* zipf_;
    QSpinBox* readPercent_;
    QSpinBox* capacity_;
    QSpinBox* flushDelay_;
    QSpinBox* ttl_;
    QCheckBox* invalidate_;
    QSpinBox* seed_;
    concepts::CacheRun run_;
};

} // namespace fg
