// LsmLabSource: one side of the RocksDB lab (the real RocksDB or the model) as a DiagramSource,
// so that the LSM diagram draws it with its own look: a step per moment of the run (after each
// flush or compaction, each get, and the last operation), the memtable on top and each level's
// files below (RocksDB's files by their numbers, "000012.sst" drawn as #12; the model's tables
// by theirs).
#pragma once

#include "engines/lsm/lsm_tree.h"
#include "lab/rocks_data.h"
#include "widgets/canvas/diagram_source.h"
#include "widgets/diagrams/lsm_diagram.h"

#include <memory>

namespace fg {

class LsmLabSource : public DiagramSource {
public:
    LsmLabSource(std::shared_ptr<const lab::LsmLabRun> run, lsm::LsmParams params, bool real);

    int stepCount() const override;
    Frame frame(int position, const Theme& theme) const override;
    QString narration(int position) const override;
    // The tree drawn at `position` in the LSM diagram's words (spokenLsm): the memtable and each
    // level's tables, for a screen reader.
    QString summary(int position) const override;
    bool holdsItsPlace() const override { return true; }

    // The tree of one side at a moment as the LSM engine's state, for its diagram: each file a
    // table with its number, level, key range, entries and tombstones (the entries between the
    // first and the last key are not known, nor drawn), the newest first in level 0.
    static lsm::LsmState stateOf(const lab::LsmLevels& levels,
                                 const std::vector<std::pair<std::string, bool>>& memtable);
    // A moment in a sentence for one side: what the operation was and what that side did.
    static QString momentText(const lab::LsmMoment& moment, bool real);
    // What a get found on one side, and where it looked.
    static QString getText(const lab::LsmGet& get, bool real);
    // Two sides' frames in one, `left` then `right` with a gap, each under its title: the
    // picture a slide wants (the page's export).
    static Frame sideBySide(const Frame& left, const QString& leftTitle, const Frame& right,
                            const QString& rightTitle, const Theme& theme);

private:
    // This side's tree at `position` (empty before the first moment).
    lsm::LsmState stateAt(int position) const;

    std::shared_ptr<const lab::LsmLabRun> run_;
    lsm::LsmParams params_;
    bool real_;
    LsmExtent extent_;
};

} // namespace fg
