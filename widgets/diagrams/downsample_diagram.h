// DownsampleDiagram: the live time-series store of the time-series chapter. Each tier (raw and
// its rollups) is a row of time blocks on one time axis, with its resolution and how long it
// keeps data; the clock is a line. Retention drops whole blocks (they fade away), a query lights
// the blocks it reads and labels the ones it skips, and names the tier that answered.
#pragma once

#include "core/timeline.h"
#include "diagram/diagram_source.h"
#include "timeseries/tiered_store.h"

namespace fg {

class DownsampleDiagram : public DiagramSource {
public:
    DownsampleDiagram(std::vector<timeseries::Tier> tiers, std::vector<timeseries::TieredOp> ops);

    int stepCount() const override { return static_cast<int>(timeline_.size()); }
    Frame frame(int position, const Theme& theme) const override;
    QString narration(int position) const override;
    // The state shown at `position` (-1: before the first step).
    timeseries::TieredState stateAt(int position) const;

    const Timeline<timeseries::TieredStore>& timeline() const { return timeline_; }

private:
    Timeline<timeseries::TieredStore> timeline_;
    std::int64_t tmin_ = 0, tmax_ = 1;
};

} // namespace fg
