// RocksLab: a real RocksDB (Debian's librocksdb-dev, embedded: no server) in a lab folder, set up
// to show flushes and compactions at classroom scale, beside the LSM model (engines/lsm).
//
// The database orders keys as the model does (whole numbers first, by value, then text byte by
// byte), keeps bloom filters of the model's bits per key, compresses nothing, and compacts
// leveled (RocksDB's default) or universal (its size-tiered style). Its memtable never fills by
// itself: RocksDB's smallest write buffer is 64 KB, hundreds of classroom entries, so the lab
// flushes it when the model's memtable is full (flush()). Every flush and compaction RocksDB runs
// is recorded, with its files after it, by an EventListener; after a flush the lab waits until
// RocksDB has no compaction left to run, so the trees are compared when both have settled.
//
// Every call blocks. One thread at a time.
#pragma once

#include "engines/core/status.h"
#include "engines/lsm/lsm_tree.h"
#include "lab/rocks_data.h"

#include <memory>
#include <string>
#include <vector>

namespace fg::lab {

class LabFolder;

class RocksLab {
public:
    // Opens a new database in a new lab folder with the model's parameters (memtable entries,
    // L0 trigger, level ratio, bloom bits per key, leveled or tiered). A failure names the cause
    // (a folder that cannot be made, RocksDB's own words).
    static Status open(const lsm::LsmParams& params, std::unique_ptr<RocksLab>* out);
    // Opens it in `folder` (which must not hold a database yet): the tests' way to a folder that
    // cannot be written.
    static Status openIn(const std::string& folder, const lsm::LsmParams& params,
                         std::unique_ptr<RocksLab>* out);
    RocksLab(const RocksLab&) = delete;
    RocksLab& operator=(const RocksLab&) = delete;
    // Closes the database and removes its folder.
    ~RocksLab();

    Status put(const std::string& key, const std::string& value);
    Status remove(const std::string& key);
    // The value RocksDB has for `key`, and what its perf context counted (into the real* fields
    // of `get`; `get->key` is set).
    Status get(const std::string& key, LsmGet* get);
    // Writes the memtable out as a level-0 file and waits until every compaction it triggers is
    // done. The first flush also sizes the levels from that file (see settings()).
    Status flush();
    // Merges every file into one at `outputLevel` (CompactFiles: the memtable stays, as the
    // model's compact leaves it; CompactRange would flush it first), then waits.
    Status compactAll(int outputLevel);

    // The flushes and compactions since the last call, in the order RocksDB finished them.
    std::vector<LsmEvent> takeEvents();
    // Every live file, by level.
    Status levels(LsmLevels* out);
    LsmWrites writes() const;
    // The options the lab set, one sentence each with why ("Level 1 holds up to 13,570 bytes:
    // 10 times the first flushed file, as the model's level 1 holds 10 memtables").
    const std::vector<std::string>& settings() const { return settings_; }
    static std::string version();

private:
    RocksLab();
    Status openAt(const std::string& path, const lsm::LsmParams& params);
    Status waitForCompactions();
    Status sizeLevels();

    struct Db;
    std::unique_ptr<LabFolder> folder_;
    std::unique_ptr<Db> db_;
    lsm::LsmParams params_;
    bool levelsSized_ = false;
    std::vector<std::string> settings_;
};

} // namespace fg::lab
