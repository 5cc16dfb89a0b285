// Run: the working context of one BTreeEngine::apply call, shared by the files that implement the
// ops (insert, search, range, remove). Internal to the engine: views use btree.h.
//
// It counts page reads and writes per op (each distinct node once per op), keeps the descent path,
// and reports steps only when the sink narrates; every narration helper REQUIRES narrate.
#pragma once

#include "engines/btree/btree.h"
#include "engines/btree/inline_vector.h"

#include <string>
#include <vector>

namespace fg::btree::detail {

struct PathEntry {
    NodeId node;
    int index; // the child taken
};

// Scratch sizes that cover every op without spilling: a tree's height stays under 40 (ids are
// 32-bit and every inner node has at least 2 children), and an op touches at most a node, a
// sibling and a parent per level.
using Path = InlineVector<PathEntry, 40>;
using Pages = InlineVector<NodeId, 128>;

class Run {
public:
    Run(const Params& params, State& state, BTreeEngine::Sink& sink)
        : p(params), s(state), ns(state.nodes), narrate(sink.narrate()), sink_(sink) {}

    const Params& p;
    State& s;
    NodeStore& ns;
    const bool narrate;
    Path path; // scratch for the current op

    // Starts counting distinct pages afresh (one user-level insert, search, remove or range).
    void beginOp() {
        read_.clear();
        written_.clear();
        path.clear();
    }
    void read(NodeId id) { countOnce(read_, id, s.stats.pageReads); }
    void wrote(NodeId id) { countOnce(written_, id, s.stats.pageWrites); }
    // A read the caller knows is the first of this op (the range walk enters each node once), so
    // it skips the duplicate check that would make a long walk quadratic.
    void readFresh() { ++s.stats.pageReads; }

    void report(Step&& step) { sink_.report(std::move(step), s); }
    BTreeEngine::Sink& sink() const { return sink_; }
    // A step about `node`, carrying its current keys.
    Step about(StepKind kind, NodeId node, std::string text) const {
        Step st;
        st.kind = kind;
        st.text = std::move(text);
        st.node = node;
        const auto ks = ns.keys(node);
        st.keys.assign(ks.begin(), ks.end());
        return st;
    }
    std::vector<Key> keysOf(NodeId id) const {
        const auto ks = ns.keys(id);
        return {ks.begin(), ks.end()};
    }
    // "[10 20 30]"; more than 8 keys are summarised: "[10 20 30 ... 990] (99 keys)".
    std::string show(NodeId id) const { return show(ns.keys(id)); }
    static std::string show(std::span<const Key> keys);
    // "leaf [10 20]", "the root [10 20]" or "node [10 20]".
    std::string named(NodeId id) const;
    // "10", "10 and 20", "10, 20 and 30"; more than 8: "10, 20, 30 ... 990 (99 keys)".
    static std::string list(std::span<const Key> keys);

private:
    static void countOnce(Pages& seen, NodeId id, std::int64_t& counter) {
        if (!seen.contains(id)) {
            seen.push_back(id);
            ++counter;
        }
    }

    BTreeEngine::Sink& sink_;
    Pages read_;
    Pages written_;
};

std::string str(Key k);

// Narrates the descent from inner node x into its child i, looking for k (in a B+-tree, k may
// equal the separator left of branch i).
void narrateDescend(Run& r, NodeId x, int i, Key k);
void narrateDuplicate(Run& r, NodeId x, Key k);
// Narrates k going into `leaf`, whose keys were `before`.
void narrateInsertLeaf(Run& r, NodeId leaf, Key k, const std::vector<Key>& before);
// Narrates inner node (or textbook leaf) x holding `order` keys, about to split at its median.
void narrateOverflow(Run& r, NodeId x);
// Narrates a removal that found no k in `leaf` (the path so far in r.path).
void narrateNotFound(Run& r, NodeId leaf, Key k);
// Narrates non-root node x holding fewer keys than minKeys.
void narrateUnderflow(Run& r, NodeId x);

// Puts key k into `parent` at index `at`, with `right` (x's new right sibling) just after it; when
// parent is kNoNode, x is the root and a new root takes k. Counts the pages written. Returns the
// node that took k.
NodeId raiseInto(Run& r, NodeId x, NodeId parent, int at, Key k, NodeId right);

// Splits node x (overflowing, or full under the preemptive rule) around its key (size-1)/2 and
// puts that key into `parent` at index `at`, with the new right half just after it; when parent
// is kNoNode, x is the root and a new root takes the key. Narrates split, then promote or new-root.
void splitAndRaise(Run& r, NodeId x, NodeId parent, int at);

// While node x holds more than maxKeys, splits it (splitAndRaise) into its parent, the last of
// r.path (popped), and goes on with the parent: a split's key may overflow it in turn.
void splitUpThePath(Run& r, NodeId x);

void insertOnOverflow(Run& r, Key k);
void insertPreemptive(Run& r, Key k);
void search(Run& r, Key k);
// PostgreSQL's nbtree is a B+-tree: every key sits in a leaf, and a range scan walks the leaf
// level from left to right along sibling links. This tree keeps keys in inner nodes too, so the
// walk is an in-order traversal that goes down into each branch and back up to its parent.
void range(Run& r, Key from, Key to);
void removeOnUnderflow(Run& r, Key k);
void removePreemptive(Run& r, Key k);

// The B+-tree's ops (Params::bplus). Descents take the branch of the first separator > k.
void insertBPlus(Run& r, Key k);
void searchBPlus(Run& r, Key k);
// Down to the leaf that may hold `from`, then along the leaf chain to the first key past `to`.
void rangeBPlus(Run& r, Key from, Key to);
void removeBPlus(Run& r, Key k);
// Child ci of inner node p is a leaf left short by a removal: it borrows a key from its left
// sibling if that one has more than minKeys, else from its right one; else it merges with its
// left sibling (the right one when ci is 0), and p loses their separator. Returns the index in p
// of the leaf now holding the child's keys.
int refillLeaf(Run& r, NodeId p, int ci);

// Child ci of inner node p holds too few keys (below minKeys after a removal, or exactly minKeys
// before the preemptive rule descends into it). Borrows a key through p from the left sibling if
// it has more than minKeys, else from the right one; else merges the child with its left sibling
// (the right one when ci is 0), pulling their separator down from p. Returns the index in p of the
// node now holding the child's keys. `ahead` selects the preemptive narration.
int refill(Run& r, NodeId p, int ci, bool ahead);
// Merges children i and i+1 of p with their separator into child i (which keeps its id); the
// right one retires. `why` opens the narration (empty in bulk mode).
void mergeChildren(Run& r, NodeId p, int i, const std::string& why);
// If the root is inner and has no key left, its only child becomes the root (narrated).
void shrinkIfEmptyRoot(Run& r);

} // namespace fg::btree::detail
