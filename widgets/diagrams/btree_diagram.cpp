#include "widgets/diagrams/btree_diagram.h"

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

namespace {

// A key's length in characters (a minus sign counts), without writing it out: the layout asks
// it of every cell it places.
int charactersOf(Key key) {
    int n = key < 0 ? 2 : 1;
    // The magnitude as unsigned: -(INT64_MIN) does not fit a signed key.
    for (std::uint64_t u = key < 0 ? 0 - static_cast<std::uint64_t>(key)
                                   : static_cast<std::uint64_t>(key);
         u >= 10; u /= 10) {
        ++n;
    }
    return n;
}

// A cell wide enough for a key of `characters`, at least 2.4 letters.
qreal cellWidthFor(int characters, qreal fontPx) {
    return std::max(2.4, 0.66 * characters + 1.0) * fontPx;
}

struct Geometry {
    qreal cellW, cellH, pad, gap, levelH, fontPx;
    // A key's cell: as wide as the key's own digits (one 19-digit key made every cell of the
    // tree that wide, and the tree was shrunk to fit).
    qreal keyWidth(Key key) const { return cellWidthFor(charactersOf(key), fontPx); }
    // A cell's width: key `cell` of `keys`, or a counted gap's (narrower: "...34" is shorter
    // than a key).
    qreal widthOf(std::span<const Key> keys, int cell) const {
        return cell < 0 ? std::min(cellW, 3.0 * fontPx) : keyWidth(keys[std::size_t(cell)]);
    }
    qreal compactW = 0; // > 0: level of detail; nodes not in `expanded` are one box this wide
    const std::unordered_set<NodeId>* expanded = nullptr;
    const std::unordered_set<Key>* marked = nullptr; // keys the step lights: never left out
    std::optional<Key> focusKey;                     // the key the step is about
};

// Past this many keys a tree is drawn with level of detail (focus and context): the nodes the
// step is about keep their key cells; the other nodes are one box naming their key range and
// hide their subtrees; under a node in focus at most kWindow siblings on each side of the focus
// are drawn and the rest are counted in a "... n more" mark. A 100,000-key tree is then a few
// dozen items whatever the step, and its keys stay readable when fitted to a desk's view (with
// six siblings each side, the 100,000-key tree at order 64 drew its keys 3 pixels high).
constexpr std::size_t kDetailKeys = 1500;
constexpr int kWindow = 1;
// So is a smaller tree too wide to read whole: more than this many font heights wide, fitted to
// a 1920-pixel desk its letters would be under 9 pixels high (the order-64 preset's first split
// drew two 32-key leaves with 5-pixel digits, a tester).
constexpr qreal kReadableWidthEm = 200;

// A node in the drawing, or (id == kNoNode) a mark for `count` siblings left out.
struct Placed {
    NodeId id = btree::kNoNode;
    int depth = 0;
    QRectF rect;
    NodeId parent = btree::kNoNode;
    qreal childIndex = 0; // where under the parent's keys the edge starts
    int count = 0;        // siblings a mark stands for; below a node: hidden children
};

struct Slot {
    NodeId id = btree::kNoNode;
    int first = 0, count = 1;
};

// Subtree widths, then positions: a node centred over its children, subtrees side by side.
class TreePlacer {
public:
    TreePlacer(const btree::NodeStore& ns, const Geometry& g) : ns_(ns), g_(g) {}

    bool lod() const { return g_.compactW > 0; }
    bool compact(NodeId id) const { return lod() && !g_.expanded->count(id); }
    // The cells of an expanded node: key indexes, and -n for a run of n keys left out (level of
    // detail keeps the first and last two keys, those around the focus, and the marked ones).
    std::vector<int> cells(NodeId id) const {
        const auto keys = ns_.keys(id);
        const int n = static_cast<int>(keys.size());
        std::vector<int> out;
        if (!lod() || n <= 5) {
            for (int i = 0; i < n; ++i) {
                out.push_back(i);
            }
            return out;
        }
        int focus = -1;
        const auto ch = ns_.children(id);
        for (int i = 0; i < static_cast<int>(ch.size()); ++i) {
            focus = g_.expanded->count(ch[std::size_t(i)]) ? i : focus;
        }
        if (focus < 0 && g_.focusKey) {
            focus = static_cast<int>(std::lower_bound(keys.begin(), keys.end(), *g_.focusKey) -
                                     keys.begin());
        }
        focus = focus < 0 ? n / 2 : focus;
        // The first and last keys (the node's range), and the keys around the focus: the two
        // either side of the edge into the child in focus, or a leaf's key and its neighbours.
        const int after = ch.empty() ? 1 : 0;
        for (int i = 0; i < n; ++i) {
            const bool keep = i == 0 || i == n - 1 || (i >= focus - 1 && i <= focus + after) ||
                              g_.marked->count(keys[std::size_t(i)]);
            if (keep) {
                out.push_back(i);
            } else if (!out.empty() && out.back() < 0) {
                --out.back();
            } else {
                out.push_back(-1);
            }
        }
        return out;
    }
    // Where the boundary before key `index` of an expanded node lies, from the node's left.
    qreal boundaryX(NodeId id, qreal index) const {
        const auto keys = ns_.keys(id);
        qreal x = g_.pad;
        int k = 0; // key index at the current cell
        for (int cell : cells(id)) {
            const int len = cell < 0 ? -cell : 1;
            if (index < k + len || (cell >= 0 && index <= k)) {
                return x + (cell < 0 ? g_.widthOf(keys, cell) * 0.5 : 0);
            }
            k += len;
            x += g_.widthOf(keys, cell);
        }
        return x;
    }
    qreal nodeWidth(NodeId id) const {
        if (compact(id)) {
            return g_.compactW;
        }
        const auto keys = ns_.keys(id);
        qreal w = 0;
        for (int cell : cells(id)) {
            w += g_.widthOf(keys, cell);
        }
        return std::max(w, g_.keyWidth(0)) + 2 * g_.pad;
    }
    qreal slotWidth(const Slot& s) const {
        return s.id == btree::kNoNode ? g_.compactW * 0.6 : width_.at(s.id); // "... 23 more"
    }
    std::vector<Slot> shown(NodeId id) const {
        const auto ch = ns_.children(id);
        const int n = static_cast<int>(ch.size());
        std::vector<Slot> out;
        if (compact(id)) {
            return out; // its subtree is summed up in its box
        }
        std::vector<bool> keep(static_cast<std::size_t>(n), !lod() || n <= 2 * kWindow + 1);
        if (lod() && n > 2 * kWindow + 1) {
            int focus = -1;
            for (int i = 0; i < n; ++i) {
                focus = g_.expanded->count(ch[std::size_t(i)]) ? i : focus;
            }
            for (int i = 0; i < n; ++i) {
                keep[std::size_t(i)] =
                    focus < 0 ? (i < kWindow || i >= n - kWindow) : std::abs(i - focus) <= kWindow;
            }
        }
        for (int i = 0; i < n; ++i) {
            if (keep[std::size_t(i)]) {
                out.push_back({ch[std::size_t(i)], i, 1});
            } else if (!out.empty() && out.back().id == btree::kNoNode) {
                ++out.back().count;
            } else {
                out.push_back({btree::kNoNode, i, 1});
            }
        }
        return out;
    }
    qreal measure(NodeId id) {
        if (lod()) {
            return pack(id).width;
        }
        qreal kids = 0;
        const auto row = shown(id);
        for (const Slot& s : row) {
            kids += s.id == btree::kNoNode ? slotWidth(s) : measure(s.id);
        }
        if (!row.empty()) {
            kids += g_.gap * static_cast<qreal>(row.size() - 1);
        }
        const qreal w = std::max(nodeWidth(id), kids);
        width_[id] = w;
        return w;
    }
    void place(NodeId id, qreal left, int depth, NodeId parent, qreal childIndex,
               std::vector<Placed>& out) {
        if (lod()) {
            placePacked(id, left, depth, parent, childIndex, out);
            return;
        }
        const auto row = shown(id);
        qreal kids = 0;
        for (const Slot& s : row) {
            kids += slotWidth(s);
        }
        if (!row.empty()) {
            kids += g_.gap * static_cast<qreal>(row.size() - 1);
        }
        const qreal w = nodeWidth(id);
        const qreal h = g_.cellH + 2 * g_.pad;
        out.push_back({id, depth, QRectF(left + (width_[id] - w) / 2, depth * g_.levelH, w, h),
                       parent, childIndex,
                       compact(id) ? static_cast<int>(ns_.children(id).size()) : 0});
        qreal x = left + (width_[id] - kids) / 2;
        for (const Slot& s : row) {
            placeSlot(s, x, depth + 1, id, out);
            x += slotWidth(s) + g_.gap;
        }
    }
    // A child of `parent` at `left`: its subtree, or a mark for the siblings left out.
    void placeSlot(const Slot& s, qreal left, int depth, NodeId parent, std::vector<Placed>& out) {
        if (s.id != btree::kNoNode) {
            place(s.id, left, depth, parent, s.first, out);
            return;
        }
        out.push_back({btree::kNoNode, depth,
                       QRectF(left, depth * g_.levelH, slotWidth(s), g_.cellH + 2 * g_.pad), parent,
                       s.first + (s.count - 1) / 2.0, s.count});
    }

private:
    // With level of detail, the siblings beside the path are one box with nothing under them:
    // side by side with whole subtree widths, each row's "... n more" and neighbours stood as far
    // out as the widest row under them, and the 100,000-key tree was as wide as a slide (its
    // letters ~15 px on a 1920x1080 slide). Packed, a subtree is the left and right edges of each
    // of its rows, and a sibling stands as close as every row they share allows (Reingold and
    // Tilford's contours, without their re-centring).
    struct Packed {
        qreal width = 0;
        qreal nodeX = 0;                           // the node's left, from the subtree's left
        std::vector<qreal> slotX;                  // each slot's left, from the subtree's left
        std::vector<std::pair<qreal, qreal>> rows; // per depth: left and right edges
    };
    const Packed& pack(NodeId id) {
        if (const auto it = packed_.find(id); it != packed_.end()) {
            return it->second;
        }
        Packed p;
        std::vector<std::pair<qreal, qreal>> kids; // the children's rows, merged
        for (const Slot& s : shown(id)) {
            std::vector<std::pair<qreal, qreal>> rows;
            if (s.id == btree::kNoNode) {
                rows = {{0, slotWidth(s)}};
            } else {
                rows = pack(s.id).rows;
            }
            qreal x = 0;
            if (!kids.empty()) {
                x = -std::numeric_limits<qreal>::infinity();
                for (std::size_t d = 0; d < std::min(kids.size(), rows.size()); ++d) {
                    x = std::max(x, kids[d].second + g_.gap - rows[d].first);
                }
            }
            for (std::size_t d = 0; d < rows.size(); ++d) {
                const std::pair<qreal, qreal> at{x + rows[d].first, x + rows[d].second};
                if (d < kids.size()) {
                    kids[d] = {std::min(kids[d].first, at.first),
                               std::max(kids[d].second, at.second)};
                } else {
                    kids.push_back(at);
                }
            }
            p.slotX.push_back(x);
        }
        const qreal w = nodeWidth(id);
        p.nodeX = kids.empty() ? 0 : (kids[0].first + kids[0].second - w) / 2;
        p.rows.push_back({p.nodeX, p.nodeX + w});
        p.rows.insert(p.rows.end(), kids.begin(), kids.end());
        qreal least = std::numeric_limits<qreal>::infinity(), most = -least;
        for (const auto& [l, r] : p.rows) {
            least = std::min(least, l);
            most = std::max(most, r);
        }
        p.nodeX -= least;
        for (qreal& x : p.slotX) {
            x -= least;
        }
        for (auto& [l, r] : p.rows) {
            l -= least;
            r -= least;
        }
        p.width = most - least;
        return packed_.emplace(id, std::move(p)).first->second;
    }
    void placePacked(NodeId id, qreal left, int depth, NodeId parent, qreal childIndex,
                     std::vector<Placed>& out) {
        const Packed& p = pack(id);
        const qreal h = g_.cellH + 2 * g_.pad;
        out.push_back({id, depth, QRectF(left + p.nodeX, depth * g_.levelH, nodeWidth(id), h),
                       parent, childIndex,
                       compact(id) ? static_cast<int>(ns_.children(id).size()) : 0});
        const auto row = shown(id);
        for (std::size_t i = 0; i < row.size(); ++i) {
            placeSlot(row[i], left + p.slotX[i], depth + 1, id, out);
        }
    }

    const btree::NodeStore& ns_;
    const Geometry& g_;
    std::unordered_map<NodeId, qreal> width_;
    std::unordered_map<NodeId, Packed> packed_;
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

// Cells wide enough for keys of `digits` characters, in the theme's type size.
Geometry geometryFor(int digits, const Theme& theme) {
    Geometry g;
    g.fontPx = 15 * theme.fontScale;
    g.cellW = cellWidthFor(digits, g.fontPx);
    g.cellH = 1.9 * g.fontPx;
    g.pad = 0.25 * g.fontPx;
    g.gap = 0.9 * g.fontPx;
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
                      const btree::Step* step, const btree::NodeStore& ns, NodeId root) {
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
    // "Insert 7000560 into leaf [...]" showed the root and two boxes).
    const auto openWayTo = [&](Key k) {
        for (NodeId x = root;;) {
            detail.expanded.insert(x);
            const int i = ns.lowerBound(x, k);
            if (ns.leaf(x) || (i < ns.size(x) && ns.key(x, i) == k)) {
                return;
            }
            x = ns.child(x, i);
        }
    };
    switch (step->kind) {
    case StepKind::kOverflow:
    case StepKind::kSplit:
    case StepKind::kPromote:
    case StepKind::kNewRoot:
    case StepKind::kUnderflow:
    case StepKind::kBorrow:
    case StepKind::kMerge:
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
    more.text = QStringLiteral("\u2026 %1 more").arg(p.count);
    more.textColor = theme.mutedText;
    more.fontPx = g.fontPx * 0.9;
    more.z = 1;
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
                ? QStringLiteral("Keys %1 to %2 are in this node and the nodes under it, not "
                                 "drawn at this size: zoom in, or step to a key there.")
                      .arg(range.first)
                      .arg(range.second)
            : range.first == range.second
                ? QStringLiteral("Key %1").arg(range.first)
                : QStringLiteral("Keys %1 to %2").arg(range.first).arg(range.second);
        node.textColor = theme.mutedText;
        node.fontPx = g.fontPx * 0.9;
        node.mono = true;
    }
    return node;
}

// The key cells of an expanded node, along `cellPlan` (see TreePlacer::cells): one cell per key
// (named by its key, so a key that moves slides), a counted gap for keys left out.
void addKeyCells(Frame& f, const Placed& p, std::span<const Key> keys,
                 const std::vector<int>& cellPlan, const Highlights& h, const Geometry& g,
                 const Theme& theme) {
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
        f.items.push_back(cell);
    }
}

} // namespace

// Named steps: count the keys (cell width, level of detail), size the cells, read what the step
// is about, place the tree (subtree widths, then positions), then draw each placed node: the edge
// from its parent, its box, its key cells.
Frame BTreeDiagram::layout(const btree::State& state, const btree::Step* step, const Theme& theme) {
    const auto& ns = state.nodes;
    const KeyCensus census = countKeys(state);
    Geometry g = geometryFor(census.digits, theme);
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
        useLevelOfDetail(g, detail, h, census.digits, step, ns, state.root);
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
            continue;
        }
        const auto keys = ns.keys(p.id);
        const bool isCompact = placer.compact(p.id);
        // The keys under a compact node: its leftmost leaf's first to its rightmost's last.
        std::pair<Key, Key> range;
        if (isCompact && !keys.empty()) {
            NodeId lo = p.id, hi = p.id;
            while (!ns.leaf(lo)) {
                lo = ns.children(lo).front();
            }
            while (!ns.leaf(hi)) {
                hi = ns.children(hi).back();
            }
            range = {ns.keys(lo).front(), ns.keys(hi).back()};
        }
        f.items.push_back(nodeItem(p, keys, isCompact, range, h, g, theme));
        addKeyCells(f, p, keys, isCompact ? std::vector<int>() : placer.cells(p.id), h, g, theme);
    }
    return f;
}

} // namespace fg
