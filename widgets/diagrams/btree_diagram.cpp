#include "widgets/diagrams/btree_diagram.h"

#include "widgets/diagrams/btree_leaf_chain.h"
#include "widgets/diagrams/btree_placer.h"
#include "widgets/diagrams/spoken_state.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <algorithm>
#include <limits>
#include <optional>
#include <span>
#include <unordered_map>
#include <unordered_set>

namespace fg {

using btree::Key;
using btree::NodeId;
using btree::StepKind;

BTreeDiagram::BTreeDiagram(btree::Params params, std::vector<btree::Op> ops,
                           std::optional<KeepOnly> only, BuildWatch* watch)
    : TimelineSource(btree::BTreeEngine(params), btree::BTreeEngine(params).emptyState(),
                     std::move(ops), only, watch) {}

Frame BTreeDiagram::layoutState(const State& state, const Step* step, const Theme& theme) const {
    return layout(state, step, theme);
}

namespace btree_draw {
namespace {

// What this file draws goes to translators under fg::BTreeDiagram (lupdate and tr() agree).
struct BTreeWords {
    Q_DECLARE_TR_FUNCTIONS(fg::BTreeDiagram)
};

// How wide a key cell must be, and whether the tree needs level of detail.
struct KeyCensus {
    int digits = 2; // the longest key's length in characters (at least 2)
    std::size_t total = 0;
};

// The keys are in order: the longest is the smallest or the largest one (a minus sign counts),
// found down the tree's left and right edges; the count is the state's own. (Reading every key
// took ~100,000 number-to-text conversions per frame of the 100,000-key tree.)
KeyCensus countKeys(const btree::State& state) {
    const auto& ns = state.nodes;
    KeyCensus c;
    c.total = static_cast<std::size_t>(std::max<std::int64_t>(0, state.stats.keys));
    for (const bool right : {false, true}) {
        NodeId id = state.root;
        while (!ns.children(id).empty()) {
            const auto ch = ns.children(id);
            id = right ? ch.back() : ch.front();
        }
        const auto keys = ns.keys(id);
        if (!keys.empty()) {
            const Key k = right ? keys.back() : keys.front();
            c.digits = std::max(c.digits, charactersOf(k));
        }
    }
    return c;
}

// Cells wide enough for keys of `digits` characters, in the theme's type size; a B+-tree's nodes
// further apart, for the arrows of its leaf chain.
Geometry geometryFor(int digits, bool bplus, const Theme& theme) {
    Geometry g;
    g.fontPx = 15 * theme.fontScale;
    g.cellW = cellWidthFor(digits, g.fontPx);
    g.cellH = 1.9 * g.fontPx;
    g.pad = 0.25 * g.fontPx;
    g.gap = (bplus ? 1.8 : 0.9) * g.fontPx;
    g.levelH = g.cellH + 2 * g.pad + 2.4 * g.fontPx;
    return g;
}

// What a step is about, as the drawing shows it.
struct Highlights {
    std::unordered_set<NodeId> path;  // nodes read on the way: accent outline and edges
    std::unordered_set<NodeId> lit;   // nodes the step acts on: thick accent outline
    std::unordered_set<Key> litKeys;  // the key that moves: highlighted cell
    std::unordered_set<Key> goodKeys; // keys found, inserted, removed or returned: good tone
    NodeId newNode = btree::kNoNode;  // a node the step made...
    NodeId grewFrom = btree::kNoNode; // ...grows out of this one
    NodeId warnNode = btree::kNoNode; // overflowing or underflowing: warn tone
    NodeId linkFrom = btree::kNoNode; // a B+-tree's range scan follows the right-link...
    NodeId linkTo = btree::kNoNode;   // ...from this leaf to that one
};

Highlights highlightsOf(const btree::Step* step) {
    Highlights h;
    if (!step) {
        return h;
    }
    h.path.insert(step->path.begin(), step->path.end());
    if (step->node != btree::kNoNode) {
        h.lit.insert(step->node);
    }
    if (step->moved) {
        h.litKeys.insert(*step->moved);
    }
    switch (step->kind) {
    case StepKind::kOverflow:
    case StepKind::kUnderflow:
        h.warnNode = step->node;
        break;
    case StepKind::kSplit:
    case StepKind::kLeafSplit:
        h.newNode = step->other;
        h.grewFrom = step->node;
        h.lit.insert(step->other);
        break;
    case StepKind::kNewRoot:
        h.newNode = step->node;
        h.grewFrom = step->other;
        break;
    case StepKind::kFound:
    case StepKind::kInsertLeaf:
    case StepKind::kDuplicate:
    case StepKind::kRemoveLeaf:
        h.goodKeys.insert(step->key);
        break;
    case StepKind::kRangeVisit:
        h.goodKeys.insert(step->keys.begin(), step->keys.end());
        h.linkFrom = step->other;
        h.linkTo = step->other == btree::kNoNode ? btree::kNoNode : step->node;
        break;
    case StepKind::kRangeDone:
        h.goodKeys.insert(step->keys.begin(), step->keys.end());
        break;
    case StepKind::kDescend:
        if (step->other != btree::kNoNode) {
            h.lit.insert(step->other);
        }
        break;
    default:
        break;
    }
    return h;
}

// The sets level of detail keeps whole (Geometry points into them).
struct Detail {
    std::unordered_set<NodeId> expanded;
    std::unordered_set<Key> marked;
};

// Level of detail for big trees: the nodes the step is about keep their keys, and so do the keys
// it lights, and the nodes on the way from the root to its key; the other nodes shrink to boxes
// naming their range.
void useLevelOfDetail(Geometry& g, Detail& detail, const Highlights& h, int digits,
                      const btree::Step* step, const btree::State& state) {
    const btree::NodeStore& ns = state.nodes;
    const NodeId root = state.root;
    // The root always shows its keys and children: a step about no node in particular (the bulk
    // insert) drew the whole tree as one box naming its range, a lone chip in the view.
    detail.expanded.insert(root);
    detail.expanded.insert(h.path.begin(), h.path.end());
    detail.expanded.insert(h.lit.begin(), h.lit.end());
    detail.marked = h.litKeys;
    detail.marked.insert(h.goodKeys.begin(), h.goodKeys.end());
    g.compactW = 2 * (0.62 * digits + 1.2) * g.fontPx * 0.9;
    g.expanded = &detail.expanded;
    g.marked = &detail.marked;
    if (!step || step->kind == StepKind::kRandomKeys) {
        return;
    }
    // The way down from the root to `k`, every node on it with its keys: an insert lit its leaf
    // alone, and the leaf stayed hidden under its parent's range box (the 100,000-key tree's
    // "Insert 7000560 into leaf [...]" showed the root and two boxes). A B+-tree's key is in a
    // leaf, right of a separator equal to it.
    const auto openWayTo = [&](Key k) {
        for (NodeId x = root;;) {
            detail.expanded.insert(x);
            const int i = state.bplus ? ns.upperBound(x, k) : ns.lowerBound(x, k);
            if (ns.leaf(x) || (!state.bplus && i < ns.size(x) && ns.key(x, i) == k)) {
                return;
            }
            x = ns.child(x, i);
        }
    };
    if (state.bplus &&
        (step->kind == StepKind::kRangeVisit || step->kind == StepKind::kRangeDone)) {
        // Leaves met along the chain: the way down to the first and last of them.
        const auto keys = step->kind == StepKind::kRangeVisit ? ns.keys(step->node)
                                                              : std::span<const Key>(step->keys);
        if (!keys.empty()) {
            openWayTo(keys.front());
            openWayTo(keys.back());
            g.focusKey = keys.front();
        }
        return;
    }
    switch (step->kind) {
    case StepKind::kOverflow:
    case StepKind::kSplit:
    case StepKind::kLeafSplit:
    case StepKind::kPromote:
    case StepKind::kNewRoot:
    case StepKind::kUnderflow:
    case StepKind::kBorrow:
    case StepKind::kLeafBorrow:
    case StepKind::kMerge:
    case StepKind::kLeafMerge:
    case StepKind::kShrink:
        // About nodes, not a key (its key is unset: the way to key 0 drew the leftmost branch
        // at every split): the way to each node it names, by the node's first key.
        for (const std::vector<Key>* keys : {&step->keys, &step->otherKeys}) {
            if (!keys->empty()) {
                openWayTo(keys->front());
            }
        }
        if (step->moved) {
            g.focusKey = *step->moved;
        } else if (!step->keys.empty()) {
            g.focusKey = step->keys[step->keys.size() / 2];
        }
        break;
    default:
        g.focusKey = step->key;
        openWayTo(step->key);
        break;
    }
}

// The edge into a placed node (or mark) from its parent, which sits at `parentRect`: from the key
// boundary the child hangs under to the child's top; accent along the step's path.
FrameItem edgeItem(const Placed& p, const QRectF& parentRect, const TreePlacer& placer,
                   const Highlights& h, const Theme& theme) {
    const bool onPath = p.id != btree::kNoNode && h.path.count(p.parent) &&
                        (h.path.count(p.id) || h.lit.count(p.id));
    FrameItem edge;
    edge.kind = FrameItem::Kind::Line;
    edge.id = p.id == btree::kNoNode
                  ? QStringLiteral("edge:%1-more%2").arg(p.parent).arg(p.childIndex)
                  : QStringLiteral("edge:%1-%2").arg(p.parent).arg(p.id);
    // The arrow's tip on the outside of the child's outline (as wide as nodeItem draws it): the
    // child is drawn over its edge, and the half of its border outside the box hid the head.
    const qreal childOutline =
        p.id == btree::kNoNode ? 0 : (h.lit.count(p.id) ? 2.5 : 1.0) * theme.lineWidth / 2;
    edge.line = QLineF(parentRect.left() + placer.boundaryX(p.parent, p.childIndex),
                       parentRect.bottom(), p.rect.center().x(), p.rect.top() - childOutline);
    edge.stroke = onPath ? theme.accent : theme.line;
    edge.strokeWidth = onPath ? 2.5 * theme.lineWidth : theme.lineWidth;
    edge.arrow = p.id != btree::kNoNode;
    edge.z = 0;
    return edge;
}

// "... n more": the siblings a mark stands for.
FrameItem moreItem(const Placed& p, const Geometry& g, const Theme& theme) {
    FrameItem more;
    more.kind = FrameItem::Kind::Text;
    more.id = QStringLiteral("more:%1:%2").arg(p.parent).arg(p.childIndex);
    more.rect = p.rect;
    more.text = BTreeWords::tr("… %1 more").arg(p.count);
    more.textColor = theme.mutedText;
    more.fontPx = g.fontPx * 0.9;
    more.z = 1;
    // As wide as its words, growing to the right of where the siblings would be: the slot of a
    // mark is narrower than "... 45 more", which was cut at both ends (".. 45 mor").
    const qreal need = frameTextSize(more).width() + g.fontPx * 0.5;
    if (need > more.rect.width()) {
        more.rect.setWidth(need);
    }
    return more;
}

// A node's box; a compact node (level of detail) names its key range in it instead of cells.
FrameItem nodeItem(const Placed& p, std::span<const Key> keys, bool isCompact,
                   std::pair<Key, Key> range, const Highlights& h, const Geometry& g,
                   const Theme& theme) {
    const qreal line = theme.lineWidth;
    const bool isLit = h.lit.count(p.id) > 0;
    const bool warn = p.id == h.warnNode;
    FrameItem node;
    node.id = QStringLiteral("node:%1").arg(p.id);
    node.rect = p.rect;
    node.fill = warn ? theme.toneFill(QStringLiteral("warn")) : theme.surface;
    node.stroke = warn ? theme.warn : isLit || h.path.count(p.id) ? theme.accent : theme.line;
    node.strokeWidth = isLit ? 2.5 * line : line;
    // Too full or too empty: a broken outline too, not its colour alone.
    node.penStyle = warn ? Qt::DashLine : Qt::SolidLine;
    node.radius = 5;
    node.z = 1;
    if (p.id == h.newNode && h.grewFrom != btree::kNoNode) {
        node.origin = QStringLiteral("node:%1").arg(h.grewFrom);
    }
    if (isCompact && !keys.empty()) {
        // The range of keys under it (its subtree's, not its own keys: the root's right child,
        // one key, read "8260620-8260620" over half the tree, a tester), and a mark when its
        // subtree is not drawn.
        // One key is said once ("4242650-4242650" read as a range, a tester).
        const QString keysText =
            range.first == range.second
                ? QString::number(range.first)
                : QStringLiteral("%1\u2013%2").arg(range.first).arg(range.second);
        node.text = keysText + (p.count > 0 ? QStringLiteral(" \u25BE") : QString());
        node.toolTip =
            p.count > 0
                ? BTreeWords::tr("Keys %1 to %2 are in this node and the nodes under it, not "
                                 "drawn at this size: zoom in, or step to a key there.")
                      .arg(range.first)
                      .arg(range.second)
            : range.first == range.second
                ? BTreeWords::tr("Key %1").arg(range.first)
                : BTreeWords::tr("Keys %1 to %2").arg(range.first).arg(range.second);
        node.textColor = theme.mutedText;
        node.fontPx = g.fontPx * 0.9;
        node.mono = true;
    }
    return node;
}

// The key cells of an expanded node, along `cellPlan` (see TreePlacer::cells): one cell per key
// (named by its key, so a key that moves slides), a counted gap for keys left out.
// A B+-tree's inner node (`separators`) draws its keys as separators (markSeparator).
void addKeyCells(Frame& f, const Placed& p, std::span<const Key> keys,
                 const std::vector<int>& cellPlan, const Highlights& h, const Geometry& g,
                 bool separators, const Theme& theme) {
    const qreal line = theme.lineWidth;
    qreal x = p.rect.left() + g.pad;
    for (int j = 0; j < static_cast<int>(cellPlan.size()); ++j) {
        const qreal w = g.widthOf(keys, cellPlan[std::size_t(j)]);
        const QRectF slot = QRectF(x, p.rect.top() + g.pad, w, g.cellH).adjusted(1, 1, -1, -1);
        x += w;
        if (cellPlan[std::size_t(j)] < 0) { // keys left out, counted
            FrameItem gap;
            gap.kind = FrameItem::Kind::Text;
            gap.id = QStringLiteral("gap:%1:%2").arg(p.id).arg(j);
            gap.rect = slot;
            gap.text = QStringLiteral("\u2026%1").arg(-cellPlan[std::size_t(j)]);
            gap.textColor = theme.mutedText;
            gap.fontPx = g.fontPx * 0.9;
            gap.z = 2;
            f.items.push_back(gap);
            continue;
        }
        const Key k = keys[static_cast<std::size_t>(cellPlan[std::size_t(j)])];
        const bool lit = h.litKeys.count(k) > 0;
        const bool good = h.goodKeys.count(k) > 0;
        FrameItem cell;
        cell.id = QStringLiteral("key:%1").arg(k);
        cell.rect = slot;
        cell.fill = lit    ? theme.highlight
                    : good ? theme.toneFill(QStringLiteral("good"))
                           : theme.toneFill(QStringLiteral("a"));
        cell.stroke = good ? theme.good : theme.toneStroke(QStringLiteral("a"));
        cell.strokeWidth = good || lit ? 2 * line : 1;
        cell.text = QString::number(k);
        cell.textColor = theme.text;
        cell.fontPx = g.fontPx;
        cell.bold = lit || good;
        cell.radius = 3;
        cell.z = 2;
        if (separators) {
            markSeparator(cell, k, lit, theme);
        }
        f.items.push_back(cell);
    }
}

// The keys under a compact node: its leftmost leaf's first to its rightmost's last (a B+-tree's
// leaf may be empty: then the node's own first or last key, a separator, stands for it).
std::pair<Key, Key> keysUnder(const btree::NodeStore& ns, NodeId id) {
    NodeId lo = id, hi = id;
    while (!ns.leaf(lo)) {
        lo = ns.children(lo).front();
    }
    while (!ns.leaf(hi)) {
        hi = ns.children(hi).back();
    }
    return {ns.size(lo) > 0 ? ns.keys(lo).front() : ns.keys(id).front(),
            ns.size(hi) > 0 ? ns.keys(hi).back() : ns.keys(id).back()};
}

// A B+-tree's leaf chain, and under a tree of more than one level, when it is as wide, the lines
// saying what its dashed keys and arrows are (the frame grows to hold them; wider than a small
// tree, they shrank it to fit a view).
void addBPlusMarks(Frame& f, const btree::State& state,
                   const std::unordered_map<NodeId, QRectF>& rectOf, const Highlights& h,
                   const Geometry& g, const Theme& theme) {
    addLeafChain(f, state.nodes, rectOf, {h.linkFrom, h.linkTo, &h.path, &h.lit}, 0.8 * g.gap,
                 theme);
    if (state.nodes.leaf(state.root)) {
        return;
    }
    const QRectF tree = f.extent();
    const FrameItem legend =
        legendItem(tree.center().x(), tree.bottom() + 0.8 * g.fontPx, 0.9 * g.fontPx, theme);
    if (legend.rect.width() > tree.width()) {
        return;
    }
    f.items.push_back(legend);
    const QRectF both = tree.united(legend.rect);
    f.origin = both.topLeft();
    f.size = both.size();
}

} // namespace
} // namespace btree_draw

// Named steps: count the keys (cell width, level of detail), size the cells, read what the step
// is about, place the tree (subtree widths, then positions), then draw each placed node: the edge
// from its parent, its box, its key cells.
Frame BTreeDiagram::layout(const btree::State& state, const btree::Step* step, const Theme& theme) {
    using namespace btree_draw;
    const auto& ns = state.nodes;
    const KeyCensus census = countKeys(state);
    Geometry g = geometryFor(census.digits, state.bplus, theme);
    const Highlights h = highlightsOf(step);
    Detail detail;
    // The whole tree measured once: kept when it is narrow enough to read, measured again with
    // level of detail when not (the placer keeps a reference to `g`, which that changes).
    std::optional<TreePlacer> placing;
    qreal total = 0;
    if (census.total <= kDetailKeys) {
        placing.emplace(ns, g);
        total = placing->measure(state.root);
    }
    if (!placing || total > kReadableWidthEm * g.fontPx) {
        useLevelOfDetail(g, detail, h, census.digits, step, state);
        placing.emplace(ns, g);
        total = placing->measure(state.root);
    }
    TreePlacer& placer = *placing;
    const qreal width = std::max<qreal>(total, 4 * g.cellW); // an empty tree keeps some room...
    std::vector<Placed> placed;
    placer.place(state.root, (width - total) / 2, 0, btree::kNoNode, 0, placed); // ...centred
    // The root's middle at x = 0 in every frame: a run's frames share one camera (runBounds), and
    // a tree laid out from its left edge drew its first small frames in the camera's left third.
    const qreal shift = placed.empty() ? 0 : -placed.front().rect.center().x();
    std::unordered_map<NodeId, QRectF> rectOf;
    int height = 0;
    for (auto& p : placed) {
        p.rect.translate(shift, 0);
        if (p.id != btree::kNoNode) {
            rectOf[p.id] = p.rect;
        }
        height = std::max(height, p.depth + 1);
    }

    Frame f;
    f.size = QSizeF(width, height * g.levelH - (g.levelH - g.cellH - 2 * g.pad));
    f.origin = QPointF(shift, 0);
    for (const auto& p : placed) {
        if (p.parent != btree::kNoNode) {
            f.items.push_back(edgeItem(p, rectOf[p.parent], placer, h, theme));
        }
        if (p.id == btree::kNoNode) {
            f.items.push_back(moreItem(p, g, theme));
            // Its words may reach past the last slot: the drawing's extent takes them in, or a
            // view fitted to it cut them off ("... 45 mor" in the Projector theme).
            const qreal right = f.items.back().rect.right() - f.origin.x();
            f.size.setWidth(std::max(f.size.width(), right));
            continue;
        }
        const auto keys = ns.keys(p.id);
        const bool isCompact = placer.compact(p.id);
        const std::pair<Key, Key> range =
            isCompact && !keys.empty() ? keysUnder(ns, p.id) : std::pair<Key, Key>();
        f.items.push_back(nodeItem(p, keys, isCompact, range, h, g, theme));
        addKeyCells(f, p, keys, isCompact ? std::vector<int>() : placer.cells(p.id), h, g,
                    state.bplus && !ns.leaf(p.id), theme);
    }
    if (state.bplus) {
        addBPlusMarks(f, state, rectOf, h, g, theme);
    }
    return f;
}

QString BTreeDiagram::describe(const State& state) const {
    return spokenBTree(state, timeline().engine().params());
}

} // namespace fg
