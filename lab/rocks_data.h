// The RocksDB lab's results as plain data (issue 17): the files of each level as RocksDB reports
// them (GetColumnFamilyMetaData), the flushes and compactions its EventListener saw, what a get
// consulted (its perf context), and RocksDB's own write statistics; beside them, at the same
// moments, the model's tables. No RocksDB here: the app reads these from the Lab's helper program
// as JSON, and links this file, not the library.
#pragma once

#include "engines/core/status.h"

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace fg::lab {

// One SST file (RocksDB) or table (the model). Keys are the scenario's keys, as text.
struct LsmFile {
    std::string name; // RocksDB: "000012.sst"; the model: "#12"
    int level = 0;
    std::string smallest, largest;
    std::int64_t entries = 0;
    std::int64_t deletions = 0; // tombstones
    std::int64_t bytes = 0;     // the file's size (RocksDB), the entries' bytes (the model)
    bool operator==(const LsmFile&) const = default;
};

// A whole tree at one moment: every file, by level (level 0 newest first, as both read it; other
// levels by smallest key).
struct LsmLevels {
    std::vector<LsmFile> files;
    int levels() const; // the deepest level holding a file, + 1 (0 when empty)
    int levelsHoldingFiles() const;
    std::vector<const LsmFile*> level(int level) const;
    std::int64_t entries(int level) const;
    bool operator==(const LsmLevels&) const = default;
};

// A flush or a compaction, as RocksDB's EventListener reported it, or as the model's step said.
struct LsmEvent {
    std::string kind;   // "flush" or "compaction"
    int fromLevel = 0;  // compaction: its lowest input level (flush: 0)
    int toLevel = 0;    // where its output went
    std::string reason; // RocksDB's compaction reason ("LevelL0FilesNum", "LevelMaxLevelSize",
                        // "UniversalSizeRatio"...) or the model's
    std::vector<std::string> inputs, outputs; // file names
    bool operator==(const LsmEvent&) const = default;
};

// After one scenario operation that flushed or compacted (or at a get, or at the end): what
// happened in each, and both trees after it.
struct LsmMoment {
    int op = 0;         // index into the scenario's ops
    std::string opText; // "put 17", "delete 42", "get 30", "flush", "compact"
    // The memtable after it: the model's, and RocksDB's too (the lab writes both alike and
    // flushes both together), as keys, each with whether it is a delete's tombstone.
    std::vector<std::pair<std::string, bool>> memtable;
    std::vector<LsmEvent> real, model;
    LsmLevels realLevels, modelLevels;
    // The write amplification so far on each side: the bytes written to files by flushes and
    // compactions over the bytes the writes carried (LsmWrites::writeAmplification).
    double realWriteAmp = 0, modelWriteAmp = 0;
};

// A get in each: what RocksDB's perf context counted, and where the model looked.
struct LsmGet {
    std::string key;
    bool realFound = false, modelFound = false;
    std::optional<std::string> realValue, modelValue;
    // RocksDB: files whose bloom filter said "no" (bloom_sst_miss_count), said "maybe"
    // (bloom_sst_hit_count), data blocks read (block_read_count); was it in the memtable.
    std::int64_t realBloomNo = 0, realBloomMaybe = 0, realBlocksRead = 0;
    bool realInMemtable = false;
    // The model: tables skipped by key range, by bloom filter, read (a hit or a false positive).
    std::int64_t modelRangeSkips = 0, modelBloomNo = 0, modelTablesRead = 0;
    bool modelInMemtable = false;
};

// Bytes written, each in its own measure: RocksDB's statistics (user bytes BYTES_WRITTEN, files
// written by flushes FLUSH_WRITE_BYTES and compactions COMPACT_WRITE_BYTES), the model's stats.
struct LsmWrites {
    std::int64_t userBytes = 0, flushBytes = 0, compactionBytes = 0;
    std::int64_t flushes = 0, compactions = 0;
    double writeAmplification() const; // (flush + compaction bytes) / user bytes; 0 when none
};

struct LsmComparisonRow {
    std::string quantity;
    double real = 0, model = 0;
    bool agree = false;
    std::string why; // one sentence, when they differ
};

struct LsmLabRun {
    std::string version;               // RocksDB's, "7.8.3"
    std::int64_t momentsLeftOut = 0;   // past the most a run keeps (lsm_lab.h)
    std::vector<std::string> settings; // the options the lab set, each with why, in a sentence
    std::vector<LsmMoment> moments;
    std::vector<LsmGet> gets;
    LsmLevels realFinal, modelFinal;
    LsmWrites realWrites, modelWrites;
    std::vector<LsmComparisonRow> rows;
};

nlohmann::json toJson(const LsmFile& file);
nlohmann::json toJson(const LsmLevels& levels);
nlohmann::json toJson(const LsmEvent& event);
nlohmann::json toJson(const LsmMoment& moment);
nlohmann::json toJson(const LsmGet& get);
nlohmann::json toJson(const LsmWrites& writes);
nlohmann::json toJson(const LsmComparisonRow& row);
nlohmann::json toJson(const LsmLabRun& run);

// Reads a run back from toJson's JSON (the app reads the helper's answer); a document of another
// shape is a Status naming what is wrong, never an exception.
Status fromJson(const nlohmann::json& j, LsmLabRun* run);

// The comparison of a run's final trees, writes and gets (rows with a `why` each where they
// differ), filled into run.rows.
void compareLsm(LsmLabRun& run);

} // namespace fg::lab
