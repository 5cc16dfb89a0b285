// DownsampleDiagram: the live time-series store of the time-series chapter. Each tier (raw and
// its rollups) is a row of time blocks on one time axis, with its resolution and how long it
// keeps data; the clock is a line. Retention drops whole blocks (they fade away), a query lights
// the blocks it reads and labels the ones it skips, and names the tier that answered.
#pragma once

#include "engines/timeseries/tiered_store.h"
#include "widgets/canvas/timeline_source.h"

namespace fg {

class DownsampleDiagram : public TimelineSource<timeseries::TieredStore> {
public:
    DownsampleDiagram(std::vector<timeseries::Tier> tiers, std::vector<timeseries::TieredOp> ops,
                      std::optional<KeepOnly> only = std::nullopt);

protected:
    Frame layoutState(const State& state, const Step* step, const Theme& theme) const override;

private:
    std::int64_t tmin_ = 0, tmax_ = 1;
};

} // namespace fg
