// A B+-tree's own marks on the B-Tree diagram (internal to widgets/diagrams/btree_*.cpp): the leaf
// chain, an arrow from each leaf drawn to the next one (a short arrow out of a leaf whose next
// leaf is not drawn); a separator's key cell, dashed and plain, since it is a copy of a leaf key;
// and two lines under the tree saying what the dashes and arrows mean.
#pragma once

#include "engines/btree/btree_node.h"
#include "models/theme/theme.h"
#include "widgets/canvas/frame.h"

#include <QRectF>
#include <unordered_map>
#include <unordered_set>

namespace fg::btree_draw {

// What of the chain a step is about: the right-link a range scan follows (from -> to), and the
// nodes a finished scan read (a link between two of them is drawn in the accent colour); and the
// nodes drawn with a thick outline (an arrow ends outside it).
struct ChainLit {
    btree::NodeId from = btree::kNoNode;
    btree::NodeId to = btree::kNoNode;
    const std::unordered_set<btree::NodeId>* read = nullptr;
    const std::unordered_set<btree::NodeId>* thick = nullptr;
};

// Adds an arrow "link:<a>-<b>" from each drawn leaf a to its next leaf b when b is drawn, else a
// short one "link:<a>-out" of length `stub`. `drawn`: every placed node's rectangle.
void addLeafChain(Frame& f, const btree::NodeStore& ns,
                  const std::unordered_map<btree::NodeId, QRectF>& drawn, const ChainLit& lit,
                  qreal stub, const Theme& theme);

// Makes `cell`, drawn for key k of an inner node, a separator's: its id is "sep:<k>" (a key of a
// leaf is "key:<k>", and the separator grows out of it when it is copied up), dashed and without
// the key colour (lit: the highlight fill), and its tool tip says what a separator is.
void markSeparator(FrameItem& cell, btree::Key k, bool lit, const Theme& theme);

// The lines under a B+-tree: what the dashed keys and the arrows are. Centred on x = `centreX`,
// their top at `top`.
FrameItem legendItem(qreal centreX, qreal top, qreal fontPx, const Theme& theme);

} // namespace fg::btree_draw
