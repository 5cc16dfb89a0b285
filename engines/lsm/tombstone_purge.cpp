// Cassandra's tombstone purge rule (tombstone_purge.h).
#include "engines/lsm/tombstone_purge.h"

#include <algorithm>

namespace fg::lsm {

TombstoneVerdict judgeTombstone(const TombstoneAtCompaction& t) {
    TombstoneVerdict v;
    const std::int64_t gcBefore = t.compactionTime - t.gcGraceSeconds;
    v.withinGcGrace = !(t.localDeletionTime < gcBefore);
    v.mayShadowOutside =
        std::any_of(t.outside.begin(), t.outside.end(), [&](const OutsideSource& s) {
            return s.mayHoldKey && !(t.timestamp < s.oldestWrite);
        });
    return v;
}

} // namespace fg::lsm
