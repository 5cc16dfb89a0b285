// A flow's edge labels: how far they stand off their lines, how much room they are planned,
// and where each goes: beside the last segment of its route, or on its own drop.
#include "widgets/figure/figure_flow.h"
#include "widgets/figure/flow_label_place.h"

#include <QFontMetricsF>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>

namespace fg {

// How far a label stands off its line: its painted patch (labelBackground), half an arrowhead,
// and a little.
qreal FigureLayout::flowLabelGap(qreal lineWidth) const {
    return 0.5 * u_ + 3 + 4 + 2 * lineWidth;
}

// The height a label on its drop needs above and below it: the line seen for 4 px above its
// patch, the arrowhead clear below (flowEdgeLabelOnLine), and a little; at least 1.5 u.
qreal FigureLayout::flowLabelFrame() const {
    const qreal margin = 2 + theme_.lineWidth / 2;
    const qreal head = 6 + 2.5 * theme_.lineWidth; // arrowheadPolygon's length
    return std::max(1.5 * u_, 4 + 2 * margin + 1 + head + 2);
}

// How wide a label downwards may be planned: about its target's width, so that the labels of
// siblings never run into each other.
qreal FigureLayout::flowLabelRoom(qreal targetWidth) const {
    return std::clamp(targetWidth + u_, 4 * body_, 10 * body_);
}

// The label of the edge into b, beside its route's last segment and clear of every line,
// arrowhead, node and label of the flow: at the widest width that finds a free place, from the
// width planned down to its longest word (narrower, it would be set in smaller type). Where no
// place is free, beside the middle of the segment, inside the flow.
QRectF FigureLayout::flowEdgeLabel(const json& label, std::size_t b, const FlowPlacement& at,
                                   const QLineF& beside, const LabelObstacles& obstacles,
                                   const QRectF& area) {
    const QRectF& rb = at.rect[b];
    // A word may break after a slash ("Nested/" | "hierarchical"), never be set smaller.
    const qreal longestWord = longestWordWidth(inl(label), small_, false) + 2;
    const qreal maxW = std::max(longestWord, at.right ? 10 * body_ : flowLabelRoom(rb.width()));
    const qreal gap = flowLabelGap(obstacles.lineWidth);
    std::optional<TextBlock> first;
    for (qreal width = maxW;; width = std::max(longestWord, width * 0.85)) {
        const TextBlock lb = text(label, small_, width, Qt::AlignLeft, 1.0);
        if (const auto pos = labelBeside(beside, lb.size, obstacles, area, gap)) {
            put(lb, *pos, theme_.text, theme_.background);
            return QRectF(*pos, lb.size);
        }
        if (!first) {
            first = lb;
        }
        if (width <= longestWord) {
            break;
        }
    }
    // No place clear of everything: clear of the nodes and labels at least (a label across a
    // box hides the box's words), else on the line just before the target, as it used to be.
    LabelObstacles boxes;
    boxes.rects = obstacles.rects;
    boxes.lineWidth = obstacles.lineWidth;
    const QSizeF size = first->size;
    QPointF pos;
    if (const auto free = labelBeside(beside, size, boxes, area, gap)) {
        pos = *free;
    } else {
        const bool vertical = std::abs(beside.dx()) < std::abs(beside.dy());
        pos = vertical ? QPointF(beside.x1() - size.width() / 2,
                                 std::max(beside.y1(), beside.y2()) - size.height() - 0.5 * u_)
                       : QPointF(beside.center().x() - size.width() / 2,
                                 beside.y1() - size.height() / 2);
        pos.setX(
            std::clamp(pos.x(), area.left(), std::max(area.left(), area.right() - size.width())));
    }
    put(*first, pos, theme_.text, theme_.background);
    return QRectF(pos, size);
}

// An edge's label standing on its route's last segment `on` (a drop), centred, clear of
// its neighbours' lines and of every other obstacle, with the line seen above it and its
// arrowhead free below; nothing when it does not fit there.
std::optional<QRectF> FigureLayout::flowEdgeLabelOnLine(const json& label, const QLineF& on,
                                                        const LabelObstacles& obstacles,
                                                        const QRectF& area) {
    const qreal cx = on.x1();
    // As wide as its drop's share of the room between the lines beside it, within the flow.
    qreal half = std::min({5 * body_, cx - area.left(), area.right() - cx});
    LabelObstacles others = obstacles;
    std::erase_if(others.segments, [&](const QLineF& s) {
        return s.dx() == 0 && s.x1() == cx && s.y1() >= on.y1() - 0.5 && s.y2() <= on.y2() + 0.5;
    });
    for (const QLineF& s : others.segments) {
        if (s.dx() == 0 && std::min(s.y1(), s.y2()) < on.y2() &&
            std::max(s.y1(), s.y2()) > on.y1()) {
            const qreal apart = std::abs(s.x1() - cx);
            if (apart > 0) {
                half = std::min(half, apart / 2);
            }
        }
    }
    const qreal patch = 3 + obstacles.lineWidth / 2 + 1;
    const qreal width =
        std::max(longestWordWidth(inl(label), small_, false) + 2, 2 * (half - patch));
    const TextBlock lb = text(label, small_, width, Qt::AlignHCenter, 1.0);
    const qreal head =
        arrowheadPolygon(on.p1(), on.p2(), obstacles.lineWidth).boundingRect().height();
    // The line seen for 4 px above the label's patch (labelBackground, and half a line's width
    // more), the arrowhead clear below it.
    const qreal margin = 2 + obstacles.lineWidth / 2;
    const qreal top = on.y1() + 4 + margin, bottom = on.y2() - head - margin - 1;
    if (bottom - top < lb.size.height()) {
        return std::nullopt;
    }
    const QPointF pos(cx - lb.size.width() / 2, (top + bottom - lb.size.height()) / 2);
    const QRectF r(pos, lb.size);
    if (!area.contains(r) || !others.clear(r)) {
        return std::nullopt;
    }
    put(lb, pos, theme_.text, theme_.background);
    return r;
}

} // namespace fg
