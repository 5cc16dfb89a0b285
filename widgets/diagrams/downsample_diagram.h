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
    // The axis's length in frame units: kAxisUnits unless a view shapes the drawing to its room
    // (a tall room takes a shorter axis, so the lanes and their words grow into it: on a 1080p
    // slide the drawing was bound by its width, half the slide's height empty: tester 47 D9).
    // The tiers' names, the lanes' height and the type do not change with it.
    static constexpr qreal kAxisUnits = 860;
    static constexpr qreal kMostAxisUnits = 2 * kAxisUnits;
    qreal axisUnits() const { return axisUnits_; }
    // Sets it, within leastAxisUnits() and kMostAxisUnits: how the run is drawn, not the run
    // (the frames, laid out when asked for, follow it; the view that shows them lays out the
    // ones on screen again).
    void setAxisUnits(qreal units, const Theme& theme) const;
    // The shortest axis that keeps the ticks' labels apart and the line under the lanes (the
    // key, a query's answer at its longest) within the axis's width.
    qreal leastAxisUnits(const Theme& theme) const;
    // The size of every frame in `theme` with an axis `axisUnits` long.
    QSizeF frameSizeAt(qreal axisUnits, const Theme& theme) const;
    // The axis, within its bounds, that gives the frames `room`'s shape.
    qreal axisUnitsFor(QSizeF room, const Theme& theme) const;
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
    mutable qreal axisUnits_ = kAxisUnits;
    mutable qreal leastFor_ = 0, least_ = 0; // leastAxisUnits at a type scale
};

} // namespace fg
