// Checks on a laid-out flow that a reader's eye makes: an edge's label stands beside the lines,
// never on one or on an arrowhead; two edges from different nodes never run along each other a
// few pixels apart, nor does one end on another (it would read as one line going on). Edges from
// one node may share their trunk: that is what a fan-out looks like. A proper crossing is allowed.
// Each function returns what it found, one line per fault, empty when the scene is clean.
#pragma once

#include "widgets/figure/figure_scene.h"
#include "widgets/figure/flow_label_place.h"

#include <QLineF>
#include <QStringList>
#include <algorithm>
#include <cmath>
#include <map>

namespace flow_checks {

// Closer than this, two lines of different edges read as one.
constexpr qreal kApart = 8;

inline qreal pointToSegment(QPointF p, const QLineF& s) {
    const QPointF d = s.p2() - s.p1();
    const qreal len2 = d.x() * d.x() + d.y() * d.y();
    const qreal t =
        len2 <= 0
            ? 0
            : std::clamp(((p.x() - s.x1()) * d.x() + (p.y() - s.y1()) * d.y()) / len2, 0.0, 1.0);
    return QLineF(p, s.p1() + t * d).length();
}

inline bool crosses(const QLineF& a, const QLineF& b, QPointF* at) {
    return a.intersects(b, at) == QLineF::BoundedIntersection;
}

inline qreal segmentDistance(const QLineF& a, const QLineF& b) {
    if (crosses(a, b, nullptr)) {
        return 0;
    }
    return std::min({pointToSegment(a.p1(), b), pointToSegment(a.p2(), b),
                     pointToSegment(b.p1(), a), pointToSegment(b.p2(), a)});
}

inline std::vector<QLineF> segments(const fg::FigureScene::Line& l) {
    std::vector<QLineF> out;
    for (qsizetype i = 1; i < l.points.size(); ++i) {
        if (l.points[i - 1] != l.points[i]) {
            out.emplace_back(l.points[i - 1], l.points[i]);
        }
    }
    return out;
}

// Whether `label` stands on the last segment of the line it names as a reader takes it: the
// segment is a drop, the label centred on it, the line seen for 4 px above the label.
inline bool standsOnItsDrop(const QRectF& label, const fg::FigureScene::Line& l) {
    if (l.points.size() < 2) {
        return false;
    }
    const QLineF last(l.points[l.points.size() - 2], l.points.last());
    return last.dx() == 0 && last.dy() > 0 && std::abs(label.center().x() - last.x1()) < 1 &&
           label.top() - last.y1() >= 4 && label.bottom() < last.y2();
}

// Edge labels (the texts drawn on the page's colour) that cover a line or an arrowhead. A label
// may stand on its own edge's drop, the line broken round it (standsOnItsDrop), clear of the
// arrowhead.
inline QStringList labelsOnLines(const fg::FigureScene& scene) {
    QStringList out;
    for (const auto& t : scene.texts) {
        if (!t.background.isValid()) {
            continue;
        }
        const QRectF label = fg::labelBackground(t);
        for (std::size_t li = 0; li < scene.lines.size(); ++li) {
            const auto& l = scene.lines[li];
            const qreal half = l.width / 2;
            const QRectF near = label.adjusted(-half, -half, half, half);
            const bool own = t.names == static_cast<int>(li) && standsOnItsDrop(label, l);
            bool hit = false;
            const std::vector<QLineF> parts = segments(l);
            for (std::size_t k = 0; k < parts.size(); ++k) {
                hit =
                    hit || (!(own && k + 1 == parts.size()) && fg::segmentTouches(parts[k], near));
            }
            if (l.arrow && l.points.size() >= 2) {
                const QPolygonF head =
                    fg::arrowheadPolygon(l.points[l.points.size() - 2], l.points.last(), l.width);
                hit = hit || !head.intersected(QPolygonF(near)).isEmpty();
            }
            if (hit) {
                out << QStringLiteral("label \"%1\" at %2,%3 covers a line ending at %4,%5")
                           .arg(t.block.layout->text())
                           .arg(label.x())
                           .arg(label.y())
                           .arg(l.points.last().x())
                           .arg(l.points.last().y());
            }
        }
    }
    return out;
}

// Segments of edges from different nodes that run side by side closer than kApart, or where one
// ends closer than kApart to the other without crossing it.
inline QStringList edgesTooClose(const fg::FigureScene& scene) {
    QStringList out;
    const auto& lines = scene.lines;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        for (std::size_t j = i + 1; j < lines.size(); ++j) {
            const auto& a0 = lines[i];
            const auto& b0 = lines[j];
            if (a0.edgeFrom < 0 || b0.edgeFrom < 0 || a0.edgeFrom == b0.edgeFrom ||
                a0.edgeTo == b0.edgeTo) {
                continue;
            }
            for (const QLineF& a : segments(lines[i])) {
                for (const QLineF& b : segments(lines[j])) {
                    QPointF at;
                    const bool proper = crosses(a, b, &at) &&
                                        std::min(QLineF(at, a.p1()).length(),
                                                 QLineF(at, a.p2()).length()) >= kApart &&
                                        std::min(QLineF(at, b.p1()).length(),
                                                 QLineF(at, b.p2()).length()) >= kApart;
                    if (!proper && segmentDistance(a, b) < kApart) {
                        out << QStringLiteral("edges %1 and %2: (%3,%4)-(%5,%6) and "
                                              "(%7,%8)-(%9,%10) are %11 px apart")
                                   .arg(i)
                                   .arg(j)
                                   .arg(a.x1())
                                   .arg(a.y1())
                                   .arg(a.x2())
                                   .arg(a.y2())
                                   .arg(b.x1())
                                   .arg(b.y1())
                                   .arg(b.x2())
                                   .arg(b.y2())
                                   .arg(segmentDistance(a, b));
                    }
                }
            }
        }
    }
    return out;
}

// A fan-out whose trunk runs on into the drop to one of its own targets (closer than kApart):
// the question reads as leading straight to that answer ("What's your data structure?" went on
// into Graph's drop: tester 44).
inline QStringList trunksRunOnIntoADrop(const fg::FigureScene& scene) {
    QStringList out;
    std::map<int, std::vector<const fg::FigureScene::Line*>> from;
    for (const auto& l : scene.lines) {
        if (l.edgeFrom >= 0 && l.points.size() >= 2) {
            from[l.edgeFrom].push_back(&l);
        }
    }
    for (const auto& [node, lines] : from) {
        if (lines.size() < 2) {
            continue;
        }
        for (const auto* l : lines) {
            const QPointF stem = l->points.front(), end = l->points.back();
            const QPointF beforeEnd = l->points[l->points.size() - 2];
            const bool drop = std::abs(beforeEnd.x() - end.x()) < 0.5 && end.y() > stem.y();
            if (drop && std::abs(end.x() - stem.x()) < kApart &&
                l->points.size() > 2) { // not a straight line down
                out << QStringLiteral("node %1: its trunk at x=%2 runs on into the drop to node "
                                      "%3 at x=%4")
                           .arg(node)
                           .arg(stem.x())
                           .arg(l->edgeTo)
                           .arg(end.x());
            }
        }
    }
    return out;
}

// Edge segments that run through a box the edge neither starts nor ends in (a node in the way:
// the S3 patterns' reply "2. URL" ran down through the S3 box). A box holding either end of the
// edge (its nodes, or a panel round the whole flow) is not in its way.
inline QStringList edgesThroughBoxes(const fg::FigureScene& scene) {
    QStringList out;
    for (const auto& l : scene.lines) {
        if (l.edgeFrom < 0 || l.points.size() < 2) {
            continue;
        }
        for (const auto& b : scene.boxes) {
            const QRectF near = b.rect.adjusted(-2, -2, 2, 2);
            if (near.contains(l.points.first()) || near.contains(l.points.last())) {
                continue;
            }
            const QRectF inside = b.rect.adjusted(2, 2, -2, -2);
            for (const QLineF& s : segments(l)) {
                if (inside.isValid() && fg::segmentTouches(s, inside)) {
                    out << QStringLiteral("an edge ending at %1,%2 runs through the box at "
                                          "%3,%4 (%5x%6)")
                               .arg(l.points.last().x())
                               .arg(l.points.last().y())
                               .arg(b.rect.x())
                               .arg(b.rect.y())
                               .arg(b.rect.width())
                               .arg(b.rect.height());
                    break;
                }
            }
        }
    }
    return out;
}

} // namespace flow_checks
