// LsmDiagram: the live LSM-tree of the Cassandra chapter. The memtable sits on top with its keys;
// each level below is a row of SSTables (id, key range, entries, tombstones). A flush drops a new
// table out of the memtable into level 0, compaction lights its inputs and grows its outputs out
// of them, and a get marks every table it looked at: read and found, read in vain (a bloom false
// positive), or skipped by key range or bloom filter — each mark with a word, not colour alone.
#pragma once

#include "engines/lsm/lsm_tree.h"
#include "widgets/canvas/timeline_source.h"

namespace fg {

class LsmDiagram : public TimelineSource<lsm::LsmEngine> {
public:
    LsmDiagram(lsm::LsmParams params, std::vector<lsm::LsmOp> ops,
               std::optional<KeepOnly> only = std::nullopt);

    static Frame layout(const lsm::LsmState& state, const lsm::LsmStep* step,
                        const lsm::LsmParams& params, const Theme& theme);
    // The levels fill up in place: the canvas keeps the room of the run's largest step at every
    // step (DiagramCanvas::runCamera), so the drawing does not move between steps.
    bool holdsItsPlace() const override { return true; }

protected:
    Frame layoutState(const State& state, const Step* step, const Theme& theme) const override;
};

} // namespace fg
