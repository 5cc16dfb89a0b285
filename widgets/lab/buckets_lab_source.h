// BucketsLabSource: the time-buckets lab's run as a DiagramSource, drawn with the time-series
// diagram's look (DownsampleDiagram: lanes on one shared time axis, each lane's name at its left,
// pinned there when zoomed): one step per rolled-up tier, and in it four lanes one above the
// other: the points (a sample of at most a few hundred, as a line), then the tier's buckets in the
// model, in PostgreSQL's date_bin and in RRDtool. A bucket is a bar from its minimum to its
// maximum with a tick at its average; a bucket that differs from its reference is outlined in the
// theme's "bad" colour, an UNKNOWN row of RRDtool is a dashed outline with a "?", and a bucket the
// model's retention dropped is faded. A lane draws at most 1,200 bars: past that, neighbouring
// buckets share one (a tier of a year's minutes is still a few thousand items to draw).
#pragma once

#include "lab/buckets_data.h"
#include "widgets/canvas/diagram_source.h"

#include <memory>

namespace fg {

class BucketsLabSource : public DiagramSource {
public:
    explicit BucketsLabSource(std::shared_ptr<const lab::BucketsLabRun> run);

    int stepCount() const override;
    Frame frame(int position, const Theme& theme) const override;
    QString narration(int position) const override;
    // The lanes drawn at `position`, for a screen reader: the points, and how many buckets each
    // of the model, date_bin and RRDtool draws for the tier, those that differ, are unknown or
    // were dropped, and the time the lanes span.
    QString summary(int position) const override;
    bool holdsItsPlace() const override { return true; }

    // A tier's agreement in a sentence: "1m: the model and date_bin agree on 240 of 240
    // buckets; RRDtool on 240 of 240."
    static QString tierText(const lab::BucketsLabRun& run, const lab::BucketTier& tier);

private:
    std::shared_ptr<const lab::BucketsLabRun> run_;
};

} // namespace fg
