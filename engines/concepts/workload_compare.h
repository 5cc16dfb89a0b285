// One workload through both storage engines: a B-Tree (PostgreSQL-like, 8 KB pages) and an
// LSM-tree (leveled, Cassandra/RocksDB-like). Random keys (seeded) are inserted into both; at
// evenly spaced points of the workload a batch of lookups of inserted keys measures what a read
// costs. A B-Tree rewrites a whole page for every insert that touches it; an LSM-tree writes each
// entry once at a memtable flush and again at every compaction, but a lookup may have to look in
// several tables. So the curve shows "B-Tree: read-optimized, LSM: write-optimized" as numbers.
//
// The work is one pass over the keys (the points are checkpoints of the same run, not separate
// runs), can be cancelled from another thread, and reports its progress; the widget runs it off
// the UI thread (widgets/diagrams/btree_vs_lsm_view.cpp). Plain C++, no Qt.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace fg::concepts {

constexpr double kPageBytes = 8192; // PostgreSQL's page size
constexpr double kEntryBytes = 24;  // an 8-byte key, an 8-byte value, 8 bytes of overhead
constexpr int kMaxWorkloadInserts = 1'000'000; // the budget: larger requests are refused
constexpr int kMaxWorkloadPoints = 100;

struct WorkloadParams {
    int inserts = 50'000; // 1..kMaxWorkloadInserts
    int lookups = 2000;   // per point, >= 0
    int order = 64;       // B-Tree order (most children per node), 3..
    int memtable = 1000;  // LSM memtable size in entries, 1..
    std::uint64_t seed = 42;
    int points = 5; // checkpoints at inserts * i / points, i = 1..points; 1..kMaxWorkloadPoints
};

struct WorkloadResult {
    std::int64_t inserts = 0; // keys inserted so far at this point
    double btreeBytesWritten = 0, lsmBytesWritten = 0, userBytes = 0;
    double btreeReadsPerLookup = 0; // pages read per lookup
    double lsmTablesPerLookup = 0;  // tables read per lookup (bloom-filter false positives too)
    // Tables whose key range holds the key, looked at newest first until it is found: each a
    // bloom-filter check (without bloom filters, each a table read). At least lsmTablesPerLookup.
    double lsmTablesCheckedPerLookup = 0;
};

// Empty when `p` is outside the ranges above (see workloadProblem()).
// Returns std::nullopt if `cancel` (when given) became true before the end. `progress` (when
// given) is called with the fraction done, 0..1, at most about 200 times a run, on the calling
// thread.
std::optional<std::vector<WorkloadResult>>
runWorkloadCurve(const WorkloadParams& p, const std::atomic<bool>* cancel = nullptr,
                 const std::function<void(double)>& progress = {});

// The reason `p` is refused, in plain words, or empty when it is acceptable.
const char* workloadProblem(const WorkloadParams& p);

} // namespace fg::concepts
