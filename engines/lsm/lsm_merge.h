// The merge a compaction makes (lsm_tree.h), internal to the engine: its input tables read as a
// few sorted runs (tables whose key ranges do not overlap, such as a leveled level's, chain into
// one run), merged in one pass straight into the output tables. The newest version of each key
// survives; a tombstone goes once no table outside the merge holds an older version of its key.
#pragma once

#include "engines/lsm/lsm_tree.h"

#include <cstdint>
#include <vector>

namespace fg::lsm::detail {

struct MergeResult {
    std::vector<SSTable> outputs; // in key order, ids from s.nextTableId
    std::int64_t tombstonesDropped = 0;
};

// Merges `inputs` (each sorted by key, one version per key) into new tables at `outLevel`: one
// table when size-tiered, else tables of 2 x memtable_entries entries. REQUIRES: s.tables holds
// every table outside the merge (a tombstone is kept while one of them holds an older version).
// Counts the bytes written in s.stats and takes the outputs' ids; leaves s.tables as it was.
MergeResult mergeTables(LsmState& s, std::vector<SSTable> inputs, int outLevel, const LsmParams& p);

} // namespace fg::lsm::detail
