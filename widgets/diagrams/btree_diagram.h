// BTreeDiagram: the live B-Tree of the PostgreSQL chapter. It runs the ops through the btree
// engine's Timeline and lays out the tree after any step: nodes as rows of key cells, children
// below their parent, the key a step is about lit up. Key items are named by their key, so a
// median that rises into its parent slides up, and the new right half of a split grows out of the
// node that split.
#pragma once

#include "btree/btree.h"
#include "core/timeline.h"
#include "diagram/diagram_source.h"

#include <vector>

namespace fg {

class BTreeDiagram : public DiagramSource {
public:
    BTreeDiagram(btree::Params params, std::vector<btree::Op> ops);

    int stepCount() const override { return static_cast<int>(timeline_.size()); }
    Frame frame(int position, const Theme& theme) const override;
    QString narration(int position) const override;

    const Timeline<btree::BTreeEngine>& timeline() const { return timeline_; }
    // Lays out `state` with the highlights of `step` (null: none). Exposed for tests.
    static Frame layout(const btree::State& state, const btree::Step* step, const Theme& theme);

private:
    Timeline<btree::BTreeEngine> timeline_;
};

} // namespace fg
