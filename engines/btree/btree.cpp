#include "engines/btree/btree.h"

#include "engines/btree/btree_run.h"
#include "engines/core/rng.h"

namespace fg::btree {

std::string_view kindName(StepKind kind) {
    switch (kind) {
    case StepKind::kDescend:
        return "descend";
    case StepKind::kInsertLeaf:
        return "insert-leaf";
    case StepKind::kOverflow:
        return "overflow";
    case StepKind::kSplit:
        return "split";
    case StepKind::kPromote:
        return "promote";
    case StepKind::kNewRoot:
        return "new-root";
    case StepKind::kDuplicate:
        return "duplicate";
    case StepKind::kFound:
        return "found";
    case StepKind::kNotFound:
        return "not-found";
    case StepKind::kRangeVisit:
        return "range-visit";
    case StepKind::kRangeDone:
        return "range-done";
    case StepKind::kRemoveLeaf:
        return "remove-leaf";
    case StepKind::kReplace:
        return "replace";
    case StepKind::kUnderflow:
        return "underflow";
    case StepKind::kBorrow:
        return "borrow";
    case StepKind::kMerge:
        return "merge";
    case StepKind::kShrink:
        return "shrink";
    case StepKind::kRandomKeys:
        return "random-keys";
    case StepKind::kLeafSplit:
        return "leaf-split";
    case StepKind::kLeafBorrow:
        return "leaf-borrow";
    case StepKind::kLeafMerge:
        return "leaf-merge";
    }
    return "unknown";
}

namespace {

using KeyOp = void (*)(detail::Run&, Key);

KeyOp insertFor(const Params& p) {
    return p.bplus()        ? detail::insertBPlus
           : p.preemptive() ? detail::insertPreemptive
                            : detail::insertOnOverflow;
}

void announceRandomKeys(detail::Run& r, const Op& op) {
    Step st;
    st.kind = StepKind::kRandomKeys;
    Rng preview(op.seed);
    for (std::int64_t i = 0; i < op.count; ++i) {
        st.keys.push_back(preview.uniform(op.min, op.max));
    }
    st.text = "Draw " + std::to_string(op.count) + " random keys from " + detail::str(op.min) +
              " to " + detail::str(op.max) + " (seed " + std::to_string(op.seed) +
              ") and insert them one by one.";
    r.report(std::move(st));
}

} // namespace

void BTreeEngine::apply(State& state, const Op& op, Sink& sink) const {
    detail::Run r(params_, state, sink);
    const bool bplus = params_.bplus();
    switch (op.kind) {
    case OpKind::kInsert:
        r.beginOp();
        insertFor(params_)(r, op.key);
        return;
    case OpKind::kSearch:
        r.beginOp();
        (bplus ? detail::searchBPlus : detail::search)(r, op.key);
        return;
    case OpKind::kRemove:
        r.beginOp();
        (bplus                  ? detail::removeBPlus
         : params_.preemptive() ? detail::removePreemptive
                                : detail::removeOnUnderflow)(r, op.key);
        return;
    case OpKind::kRange:
        r.beginOp();
        (bplus ? detail::rangeBPlus : detail::range)(r, op.from, op.to);
        return;
    case OpKind::kInsertRandom:
        if (r.narrate) {
            announceRandomKeys(r, op);
        }
        insertRandomKeys(r, op, OpResume{0, Rng(op.seed)});
        return;
    }
}

void BTreeEngine::resume(State& state, const Op& op, const OpResume& at, Sink& sink) const {
    detail::Run r(params_, state, sink);
    insertRandomKeys(r, op, at);
}

void BTreeEngine::insertRandomKeys(detail::Run& r, const Op& op, OpResume at) const {
    const KeyOp insert = insertFor(params_);
    const bool offer = r.sink().wantsResumePoints();
    // Each key is its own insert: page reads and writes are counted per key.
    for (; at.done < op.count; ++at.done) {
        if (offer) {
            r.sink().resumePoint(at, r.s);
        }
        r.beginOp();
        insert(r, at.rng.uniform(op.min, op.max));
    }
}

} // namespace fg::btree
