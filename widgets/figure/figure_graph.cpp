// The tree-shaped parts of a figure: top-down, or indented when too wide (flows are in
// figure_flow.cpp).
#include "widgets/figure/figure_layout.h"
#include "widgets/figure/figure_nodes.h"

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

const nlohmann::json& children(const nlohmann::json& n) {
    static const nlohmann::json empty = nlohmann::json::array();
    return n.contains("children") && n["children"].is_array() ? n["children"] : empty;
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
    const json& kids = children(node);
    // Leaves that would leave most of a wide room empty beside them (Scenario 5's seven stores on
    // a 1720 px slide: a list 500 px wide and 80% of the slide tall) go in two columns, each with
    // its own stem, the first holding the first half.
    bool leaves = kids.size() >= 4;
    qreal leafWidth = 0;
    for (const auto& c : kids) {
        leaves = leaves && children(c).empty();
        leafWidth = std::max(leafWidth, cardNaturalWidth(c.value("label", json("")),
                                                         c.value("lines", json::array())) +
                                            markerW);
    }
    const qreal gap = 2 * u_;
    const int columns = leaves && 2 * (indent + leafWidth) + gap <= w ? 2 : 1;
    const std::size_t perColumn = (kids.size() + std::size_t(columns) - 1) / std::size_t(columns);
    const qreal columnW = (w - gap * (columns - 1)) / columns;
    const qreal stemTop = y + used + 0.2 * u_;
    qreal deepest = used;
    for (int col = 0; col < columns; ++col) {
        const qreal left = x + col * (columnW + gap);
        const qreal stemX = left + 0.6 * u_;
        qreal at = used;
        qreal lastMid = stemTop;
        const std::size_t first = std::size_t(col) * perColumn;
        for (std::size_t i = first; i < std::min(kids.size(), first + perColumn); ++i) {
            at += 0.5 * u_;
            const qreal cy = y + at;
            const qreal mid = cy + QFontMetricsF(font_).height() / 2;
            out_.lines.push_back(
                {QPolygonF() << QPointF(stemX, mid) << QPointF(left + indent - 0.4 * u_, mid),
                 theme_.line, std::max<qreal>(1, theme_.lineWidth * 0.75), false});
            lastMid = mid;
            at += treeIndented(kids[i], left + indent, cy, columnW - indent, depth + 1);
        }
        if (lastMid > stemTop) {
            out_.lines.push_back({QPolygonF() << QPointF(stemX, stemTop) << QPointF(stemX, lastMid),
                                  theme_.line, std::max<qreal>(1, theme_.lineWidth * 0.75), false});
        }
        deepest = std::max(deepest, at);
    }
    return deepest;
}

} // namespace fg
