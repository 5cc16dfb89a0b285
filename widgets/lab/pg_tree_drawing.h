// The Lab's two trees drawn with the B-Tree diagram's look (BTreeDiagram::layout, no second tree
// painter): PostgreSQL's real index, its pages turned into the nodes of a B+-tree state (a leaf's
// keys, an internal page's separators and downlinks, the right-links of the leaves as the leaf
// chain), and the model's tree. Over the diagram's drawing: each page's fill as a gauge along its
// bottom edge, a page's high key as a dotted last cell, the right-links above the leaves as
// arrows, and a tool tip per page (block, type, items, free space); the page says what the marks
// mean under the drawings. Level of detail is the diagram's own. Pure functions of the data and the
// theme: no widgets.
#pragma once

#include "engines/btree/btree_state.h"
#include "lab/pg_index.h"
#include "models/theme/theme.h"
#include "widgets/canvas/diagram_source.h"
#include "widgets/canvas/frame.h"
#include "widgets/export/picture_export.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <unordered_map>

namespace fg {

// The index as a B+-tree state, and which page each node is (node id -> block).
struct PgTreeState {
    btree::State state;
    std::unordered_map<btree::NodeId, std::uint32_t> blockOf;
};

// The index's pages reachable from its root as nodes; a high key is kept as the last key of its
// leaf (drawn apart by drawIndex). An index with no root page is an empty leaf.
PgTreeState indexState(const lab::PgIndex& index);

// The way a search for `key` goes down a B+-tree: the nodes read, root first, its last the leaf
// where the key is or would be, and whether that leaf holds it. An empty tree: no nodes.
struct TreeWay {
    std::vector<btree::NodeId> path;
    bool found = false;
};
TreeWay wayTo(const btree::State& state, std::int64_t key);

// Where a drawing looks: the way to `key` keeps its pages' keys in a big tree (level of
// detail); `marked` also draws it as the diagram draws a search (the path in the accent colour,
// the key's cell lit, or its leaf lit when it is not there).
struct TreeFocus {
    std::int64_t key = 0;
    bool marked = false;
};

// The real index as the diagram draws it, with its fill gauges, high keys and right-links.
Frame drawIndex(const lab::PgIndex& index, const Theme& theme,
                std::optional<TreeFocus> focus = std::nullopt);

// The model (the engine's B+-tree as PostgreSQL, lab::modelParams(order)) run on `keys`, and
// drawn with its fill gauges (keys out of order - 1).
btree::State modelState(int order, std::span<const std::int64_t> keys);
Frame drawModel(const btree::State& state, int order, const Theme& theme,
                std::optional<TreeFocus> focus = std::nullopt);

// What a screen reader says of the real index (the canvas's summary), in the B-Tree diagram's
// words: its levels and keys, the root page's separators (or keys), the pages of each level below
// and the range of the leaves' keys (high keys left out), never every page.
QString spokenIndex(const lab::PgIndex& index);

// One picture for a DiagramCanvas: no steps, the frame laid out in the canvas's theme.
class PgFrameSource : public DiagramSource {
public:
    using Layout = std::function<Frame(const Theme&)>;
    void setLayout(Layout layout) { layout_ = std::move(layout); }
    // What a screen reader says of the picture (spokenIndex, spokenBTree), made when one asks.
    using Summary = std::function<QString()>;
    void setSummary(Summary summary) { summary_ = std::move(summary); }
    bool empty() const { return !layout_; }
    int stepCount() const override { return 0; }
    Frame frame(int, const Theme& theme) const override {
        return layout_ ? layout_(theme) : Frame{};
    }
    QString narration(int) const override { return {}; }
    QString summary(int) const override { return summary_ ? summary_() : QString(); }

private:
    Layout layout_;
    Summary summary_;
};

// `frame` fitted into the picture's size, centred (an export of a Lab tree).
PaintFunction framePicture(Frame frame);

} // namespace fg
