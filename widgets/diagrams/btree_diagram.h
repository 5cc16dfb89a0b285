// BTreeDiagram: the live B-Tree of the PostgreSQL chapter. It runs the ops through the btree
// engine's Timeline and lays out the tree after any step: nodes as rows of key cells, children
// below their parent, the key a step is about lit up. Key items are named by their key, so a
// median that rises into its parent slides up, and the new right half of a split grows out of the
// node that split. A B+-tree (State::bplus) also draws its leaf chain, an arrow from each leaf to
// the next, and its inner keys as separators ("sep:<key>", dashed: copies of leaf keys, each
// growing out of the leaf key it copies).
#pragma once

#include "engines/btree/btree.h"
#include "widgets/canvas/timeline_source.h"

#include <vector>

namespace fg {

class BTreeDiagram : public TimelineSource<btree::BTreeEngine> {
public:
    BTreeDiagram(btree::Params params, std::vector<btree::Op> ops,
                 std::optional<KeepOnly> only = std::nullopt, BuildWatch* watch = nullptr);

    // Lays out `state` with the highlights of `step` (null: none). Exposed for tests.
    static Frame layout(const btree::State& state, const btree::Step* step, const Theme& theme);

protected:
    Frame layoutState(const State& state, const Step* step, const Theme& theme) const override;
    QString describe(const State& state) const override;
};

} // namespace fg
