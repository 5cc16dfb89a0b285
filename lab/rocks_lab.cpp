#include "lab/rocks_lab.h"

#include "lab/lab_folder.h"

#include <QElapsedTimer>
#include <algorithm>
#include <chrono>
#include <mutex>
#include <rocksdb/comparator.h>
#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/listener.h>
#include <rocksdb/options.h>
#include <rocksdb/perf_context.h>
#include <rocksdb/statistics.h>
#include <rocksdb/table.h>
#include <rocksdb/version.h>
#include <thread>

namespace fg::lab {

namespace {

// The model's key order (lsm::KeyLess): whole numbers first by value, then text byte by byte.
// Without it RocksDB would put "10" before "9" and the two trees' key ranges would not compare.
class ModelOrder : public rocksdb::Comparator {
public:
    const char* Name() const override { return "fieldguide.ModelKeyOrder"; }
    int Compare(const rocksdb::Slice& a, const rocksdb::Slice& b) const override {
        const std::string x = a.ToString(), y = b.ToString();
        const lsm::KeyLess less;
        return less(x, y) ? -1 : less(y, x) ? 1 : 0;
    }
    // Index keys are the data's own keys: no shortening (a shortened key need not be a key the
    // order knows how to read).
    void FindShortestSeparator(std::string*, const rocksdb::Slice&) const override {}
    void FindShortSuccessor(std::string*) const override {}
};

const ModelOrder& modelOrder() {
    static const ModelOrder order;
    return order;
}

std::string fileName(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string reasonName(rocksdb::CompactionReason r) {
    using R = rocksdb::CompactionReason;
    switch (r) {
    case R::kLevelL0FilesNum:
        return "LevelL0FilesNum";
    case R::kLevelMaxLevelSize:
        return "LevelMaxLevelSize";
    case R::kUniversalSizeAmplification:
        return "UniversalSizeAmplification";
    case R::kUniversalSizeRatio:
        return "UniversalSizeRatio";
    case R::kUniversalSortedRunNum:
        return "UniversalSortedRunNum";
    case R::kManualCompaction:
        return "ManualCompaction";
    default:
        return "Other (" + std::to_string(static_cast<int>(r)) + ")";
    }
}

Status rocksError(const char* what, const rocksdb::Status& s) {
    return Status::failure("RocksDB", std::string(what) + ": " + s.ToString());
}

} // namespace

// The database, its statistics and the listener that records what it did.
struct RocksLab::Db : public rocksdb::EventListener {
    std::unique_ptr<rocksdb::DB> db;
    std::shared_ptr<rocksdb::Statistics> stats;
    std::mutex mutex;
    std::vector<LsmEvent> events; // guarded by mutex

    void OnFlushCompleted(rocksdb::DB*, const rocksdb::FlushJobInfo& info) override {
        LsmEvent e;
        e.kind = "flush";
        e.reason = "memtable full";
        e.outputs.push_back(fileName(info.file_path));
        const std::lock_guard lock(mutex);
        events.push_back(std::move(e));
    }
    void OnCompactionCompleted(rocksdb::DB*, const rocksdb::CompactionJobInfo& info) override {
        LsmEvent e;
        e.kind = "compaction";
        e.fromLevel = info.base_input_level;
        e.toLevel = info.output_level;
        e.reason = reasonName(info.compaction_reason);
        for (const std::string& f : info.input_files) {
            e.inputs.push_back(fileName(f));
        }
        for (const std::string& f : info.output_files) {
            e.outputs.push_back(fileName(f));
        }
        // A trivial move: the file went down a level as it was (the same file, no rewrite).
        if (!e.inputs.empty() && e.inputs == e.outputs) {
            e.reason += ", trivial move";
        }
        const std::lock_guard lock(mutex);
        events.push_back(std::move(e));
    }
};

RocksLab::RocksLab() = default;

RocksLab::~RocksLab() {
    if (db_) {
        if (db_->db) {
            (void)db_->db->Close();
            db_->db.reset();
        }
    }
}

Status RocksLab::open(const lsm::LsmParams& params, std::unique_ptr<RocksLab>* out) {
    std::unique_ptr<RocksLab> lab(new RocksLab());
    if (Status s = LabFolder::create(&lab->folder_); !s) {
        return s;
    }
    if (Status s =
            lab->openAt(lab->folder_->filePath(QStringLiteral("rocksdb")).toStdString(), params);
        !s) {
        return s;
    }
    *out = std::move(lab);
    return Status::ok();
}

Status RocksLab::openIn(const std::string& folder, const lsm::LsmParams& params,
                        std::unique_ptr<RocksLab>* out) {
    std::unique_ptr<RocksLab> lab(new RocksLab());
    if (Status s = lab->openAt(folder, params); !s) {
        return s;
    }
    *out = std::move(lab);
    return Status::ok();
}

Status RocksLab::openAt(const std::string& path, const lsm::LsmParams& params) {
    params_ = params;
    db_ = std::make_unique<Db>();
    rocksdb::Options o;
    o.create_if_missing = true;
    o.error_if_exists = true;
    o.comparator = &modelOrder();
    o.compression = rocksdb::kNoCompression;
    o.bottommost_compression = rocksdb::kNoCompression;
    o.statistics = db_->stats = rocksdb::CreateDBStatistics();
    o.listeners.push_back(std::shared_ptr<rocksdb::EventListener>(db_.get(), [](auto*) {}));
    o.max_background_jobs = 2;
    o.max_subcompactions = 1;
    o.level0_file_num_compaction_trigger = params.l0Trigger;
    // The model never stalls writes; neither should RocksDB at the model's trigger (up to 64).
    o.level0_slowdown_writes_trigger = o.level0_stop_writes_trigger = 1000;
    o.max_bytes_for_level_multiplier = params.levelRatio;
    o.level_compaction_dynamic_level_bytes = false;
    o.info_log_level = rocksdb::WARN_LEVEL;
    o.keep_log_file_num = 1;
    if (params.tiered) {
        o.compaction_style = rocksdb::kCompactionStyleUniversal;
        o.compaction_options_universal.min_merge_width = params.l0Trigger;
    }
    rocksdb::BlockBasedTableOptions table;
    table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(params.bloomBitsPerKey));
    table.whole_key_filtering = true;
    // Small blocks, so that a compaction can cut its output into files of a few entries.
    table.block_size = 256;
    o.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));

    rocksdb::DB* db = nullptr;
    if (const rocksdb::Status s = rocksdb::DB::Open(o, path, &db); !s.ok()) {
        return Status::failure(path, "RocksDB could not open a database there: " + s.ToString());
    }
    db_->db.reset(db);
    rocksdb::SetPerfLevel(rocksdb::PerfLevel::kEnableCount);
    settings_ = {
        "Keys in the model's order: whole numbers first by value, then text (a comparator of the "
        "lab's own; RocksDB's default compares bytes, so \"10\" would come before \"9\").",
        "No compression, so file sizes count what was written.",
        "Bloom filters of " + std::to_string(params.bloomBitsPerKey) +
            " bits per key, as the model's.",
        "Its memtable is flushed by the lab when the model's is full (" +
            std::to_string(params.memtableEntries) +
            " entries): RocksDB's smallest write buffer is 64 KB, hundreds of these entries.",
        params.tiered ? "Universal compaction (RocksDB's size-tiered style) from " +
                            std::to_string(params.l0Trigger) + " sorted runs."
                      : "Leveled compaction: level 0 is merged into level 1 at " +
                            std::to_string(params.l0Trigger) + " files.",
    };
    return Status::ok();
}

Status RocksLab::put(const std::string& key, const std::string& value) {
    rocksdb::WriteOptions w;
    w.disableWAL = true; // nothing here must survive a crash
    if (const rocksdb::Status s = db_->db->Put(w, key, value); !s.ok()) {
        return rocksError("a put failed", s);
    }
    return Status::ok();
}

Status RocksLab::remove(const std::string& key) {
    rocksdb::WriteOptions w;
    w.disableWAL = true;
    if (const rocksdb::Status s = db_->db->Delete(w, key); !s.ok()) {
        return rocksError("a delete failed", s);
    }
    return Status::ok();
}

Status RocksLab::get(const std::string& key, LsmGet* get) {
    get->key = key;
    rocksdb::get_perf_context()->Reset();
    std::string value;
    const rocksdb::Status s = db_->db->Get(rocksdb::ReadOptions(), key, &value);
    if (!s.ok() && !s.IsNotFound()) {
        return rocksError("a get failed", s);
    }
    const rocksdb::PerfContext* pc = rocksdb::get_perf_context();
    get->realFound = s.ok();
    get->realValue = s.ok() ? std::optional<std::string>(value) : std::nullopt;
    get->realBloomNo = static_cast<std::int64_t>(pc->bloom_sst_miss_count);
    get->realBloomMaybe = static_cast<std::int64_t>(pc->bloom_sst_hit_count);
    get->realBlocksRead = static_cast<std::int64_t>(pc->block_read_count);
    get->realInMemtable = pc->get_from_memtable_count > 0 && pc->bloom_sst_hit_count == 0 &&
                          pc->bloom_sst_miss_count == 0 && pc->block_read_count == 0 && s.ok();
    return Status::ok();
}

Status RocksLab::flush() {
    rocksdb::FlushOptions f;
    f.wait = true;
    if (const rocksdb::Status s = db_->db->Flush(f); !s.ok()) {
        return rocksError("a flush failed", s);
    }
    if (!levelsSized_) {
        if (Status s = sizeLevels(); !s) {
            return s;
        }
    }
    return waitForCompactions();
}

// The model's level 1 holds level_ratio memtables and its compactions write tables of two
// memtables' entries: RocksDB's level 1 gets level_ratio times the first flushed file's bytes,
// and its compaction outputs about two files' worth.
Status RocksLab::sizeLevels() {
    LsmLevels now;
    if (Status s = levels(&now); !s) {
        return s;
    }
    const auto l0 = now.level(0);
    if (l0.empty()) {
        return Status::ok(); // nothing was flushed (an empty memtable): size at the next one
    }
    const std::int64_t file = l0.front()->bytes;
    const std::int64_t base = file * params_.levelRatio;
    const rocksdb::Status s =
        db_->db->SetOptions({{"max_bytes_for_level_base", std::to_string(base)},
                             {"target_file_size_base", std::to_string(2 * file)}});
    if (!s.ok()) {
        return rocksError("the level sizes could not be set", s);
    }
    levelsSized_ = true;
    if (!params_.tiered) {
        settings_.push_back(
            "Level 1 holds up to " + std::to_string(base) +
            " bytes: " + std::to_string(params_.levelRatio) + " times the first flushed file (" +
            std::to_string(file) + " bytes), as the model's level 1 holds " +
            std::to_string(params_.levelRatio) + " memtables; each level below holds " +
            std::to_string(params_.levelRatio) + " times the one above.");
    }
    return Status::ok();
}

Status RocksLab::compactAll(int outputLevel) {
    rocksdb::ColumnFamilyMetaData meta;
    db_->db->GetColumnFamilyMetaData(&meta);
    std::vector<std::string> files;
    for (const rocksdb::LevelMetaData& level : meta.levels) {
        for (const rocksdb::SstFileMetaData& f : level.files) {
            files.push_back(f.name);
        }
    }
    if (files.empty()) {
        return Status::ok();
    }
    const int last = static_cast<int>(meta.levels.size()) - 1;
    const rocksdb::Status s = db_->db->CompactFiles(rocksdb::CompactionOptions(), files,
                                                    std::clamp(outputLevel, 0, last));
    if (!s.ok()) {
        return rocksError("the full compaction failed", s);
    }
    return waitForCompactions();
}

// RocksDB compacts in the background: wait until nothing runs and nothing is pending (10 s at
// most: a classroom database settles in milliseconds). "Pending" only says that a level is over
// its trigger; when none of RocksDB's rules picks a compaction for it (universal compaction asks
// for enough sorted runs of similar size), it stays pending with nothing running: after 20 ms so,
// RocksDB has declined, and the lab goes on as RocksDB does.
Status RocksLab::waitForCompactions() {
    QElapsedTimer clock, quiet;
    clock.start();
    quiet.start();
    while (clock.elapsed() < 10'000) {
        std::uint64_t pending = 0, running = 0, flushes = 0;
        db_->db->GetIntProperty("rocksdb.compaction-pending", &pending);
        db_->db->GetIntProperty("rocksdb.num-running-compactions", &running);
        db_->db->GetIntProperty("rocksdb.num-running-flushes", &flushes);
        if (running != 0 || flushes != 0) {
            quiet.restart();
        } else if (pending == 0 || quiet.elapsed() >= 20) {
            return Status::ok();
        }
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    return Status::failure("RocksDB", "its compactions did not finish within 10 seconds");
}

std::vector<LsmEvent> RocksLab::takeEvents() {
    const std::lock_guard lock(db_->mutex);
    std::vector<LsmEvent> out;
    out.swap(db_->events);
    return out;
}

Status RocksLab::levels(LsmLevels* out) {
    rocksdb::ColumnFamilyMetaData meta;
    db_->db->GetColumnFamilyMetaData(&meta);
    out->files.clear();
    for (const rocksdb::LevelMetaData& level : meta.levels) {
        std::vector<LsmFile> files;
        for (const rocksdb::SstFileMetaData& f : level.files) {
            LsmFile file;
            file.name = fileName(f.name);
            file.level = level.level;
            file.smallest = f.smallestkey;
            file.largest = f.largestkey;
            file.entries = static_cast<std::int64_t>(f.num_entries);
            file.deletions = static_cast<std::int64_t>(f.num_deletions);
            file.bytes = static_cast<std::int64_t>(f.size);
            files.push_back(std::move(file));
        }
        // RocksDB lists level 0 newest first already; the others by smallest key.
        out->files.insert(out->files.end(), files.begin(), files.end());
    }
    return Status::ok();
}

LsmWrites RocksLab::writes() const {
    LsmWrites w;
    const auto& st = db_->stats;
    w.userBytes = static_cast<std::int64_t>(st->getTickerCount(rocksdb::BYTES_WRITTEN));
    w.flushBytes = static_cast<std::int64_t>(st->getTickerCount(rocksdb::FLUSH_WRITE_BYTES));
    w.compactionBytes = static_cast<std::int64_t>(st->getTickerCount(rocksdb::COMPACT_WRITE_BYTES));
    return w;
}

std::string RocksLab::version() {
    return std::to_string(ROCKSDB_MAJOR) + "." + std::to_string(ROCKSDB_MINOR) + "." +
           std::to_string(ROCKSDB_PATCH);
}

} // namespace fg::lab
