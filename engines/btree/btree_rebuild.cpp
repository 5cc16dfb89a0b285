#include "engines/btree/btree_rebuild.h"

namespace fg::btree {

Timeline<BTreeEngine> rebuild(const std::vector<Op>& ops, Params params) {
    BTreeEngine engine(params);
    State empty = engine.emptyState();
    return Timeline<BTreeEngine>(engine, std::move(empty), ops);
}

State rebuildState(const std::vector<Op>& ops, Params params) {
    const BTreeEngine engine(params);
    State state = engine.emptyState();
    SilentSink<Step, State> silent;
    for (const Op& op : ops) {
        engine.apply(state, op, silent);
    }
    return state;
}

} // namespace fg::btree
