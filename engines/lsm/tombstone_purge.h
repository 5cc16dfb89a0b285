// Whether a compaction may drop (purge) a tombstone, by Cassandra's rule. A delete writes a
// tombstone; once it is gone, nothing stops an older copy of the data from being read again, so
// Cassandra keeps it until both hold:
//   1. gc_grace_seconds (default 864000, ten days) have passed since the delete: its local
//      deletion time is before gcBefore = now - gc_grace_seconds (PurgeFunction), so at exactly
//      gc_grace_seconds it stays. This gives repair time to carry the delete to every replica; a
//      replica that missed it would otherwise bring the data back.
//   2. it shadows nothing outside the compaction: its timestamp is below the oldest write (min
//      timestamp) of every source not being compacted that may hold its key: each overlapping
//      SSTable whose bloom filter says "maybe" for the key, and a memtable holding it
//      (CompactionController::getPurgeEvaluator: purge when timestamp < the min timestamp seen).
// LsmEngine's own merge keeps no clock (lsm_tree.h): it applies rule 2 only, with each table's
// actual entries. Timestamps and times here are in one unit the caller picks (seconds).
#pragma once

#include <cstdint>
#include <vector>

namespace fg::lsm {

// A source of data outside the compaction: an SSTable not being compacted, or a memtable.
struct OutsideSource {
    bool mayHoldKey = false;      // its bloom filter says "maybe" (a memtable: it holds the key)
    std::int64_t oldestWrite = 0; // its min timestamp
};

struct TombstoneAtCompaction {
    std::int64_t timestamp = 0;         // the delete's write time (markedForDeleteAt)
    std::int64_t localDeletionTime = 0; // when the delete happened on this node
    std::int64_t gcGraceSeconds = 864000;
    std::int64_t compactionTime = 0; // now, when the compaction runs
    std::vector<OutsideSource> outside;
};

struct TombstoneVerdict {
    bool withinGcGrace = false;    // rule 1 keeps it
    bool mayShadowOutside = false; // rule 2 keeps it
    bool drop() const { return !withinGcGrace && !mayShadowOutside; }
    bool operator==(const TombstoneVerdict&) const = default;
};

TombstoneVerdict judgeTombstone(const TombstoneAtCompaction& t);

} // namespace fg::lsm
