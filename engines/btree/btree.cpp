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

void BTreeEngine::apply(State& state, const Op& op, Sink& sink) const {
    detail::Run r(params_, state, sink);
    using KeyOp = void (*)(detail::Run&, Key);
    const bool bplus = params_.bplus();
    const KeyOp insert = bplus                  ? detail::insertBPlus
                         : params_.preemptive() ? detail::insertPreemptive
                                                : detail::insertOnOverflow;
    switch (op.kind) {
    case OpKind::kInsert:
        r.beginOp();
        insert(r, op.key);
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
    case OpKind::kInsertRandom: {
        Rng rng(op.seed);
        if (r.narrate) {
            Step st;
            st.kind = StepKind::kRandomKeys;
            Rng preview = rng;
            for (std::int64_t i = 0; i < op.count; ++i) {
                st.keys.push_back(preview.uniform(op.min, op.max));
            }
            st.text = "Draw " + std::to_string(op.count) + " random keys from " +
                      detail::str(op.min) + " to " + detail::str(op.max) + " (seed " +
                      std::to_string(op.seed) + ") and insert them one by one.";
            r.report(std::move(st));
        }
        // Each key is its own insert: page reads and writes are counted per key.
        for (std::int64_t i = 0; i < op.count; ++i) {
            r.beginOp();
            insert(r, rng.uniform(op.min, op.max));
        }
        return;
    }
    }
}

} // namespace fg::btree
