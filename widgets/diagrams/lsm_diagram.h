// LsmDiagram: the live LSM-tree of the Cassandra chapter. The memtable sits on top with its keys;
// each level below is a row of SSTables (id, key range, entries, tombstones). A flush drops a new
// table out of the memtable into level 0, compaction lights its inputs and grows its outputs out
// of them, and a get marks every table it looked at: read and found, read in vain (a bloom false
// positive), or skipped by key range or bloom filter — each mark with a word, not colour alone.
#pragma once

#include "engines/lsm/lsm_tree.h"
#include "widgets/canvas/timeline_source.h"

namespace fg {

// A run with a level of more than kTablesPerRow tables is drawn dense: every level wraps after
// that many tables onto further lines, and keeps room for the most lines it needs in the run.
struct LsmExtent {
    static constexpr std::size_t kTablesPerRow = 8;
    static std::size_t rowsFor(std::size_t tables) {
        return tables == 0 ? 1 : (tables + kTablesPerRow - 1) / kTablesPerRow;
    }
    bool dense = false;
    std::vector<std::size_t> rows; // dense: per level, its most lines
    std::size_t keyChars = 2;      // dense: the run's longest key, in characters (at most 8)
    // Levels that hold no table at any moment of the run, each run of them drawn as one line
    // ("tiers 1-5: empty in this run"): RocksDB's universal compaction writes to its last of
    // seven levels, and seven full-height levels shrank a lab's drawing to 6-pixel text.
    std::vector<bool> idle;
};

class LsmDiagram : public TimelineSource<lsm::LsmEngine> {
public:
    LsmDiagram(lsm::LsmParams params, std::vector<lsm::LsmOp> ops,
               std::optional<KeepOnly> only = std::nullopt, BuildWatch* watch = nullptr);

    static Frame layout(const lsm::LsmState& state, const lsm::LsmStep* step,
                        const lsm::LsmParams& params, const Theme& theme,
                        const LsmExtent& extent = {});
    // The levels fill up in place: the canvas keeps the room of the run's largest step at every
    // step (DiagramCanvas::runCamera), so the drawing does not move between steps.
    bool holdsItsPlace() const override { return true; }

protected:
    Frame layoutState(const State& state, const Step* step, const Theme& theme) const override;
    QString describe(const State& state) const override;

private:
    LsmExtent extent_;
};

} // namespace fg
