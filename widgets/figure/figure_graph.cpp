// The graph-shaped parts of a figure: trees (top-down, or indented when too wide) and flows
// (nodes in ranks by longest path, ordered by the barycentre of their predecessors to keep edges
// from crossing, with orthogonal arrows and labelled edges).
#include "widgets/figure/figure_layout.h"

#include <QFontMetricsF>
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>

namespace fg {

namespace {

QString toneOf(const nlohmann::json& n) {
    return n.contains("tone") && n["tone"].is_string()
               ? QString::fromStdString(n["tone"].get<std::string>())
               : QString();
}

const nlohmann::json& children(const nlohmann::json& n) {
    static const nlohmann::json empty = nlohmann::json::array();
    return n.contains("children") && n["children"].is_array() ? n["children"] : empty;
}

FigureScene::Shape shapeOf(const nlohmann::json& n) {
    const std::string s = n.value("shape", std::string("box"));
    if (s == "decision") {
        return FigureScene::Shape::Decision;
    }
    if (s == "store") {
        return FigureScene::Shape::Store;
    }
    if (s == "actor") {
        return FigureScene::Shape::Pill;
    }
    return FigureScene::Shape::Rounded;
}

} // namespace

// ---- trees -------------------------------------------------------------------------------------

namespace {

struct TreeNode {
    const nlohmann::json* json = nullptr;
    qreal width = 0;   // this node's box
    qreal subtree = 0; // width of the whole subtree
    std::vector<TreeNode> kids;
    int depth = 0;
};

} // namespace

qreal FigureLayout::tree(const json& p, qreal x, qreal y, qreal w) {
    if (!p.contains("root") || !p["root"].is_object()) {
        return 0;
    }
    const qreal gapX = 1.2 * u_;
    const qreal gapY = 3 * u_;
    const qreal maxNode = std::min(16 * body_, w);
    // Measure: natural widths, subtree widths.
    std::vector<qreal> depthHeight;
    auto measure = [&](auto&& self, const json& n, int depth) -> TreeNode {
        TreeNode t;
        t.json = &n;
        t.depth = depth;
        t.width = std::clamp(
            cardNaturalWidth(n.value("label", json("")), n.value("lines", json::array())),
            4 * body_, maxNode);
        qreal sum = 0;
        for (const auto& c : children(n)) {
            t.kids.push_back(self(self, c, depth + 1));
            sum += t.kids.back().subtree;
        }
        if (!t.kids.empty()) {
            sum += gapX * static_cast<qreal>(t.kids.size() - 1);
        }
        t.subtree = std::max(t.width, sum);
        return t;
    };
    const TreeNode root = measure(measure, p["root"], 0);
    if (p.value("layout", std::string("down")) == "indented" || root.subtree > w) {
        return treeIndented(p["root"], x, y, w, 0);
    }
    // Row heights per depth.
    auto heights = [&](auto&& self, const TreeNode& t) -> void {
        if (depthHeight.size() <= static_cast<std::size_t>(t.depth)) {
            depthHeight.resize(t.depth + 1, 0);
        }
        const Card c = measureCard(t.json->value("label", json("")),
                                   t.json->value("lines", json::array()), t.width, true);
        depthHeight[t.depth] = std::max(depthHeight[t.depth], c.size.height());
        for (const auto& k : t.kids) {
            self(self, k);
        }
    };
    heights(heights, root);
    std::vector<qreal> rowY(depthHeight.size(), y);
    for (std::size_t d = 1; d < rowY.size(); ++d) {
        rowY[d] = rowY[d - 1] + depthHeight[d - 1] + gapY;
    }
    // Place: a node centred over its children's span; connectors as an orthogonal bus.
    auto place = [&](auto&& self, const TreeNode& t, qreal left) -> qreal /*centre x*/ {
        std::vector<qreal> kidCentres;
        qreal kx = left + (t.subtree - std::max(t.width, t.subtree)) / 2;
        qreal kidsWidth = 0;
        for (const auto& k : t.kids) {
            kidsWidth += k.subtree;
        }
        kidsWidth += t.kids.empty() ? 0 : gapX * static_cast<qreal>(t.kids.size() - 1);
        kx = left + (t.subtree - kidsWidth) / 2;
        for (const auto& k : t.kids) {
            kidCentres.push_back(self(self, k, kx));
            kx += k.subtree + gapX;
        }
        const qreal cx = kidCentres.empty() ? left + t.subtree / 2
                                            : (kidCentres.front() + kidCentres.back()) / 2;
        const Card c = measureCard(t.json->value("label", json("")),
                                   t.json->value("lines", json::array()), t.width, true);
        Card sized = c;
        sized.size.setHeight(depthHeight[t.depth]);
        placeCard(sized, QPointF(cx - t.width / 2, rowY[t.depth]), t.width, toneOf(*t.json),
                  FigureScene::Shape::Rounded, true);
        if (!kidCentres.empty()) {
            const qreal top = rowY[t.depth] + depthHeight[t.depth];
            const qreal bus = top + gapY / 2;
            out_.lines.push_back({QPolygonF() << QPointF(cx, top) << QPointF(cx, bus), theme_.line,
                                  theme_.lineWidth, false});
            if (kidCentres.size() > 1) {
                out_.lines.push_back({QPolygonF() << QPointF(kidCentres.front(), bus)
                                                  << QPointF(kidCentres.back(), bus),
                                      theme_.line, theme_.lineWidth, false});
            }
            for (qreal k : kidCentres) {
                arrow(QPolygonF() << QPointF(k, bus) << QPointF(k, rowY[t.depth + 1]));
            }
        }
        return cx;
    };
    place(place, root, x + (w - root.subtree) / 2);
    return rowY.back() + depthHeight.back() - y;
}

qreal FigureLayout::treeIndented(const json& node, qreal x, qreal y, qreal w, int depth) {
    const qreal indent = 3 * u_;
    const QString tone = toneOf(node);
    // A tone marker (a small square) before the label, so tone is never colour alone: the label
    // always says what the node is.
    const qreal markerW = tone.isEmpty() ? 0 : 1.4 * u_;
    const TextBlock label = text(node.value("label", json("")),
                                 children(node).empty() && depth > 0 ? font_ : bold_, w - markerW);
    if (!tone.isEmpty()) {
        const std::size_t m = reserveBox();
        const qreal s = 0.9 * u_;
        setBox(m, QRectF(x, y + (QFontMetricsF(bold_).height() - s) / 2, s, s),
               theme_.toneStroke(tone), QColor(), FigureScene::Shape::Rect, 0);
    }
    put(label, QPointF(x + markerW, y), theme_.text);
    qreal used = label.size.height();
    for (const auto& l : node.value("lines", json::array())) {
        const TextBlock lb = text(l, small_, w - markerW);
        put(lb, QPointF(x + markerW, y + used), theme_.mutedText);
        used += lb.size.height();
    }
    const qreal stemX = x + 0.6 * u_;
    const qreal stemTop = y + used + 0.2 * u_;
    qreal lastMid = stemTop;
    for (const auto& c : children(node)) {
        used += 0.5 * u_;
        const qreal cy = y + used;
        const qreal mid = cy + QFontMetricsF(font_).height() / 2;
        out_.lines.push_back(
            {QPolygonF() << QPointF(stemX, mid) << QPointF(x + indent - 0.4 * u_, mid), theme_.line,
             std::max<qreal>(1, theme_.lineWidth * 0.75), false});
        lastMid = mid;
        used += treeIndented(c, x + indent, cy, w - indent, depth + 1);
    }
    if (!children(node).empty()) {
        out_.lines.push_back({QPolygonF() << QPointF(stemX, stemTop) << QPointF(stemX, lastMid),
                              theme_.line, std::max<qreal>(1, theme_.lineWidth * 0.75), false});
    }
    return used;
}

// ---- flows -------------------------------------------------------------------------------------

qreal FigureLayout::flow(const json& p, qreal x, qreal y, qreal w) {
    const json& nodes = p.contains("nodes") ? p["nodes"] : json::array();
    const json& edges = p.contains("edges") ? p["edges"] : json::array();
    const std::size_t n = nodes.size();
    if (n == 0) {
        return 0;
    }
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < n; ++i) {
        index[nodes[i].value("id", std::string())] = i;
    }
    std::vector<std::vector<std::size_t>> preds(n), succs(n);
    for (const auto& e : edges) {
        const auto a = index.find(e.value("from", std::string()));
        const auto b = index.find(e.value("to", std::string()));
        if (a != index.end() && b != index.end() && a->second != b->second) {
            succs[a->second].push_back(b->second);
            preds[b->second].push_back(a->second);
        }
    }
    // Rank = longest path from a source (Kahn's order; nodes on a cycle keep the rank reached).
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
    // A cycle (a reply going back, say) leaves nodes unvisited: the first of them, in the order
    // the data lists them, becomes a source, and the edges into it are drawn as back edges.
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
    const int ranks = *std::max_element(rank.begin(), rank.end()) + 1;
    std::vector<std::vector<std::size_t>> layers(static_cast<std::size_t>(ranks));
    for (std::size_t i = 0; i < n; ++i) {
        layers[static_cast<std::size_t>(rank[i])].push_back(i);
    }
    // Label room between ranks.
    qreal labelW = 0;
    for (const auto& e : edges) {
        if (e.contains("label")) {
            labelW = std::max(labelW, std::min(naturalWidth(inl(e["label"]), small_), 10 * body_));
        }
    }
    bool right = p.value("direction", std::string("right")) == "right";
    const qreal gapR = std::max(4 * u_, labelW + 3 * u_);
    qreal colW = (w - gapR * (ranks - 1)) / ranks;
    if (right && colW < 7 * body_) {
        right = false; // too many ranks side by side: lay the flow downwards
    }
    std::vector<QRectF> rect(n);
    std::vector<qreal> rowBottom(n, 0); // down: the bottom of the row a node stands in
    std::vector<int> busSlot(n, 0);     // down: which bus lane below its row a node's edges use
    std::vector<qreal> order(n, 0);     // position within the layer, for barycentre ordering
    auto sortLayer = [&](std::vector<std::size_t>& layer) {
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
    };
    qreal used = 0;
    if (right) {
        std::vector<std::vector<Card>> cards(layers.size());
        qreal tallest = 0;
        std::vector<qreal> colH(layers.size(), 0);
        for (std::size_t r = 0; r < layers.size(); ++r) {
            sortLayer(layers[r]);
            for (std::size_t v : layers[r]) {
                const qreal nw = std::min(
                    colW, cardNaturalWidth(nodes[v].value("label", json("")),
                                           nodes[v].value("lines", json::array())) +
                              (shapeOf(nodes[v]) == FigureScene::Shape::Decision ? 3 * u_ : 0));
                cards[r].push_back(measureCard(nodes[v].value("label", json("")),
                                               nodes[v].value("lines", json::array()), nw, true,
                                               shapeOf(nodes[v])));
                colH[r] += cards[r].back().size.height() + 1.5 * u_;
            }
            colH[r] -= 1.5 * u_;
            tallest = std::max(tallest, colH[r]);
        }
        for (std::size_t r = 0; r < layers.size(); ++r) {
            qreal cy = y + (tallest - colH[r]) / 2;
            const qreal cx = x + static_cast<qreal>(r) * (colW + gapR);
            for (std::size_t k = 0; k < layers[r].size(); ++k) {
                const std::size_t v = layers[r][k];
                const Card& c = cards[r][k];
                rect[v] =
                    QRectF(cx + (colW - c.size.width()) / 2, cy, c.size.width(), c.size.height());
                placeCard(c, rect[v].topLeft(), c.size.width(), toneOf(nodes[v]), shapeOf(nodes[v]),
                          true);
                cy += c.size.height() + 1.5 * u_;
            }
        }
        used = tallest;
    } else {
        // Room for a bus and a label of up to three lines above each row.
        const qreal gapD =
            std::max(4 * u_, QFontMetricsF(small_).height() * (labelW > 0 ? 3 : 1) + 3 * u_);
        qreal cy = y;
        for (auto& layer : layers) {
            sortLayer(layer);
            // Wrap a crowded layer into several rows.
            const qreal minNode = 7 * body_;
            const std::size_t perRow = std::max<std::size_t>(
                1, static_cast<std::size_t>((w + 1.5 * u_) / (minNode + 1.5 * u_)));
            for (std::size_t start = 0; start < layer.size(); start += perRow) {
                const std::size_t end = std::min(layer.size(), start + perRow);
                const auto count = static_cast<qreal>(end - start);
                const qreal slot = (w - (count - 1) * 1.5 * u_) / count;
                std::vector<Card> cards;
                qreal rowH = 0;
                for (std::size_t k = start; k < end; ++k) {
                    const std::size_t v = layer[k];
                    const qreal nw = std::min(
                        slot, cardNaturalWidth(nodes[v].value("label", json("")),
                                               nodes[v].value("lines", json::array())) +
                                  (shapeOf(nodes[v]) == FigureScene::Shape::Decision ? 3 * u_ : 0));
                    cards.push_back(measureCard(nodes[v].value("label", json("")),
                                                nodes[v].value("lines", json::array()), nw, true,
                                                shapeOf(nodes[v])));
                    rowH = std::max(rowH, cards.back().size.height());
                }
                for (std::size_t k = start; k < end; ++k) {
                    const std::size_t v = layer[k];
                    const Card& c = cards[k - start];
                    const qreal sx = x + static_cast<qreal>(k - start) * (slot + 1.5 * u_);
                    rect[v] = QRectF(sx + (slot - c.size.width()) / 2, cy, c.size.width(),
                                     c.size.height());
                    placeCard(c, rect[v].topLeft(), c.size.width(), toneOf(nodes[v]),
                              shapeOf(nodes[v]), true);
                }
                int lane = 0;
                for (std::size_t k = start; k < end; ++k) {
                    rowBottom[layer[k]] = cy + rowH;
                    busSlot[layer[k]] = succs[layer[k]].empty() ? 0 : lane++;
                }
                cy += rowH + gapD;
            }
        }
        used = cy - gapD - y;
    }
    // Edges, with labels on the segment that enters the target.
    for (const auto& e : edges) {
        const auto a = index.find(e.value("from", std::string()));
        const auto b = index.find(e.value("to", std::string()));
        if (a == index.end() || b == index.end() || a->second == b->second) {
            continue;
        }
        const QRectF& ra = rect[a->second];
        const QRectF& rb = rect[b->second];
        QPolygonF pts;
        QPointF labelAt;
        if (right && rb.left() > ra.right()) {
            // The trunk stands near the source side of the gap before the target's column, so
            // fan-outs share one trunk and the last segment has room for the label.
            const qreal colLeft = x + static_cast<qreal>(rank[b->second]) * (colW + gapR);
            const qreal mx = std::max(ra.right() + u_, colLeft - gapR + 1.5 * u_);
            pts << QPointF(ra.right(), ra.center().y()) << QPointF(mx, ra.center().y())
                << QPointF(mx, rb.center().y()) << QPointF(rb.left(), rb.center().y());
            labelAt = QPointF((mx + rb.left()) / 2, rb.center().y());
        } else if (!right && rb.top() > ra.bottom()) {
            // The bus runs just below the source; labels sit on the drop into each target.
            const qreal my =
                rowBottom[a->second] + std::min<qreal>((1 + 0.6 * busSlot[a->second]) * u_,
                                                       (rb.top() - rowBottom[a->second]) / 3);
            // A drop that would pass through another node (the target is in a wrapped second
            // row of its layer, or further down) goes down a free gap beside the nodes instead,
            // then across just above its target, where its label sits.
            auto blocked = [&](qreal gx, qreal y0, qreal y1) {
                for (std::size_t v = 0; v < n; ++v) {
                    if (v != b->second && rect[v].top() < y1 && rect[v].bottom() > y0 &&
                        gx > rect[v].left() - 0.4 * u_ && gx < rect[v].right() + 0.4 * u_) {
                        return true;
                    }
                }
                return false;
            };
            const qreal cx = rb.center().x();
            const qreal labelH = e.contains("label") ? 2 * QFontMetricsF(small_).height() : 0;
            const qreal turn = std::max(my + u_, rb.top() - labelH - 1.5 * u_);
            if (blocked(cx, my, rb.top())) {
                std::vector<qreal> gaps = {x - 0.5 * u_, x + w + 0.5 * u_};
                for (std::size_t v = 0; v < n; ++v) {
                    gaps.push_back(rect[v].left() - 0.75 * u_);
                    gaps.push_back(rect[v].right() + 0.75 * u_);
                }
                std::sort(gaps.begin(), gaps.end(), [&](qreal g1, qreal g2) {
                    return std::abs(g1 - cx) < std::abs(g2 - cx);
                });
                for (qreal g : gaps) {
                    if (!blocked(g, my, turn) && !blocked(cx, turn, rb.top())) {
                        pts << QPointF(ra.center().x(), ra.bottom()) << QPointF(ra.center().x(), my)
                            << QPointF(g, my) << QPointF(g, turn) << QPointF(cx, turn)
                            << QPointF(cx, rb.top());
                        labelAt = QPointF(cx, (turn + rb.top()) / 2);
                        break;
                    }
                }
            }
            if (pts.isEmpty()) {
                pts << QPointF(ra.center().x(), ra.bottom()) << QPointF(ra.center().x(), my)
                    << QPointF(cx, my) << QPointF(cx, rb.top());
                labelAt = QPointF(cx, (my + rb.top()) / 2);
            }
        } else if (right && rb.right() < ra.left()) {
            // A back edge (a reply): under both nodes, so it never hides a forward arrow.
            const qreal below = std::max(ra.bottom(), rb.bottom()) + 1.5 * u_;
            pts << QPointF(ra.center().x(), ra.bottom()) << QPointF(ra.center().x(), below)
                << QPointF(rb.center().x(), below) << QPointF(rb.center().x(), rb.bottom());
            labelAt = QPointF((ra.center().x() + rb.center().x()) / 2, below);
            used = std::max(used, below + u_ + (e.contains("label") ? 0.6 * body_ : 0) - y);
        } else { // same rank or backwards: a straight arrow between the nearest sides
            const QLineF l(ra.center(), rb.center());
            pts << l.pointAt(0.25) << l.pointAt(0.75);
            labelAt = l.center();
        }
        arrow(pts);
        if (e.contains("label")) {
            // Downwards, a label sits above its target: no wider than the target's slot, so the
            // labels of siblings never run into each other.
            const qreal maxW =
                right ? 10 * body_ : std::clamp(rb.width() + u_, 4 * body_, 10 * body_);
            const TextBlock lb = text(e["label"], small_, maxW);
            QPointF at = labelAt - QPointF(lb.size.width() / 2, lb.size.height() / 2);
            // Halfway down a long drop the label may stand beside other nodes, wider than the gap
            // the drop runs in (a flowchart's "Full-text search needed?" lay over two shapes
            // in the projector theme at 1280x800), or reach into its target (three lines where
            // two were planned): then it sits just above its target.
            if (!right) {
                const QRectF mine(at, lb.size);
                bool crowded = mine.bottom() > rb.top() - 0.25 * u_;
                for (std::size_t v = 0; v < n && !crowded; ++v) {
                    crowded = v != b->second && rect[v].intersects(mine);
                }
                if (crowded) {
                    at.setY(rb.top() - lb.size.height() - 0.5 * u_);
                }
            }
            put(lb, at, theme_.text, theme_.background);
        }
    }
    return used;
}

} // namespace fg
