// Step: one event of a B-tree op, with its sentence and the data a view needs to animate it.
//
// Node ids are stable (see NodeStore), so a view matches the boxes of two frames by id. Fields a
// kind does not use keep their defaults (kNoNode, empty, nullopt). Per kind:
//   descend      node: the inner node read; other: the child entered; compared: keys compared
//                there in order; key: the key sought.
//   insert-leaf  node: the leaf; key; keys: the leaf after the insert.
//   overflow     node: the node holding `order` keys; keys: them; moved: the key it splits around.
//   split        node: the left half (keeps its id); other: the new right half; moved: the median
//                going up; keys/otherKeys: the halves; parent: the node receiving the median, or
//                kNoNode when the root split (a new-root step follows).
//   promote      node: the parent that took the median `moved`; other: the new right child;
//                keys: the parent after.
//   new-root     node: the new root; keys: [moved]; other: the right half; moved.
//   duplicate    node: where the key already sits; key.
//   found        node; key; path: nodes read from the root; compared: all keys compared.
//   not-found    as found, node being the leaf where the search ended (search and remove).
//   range-visit  node: where the walk is; keys: keys it returns there, in order (may be empty);
//                other (B+-tree): the leaf whose right-link led here, else kNoNode.
//   range-done   keys: every key in the range, in order; path: nodes read, in walk order.
//   remove-leaf  node: the leaf; key: the key removed; keys: the leaf after.
//   replace      node: the inner node; key: the key removed; moved: the predecessor (or
//                successor) taking its place; other: the leaf it came from; keys: node after.
//   underflow    node: a non-root node with too few keys; keys: them.
//   borrow       node: the node that was short; other: the sibling lending; parent; moved: the
//                key that came down from the parent; keys/otherKeys: node and sibling after.
//   merge        node: the node that stays (the left one); other: the right one, retired;
//                parent; moved: the separator pulled down; keys: the merged node.
//   shrink       node: the retired root; other: its only child, now the root.
//   random-keys  keys: the keys drawn, in draw order (insert steps for each follow).
// A B+-tree's leaves split, borrow and merge by their own rules (its inner nodes as above):
//   leaf-split   node: the left leaf (keeps its id); other: the new right leaf; moved: the right
//                leaf's first key, copied up as the separator; keys/otherKeys: the halves;
//                parent: the node receiving the copy, or kNoNode when the root leaf split (a
//                new-root step follows; else a promote step).
//   leaf-borrow  node: the leaf that was short; other: the sibling lending; parent; moved: the key
//                that moves over; key: the parent's new separator between the two;
//                keys/otherKeys: leaf and sibling after.
//   leaf-merge   node: the leaf that stays (the left one); other: the right one, retired; parent;
//                moved: the separator dropped from the parent; keys: the merged leaf.
#pragma once

#include "engines/btree/btree_node.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fg::btree {

enum class StepKind {
    kDescend,
    kInsertLeaf,
    kOverflow,
    kSplit,
    kPromote,
    kNewRoot,
    kDuplicate,
    kFound,
    kNotFound,
    kRangeVisit,
    kRangeDone,
    kRemoveLeaf,
    kReplace,
    kUnderflow,
    kBorrow,
    kMerge,
    kShrink,
    kRandomKeys,
    kLeafSplit,
    kLeafBorrow,
    kLeafMerge,
};

// The kind's name in scenario JSON: "descend", "insert-leaf", "new-root", ...
std::string_view kindName(StepKind kind);

struct Step {
    StepKind kind = StepKind::kDescend;
    std::string text; // one plain-English sentence
    Key key = 0;
    NodeId node = kNoNode;
    NodeId other = kNoNode;
    NodeId parent = kNoNode;
    std::optional<Key> moved;
    std::vector<Key> keys;
    std::vector<Key> otherKeys;
    std::vector<Key> compared;
    std::vector<NodeId> path;

    bool operator==(const Step&) const = default;
};

} // namespace fg::btree
