#include "widgets/figure/flow_label_place.h"

#include <algorithm>
#include <cmath>

namespace fg {

namespace {

bool crosses(const QLineF& a, const QLineF& b) {
    return a.intersects(b, nullptr) == QLineF::BoundedIntersection;
}

} // namespace

bool segmentTouches(const QLineF& s, const QRectF& r) {
    if (r.contains(s.p1()) || r.contains(s.p2())) {
        return true;
    }
    const QLineF sides[] = {{r.topLeft(), r.topRight()},
                            {r.topRight(), r.bottomRight()},
                            {r.bottomRight(), r.bottomLeft()},
                            {r.bottomLeft(), r.topLeft()}};
    return std::any_of(std::begin(sides), std::end(sides),
                       [&](const QLineF& side) { return crosses(s, side); });
}

bool LabelObstacles::clear(const QRectF& r) const {
    // The label's painted patch (labelBackground), with room for half a line's width.
    const qreal half = lineWidth / 2 + 1;
    const QRectF patch = r.adjusted(-3 - half, -1 - half, 3 + half, 1 + half);
    for (const QLineF& s : segments) {
        if (segmentTouches(s, patch)) {
            return false;
        }
    }
    for (const QPolygonF& h : heads) {
        if (!h.intersected(QPolygonF(patch)).isEmpty()) {
            return false;
        }
    }
    return std::none_of(rects.begin(), rects.end(),
                        [&](const QRectF& o) { return o.intersects(patch); });
}

std::optional<QPointF> labelBeside(const QLineF& segment, QSizeF size,
                                   const LabelObstacles& obstacles, const QRectF& area, qreal gap) {
    const bool vertical = std::abs(segment.dx()) < std::abs(segment.dy());
    const qreal w = size.width(), h = size.height();
    // Where along the segment, as fractions from its start: its middle first, then further out
    // (nearer the target first); the obstacles decide which are free.
    static constexpr qreal kAlong[] = {0.5, 0.65, 0.35, 0.8, 0.2, 0.95, 0.05, 1.0, 0.0};
    std::vector<QPointF> tries;
    const QPointF p = segment.p1(), q = segment.p2();
    if (vertical) {
        const qreal top = std::min(p.y(), q.y()), bottom = std::max(p.y(), q.y());
        const qreal lo = top + 1, hi = bottom - h - 1;
        for (const qreal left : {p.x() + gap, p.x() - gap - w}) {
            for (const qreal f : kAlong) {
                const qreal towardEnd = q.y() > p.y() ? f : 1 - f;
                tries.emplace_back(left,
                                   hi < lo ? (top + bottom - h) / 2 : lo + (hi - lo) * towardEnd);
            }
        }
    } else {
        const qreal leftEnd = std::min(p.x(), q.x()), rightEnd = std::max(p.x(), q.x());
        const qreal lo = leftEnd + 1, hi = rightEnd - w - 1;
        for (const qreal top : {p.y() - gap - h, p.y() + gap}) {
            for (const qreal f : kAlong) {
                const qreal towardEnd = q.x() > p.x() ? f : 1 - f;
                tries.emplace_back(
                    hi < lo ? (leftEnd + rightEnd - w) / 2 : lo + (hi - lo) * towardEnd, top);
            }
        }
    }
    for (const QPointF& at : tries) {
        const QRectF r(at, size);
        if (area.contains(r) && obstacles.clear(r)) {
            return at;
        }
    }
    return std::nullopt;
}

} // namespace fg
