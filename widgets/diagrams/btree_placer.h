// The B-Tree diagram's placing of nodes (internal to widgets/diagrams/btree_*.cpp): cell sizes,
// level of detail's constants, and TreePlacer, which measures subtrees and then places every node
// (a node centred over its children, subtrees side by side; packed by contours with level of
// detail). A pure function of the tree and the geometry: no painting, no Qt widgets.
#pragma once

#include "engines/btree/btree_node.h"

#include <QRectF>
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <optional>
#include <span>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace fg::btree_draw {

using btree::Key;
using btree::NodeId;

// A key's length in characters (a minus sign counts), without writing it out: the layout asks
// it of every cell it places.
inline int charactersOf(Key key) {
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
inline qreal cellWidthFor(int characters, qreal fontPx) {
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
inline constexpr std::size_t kDetailKeys = 1500;
inline constexpr int kWindow = 1;
// So is a smaller tree too wide to read whole: more than this many font heights wide, fitted to
// a 1920-pixel desk its letters would be under 9 pixels high (the order-64 preset's first split
// drew two 32-key leaves with 5-pixel digits, a tester).
inline constexpr qreal kReadableWidthEm = 200;

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

} // namespace fg::btree_draw
