// Shared by the btree suites: build trees from key lists, and record the steps of one op.
#pragma once

#include "engines/btree/btree.h"
#include "engines/btree/btree_invariants.h"
#include "engines/core/recording_sink.h"

#include <initializer_list>
#include <string>
#include <vector>

namespace fg::btree::test {

// Records every step and, unless made with `false`, a copy of the state right after it.
using Recorder = RecordingSink<Step, State>;

// The tree after inserting `keys` in order, in bulk mode.
inline State insertAll(const Params& p, const std::vector<Key>& keys) {
    const BTreeEngine engine(p);
    State s = engine.emptyState();
    SilentSink<Step, State> silent;
    for (const Key k : keys) {
        engine.apply(s, Op::insert(k), silent);
    }
    return s;
}

inline std::vector<Key> iota(Key from, Key to) {
    std::vector<Key> out;
    for (Key k = from; k <= to; ++k) {
        out.push_back(k);
    }
    return out;
}

// The steps of one narrated op applied to `s`.
inline std::vector<Step> stepsOf(const Params& p, State& s, const Op& op) {
    Recorder rec;
    BTreeEngine(p).apply(s, op, rec);
    return rec.steps;
}

inline std::vector<StepKind> kindsOf(const std::vector<Step>& steps) {
    std::vector<StepKind> out;
    for (const Step& st : steps) {
        out.push_back(st.kind);
    }
    return out;
}

} // namespace fg::btree::test

namespace fg::btree::test {

// Letter keys for the CLRS figures: A = 1 ... Z = 26.
inline Key L(char c) {
    return c - 'A' + 1;
}

// "[P] / [C,G]" -> "[16] / [3,7]": a shape in letters, written as shapeOf writes numbers.
inline std::string letters(const std::string& shape) {
    std::string out;
    for (const char c : shape) {
        out += (c >= 'A' && c <= 'Z') ? std::to_string(L(c)) : std::string(1, c);
    }
    return out;
}

// A two-level tree built node by node: a root with `rootKeys` over the given leaves.
// REQUIRES: the keys form a valid tree for p (the caller checks with checkInvariants).
inline State twoLevels(const Params& p, const std::vector<Key>& rootKeys,
                       const std::vector<std::vector<Key>>& leaves) {
    State s(p);
    NodeStore& ns = s.nodes;
    ns.retire(s.root);
    std::vector<NodeId> ids;
    for (const auto& keys : leaves) {
        const NodeId leaf = ns.add(true);
        for (const Key k : keys) {
            ns.insertAt(leaf, ns.size(leaf), k);
        }
        ids.push_back(leaf);
        s.stats.keys += static_cast<std::int64_t>(keys.size());
    }
    s.root = ns.add(false);
    ns.adoptOnlyChild(s.root, ids[0]);
    for (std::size_t i = 0; i < rootKeys.size(); ++i) {
        ns.insertAt(s.root, static_cast<int>(i), rootKeys[i], ids[i + 1]);
    }
    s.stats.keys += static_cast<std::int64_t>(rootKeys.size());
    s.stats.nodes = static_cast<std::int64_t>(leaves.size()) + 1;
    s.stats.leaves = static_cast<std::int64_t>(leaves.size());
    s.stats.height = 2;
    return s;
}

// CLRS 3e Fig. 18.8's starting tree before its inserts, t = 3 (engine-reference.md 3.4):
// [G,M,P,X] / [A,C,D,E] [J,K] [N,O] [R,S,T,U,V] [Y,Z].
inline State clrsInsertFigure() {
    return twoLevels(Params::withMinDegree(3), {L('G'), L('M'), L('P'), L('X')},
                     {{L('A'), L('C'), L('D'), L('E')},
                      {L('J'), L('K')},
                      {L('N'), L('O')},
                      {L('R'), L('S'), L('T'), L('U'), L('V')},
                      {L('Y'), L('Z')}});
}

} // namespace fg::btree::test
