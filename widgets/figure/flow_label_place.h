// Where a flow edge's label goes: beside the segment of its route it names (the one entering its
// target), never on a line, an arrowhead, a node or a label placed before. A label laid on its
// own line hid the arrowhead under it (the flowchart's "Complex relationships to traverse?" over
// the arrow into Graph). Pure geometry, so it is tested without a window.
#pragma once

#include <QLineF>
#include <QPolygonF>
#include <QRectF>
#include <optional>
#include <vector>

namespace fg {

// Whether segment `s` has a point in `r` (an end inside, or crossing a side).
bool segmentTouches(const QLineF& s, const QRectF& r);

// What a label must stay clear of.
struct LabelObstacles {
    std::vector<QLineF> segments;
    qreal lineWidth = 1;
    std::vector<QPolygonF> heads; // arrowheads
    std::vector<QRectF> rects;    // nodes, and labels placed before
    bool clear(const QRectF& r) const;
};

// The top-left corner of a label of `size` beside `segment` (an axis-aligned segment of a route,
// `from` to `to`): right of a vertical one, else left of it; above a horizontal one, else below;
// `gap` away from it, at its middle, else nearer its end, else nearer its start. Inside `area`
// and clear of `obstacles`; nothing when no such place is free.
std::optional<QPointF> labelBeside(const QLineF& segment, QSizeF size,
                                   const LabelObstacles& obstacles, const QRectF& area, qreal gap);

} // namespace fg
