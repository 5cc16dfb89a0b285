// The flows of a figure: nodes in ranks by longest path, ordered by the barycentre of their
// predecessors to keep edges from crossing, laid rightwards in columns or downwards in rows (a
// crowded layer wrapped), with orthogonal arrows and labelled edges: a label beside its line, or
// on its own drop where a node's answers do not all fit beside theirs.
#include "widgets/figure/figure_flow.h"

#include "widgets/figure/figure_nodes.h"
#include "widgets/figure/flow_label_place.h"

#include <QFontMetricsF>
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <optional>
#include <span>

namespace fg {

using figure_nodes::shapeOf;
using figure_nodes::toneOf;

namespace {

// Rank = longest path from a source (Kahn's order; nodes on a cycle keep the rank reached). A
// cycle (a reply going back, say) leaves nodes unvisited: the first of them, in the order the data
// lists them, becomes a source, and the edges into it are drawn as back edges.
std::vector<int> ranksOf(const std::vector<std::vector<std::size_t>>& preds,
                         const std::vector<std::vector<std::size_t>>& succs) {
    const std::size_t n = preds.size();
    std::vector<int> rank(n, 0), indeg(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        indeg[i] = static_cast<int>(preds[i].size());
    }
    std::vector<std::size_t> queue;
    for (std::size_t i = 0; i < n; ++i) {
        if (indeg[i] == 0) {
            queue.push_back(i);
        }
    }
    std::vector<bool> queued(n, false);
    for (std::size_t v : queue) {
        queued[v] = true;
    }
    for (std::size_t qi = 0;; ++qi) {
        if (qi == queue.size()) {
            const auto next = std::find(queued.begin(), queued.end(), false);
            if (next == queued.end()) {
                break;
            }
            const auto v = static_cast<std::size_t>(next - queued.begin());
            queued[v] = true;
            queue.push_back(v);
        }
        for (std::size_t s : succs[queue[qi]]) {
            if (queued[s]) {
                continue;
            }
            rank[s] = std::max(rank[s], rank[queue[qi]] + 1);
            if (--indeg[s] == 0) {
                queued[s] = true;
                queue.push_back(s);
            }
        }
    }
    return rank;
}

// Orders a layer by the barycentre of each node's predecessors (a source by its place in the
// data), to keep edges from crossing; notes each node's position in `order`.
void sortLayer(std::vector<std::size_t>& layer, const std::vector<std::vector<std::size_t>>& preds,
               std::vector<qreal>& order) {
    std::stable_sort(layer.begin(), layer.end(), [&](std::size_t a, std::size_t b) {
        auto bary = [&](std::size_t v) {
            if (preds[v].empty()) {
                return static_cast<qreal>(v);
            }
            qreal s = 0;
            for (std::size_t q : preds[v]) {
                s += order[q];
            }
            return s / static_cast<qreal>(preds[v].size());
        };
        return bary(a) < bary(b);
    });
    for (std::size_t i = 0; i < layer.size(); ++i) {
        order[layer[i]] = static_cast<qreal>(i) - static_cast<qreal>(layer.size()) / 2;
    }
}

} // namespace

FigureLayout::FlowGraph FigureLayout::flowGraph(const json& nodes, const json& edges) {
    const std::size_t n = nodes.size();
    FlowGraph g;
    for (std::size_t i = 0; i < n; ++i) {
        g.index[nodes[i].value("id", std::string())] = i;
    }
    g.preds.resize(n);
    g.succs.resize(n);
    for (const auto& e : edges) {
        if (const auto ends = g.ends(e)) {
            g.succs[ends->first].push_back(ends->second);
            g.preds[ends->second].push_back(ends->first);
        }
    }
    g.rank = ranksOf(g.preds, g.succs);
    const int ranks = *std::max_element(g.rank.begin(), g.rank.end()) + 1;
    g.layers.resize(static_cast<std::size_t>(ranks));
    for (std::size_t i = 0; i < n; ++i) {
        g.layers[static_cast<std::size_t>(g.rank[i])].push_back(i);
    }
    return g;
}

FigureLayout::Card FigureLayout::flowCard(const json& node, qreal most) const {
    const qreal nw = std::min(
        most, cardNaturalWidth(node.value("label", json("")), node.value("lines", json::array())) +
                  (shapeOf(node) == FigureScene::Shape::Decision ? 3 * u_ : 0));
    return measureCard(node.value("label", json("")), node.value("lines", json::array()), nw, true,
                       shapeOf(node));
}

qreal FigureLayout::flowColumns(const json& nodes, FlowGraph& g, FlowPlacement& at, qreal y) {
    std::vector<std::vector<Card>> cards(g.layers.size());
    qreal tallest = 0;
    std::vector<qreal> colH(g.layers.size(), 0);
    for (std::size_t r = 0; r < g.layers.size(); ++r) {
        sortLayer(g.layers[r], g.preds, at.order);
        for (std::size_t v : g.layers[r]) {
            cards[r].push_back(flowCard(nodes[v], at.colW));
            colH[r] += cards[r].back().size.height() + 1.5 * u_;
        }
        colH[r] -= 1.5 * u_;
        tallest = std::max(tallest, colH[r]);
    }
    for (std::size_t r = 0; r < g.layers.size(); ++r) {
        qreal cy = y + (tallest - colH[r]) / 2;
        const qreal cx = at.x + static_cast<qreal>(r) * (at.colW + at.gapR);
        for (std::size_t k = 0; k < g.layers[r].size(); ++k) {
            const std::size_t v = g.layers[r][k];
            const Card& c = cards[r][k];
            at.rect[v] =
                QRectF(cx + (at.colW - c.size.width()) / 2, cy, c.size.width(), c.size.height());
            placeCard(c, at.rect[v].topLeft(), c.size.width(), toneOf(nodes[v]), shapeOf(nodes[v]),
                      true);
            cy += c.size.height() + 1.5 * u_;
        }
    }
    return tallest;
}

qreal FigureLayout::flowRow(const json& nodes, const FlowGraph& g, std::span<const std::size_t> row,
                            FlowPlacement& at, qreal cy, const RowGrid& grid) {
    const auto count = static_cast<qreal>(grid.count);
    const qreal slot = (grid.width - (count - 1) * 1.5 * u_) / count;
    std::vector<Card> cards;
    qreal rowH = 0;
    for (std::size_t v : row) {
        cards.push_back(flowCard(nodes[v], slot));
        rowH = std::max(rowH, cards.back().size.height());
    }
    for (std::size_t k = 0; k < row.size(); ++k) {
        const std::size_t v = row[k];
        const Card& c = cards[k];
        const qreal sx = grid.x + static_cast<qreal>(grid.first + k) * (slot + 1.5 * u_);
        at.rect[v] = QRectF(sx + (slot - c.size.width()) / 2, cy, c.size.width(), c.size.height());
        placeCard(c, at.rect[v].topLeft(), c.size.width(), toneOf(nodes[v]), shapeOf(nodes[v]),
                  true);
    }
    int lane = 0;
    for (std::size_t v : row) {
        at.rowBottom[v] = cy + rowH;
        at.busSlot[v] = g.succs[v].empty() ? 0 : lane++;
    }
    return rowH;
}

qreal FigureLayout::flowRows(const json& nodes, const json& edges, FlowGraph& g, FlowPlacement& at,
                             qreal y) {
    // A crowded layer wraps into several rows.
    const qreal minNode = 7 * body_;
    const auto fitting = [&](qreal width) {
        return std::max<std::size_t>(
            1, static_cast<std::size_t>((width + 1.5 * u_) / (minNode + 1.5 * u_)));
    };
    const std::size_t perRow = fitting(at.w);
    // Room below a row for its bus and the labels of the edges leaving it: at least three lines
    // where any edge has a label, more where a label needs them, as wide as it can stand between
    // its drop and the next (six answers in a row of the Projector's type, at 1100 px: the
    // labels, kept to three lines, ran into each other).
    const qreal small = QFontMetricsF(small_).height();
    const qreal lines = QFontMetricsF(small_).lineSpacing();
    const qreal gapPlain = std::max(4 * u_, small + 3 * u_);
    const qreal beside = flowLabelGap(theme_.lineWidth);
    // Above and below a label: the bus lane and room to spare, or the frame of a label on its
    // drop.
    const qreal labelled = std::max(3 * u_, u_ + flowLabelFrame());
    std::vector<qreal> labelsOut(at.rect.size(), 0);
    for (const auto& e : edges) {
        if (const auto ends = g.ends(e); ends && e.contains("label")) {
            const std::size_t inRow = std::min(perRow, g.layers[g.rank[ends->second]].size());
            const qreal pitch = (at.w + 1.5 * u_) / static_cast<qreal>(inRow);
            const qreal word = longestWordWidth(inl(e["label"]), small_, false) + 2;
            const qreal width =
                std::max(word, std::min(flowLabelRoom(pitch - 1.5 * u_), pitch - 2 * beside));
            const qreal h = text(e["label"], small_, width, Qt::AlignLeft, 1.0).size.height();
            labelsOut[ends->first] = std::max({labelsOut[ends->first], 3 * lines, h});
            // Into a wrapped row, edges of other nodes may pass close beside the drop: room
            // for the label at half the width.
            const qreal hIn =
                g.layers[g.rank[ends->second]].size() > perRow
                    ? text(e["label"], small_, std::max(word, width / 2), Qt::AlignLeft, 1.0)
                          .size.height()
                    : h;
            at.labelIn[ends->second] = std::max(at.labelIn[ends->second], hIn);
        }
    }
    qreal cy = y;
    qreal lastGap = 0;
    for (auto& layer : g.layers) {
        sortLayer(layer, g.preds, at.order);
        RowGrid grid{at.x, at.w, std::min(perRow, layer.size()), 0};
        std::optional<qreal> lane;
        if (layer.size() > perRow) {
            // Wrapped: the rows under the first come in by a lane along the side their
            // predecessors stand nearer, kept free of nodes, and stand towards that side, in
            // the first row's slots.
            qreal bary = 0;
            int preds = 0;
            for (std::size_t k = perRow; k < layer.size(); ++k) {
                for (std::size_t p : g.preds[layer[k]]) {
                    bary += at.rect[p].center().x();
                    ++preds;
                }
            }
            const bool right = preds == 0 || bary / preds >= at.x + at.w / 2;
            const qreal laneW = 1.5 * u_;
            grid.width = at.w - laneW;
            grid.x = right ? at.x : at.x + laneW;
            grid.count = std::min(fitting(grid.width), layer.size());
            lane = right ? at.x + at.w - 0.75 * u_ : at.x + 0.75 * u_;
        }
        for (std::size_t start = 0; start < layer.size(); start += grid.count) {
            const std::size_t end = std::min(layer.size(), start + grid.count);
            const auto row = std::span<const std::size_t>(layer).subspan(start, end - start);
            RowGrid rowGrid = grid;
            if (start > 0 && lane && *lane > at.x + at.w / 2) {
                rowGrid.first = grid.count - row.size();
            }
            const qreal rowH = flowRow(nodes, g, row, at, cy, rowGrid);
            int lanes = 0;
            qreal labels = 0;
            for (std::size_t v : row) {
                lanes = std::max(lanes, at.busSlot[v] + 1);
                labels = std::max(labels, labelsOut[v]);
                if (start > 0) {
                    at.outerLane[v] = lane;
                }
            }
            // The edges into the next row of this layer turn above it, their labels under
            // the turn.
            for (std::size_t k = end; k < std::min(layer.size(), end + grid.count); ++k) {
                labels = std::max(labels, at.labelIn[layer[k]] + flowLabelFrame());
            }
            const qreal gap = labels > 0 ? std::max(4 * u_, labels + labelled) : gapPlain;
            lastGap = gap + at.laneStep * std::max(0, lanes - 1);
            cy += rowH + lastGap;
        }
    }
    return cy - lastGap - y;
}

// The route of an edge from node a down to node b: it leaves a at its stem, runs along a's bus
// lane below its row and drops into the middle of b's top; the label goes beside the drop. A
// drop that would pass through another node (the target is in a wrapped second row of its
// layer, or further down) goes down a free gap beside the nodes instead, then across just above
// its target.
FigureLayout::FlowRoute FigureLayout::flowRouteDown(const json& e, std::size_t a, std::size_t b,
                                                    const FlowPlacement& at) const {
    const QRectF& ra = at.rect[a];
    const QRectF& rb = at.rect[b];
    FlowRoute route;
    const qreal sx = at.stemX[a];
    const qreal my = at.laneY(a);
    const qreal cx = rb.center().x();
    const qreal labelH = e.contains("label") ? at.labelIn[b] : 0;
    const qreal turn = std::max(my + u_, rb.top() - labelH - flowLabelFrame());
    if (at.blocked(cx, my, rb.top(), b, u_)) {
        std::vector<qreal> gaps = {at.x - 0.5 * u_, at.x + at.w + 0.5 * u_};
        if (at.outerLane[b]) {
            gaps.push_back(*at.outerLane[b]);
        }
        for (const QRectF& r : at.rect) {
            gaps.push_back(r.left() - 0.75 * u_);
            gaps.push_back(r.right() + 0.75 * u_);
        }
        std::sort(gaps.begin(), gaps.end(),
                  [&](qreal g1, qreal g2) { return std::abs(g1 - cx) < std::abs(g2 - cx); });
        if (at.outerLane[b]) {
            std::stable_partition(gaps.begin(), gaps.end(),
                                  [&](qreal g1) { return g1 == *at.outerLane[b]; });
        }
        for (qreal g : gaps) {
            if (!at.blocked(g, my, turn, b, u_) && !at.blocked(cx, turn, rb.top(), b, u_)) {
                route.pts << QPointF(sx, ra.bottom()) << QPointF(sx, my) << QPointF(g, my)
                          << QPointF(g, turn) << QPointF(cx, turn) << QPointF(cx, rb.top());
                route.labelBeside = QLineF(cx, turn, cx, rb.top());
                return route;
            }
        }
    }
    route.pts << QPointF(sx, ra.bottom()) << QPointF(sx, my) << QPointF(cx, my)
              << QPointF(cx, rb.top());
    route.labelBeside = QLineF(cx, my, cx, rb.top());
    return route;
}

// Down: where each node's edges leave its bottom. Its middle, unless another node's edge drops
// there, just below (two rows' slots of 2 and 6 nodes put a source's middle over a target's
// middle: Relational's line ran on into the drop to Key-Value, 6 px below), or one of its own
// fan-out's drops does (the stem of "What's your data structure?" ran on into Graph's drop, and
// the question read as leading straight to Graph: tester 44); then a lane step aside, on the
// flat part of its bottom.
void FigureLayout::flowStems(const FlowGraph& g, FlowPlacement& at) const {
    const std::size_t n = at.rect.size();
    for (std::size_t s = 0; s < n; ++s) {
        at.stemX[s] = at.rect[s].center().x();
    }
    const auto clashes = [&](std::size_t s, qreal x) {
        const qreal top = at.rect[s].bottom() - at.laneStep, bottom = at.laneY(s) + at.laneStep;
        for (std::size_t a = 0; a < n; ++a) {
            for (std::size_t b : g.succs[a]) {
                const QRectF& rb = at.rect[b];
                if ((a == s && g.succs[s].size() < 2) || rb.top() <= at.rect[a].bottom()) {
                    continue;
                }
                if (std::abs(rb.center().x() - x) < at.laneStep && at.laneY(a) < bottom &&
                    rb.top() > top) {
                    return true;
                }
            }
        }
        return false;
    };
    for (std::size_t s = 0; s < n; ++s) {
        const qreal cx = at.stemX[s];
        if (g.succs[s].empty() || !clashes(s, cx)) {
            continue;
        }
        // Towards the targets first (their bus runs that way).
        qreal toward = 0;
        for (std::size_t b : g.succs[s]) {
            toward += at.rect[b].center().x() - cx;
        }
        const qreal first = toward < 0 ? -1 : 1;
        const qreal flat = 0.3 * at.rect[s].width();
        for (int k = 1; k <= 3; ++k) {
            const qreal step = at.laneStep * k;
            if (step > flat) {
                break;
            }
            if (!clashes(s, cx + first * step)) {
                at.stemX[s] = cx + first * step;
                break;
            }
            if (!clashes(s, cx - first * step)) {
                at.stemX[s] = cx - first * step;
                break;
            }
        }
    }
}

FigureLayout::FlowRoute FigureLayout::flowRoute(const json& e, std::size_t a, std::size_t b,
                                                const FlowGraph& g, const FlowPlacement& at,
                                                qreal y, qreal& used) const {
    const QRectF& ra = at.rect[a];
    const QRectF& rb = at.rect[b];
    FlowRoute route;
    if (at.right && rb.left() > ra.right()) {
        // The trunk stands near the source side of the gap before the target's column, so
        // fan-outs share one trunk and the last segment has room for the label.
        const qreal colLeft = at.x + static_cast<qreal>(g.rank[b]) * (at.colW + at.gapR);
        const qreal mx = std::max(ra.right() + u_, colLeft - at.gapR + 1.5 * u_);
        route.pts << QPointF(ra.right(), ra.center().y()) << QPointF(mx, ra.center().y())
                  << QPointF(mx, rb.center().y()) << QPointF(rb.left(), rb.center().y());
        route.labelBeside = QLineF(mx, rb.center().y(), rb.left(), rb.center().y());
    } else if (!at.right && rb.top() > ra.bottom()) {
        route = flowRouteDown(e, a, b, at);
    } else if (at.right && rb.right() < ra.left()) {
        // A back edge (a reply): under both nodes, so it never hides a forward arrow.
        qreal below = std::max(ra.bottom(), rb.bottom()) + 1.5 * u_;
        if (!at.blocked(ra.center().x(), ra.bottom(), below + u_, a, u_)) {
            route.pts << QPointF(ra.center().x(), ra.bottom()) << QPointF(ra.center().x(), below)
                      << QPointF(rb.center().x(), below) << QPointF(rb.center().x(), rb.bottom());
        } else {
            // A node stands under the source in its column (S3 under "Your API": the reply ran
            // down through it): out of the source's right side, down past the column's right,
            // and back under every node it passes.
            const qreal colLeft = at.x + static_cast<qreal>(g.rank[a]) * (at.colW + at.gapR);
            const qreal lane = colLeft + at.colW + 0.75 * u_;
            for (const QRectF& r : at.rect) {
                if (r.right() > rb.center().x() && r.left() < lane) {
                    below = std::max(below, r.bottom() + 1.5 * u_);
                }
            }
            route.pts << QPointF(ra.right(), ra.center().y()) << QPointF(lane, ra.center().y())
                      << QPointF(lane, below) << QPointF(rb.center().x(), below)
                      << QPointF(rb.center().x(), rb.bottom());
        }
        // The segment along the bottom, into the target's column.
        const QPointF turn = route.pts[route.pts.size() - 3];
        route.labelBeside = QLineF(turn.x(), below, rb.center().x(), below);
        used = std::max(used, below + u_ - y);
    } else { // same rank or backwards: a straight arrow between the nearest sides
        const QLineF l(ra.center(), rb.center());
        route.pts << l.pointAt(0.25) << l.pointAt(0.75);
        route.labelBeside = QLineF(l.pointAt(0.25), l.pointAt(0.75));
    }
    return route;
}

// Named steps: the graph (ranks by longest path), the direction (rightwards when the columns are
// wide enough), the nodes placed in columns or rows, then each edge's route, arrow and label.
qreal FigureLayout::flow(const json& p, qreal x, qreal y, qreal w) {
    const json& nodes = p.contains("nodes") ? p["nodes"] : json::array();
    const json& edges = p.contains("edges") ? p["edges"] : json::array();
    const std::size_t n = nodes.size();
    if (n == 0) {
        return 0;
    }
    FlowGraph g = flowGraph(nodes, edges);
    const int ranks = static_cast<int>(g.layers.size());
    // Label room between ranks.
    qreal labelW = 0;
    for (const auto& e : edges) {
        if (e.contains("label")) {
            labelW = std::max(labelW, std::min(naturalWidth(inl(e["label"]), small_), 10 * body_));
        }
    }
    FlowPlacement at;
    at.right = p.value("direction", std::string("right")) == "right";
    at.x = x;
    at.w = w;
    at.gapR = std::max(4 * u_, labelW + 3 * u_);
    at.colW = (w - at.gapR * (ranks - 1)) / ranks;
    if (at.right && at.colW < 7 * body_) {
        at.right = false; // too many ranks side by side: lay the flow downwards
    }
    at.rect.resize(n);
    at.rowBottom.resize(n, 0);
    at.busSlot.resize(n, 0);
    at.stemX.resize(n, 0);
    at.order.resize(n, 0);
    at.labelIn.resize(n, 0);
    at.outerLane.resize(n);
    at.u = u_;
    at.laneStep = std::max(1.5 * u_, 10.0);
    qreal used = at.right ? flowColumns(nodes, g, at, y) : flowRows(nodes, edges, g, at, y);
    if (!at.right) {
        flowStems(g, at);
    }
    // Every route first, so that each label can keep clear of all of them.
    struct Drawn {
        const json* edge;
        std::size_t from, to;
        FlowRoute route;
        int line = -1; // its index in the scene's lines
    };
    std::vector<Drawn> drawn;
    LabelObstacles obstacles;
    obstacles.lineWidth = theme_.lineWidth;
    for (const auto& e : edges) {
        if (const auto ends = g.ends(e)) {
            drawn.push_back({&e, ends->first, ends->second,
                             flowRoute(e, ends->first, ends->second, g, at, y, used)});
            const QPolygonF& pts = drawn.back().route.pts;
            for (qsizetype i = 1; i < pts.size(); ++i) {
                obstacles.segments.emplace_back(pts[i - 1], pts[i]);
            }
            obstacles.heads.push_back(
                arrowheadPolygon(pts[pts.size() - 2], pts.last(), theme_.lineWidth));
        }
    }
    obstacles.rects = at.rect;
    const int base = flowNodes_;
    flowNodes_ += static_cast<int>(n);
    for (Drawn& d : drawn) {
        arrow(d.route.pts);
        out_.lines.back().edgeFrom = base + static_cast<int>(d.from);
        out_.lines.back().edgeTo = base + static_cast<int>(d.to);
        d.line = static_cast<int>(out_.lines.size()) - 1;
    }
    // A back edge's label may stand below its line, under the nodes: the flow grows to hold it.
    const QRectF area(x, y, w, used + 4 * body_);
    // Downwards, a node's answers whose labels do not all fit beside their drops, each between
    // its drop and the next (the last one up to the flow's side), all stand on their drops
    // instead, centred, the line broken round them: each then has its drop's share of the row
    // (six answers in the Projector's type at 1100 px ran into each other beside their lines).
    std::vector<bool> onLine(n, false);
    if (!at.right) {
        const qreal gap = flowLabelGap(obstacles.lineWidth);
        for (std::size_t a = 0; a < n; ++a) {
            std::vector<std::pair<qreal, const json*>> drops;
            for (const Drawn& d : drawn) {
                const QLineF& s = d.route.labelBeside;
                if (d.from == a && d.edge->contains("label") && s.dx() == 0 && s.dy() > 0) {
                    drops.emplace_back(s.x1(), &(*d.edge)["label"]);
                }
            }
            std::sort(drops.begin(), drops.end(),
                      [](const auto& p, const auto& q) { return p.first < q.first; });
            for (std::size_t i = 0; i < drops.size() && !onLine[a]; ++i) {
                const qreal next = i + 1 < drops.size() ? drops[i + 1].first : x + w;
                const qreal word = longestWordWidth(inl(*drops[i].second), small_, false) + 2;
                onLine[a] = word > next - drops[i].first - 2 * gap;
            }
        }
    }
    for (const Drawn& d : drawn) {
        if (d.edge->contains("label")) {
            const json& label = (*d.edge)["label"];
            std::optional<QRectF> r;
            if (onLine[d.from]) {
                r = flowEdgeLabelOnLine(label, d.route.labelBeside, obstacles, area);
            }
            if (!r) {
                r = flowEdgeLabel(label, d.to, at, d.route.labelBeside, obstacles, area);
            }
            out_.texts.back().names = d.line;
            obstacles.rects.push_back(*r);
            used = std::max(used, r->bottom() + 0.5 * u_ - y);
        }
    }
    return used;
}

} // namespace fg
