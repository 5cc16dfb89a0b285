// LsmEngine: a log-structured merge tree as Cassandra, LevelDB and RocksDB build one. Writes go to
// a sorted memtable; at `memtable_entries` it is flushed as an immutable sorted table (SSTable)
// into level 0. Compaction merges tables so reads have fewer places to look:
//   leveled  when L0 holds `l0_trigger` tables they merge with the overlapping L1 tables into
//            non-overlapping L1 tables; level i holds at most memtable_entries x level_ratio^i
//            entries, and an overfull level pushes a table down into the next;
//   tiered   (size-tiered, like Cassandra's STCS with min_threshold = l0_trigger) when a tier holds
//            l0_trigger tables of similar size they merge into one table in the next tier.
// The newest version of a key (highest sequence number) wins. A delete writes a tombstone that
// shadows older values; compaction drops a tombstone only when no table outside the compaction
// could hold an older version of its key (Cassandra also waits gc_grace_seconds; here time does
// not pass). A get probes the memtable, then tables from newest to oldest, skipping a table by
// its key range, then by its bloom filter, and stops at the first version found.
#pragma once

#include "engines/core/timeline.h"
#include "engines/lsm/bloom_filter.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fg::lsm {

// Keys sort as numbers when both are whole numbers ("9" < "10"), else as text; numbers first.
// Only the same text is the same key ("07" sorts after "7", before "8").
// True for digits (an optional sign before them) beyond a 64-bit number: such a key sorts as
// text, after every number, which reads as a mistake ("-99999999999999999999" at the end of a
// sorted memtable); the page refuses it.
bool tooLargeForANumber(const std::string& key);

struct KeyLess {
    // Inline, for the memtable's and a table's searches: plain non-negative numbers without
    // leading zeros (most keys) compare by length, then digits; anything else as two keys read.
    bool operator()(const std::string& a, const std::string& b) const {
        if (plainNumber(a) && plainNumber(b)) {
            return a.size() != b.size() ? a.size() < b.size() : a < b;
        }
        return (*this)(read(a), read(b));
    }
    static bool plainNumber(const std::string& s) {
        if (s.empty() || s.size() > 18 || (s[0] == '0' && s.size() > 1)) {
            return false;
        }
        for (const char c : s) {
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
    // A key read once, to sort many by it: compares as the keys compare (a sort of the tables by
    // their first keys read each key as a number at every comparison).
    struct Read {
        bool number = false;
        long long value = 0;
        const std::string* text = nullptr;
    };
    static Read read(const std::string& key);
    // The order itself: numbers first, by value; two spellings of one number ("07" and "7") are
    // two keys, in text order (a real store compares the bytes, and a key is never another
    // key); then text, byte by byte.
    bool operator()(const Read& a, const Read& b) const {
        if (a.number && b.number) {
            return a.value != b.value ? a.value < b.value : *a.text < *b.text;
        }
        return a.number != b.number ? a.number : *a.text < *b.text;
    }
};

struct Entry {
    std::string key;
    std::uint64_t seq = 0;
    std::optional<std::string> value; // nullopt: a tombstone
    std::int64_t bytes() const;
    bool operator==(const Entry&) const = default;
};

struct SSTable {
    int id = 0;
    int level = 0;
    std::vector<Entry> entries; // sorted by key (KeyLess), one version per key
    BloomFilter bloom;
    std::uint64_t maxSeq = 0;
    std::int64_t bytes = 0;
    const std::string& minKey() const { return entries.front().key; }
    const std::string& maxKey() const { return entries.back().key; }
    std::int64_t tombstones() const;
    bool operator==(const SSTable&) const = default;
};

struct LsmParams {
    int memtableEntries = 4;
    int l0Trigger = 4;
    int levelRatio = 10;
    int bloomBitsPerKey = 10;
    bool tiered = false;
};

struct LsmStats {
    std::int64_t flushes = 0, compactions = 0, userBytes = 0, diskBytesWritten = 0, gets = 0,
                 tablesRead = 0, bloomSkips = 0, rangeSkips = 0, bloomFalsePositives = 0,
                 tombstonesDropped = 0;
    bool operator==(const LsmStats&) const = default;
};

// Where a get looks, kept beside the tables (as positions in LsmState::tables) so that a lookup
// costs what it costs in a real LSM: no sort, L0 (or every tier) newest first, then one binary
// search per leveled level. Derived data: it takes no part in ==, the engine rebuilds it whenever
// it changes the tables, and a state whose index does not cover its tables gets a fresh one.
struct LsmTableIndex {
    struct Level {
        std::vector<std::uint32_t> newest; // max seq descending, ties by position
        std::vector<std::uint32_t> byKey;  // by min key (levels >= 1 only)
        std::vector<std::uint32_t> rank;   // rank[i]: where byKey[i] stands in `newest`
        bool disjoint = true;              // no two key ranges overlap: byKey can be searched
    };
    std::vector<std::uint32_t> newest; // every table, max seq descending, ties by position
    std::vector<Level> levels;
    std::size_t count = 0; // how many tables it covers

    bool covers(const std::vector<SSTable>& tables) const { return count == tables.size(); }
    void rebuild(const std::vector<SSTable>& tables);
    void appended(const std::vector<SSTable>& tables); // a table was pushed at the back
    bool operator==(const LsmTableIndex&) const { return true; }
};

struct LsmState {
    std::map<std::string, Entry, KeyLess> memtable;
    std::vector<SSTable> tables; // every live table, any level
    LsmTableIndex index;         // over `tables`; code that edits them must rebuild it
    std::uint64_t nextSeq = 1;
    int nextTableId = 1;
    std::map<int, std::string> compactPointer; // level -> the last key pushed down (LevelDB's)
    LsmStats stats;
    bool operator==(const LsmState&) const = default;

    std::vector<const SSTable*> level(int l) const; // sorted by min key (leveled) or newest first
    int levels() const;
    std::int64_t diskBytes() const;
    std::int64_t liveBytes() const; // the newest non-tombstone version of each key
};

struct LsmOp {
    enum class Kind { Put, Delete, Get, Flush, Compact };
    Kind kind = Kind::Put;
    std::string key;
    std::string value;

    static LsmOp put(std::string key, std::string value) {
        return withKey(Kind::Put, std::move(key), std::move(value));
    }
    // DELETE: writes a tombstone for `key`.
    static LsmOp remove(std::string key) { return withKey(Kind::Delete, std::move(key), {}); }
    static LsmOp get(std::string key) { return withKey(Kind::Get, std::move(key), {}); }
    // Writes the memtable out now (then compacts if a level is full).
    static LsmOp flush() { return withKey(Kind::Flush, {}, {}); }
    // Merges every table into one level.
    static LsmOp compact() { return withKey(Kind::Compact, {}, {}); }

private:
    static LsmOp withKey(Kind kind, std::string key, std::string value) {
        LsmOp op;
        op.kind = kind;
        op.key = std::move(key);
        op.value = std::move(value);
        return op;
    }
};

// What a get found at one place it looked.
enum class ProbeResult {
    kHit,          // the key is here (a value or a tombstone)
    kMiss,         // the memtable does not hold it
    kSkippedRange, // the table's key range cannot hold it: not read
    kSkippedBloom, // the table's bloom filter says no: not read
    kFalsePositive // the bloom filter said maybe, the table was read, the key is not there
};

// The result's name in scenario JSON: "hit", "miss", "skipped-range", "skipped-bloom",
// "false-positive".
std::string_view resultName(ProbeResult result);

struct Probe {
    enum class Where { kMemtable, kTable };
    Where where = Where::kMemtable;
    int table = 0, level = 0; // kTable: which table, at which level
    ProbeResult result = ProbeResult::kMiss;
    bool operator==(const Probe&) const = default;
};

// What a step reports. Per kind (fields not listed keep their defaults):
//   put               key, value: the entry written into the memtable.
//   delete            key: the tombstone written into the memtable.
//   get               key; found, value (when found); probed: every place looked, in order.
//   flush             outputs: the new level-0 table.
//   compaction-start  inputs: the tables merged; level: where the result goes.
//   compaction-done   inputs, outputs (may be empty), level, tombstonesDropped.
enum class StepKind {
    kPut,
    kDelete,
    kGet,
    kFlush,
    kCompactionStart,
    kCompactionDone,
};

// The kind's name in scenario JSON: "put", "delete", "get", "flush", "compaction-start",
// "compaction-done".
std::string_view kindName(StepKind kind);
// compaction-start and compaction-done.
bool isCompaction(StepKind kind);

struct LsmStep {
    StepKind kind = StepKind::kPut;
    std::string text;
    std::string key;
    std::optional<std::string> value;
    bool found = false;
    std::vector<Probe> probed;
    std::vector<int> inputs, outputs; // table ids
    int level = 0;
    std::int64_t tombstonesDropped = 0;
};

class LsmEngine {
public:
    using State = LsmState;
    using Op = LsmOp;
    using Step = LsmStep;

    explicit LsmEngine(LsmParams p) : p_(p) {}
    const LsmParams& params() const { return p_; }
    State initialState() const { return {}; }
    void apply(State& s, const Op& op, StepSink<Step, State>& sink) const;
    // The newest version of `key` visible now (for tests): nullopt when absent or deleted.
    static std::optional<std::string> lookup(const State& s, const std::string& key, bool tiered);

private:
    // The write path (lsm_write.cpp): an entry into the memtable; a full memtable flushed into
    // a level-0 table.
    void write(State& s, const std::string& key, std::optional<std::string> value,
               StepSink<Step, State>& sink) const;
    void flush(State& s, StepSink<Step, State>& sink) const;
    // Compaction (lsm_compaction.cpp): while a level or tier is over its limit, merge tables
    // into the next; `compact` merges everything.
    void maybeCompact(State& s, StepSink<Step, State>& sink) const;
    void merge(State& s, std::vector<int> inputIds, int outLevel,
               StepSink<Step, State>& sink) const;
    void compactAll(State& s, StepSink<Step, State>& sink) const;
    // The read path (lsm_read.cpp): memtable, then tables newest first.
    void get(State& s, const std::string& key, StepSink<Step, State>& sink) const;

    LsmParams p_;
};

} // namespace fg::lsm
