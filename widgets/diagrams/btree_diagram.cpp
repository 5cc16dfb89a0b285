#include "diagrams/btree_diagram.h"

#include <QFontMetricsF>
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace fg {

using btree::Key;
using btree::NodeId;
using btree::StepKind;

BTreeDiagram::BTreeDiagram(btree::Params params, std::vector<btree::Op> ops)
    : timeline_(btree::BTreeEngine(params), btree::BTreeEngine(params).emptyState(),
                std::move(ops)) {}

QString BTreeDiagram::narration(int position) const {
    if (position < 0 || position >= stepCount()) {
        return {};
    }
    return QString::fromStdString(timeline_.step(static_cast<std::size_t>(position)).text);
}

Frame BTreeDiagram::frame(int position, const Theme& theme) const {
    if (position < 0 || timeline_.size() == 0) {
        return layout(timeline_.initialState(), nullptr, theme);
    }
    const auto i = static_cast<std::size_t>(std::min(position, stepCount() - 1));
    return layout(timeline_.stateAfter(i), &timeline_.step(i), theme);
}

namespace {

struct Geometry {
    qreal cellW, cellH, pad, gap, levelH, fontPx;
};

struct Placed {
    NodeId id;
    int depth;
    QRectF rect;
};

// Subtree widths, then positions: a node centred over its children, subtrees side by side.
class TreePlacer {
public:
    TreePlacer(const btree::NodeStore& ns, const Geometry& g) : ns_(ns), g_(g) {}

    qreal nodeWidth(NodeId id) const { return std::max(1, ns_.size(id)) * g_.cellW + 2 * g_.pad; }
    qreal measure(NodeId id) {
        qreal kids = 0;
        const auto ch = ns_.children(id);
        for (NodeId c : ch) {
            kids += measure(c);
        }
        if (!ch.empty()) {
            kids += g_.gap * static_cast<qreal>(ch.size() - 1);
        }
        const qreal w = std::max(nodeWidth(id), kids);
        width_[id] = w;
        return w;
    }
    void place(NodeId id, qreal left, int depth, std::vector<Placed>& out) {
        const auto ch = ns_.children(id);
        qreal kids = 0;
        for (NodeId c : ch) {
            kids += width_[c];
        }
        if (!ch.empty()) {
            kids += g_.gap * static_cast<qreal>(ch.size() - 1);
        }
        qreal x = left + (width_[id] - kids) / 2;
        for (NodeId c : ch) {
            place(c, x, depth + 1, out);
            x += width_[c] + g_.gap;
        }
        const qreal w = nodeWidth(id);
        out.push_back(
            {id, depth,
             QRectF(left + (width_[id] - w) / 2, depth * g_.levelH, w, g_.cellH + 2 * g_.pad)});
    }

private:
    const btree::NodeStore& ns_;
    const Geometry& g_;
    std::unordered_map<NodeId, qreal> width_;
};

} // namespace

Frame BTreeDiagram::layout(const btree::State& state, const btree::Step* step, const Theme& theme) {
    const auto& ns = state.nodes;
    // Key cells wide enough for the longest key in the tree.
    int digits = 2;
    for (std::size_t id = 0; id < ns.idsIssued(); ++id) {
        if (!ns.live(static_cast<NodeId>(id))) {
            continue;
        }
        for (Key k : ns.keys(static_cast<NodeId>(id))) {
            digits = std::max(digits, static_cast<int>(std::to_string(k).size()));
        }
    }
    Geometry g;
    g.fontPx = 15 * theme.fontScale;
    g.cellW = std::max(2.4, 0.66 * digits + 1.0) * g.fontPx;
    g.cellH = 1.9 * g.fontPx;
    g.pad = 0.25 * g.fontPx;
    g.gap = 0.9 * g.fontPx;
    g.levelH = g.cellH + 2 * g.pad + 2.4 * g.fontPx;

    TreePlacer placer(ns, g);
    const qreal total = placer.measure(state.root);
    std::vector<Placed> placed;
    placer.place(state.root, 0, 0, placed);
    std::unordered_map<NodeId, QRectF> rectOf;
    int height = 0;
    for (const auto& p : placed) {
        rectOf[p.id] = p.rect;
        height = std::max(height, p.depth + 1);
    }

    // What this step is about.
    std::unordered_set<NodeId> path, lit;
    std::unordered_set<Key> litKeys, goodKeys;
    NodeId newNode = btree::kNoNode, grewFrom = btree::kNoNode;
    bool warnNode = false;
    if (step) {
        path.insert(step->path.begin(), step->path.end());
        if (step->node != btree::kNoNode) {
            lit.insert(step->node);
        }
        if (step->moved) {
            litKeys.insert(*step->moved);
        }
        switch (step->kind) {
        case StepKind::kOverflow:
        case StepKind::kUnderflow:
            warnNode = true;
            break;
        case StepKind::kSplit:
            newNode = step->other;
            grewFrom = step->node;
            lit.insert(step->other);
            break;
        case StepKind::kNewRoot:
            newNode = step->node;
            grewFrom = step->other;
            break;
        case StepKind::kFound:
        case StepKind::kInsertLeaf:
        case StepKind::kDuplicate:
        case StepKind::kRemoveLeaf:
            goodKeys.insert(step->key);
            break;
        case StepKind::kRangeVisit:
        case StepKind::kRangeDone:
            goodKeys.insert(step->keys.begin(), step->keys.end());
            break;
        case StepKind::kDescend:
            if (step->other != btree::kNoNode) {
                lit.insert(step->other);
            }
            break;
        default:
            break;
        }
    }

    Frame f;
    f.size = QSizeF(std::max<qreal>(total, 4 * g.cellW),
                    height * g.levelH - (g.levelH - g.cellH - 2 * g.pad));
    const qreal line = theme.lineWidth;
    for (const auto& p : placed) {
        const bool isLit = lit.count(p.id) > 0;
        FrameItem node;
        node.id = QStringLiteral("node:%1").arg(p.id);
        node.rect = p.rect;
        node.fill =
            warnNode && p.id == step->node ? theme.toneFill(QStringLiteral("warn")) : theme.surface;
        node.stroke = warnNode && p.id == step->node ? theme.warn
                      : isLit || path.count(p.id)    ? theme.accent
                                                     : theme.line;
        node.strokeWidth = isLit ? 2.5 * line : line;
        node.radius = 5;
        node.z = 1;
        if (p.id == newNode && grewFrom != btree::kNoNode) {
            node.origin = QStringLiteral("node:%1").arg(grewFrom);
        }
        f.items.push_back(node);
        const auto keys = ns.keys(p.id);
        for (int i = 0; i < static_cast<int>(keys.size()); ++i) {
            FrameItem cell;
            cell.id = QStringLiteral("key:%1").arg(keys[static_cast<std::size_t>(i)]);
            cell.rect =
                QRectF(p.rect.left() + g.pad + i * g.cellW, p.rect.top() + g.pad, g.cellW, g.cellH)
                    .adjusted(1, 1, -1, -1);
            const Key k = keys[static_cast<std::size_t>(i)];
            cell.fill = litKeys.count(k)    ? theme.highlight
                        : goodKeys.count(k) ? theme.toneFill(QStringLiteral("good"))
                                            : theme.toneFill(QStringLiteral("a"));
            cell.stroke = goodKeys.count(k) ? theme.good : theme.toneStroke(QStringLiteral("a"));
            cell.strokeWidth = goodKeys.count(k) || litKeys.count(k) ? 2 * line : 1;
            cell.text = QString::number(k);
            cell.textColor = theme.text;
            cell.fontPx = g.fontPx;
            cell.bold = litKeys.count(k) || goodKeys.count(k);
            cell.radius = 3;
            cell.z = 2;
            f.items.push_back(cell);
        }
        const auto kids = ns.children(p.id);
        for (int i = 0; i < static_cast<int>(kids.size()); ++i) {
            const NodeId c = kids[static_cast<std::size_t>(i)];
            const QRectF cr = rectOf[c];
            FrameItem edge;
            edge.kind = FrameItem::Kind::Line;
            edge.id = QStringLiteral("edge:%1-%2").arg(p.id).arg(c);
            edge.line = QLineF(p.rect.left() + g.pad + i * g.cellW, p.rect.bottom(),
                               cr.center().x(), cr.top());
            const bool onPath = path.count(p.id) && (path.count(c) || lit.count(c));
            edge.stroke = onPath ? theme.accent : theme.line;
            edge.strokeWidth = onPath ? 2.5 * line : line;
            edge.arrow = true;
            edge.z = 0;
            f.items.push_back(edge);
        }
    }
    return f;
}

} // namespace fg
