// A flow's working types, shared by its layout (figure_flow.cpp) and its labels
// (figure_flow_labels.cpp): the graph and its ranks, where the nodes went, and an edge's route.
#pragma once

#include "widgets/figure/figure_layout.h"

#include <QLineF>
#include <QPolygonF>
#include <QRectF>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace fg {

// A flow's graph: its nodes by id, its edges both ways, each node's rank (the longest path from a
// source) and the nodes of each rank.
struct FigureLayout::FlowGraph {
    std::map<std::string, std::size_t> index;
    std::vector<std::vector<std::size_t>> preds, succs;
    std::vector<int> rank;
    std::vector<std::vector<std::size_t>> layers;

    // The nodes an edge joins, or nothing when it names an unknown node or joins a node to
    // itself.
    std::optional<std::pair<std::size_t, std::size_t>> ends(const json& e) const {
        const auto a = index.find(e.value("from", std::string()));
        const auto b = index.find(e.value("to", std::string()));
        if (a == index.end() || b == index.end() || a->second == b->second) {
            return std::nullopt;
        }
        return std::pair(a->second, b->second);
    }
};

// Where a flow's nodes went, and how: rightwards in columns, or downwards in rows.
struct FigureLayout::FlowPlacement {
    bool right = true;
    qreal x = 0, w = 0;
    qreal gapR = 0, colW = 0;     // right: the gap between columns, and a column's width
    std::vector<QRectF> rect;     // each node's box
    std::vector<qreal> rowBottom; // down: the bottom of the row a node stands in
    std::vector<int> busSlot;     // down: which bus lane below its row a node's edges use
    std::vector<qreal> stemX;     // down: where a node's edges leave its bottom
    std::vector<qreal> order;     // position within the layer, for barycentre ordering
    std::vector<qreal> labelIn;   // down: the height of the label on the edge into a node
    // Down: for a node in a wrapped row under the first, the lane by the flow's side that its
    // edges come down (between the first row's nodes they ran through their labels).
    std::vector<std::optional<qreal>> outerLane;
    qreal laneStep = 0; // down: between two bus lanes, so they read as two lines
    qreal u = 0;

    // Down: the height of the bus lane a node's edges run along, below its row.
    qreal laneY(std::size_t v) const {
        return rowBottom[v] + u + laneStep * static_cast<qreal>(busSlot[v]);
    }

    // Whether a vertical line at `gx` from `y0` to `y1` runs through a node other than `except`.
    bool blocked(qreal gx, qreal y0, qreal y1, std::size_t except, qreal u) const {
        for (std::size_t v = 0; v < rect.size(); ++v) {
            if (v != except && rect[v].top() < y1 && rect[v].bottom() > y0 &&
                gx > rect[v].left() - 0.4 * u && gx < rect[v].right() + 0.4 * u) {
                return true;
            }
        }
        return false;
    }
};

struct FigureLayout::FlowRoute {
    QPolygonF pts;
    QLineF labelBeside; // the segment the label names (the one into the target)
};

} // namespace fg
