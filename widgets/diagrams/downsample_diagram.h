// DownsampleDiagram: the live time-series store of the time-series chapter. Each tier (raw and
// its rollups) is a lane on one shared time axis, labelled under the lanes, with its resolution
// (for raw: how often the scenario writes a point) and how long it keeps data. In a lane, each
// time block (partition) is an outline over the time it covers, filled over the time its data
// covers, so the same hours line up in every lane; the clock ("now") is a line. Retention drops
// whole blocks (they fade away), a query lights the blocks it reads and labels the ones it skips,
// and names the tier that answered. The axis runs from the first point to a round span past the
// last clock of the run, so "now" moves right as time passes.
#pragma once

#include "engines/timeseries/tiered_store.h"
#include "widgets/canvas/timeline_source.h"

namespace fg {

class DownsampleDiagram : public TimelineSource<timeseries::TieredStore> {
public:
    DownsampleDiagram(std::vector<timeseries::Tier> tiers, std::vector<timeseries::TieredOp> ops,
                      std::optional<KeepOnly> only = std::nullopt, BuildWatch* watch = nullptr);

    // The time axis every frame (and the chart under it) shares: [axisStart, axisEnd) in ms.
    std::int64_t axisStart() const { return tmin_; }
    std::int64_t axisEnd() const { return tmax_; }
    // Where a frame in `theme` draws the axis: the x of axisStart() and of axisEnd(), in the
    // frame's coordinates (the chart under the drawing lines its hours up with them).
    std::pair<qreal, qreal> axisX(const Theme& theme) const;
    // The axis's ticks as the frames label them: each tick's time (ms) and its label ("03:00",
    // "day 2").
    std::vector<std::pair<std::int64_t, QString>> axisTicks() const;
    // How often the scenario writes raw points ("5 s"), or empty before any point.
    QString rawInterval() const { return rawInterval_; }

protected:
    Frame layoutState(const State& state, const Step* step, const Theme& theme) const override;
    QString describe(const State& state) const override;

private:
    // The least and the greatest spacing of the raw points the ops write (0: none).
    struct Spacing {
        std::int64_t least = 0, most = 0;
    };
    static Spacing spacingOf(const std::vector<timeseries::TieredOp>& ops);
    DownsampleDiagram(std::vector<timeseries::Tier> tiers, std::vector<timeseries::TieredOp> ops,
                      std::optional<KeepOnly> only, Spacing spacing, BuildWatch* watch);

    std::int64_t tmin_ = 0, tmax_ = 1, tick_ = 1;
    std::int64_t rawEveryMs_ = 0; // the commonest spacing of raw points (0: none yet)
    QString rawInterval_;
};

} // namespace fg
