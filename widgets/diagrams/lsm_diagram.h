// LsmDiagram: the live LSM-tree of the Cassandra chapter. The memtable sits on top with its keys;
// each level below is a row of SSTables (id, key range, entries, tombstones). A flush drops a new
// table out of the memtable into level 0, compaction lights its inputs and grows its outputs out
// of them, and a get marks every table it looked at: read and found, read in vain (a bloom false
// positive), or skipped by key range or bloom filter — each mark with a word, not colour alone.
#pragma once

#include "core/timeline.h"
#include "diagram/diagram_source.h"
#include "lsm/lsm_tree.h"

namespace fg {

class LsmDiagram : public DiagramSource {
public:
    LsmDiagram(lsm::LsmParams params, std::vector<lsm::LsmOp> ops);

    int stepCount() const override { return static_cast<int>(timeline_.size()); }
    Frame frame(int position, const Theme& theme) const override;
    QString narration(int position) const override;

    const Timeline<lsm::LsmEngine>& timeline() const { return timeline_; }
    static Frame layout(const lsm::LsmState& state, const lsm::LsmStep* step,
                        const lsm::LsmParams& params, const Theme& theme);

private:
    Timeline<lsm::LsmEngine> timeline_;
};

} // namespace fg
