// HashslotDiagram: the live Redis Cluster of the Redis chapter. The 16,384 hash slots are a bar
// split into each master's ranges (one colour per node, with its name, so colour is never the
// only cue); the nodes stand below with their slot and key counts, replicas under their masters.
// A routed key shows its CRC16 and slot, a marker under the bar (never over a range's label), and
// the path the client took: an arrow to the node that served it, and the MOVED or ASK redirect when
// its map was stale.
#pragma once

#include "engines/redis/cluster.h"
#include "widgets/canvas/timeline_source.h"

namespace fg {

class HashslotDiagram : public TimelineSource<redis::ClusterEngine> {
public:
    HashslotDiagram(int masters, int replicas, std::vector<redis::ClusterOp> ops,
                    std::optional<KeepOnly> only = std::nullopt, BuildWatch* watch = nullptr);

    // The drawing spreads the slot bar over `width` units (wider where the masters' text needs
    // it): the diagram's page has the whole window; the Lab draws two side by side, each in
    // about half of it (kHalfWidth; at 1100 they opened cut off at 1920x1080: a tester).
    static constexpr qreal kWidth = 1100, kHalfWidth = 700;
    static Frame layout(const redis::ClusterState& state, const redis::ClusterStep* step,
                        const Theme& theme, qreal width = kWidth);
    // The colour of node `id` everywhere it is drawn (the diagram, the histogram of keys): one
    // of seven tones, so the 8th node has the 1st's colour...
    static QColor nodeColor(const Theme& theme, int id);
    // ...and a border that tells them apart: solid for nodes 0-6, dashed for 7-13, dotted for
    // 14-20, solid again from 21 (every box and segment also names its node).
    static Qt::PenStyle nodeBorder(int id);

protected:
    Frame layoutState(const State& state, const Step* step, const Theme& theme) const override;
    QString describe(const State& state) const override;
};

} // namespace fg
