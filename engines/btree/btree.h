// BTreeEngine: a B-tree of integer keys, the index behind PostgreSQL's default CREATE INDEX.
//
// The engine holds only the Params; the tree lives in a State that apply() mutates in place,
// reporting each step (with the state right after it) to a StepSink, so a fg::Timeline can record
// a run and jump to any step. Deterministic: the same params, state and op give the same steps and
// the same tree, insert-random included (its keys come from fg::Rng seeded by the op).
// In bulk mode (sink.narrate() false) apply builds no step and no string.
//
// Guarantees after every op (see checkInvariants): keys ascend within each node and across
// subtrees; every node but the root holds params.minKeys()..maxKeys() keys (the root 1..maxKeys, or
// 0 when the tree is empty); an inner node has one child more than keys; all leaves are at one
// depth. A B+-tree (params.bplus()) holds every key in a leaf, a subtree right of a separator
// holding keys from it on, its leaves linked left to right in key order, and a leaf other than the
// root holds params.minLeafKeys()..maxKeys() keys.
#pragma once

#include "engines/btree/btree_op.h"
#include "engines/btree/btree_params.h"
#include "engines/btree/btree_state.h"
#include "engines/btree/btree_steps.h"
#include "engines/core/timeline.h"

namespace fg::btree {

namespace detail {
class Run;
}

class BTreeEngine {
public:
    using State = btree::State;
    using Op = btree::Op;
    using Step = btree::Step;
    using Sink = StepSink<Step, State>;

    // REQUIRES: params.order within Params::kMinOrder..kMaxOrder (even when preemptive).
    explicit BTreeEngine(Params params = {}) : params_(params) {}

    const Params& params() const { return params_; }
    // The empty tree this engine starts from.
    State emptyState() const { return State(params_); }

    // REQUIRES: `state` was made by an engine with the same params (emptyState, or apply).
    //   insert: the key goes in unless present (then one duplicate step, nothing changes).
    //   search: found / not-found with the path read.
    //   remove: the key leaves, the tree rebalancing by borrow, merge and shrink; a missing key
    //           gives not-found (the preemptive rule may still rebalance on the way down, as CLRS).
    //           A B+-tree without mergeOnDelete does not rebalance.
    //   range:  the in-order walk over from..to (a B+-tree's: along the leaf chain), ending in
    //           one range-done step.
    //   insert-random: `count` keys drawn from [min, max] with Rng(seed), each inserted as above.
    //   An insert-random op offers the place before each of its keys as a resume point
    //   (sink.wantsResumePoints()), after its random-keys step.
    void apply(State& state, const Op& op, Sink& sink) const;
    // Goes on with an insert-random op from a place apply offered (`at`, with the state there),
    // exactly as apply went on from it: a Timeline's checkpoint inside the op.
    // REQUIRES: op.kind == kInsertRandom; `state` and `at` are as offered while applying `op`.
    void resume(State& state, const Op& op, const OpResume& at, Sink& sink) const;

private:
    // Inserts the keys of an insert-random op from `at` on, offering each place to the sink.
    void insertRandomKeys(detail::Run& r, const Op& op, OpResume at) const;

    Params params_;
};

} // namespace fg::btree
