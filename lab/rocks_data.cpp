#include "lab/rocks_data.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>

namespace fg::lab {

using nlohmann::json;

int LsmLevels::levels() const {
    int n = 0;
    for (const LsmFile& f : files) {
        n = std::max(n, f.level + 1);
    }
    return n;
}

int LsmLevels::levelsHoldingFiles() const {
    std::set<int> held;
    for (const LsmFile& f : files) {
        held.insert(f.level);
    }
    return static_cast<int>(held.size());
}

std::vector<const LsmFile*> LsmLevels::level(int level) const {
    std::vector<const LsmFile*> out;
    for (const LsmFile& f : files) {
        if (f.level == level) {
            out.push_back(&f);
        }
    }
    return out;
}

std::int64_t LsmLevels::entries(int level) const {
    std::int64_t n = 0;
    for (const LsmFile* f : this->level(level)) {
        n += f->entries;
    }
    return n;
}

double LsmWrites::writeAmplification() const {
    return userBytes > 0
               ? static_cast<double>(flushBytes + compactionBytes) / static_cast<double>(userBytes)
               : 0.0;
}

json toJson(const LsmFile& f) {
    return {{"name", f.name},       {"level", f.level},     {"smallest", f.smallest},
            {"largest", f.largest}, {"entries", f.entries}, {"deletions", f.deletions},
            {"bytes", f.bytes}};
}

json toJson(const LsmLevels& levels) {
    json out = json::array();
    for (int l = 0; l < levels.levels(); ++l) {
        json files = json::array();
        for (const LsmFile* f : levels.level(l)) {
            files.push_back(toJson(*f));
        }
        out.push_back({{"level", l}, {"files", std::move(files)}});
    }
    return out;
}

json toJson(const LsmEvent& e) {
    return {{"kind", e.kind},     {"from_level", e.fromLevel}, {"to_level", e.toLevel},
            {"reason", e.reason}, {"inputs", e.inputs},        {"outputs", e.outputs}};
}

namespace {

json eventsJson(const std::vector<LsmEvent>& events) {
    json out = json::array();
    for (const LsmEvent& e : events) {
        out.push_back(toJson(e));
    }
    return out;
}

json valueJson(const std::optional<std::string>& v) {
    return v ? json(*v) : json(nullptr);
}

std::string fixed(double v, int digits) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

LsmComparisonRow row(std::string quantity, double real, double model, std::string why) {
    LsmComparisonRow r;
    r.quantity = std::move(quantity);
    r.real = real;
    r.model = model;
    r.agree = real == model;
    if (!r.agree) {
        r.why = std::move(why);
    }
    return r;
}

// Why the compactions differ, from what RocksDB reported.
std::string compactionsWhy(const LsmLabRun& run) {
    bool moved = false, bySize = false;
    for (const LsmMoment& m : run.moments) {
        for (const LsmEvent& e : m.real) {
            moved = moved || e.reason.find("trivial move") != std::string::npos;
            bySize = bySize || e.reason.rfind("LevelMaxLevelSize", 0) == 0;
        }
    }
    std::string why = "RocksDB decides by the bytes in a level (files carry an index, a bloom "
                      "filter and properties besides their entries), the model by entries";
    if (bySize) {
        why += "; RocksDB pushes files down when a level's bytes pass its target";
    }
    if (moved) {
        why += "; a file that overlaps nothing below is moved down without being rewritten (a "
               "trivial move)";
    }
    return why + ".";
}

} // namespace

json toJson(const LsmMoment& m) {
    json memtable = json::array();
    for (const auto& [key, tombstone] : m.memtable) {
        memtable.push_back({{"key", key}, {"tombstone", tombstone}});
    }
    return {{"op", m.op},
            {"op_text", m.opText},
            {"memtable", std::move(memtable)},
            {"real", {{"events", eventsJson(m.real)}, {"levels", toJson(m.realLevels)}}},
            {"model", {{"events", eventsJson(m.model)}, {"levels", toJson(m.modelLevels)}}},
            {"write_amplification", {{"real", m.realWriteAmp}, {"model", m.modelWriteAmp}}}};
}

json toJson(const LsmGet& g) {
    return {{"key", g.key},
            {"real",
             {{"found", g.realFound},
              {"value", valueJson(g.realValue)},
              {"in_memtable", g.realInMemtable},
              {"bloom_no", g.realBloomNo},
              {"bloom_maybe", g.realBloomMaybe},
              {"blocks_read", g.realBlocksRead}}},
            {"model",
             {{"found", g.modelFound},
              {"value", valueJson(g.modelValue)},
              {"in_memtable", g.modelInMemtable},
              {"range_skips", g.modelRangeSkips},
              {"bloom_no", g.modelBloomNo},
              {"tables_read", g.modelTablesRead}}}};
}

json toJson(const LsmWrites& w) {
    return {{"user_bytes", w.userBytes},
            {"flush_bytes", w.flushBytes},
            {"compaction_bytes", w.compactionBytes},
            {"flushes", w.flushes},
            {"compactions", w.compactions},
            {"write_amplification", std::round(w.writeAmplification() * 100) / 100}};
}

// A whole number as one (4, not 4.0), a fraction as it is.
namespace {

json wholeOrFraction(double v) {
    return std::floor(v) == v && std::fabs(v) < 1e15 ? json(static_cast<std::int64_t>(v)) : json(v);
}

} // namespace

json toJson(const LsmComparisonRow& r) {
    json j = {{"quantity", r.quantity},
              {"real", wholeOrFraction(r.real)},
              {"model", wholeOrFraction(r.model)},
              {"agree", r.agree}};
    if (!r.why.empty()) {
        j["why"] = r.why;
    }
    return j;
}

json toJson(const LsmLabRun& run) {
    json moments = json::array(), gets = json::array(), rows = json::array();
    for (const LsmMoment& m : run.moments) {
        moments.push_back(toJson(m));
    }
    for (const LsmGet& g : run.gets) {
        gets.push_back(toJson(g));
    }
    std::size_t agree = 0;
    for (const LsmComparisonRow& r : run.rows) {
        rows.push_back(toJson(r));
        agree += r.agree;
    }
    return {{"rocksdb", {{"version", run.version}, {"settings", run.settings}}},
            {"moments", std::move(moments)},
            {"moments_left_out", run.momentsLeftOut},
            {"gets", std::move(gets)},
            {"real", {{"levels", toJson(run.realFinal)}, {"writes", toJson(run.realWrites)}}},
            {"model", {{"levels", toJson(run.modelFinal)}, {"writes", toJson(run.modelWrites)}}},
            {"comparison", std::move(rows)},
            {"summary", "agree: " + std::to_string(agree) + " of " +
                            std::to_string(run.rows.size()) + " quantities"}};
}

namespace {

void readLevels(const json& j, LsmLevels* out) {
    out->files.clear();
    for (const json& level : j) {
        for (const json& f : level.at("files")) {
            LsmFile file;
            file.name = f.at("name").get<std::string>();
            file.level = f.at("level").get<int>();
            file.smallest = f.at("smallest").get<std::string>();
            file.largest = f.at("largest").get<std::string>();
            file.entries = f.at("entries").get<std::int64_t>();
            file.deletions = f.at("deletions").get<std::int64_t>();
            file.bytes = f.at("bytes").get<std::int64_t>();
            out->files.push_back(std::move(file));
        }
    }
}

void readEvents(const json& j, std::vector<LsmEvent>* out) {
    for (const json& e : j) {
        LsmEvent event;
        event.kind = e.at("kind").get<std::string>();
        event.fromLevel = e.at("from_level").get<int>();
        event.toLevel = e.at("to_level").get<int>();
        event.reason = e.at("reason").get<std::string>();
        event.inputs = e.at("inputs").get<std::vector<std::string>>();
        event.outputs = e.at("outputs").get<std::vector<std::string>>();
        out->push_back(std::move(event));
    }
}

std::optional<std::string> readValue(const json& j) {
    return j.is_null() ? std::nullopt : std::optional<std::string>(j.get<std::string>());
}

void readGet(const json& j, LsmGet* g) {
    g->key = j.at("key").get<std::string>();
    const json& real = j.at("real");
    const json& model = j.at("model");
    g->realFound = real.at("found").get<bool>();
    g->realValue = readValue(real.at("value"));
    g->realInMemtable = real.at("in_memtable").get<bool>();
    g->realBloomNo = real.at("bloom_no").get<std::int64_t>();
    g->realBloomMaybe = real.at("bloom_maybe").get<std::int64_t>();
    g->realBlocksRead = real.at("blocks_read").get<std::int64_t>();
    g->modelFound = model.at("found").get<bool>();
    g->modelValue = readValue(model.at("value"));
    g->modelInMemtable = model.at("in_memtable").get<bool>();
    g->modelRangeSkips = model.at("range_skips").get<std::int64_t>();
    g->modelBloomNo = model.at("bloom_no").get<std::int64_t>();
    g->modelTablesRead = model.at("tables_read").get<std::int64_t>();
}

void readWrites(const json& j, LsmWrites* w) {
    w->userBytes = j.at("user_bytes").get<std::int64_t>();
    w->flushBytes = j.at("flush_bytes").get<std::int64_t>();
    w->compactionBytes = j.at("compaction_bytes").get<std::int64_t>();
    w->flushes = j.at("flushes").get<std::int64_t>();
    w->compactions = j.at("compactions").get<std::int64_t>();
}

void readMoment(const json& j, LsmMoment* m) {
    m->op = j.at("op").get<int>();
    m->opText = j.at("op_text").get<std::string>();
    for (const json& e : j.at("memtable")) {
        m->memtable.emplace_back(e.at("key").get<std::string>(), e.at("tombstone").get<bool>());
    }
    readEvents(j.at("real").at("events"), &m->real);
    readEvents(j.at("model").at("events"), &m->model);
    readLevels(j.at("real").at("levels"), &m->realLevels);
    readLevels(j.at("model").at("levels"), &m->modelLevels);
    const json& amp = j.at("write_amplification");
    m->realWriteAmp = amp.at("real").get<double>();
    m->modelWriteAmp = amp.at("model").get<double>();
}

} // namespace

Status fromJson(const json& j, LsmLabRun* run) {
    try {
        *run = {};
        run->version = j.at("rocksdb").at("version").get<std::string>();
        run->settings = j.at("rocksdb").at("settings").get<std::vector<std::string>>();
        run->momentsLeftOut = j.value("moments_left_out", std::int64_t{0});
        for (const json& m : j.at("moments")) {
            run->moments.emplace_back();
            readMoment(m, &run->moments.back());
        }
        for (const json& g : j.at("gets")) {
            run->gets.emplace_back();
            readGet(g, &run->gets.back());
        }
        readLevels(j.at("real").at("levels"), &run->realFinal);
        readLevels(j.at("model").at("levels"), &run->modelFinal);
        readWrites(j.at("real").at("writes"), &run->realWrites);
        readWrites(j.at("model").at("writes"), &run->modelWrites);
        for (const json& r : j.at("comparison")) {
            LsmComparisonRow row;
            row.quantity = r.at("quantity").get<std::string>();
            row.real = r.at("real").get<double>();
            row.model = r.at("model").get<double>();
            row.agree = r.at("agree").get<bool>();
            row.why = r.value("why", std::string());
            run->rows.push_back(std::move(row));
        }
    } catch (const json::exception& e) {
        return Status::error("JSON", std::string("the RocksDB lab's answer is not of the shape "
                                                 "expected: ") +
                                         e.what());
    }
    return Status::ok();
}

namespace {

// The gets: answered alike (they must be), and the files bloom filters ruled out.
void addGetRows(LsmLabRun& run) {
    if (run.gets.empty()) {
        return;
    }
    std::int64_t alike = 0, realNo = 0, modelNo = 0;
    for (const LsmGet& g : run.gets) {
        alike += g.realFound == g.modelFound && g.realValue == g.modelValue;
        realNo += g.realBloomNo;
        modelNo += g.modelBloomNo;
    }
    run.rows.push_back(row("gets answered alike", static_cast<double>(alike),
                           static_cast<double>(run.gets.size()),
                           "A get found another value than the model's: the two stores "
                           "disagree on what was written, which they never should."));
    run.rows.push_back(row("files a bloom filter ruled out (all gets)", static_cast<double>(realNo),
                           static_cast<double>(modelNo),
                           "Bloom filters of the same size still err on different keys (each "
                           "hashes its own way), and the two trees look in different files."));
}

// Why the two hold files in a different number of levels.
std::string levelsWhy(const LsmLabRun& run) {
    for (const LsmMoment& m : run.moments) {
        for (const LsmEvent& e : m.real) {
            if (e.reason.starts_with("Universal")) {
                return "RocksDB's universal compaction writes what it merges to its last level "
                       "(level " +
                       std::to_string(run.realFinal.levels() - 1) +
                       " here, of 7), leaving the levels between empty; the model's tiers count "
                       "up from 0.";
            }
        }
    }
    return "Each level's limit is in bytes in RocksDB and in entries in the model, so one of "
           "them spilled into a deeper level first.";
}

} // namespace

void compareLsm(LsmLabRun& run) {
    const LsmLevels& real = run.realFinal;
    const LsmLevels& model = run.modelFinal;
    run.rows.clear();
    run.rows.push_back(row("flushes", static_cast<double>(run.realWrites.flushes),
                           static_cast<double>(run.modelWrites.flushes),
                           "RocksDB flushed a memtable the lab did not ask for (a write buffer "
                           "of 64 KB filled up)."));
    run.rows.push_back(row("compactions", static_cast<double>(run.realWrites.compactions),
                           static_cast<double>(run.modelWrites.compactions), compactionsWhy(run)));
    run.rows.push_back(row("levels holding files", real.levelsHoldingFiles(),
                           model.levelsHoldingFiles(), levelsWhy(run)));
    const int deepest = std::max(real.levels(), model.levels());
    for (int l = 0; l < deepest; ++l) {
        const std::string at = "level " + std::to_string(l);
        run.rows.push_back(row("files in " + at, static_cast<double>(real.level(l).size()),
                               static_cast<double>(model.level(l).size()),
                               l == 0 ? "Level 0 empties at a different moment: RocksDB counts "
                                        "its files against the trigger after each flush settles."
                                      : "RocksDB cuts a compaction's output into files by bytes "
                                        "(twice the first flushed file's, and only between its "
                                        "data blocks of 256 bytes), the model by entries (two "
                                        "memtables' worth each)."));
        run.rows.push_back(row("entries in " + at, static_cast<double>(real.entries(l)),
                               static_cast<double>(model.entries(l)),
                               "The same entries sit at another level: the two compacted at "
                               "different moments."));
    }
    std::int64_t realDeletes = 0, modelDeletes = 0;
    for (const LsmFile& f : real.files) {
        realDeletes += f.deletions;
    }
    for (const LsmFile& f : model.files) {
        modelDeletes += f.deletions;
    }
    run.rows.push_back(row("tombstones kept", static_cast<double>(realDeletes),
                           static_cast<double>(modelDeletes),
                           "A tombstone is dropped only by a compaction into the last level "
                           "that holds its key, and the two compacted into different levels."));
    addGetRows(run);
    const double realWa = std::round(run.realWrites.writeAmplification() * 10) / 10;
    const double modelWa = std::round(run.modelWrites.writeAmplification() * 10) / 10;
    run.rows.push_back(row("write amplification", realWa, modelWa,
                           "RocksDB's files carry an index, a bloom filter and properties "
                           "besides their entries (over a kilobyte per file), so at this small "
                           "scale it writes " +
                               fixed(realWa, 1) + " bytes per byte of data to the model's " +
                               fixed(modelWa, 1) + "."));
}

} // namespace fg::lab
