// The LSM-tree exercises (practice_storage.h): which tables a get reads, what a compaction writes,
// and whether a compaction may drop a tombstone. The engine (engines/lsm) builds the tables from
// a seeded workload and answers: its read path gives the tables read, its compaction the entries
// written, and judgeTombstone (Cassandra's rule) the tombstone's fate.
#include "engines/core/rng.h"
#include "engines/lsm/lsm_tree.h"
#include "engines/lsm/tombstone_purge.h"
#include "engines/practice/practice_detail.h"
#include "engines/practice/practice_storage.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace fg::practice {

namespace {

using ojson = nlohmann::ordered_json;
using Kind = AnswerField::Kind;
using namespace detail;

using LsmSink = StepSink<lsm::LsmStep, lsm::LsmState>;

// The shape of the tree a workload builds, and the writes that build it.
struct LsmSetup {
    lsm::LsmParams params;
    int writes = 0;
    int deletePercent = 0;
    int spread = 0; // each memtable's keys lie within centre +- spread: tables cover narrow ranges
};

// `setup.writes` writes of keys 1..99, a burst of memtable_entries around one centre at a time;
// a write is a delete of a key written before with deletePercent % chance. A value names its
// sequence number ("v7"), so a version reads the same in the given and the answer.
// Stops early once `enough()` says so, checked after each write.
void runWorkload(Rng& r, const lsm::LsmEngine& engine, const LsmSetup& setup, lsm::LsmState& s,
                 LsmSink& sink, const std::function<bool()>& enough = nullptr) {
    std::vector<std::string> written;
    std::int64_t centre = 50;
    for (int i = 0; i < setup.writes; ++i) {
        if (i % setup.params.memtableEntries == 0) {
            centre = r.uniform(1 + setup.spread, 99 - setup.spread);
        }
        const bool remove = !written.empty() && r.uniform(1, 100) <= setup.deletePercent;
        if (remove) {
            const std::string key =
                written[static_cast<std::size_t>(r.uniform(0, std::ssize(written) - 1))];
            engine.apply(s, lsm::LsmOp::remove(key), sink);
        } else {
            const std::string key = num(centre + r.uniform(-setup.spread, setup.spread));
            written.push_back(key);
            engine.apply(s, lsm::LsmOp::put(key, "v" + num(static_cast<std::int64_t>(s.nextSeq))),
                         sink);
        }
        if (enough && enough()) {
            return;
        }
    }
}

std::int64_t keyNumber(const std::string& key) {
    return std::stoll(key);
}

std::string tableName(int id) {
    return "#" + num(id);
}

// ---- get-reads -------------------------------------------------------------------------------

// The get's probes, as the engine reports them.
class GetProbes final : public LsmSink {
public:
    bool narrate() const override { return true; }
    void report(lsm::LsmStep step, const lsm::LsmState&) override {
        if (step.kind == lsm::StepKind::kGet) {
            get = std::move(step);
        }
    }
    lsm::LsmStep get;
};

struct GetResult {
    std::vector<std::string> reads; // tables read, in order
    std::string found;              // "value", "tombstone" or "missing"
    int falsePositives = 0, rangeSkips = 0;
};

GetResult getOf(const lsm::LsmEngine& engine, lsm::LsmState& s, const std::string& key) {
    GetProbes probes;
    engine.apply(s, lsm::LsmOp::get(key), probes);
    GetResult out;
    bool hit = false;
    for (const lsm::Probe& p : probes.get.probed) {
        hit = hit || p.result == lsm::ProbeResult::kHit;
        out.falsePositives += p.result == lsm::ProbeResult::kFalsePositive;
        out.rangeSkips += p.result == lsm::ProbeResult::kSkippedRange;
        if (p.where == lsm::Probe::Where::kTable &&
            (p.result == lsm::ProbeResult::kHit || p.result == lsm::ProbeResult::kFalsePositive)) {
            out.reads.push_back(tableName(p.table));
        }
    }
    out.found = probes.get.found ? "value" : hit ? "tombstone" : "missing";
    return out;
}

// How much a get of a key shows: false positives, a tombstone, tables skipped by range, reads.
int getInterest(const GetResult& g) {
    return 2 * std::min(g.falsePositives, 2) + (g.found == "tombstone" ? 2 : 0) +
           (g.rangeSkips > 0 ? 1 : 0) + (g.reads.size() >= 2 ? 1 : 0);
}

LsmSetup getReadsSetup(Rng& r, Level level) {
    LsmSetup s;
    s.params.memtableEntries = level == Level::Easy ? 3 : 4;
    s.params.l0Trigger = level == Level::Easy ? 99 : 4; // easy: level 0 only
    s.params.levelRatio = level == Level::Hard ? 2 : 10;
    s.params.bloomBitsPerKey = level == Level::Easy ? 10 : level == Level::Medium ? 4 : 2;
    s.writes = sized(r, level, {7, 11}, {18, 28}, {30, 44});
    s.deletePercent = level == Level::Easy ? 10 : level == Level::Medium ? 15 : 25;
    s.spread = level == Level::Easy ? 10 : 8;
    return s;
}

// The key the get asks for: one of 1..99 (most of them written), the most telling of 16 when hard.
std::string pickGetKey(Rng& r, Level level, const lsm::LsmEngine& engine, lsm::LsmState& s) {
    std::set<std::string> present;
    for (const auto& t : s.tables) {
        for (const auto& e : t.entries) {
            present.insert(e.key);
        }
    }
    for (const auto& [k, e] : s.memtable) {
        present.insert(k);
    }
    const std::vector<std::string> keys(present.begin(), present.end());
    std::string best;
    int bestScore = -1;
    for (int round = 0; round < (level == Level::Hard ? 16 : 1) && bestScore < 6; ++round) {
        const bool written = r.uniform(0, 2) != 0;
        const std::string key =
            written ? keys[static_cast<std::size_t>(r.uniform(0, std::ssize(keys) - 1))]
                    : num(r.uniform(1, 99));
        const int score = level == Level::Hard ? getInterest(getOf(engine, s, key)) : 0;
        if (score > bestScore) {
            bestScore = score;
            best = key;
        }
    }
    return best;
}

ojson tablesJson(const lsm::LsmState& s, const std::string& key, AnswerField& reads) {
    std::vector<const lsm::SSTable*> tables;
    for (const auto& t : s.tables) {
        tables.push_back(&t);
    }
    std::sort(tables.begin(), tables.end(), [](const lsm::SSTable* a, const lsm::SSTable* b) {
        return a->level != b->level ? a->level < b->level : a->id < b->id;
    });
    ojson out = ojson::array();
    for (const lsm::SSTable* t : tables) {
        const auto e = std::find_if(t->entries.begin(), t->entries.end(),
                                    [&](const lsm::Entry& x) { return x.key == key; });
        const char* holds = e == t->entries.end() ? "no" : e->value ? "value" : "tombstone";
        out.push_back({{"id", t->id},
                       {"level", t->level},
                       {"min", keyNumber(t->minKey())},
                       {"max", keyNumber(t->maxKey())},
                       {"bloom", t->bloom.mayContain(key) ? "maybe" : "no"},
                       {"holds", holds}});
        reads.options.push_back(tableName(t->id));
    }
    return out;
}

// ---- compaction ------------------------------------------------------------------------------

// A compaction's input table as it was (its entries; no bloom filter to copy).
struct InputTable {
    int id = 0, level = 0;
    std::vector<lsm::Entry> entries;
};

// One compaction the engine ran: its inputs as they were, and what it wrote.
struct CompactionSeen {
    std::vector<InputTable> inputs;
    int outLevel = 0;
    bool bottom = false;                 // no table below the output level
    std::set<std::int64_t> olderOutside; // keys of which a table left out holds an older version
    std::vector<lsm::Entry> written;     // the output tables' entries, in key order
};

class Compactions final : public LsmSink {
public:
    bool narrate() const override { return true; }
    void report(lsm::LsmStep step, const lsm::LsmState& s) override {
        if (step.kind == lsm::StepKind::kCompactionStart) {
            seen.push_back(started(step, s));
        } else if (step.kind == lsm::StepKind::kCompactionDone) {
            for (const int id : step.outputs) {
                for (const auto& t : s.tables) {
                    if (t.id == id) {
                        seen.back().written.insert(seen.back().written.end(), t.entries.begin(),
                                                   t.entries.end());
                    }
                }
            }
        }
    }
    std::vector<CompactionSeen> seen;

private:
    static CompactionSeen started(const lsm::LsmStep& step, const lsm::LsmState& s) {
        CompactionSeen c;
        c.outLevel = step.level;
        c.bottom = true;
        const auto isInput = [&](const lsm::SSTable& t) {
            return std::find(step.inputs.begin(), step.inputs.end(), t.id) != step.inputs.end();
        };
        std::map<std::string, std::uint64_t> newest;
        for (const auto& t : s.tables) {
            if (isInput(t)) {
                c.inputs.push_back({t.id, t.level, t.entries});
                for (const auto& e : t.entries) {
                    newest[e.key] = std::max(newest[e.key], e.seq);
                }
            }
        }
        std::sort(c.inputs.begin(), c.inputs.end(), [](const auto& a, const auto& b) {
            return a.level != b.level ? a.level < b.level : a.id < b.id;
        });
        for (const auto& t : s.tables) {
            if (isInput(t)) {
                continue;
            }
            c.bottom = c.bottom && t.level <= step.level;
            for (const auto& e : t.entries) {
                if (const auto it = newest.find(e.key); it != newest.end() && e.seq < it->second) {
                    c.olderOutside.insert(keyNumber(e.key));
                }
            }
        }
        return c;
    }
};

std::string versionText(const lsm::Entry& e) {
    return e.key + "=" + (e.value ? *e.value : std::string("tombstone"));
}

// How much a compaction shows: a key in two inputs, tombstones dropped and kept; too many entries
// to work through by hand count against it.
int compactionInterest(const CompactionSeen& c) {
    std::set<std::string> keys;
    std::size_t entries = 0, tombstones = 0;
    for (const auto& t : c.inputs) {
        entries += t.entries.size();
        for (const auto& e : t.entries) {
            keys.insert(e.key);
            tombstones += !e.value;
        }
    }
    std::size_t keptTombstones = 0;
    for (const auto& e : c.written) {
        keptTombstones += !e.value;
    }
    return (keys.size() < entries ? 2 : 0) + (keptTombstones > 0 ? 3 : 0) +
           (tombstones > keptTombstones ? 1 : 0) + (c.bottom ? 0 : 1) - (entries > 16 ? 4 : 0);
}

// Runs the workload until it shows what the level asks for, and returns that compaction: easy,
// the first one; medium, any one of the whole run; hard, the first of interest 6 or more, else
// the most telling one.
const CompactionSeen& pickCompaction(Rng& r, Level level, const lsm::LsmEngine& engine,
                                     const LsmSetup& setup, Compactions& compactions) {
    std::size_t scored = 0, chosen = 0;
    int best = -1;
    const auto enough = [&] {
        for (; scored < compactions.seen.size(); ++scored) {
            if (const int score = compactionInterest(compactions.seen[scored]); score > best) {
                best = score;
                chosen = scored;
            }
        }
        return level == Level::Easy   ? !compactions.seen.empty()
               : level == Level::Hard ? best >= 4
                                      : false;
    };
    lsm::LsmState s = engine.initialState();
    runWorkload(r, engine, setup, s, compactions, enough);
    // A workload that rewrote keys still in the memtable may not have flushed twice yet: more
    // bursts until a compaction runs.
    LsmSetup burst = setup;
    burst.writes = setup.params.memtableEntries;
    for (int more = 0; compactions.seen.empty() && more < 1000; ++more) {
        runWorkload(r, engine, burst, s, compactions, enough);
    }
    if (compactions.seen.empty()) { // never met in practice: a compaction of every table
        engine.apply(s, lsm::LsmOp::flush(), compactions);
        engine.apply(s, lsm::LsmOp::compact(), compactions);
    }
    enough();
    if (level == Level::Medium) {
        chosen = static_cast<std::size_t>(r.uniform(0, std::ssize(compactions.seen) - 1));
    }
    return compactions.seen[level == Level::Easy ? 0 : chosen];
}

LsmSetup compactionSetup(Rng& r, Level level) {
    LsmSetup s;
    s.params.memtableEntries = level == Level::Hard ? 3 : sized(r, level, {3, 3}, {3, 4}, {3, 3});
    s.params.l0Trigger = 2;
    s.params.levelRatio = level == Level::Easy ? 10 : 2;
    s.writes = sized(r, level, {6, 8}, {10, 20}, {24, 40});
    s.deletePercent = level == Level::Easy ? 15 : level == Level::Medium ? 20 : 30;
    s.spread = level == Level::Easy ? 4 : 6;
    return s;
}

ojson inputsJson(const CompactionSeen& c, AnswerField& entries) {
    ojson out = ojson::array();
    std::vector<lsm::Entry> versions;
    for (const auto& t : c.inputs) {
        ojson rows = ojson::array();
        for (const auto& e : t.entries) {
            rows.push_back({{"key", keyNumber(e.key)},
                            {"seq", e.seq},
                            {"value", e.value ? ojson(*e.value) : ojson(nullptr)}});
            versions.push_back(e);
        }
        out.push_back({{"id", t.id}, {"level", t.level}, {"entries", std::move(rows)}});
    }
    std::sort(versions.begin(), versions.end(), [](const lsm::Entry& a, const lsm::Entry& b) {
        return lsm::KeyLess()(a.key, b.key) || (a.key == b.key && a.seq < b.seq);
    });
    for (const auto& e : versions) {
        if (std::find(entries.options.begin(), entries.options.end(), versionText(e)) ==
            entries.options.end()) {
            entries.options.push_back(versionText(e));
        }
    }
    return out;
}

// ---- tombstone-drop --------------------------------------------------------------------------

const char* const kDropReasons[] = {
    "gc_grace_seconds have passed and no table outside may hold older data",
    "gc_grace_seconds have not passed yet",
    "a table outside the compaction may hold older data for the key",
    "both: gc_grace_seconds have not passed, and a table outside may hold older data",
};

// How far from a boundary a time lies: days when easy, hours when medium, a second or none
// (the boundary itself) or minutes when hard.
std::int64_t offsetFrom(Rng& r, Level level) {
    const std::int64_t sign = r.uniform(0, 1) ? 1 : -1;
    switch (level) {
    case Level::Easy:
        return sign * 86400 * r.uniform(1, 5);
    case Level::Medium:
        return sign * 3600 * r.uniform(1, 48);
    case Level::Hard:
        break;
    }
    static const std::int64_t near[] = {0, 1, 1, 60, 3600};
    return sign * pickOf(r, near);
}

// The tables outside the compaction (easy: none or one; hard: two or three), each with its bloom
// filter's answer for the key and its oldest write near the delete; added to `t`.
ojson outsideSources(Rng& r, Level level, lsm::TombstoneAtCompaction& t) {
    const int sources = sized(r, level, {0, 1}, {1, 2}, {2, 3});
    ojson outside = ojson::array();
    for (int i = 0; i < sources; ++i) {
        lsm::OutsideSource o;
        o.mayHoldKey = r.uniform(0, 2) != 0;
        o.oldestWrite = t.timestamp + offsetFrom(r, level);
        t.outside.push_back(o);
        outside.push_back({{"table", i + 1},
                           {"bloom", o.mayHoldKey ? "maybe" : "no"},
                           {"oldest_write", utcText(o.oldestWrite)}});
    }
    return outside;
}

std::string tombstonePrompt(const std::string& key, const lsm::TombstoneAtCompaction& t) {
    return "Cassandra deleted the key " + key + " at " + utcText(t.localDeletionTime) +
           " UTC, writing a tombstone (a marker that hides older copies of the data). A "
           "compaction at " +
           utcText(t.compactionTime) + " UTC meets it. The Cassandra table's gc_grace_seconds is " +
           graceText(t.gcGraceSeconds) +
           ": how long a tombstone must be kept so that repair can carry the delete to every "
           "replica (dropped sooner, a replica that missed the delete could bring the data "
           "back). The compaction may drop the tombstone only when the delete happened more "
           "than gc_grace_seconds before the compaction, and no SSTable outside the compaction "
           "may hold older data for the key (one may when its bloom filter says \"maybe\" for "
           "the key and its oldest write is not later than the delete). Can it drop the "
           "tombstone, and why?";
}

} // namespace

Exercise lsmGetReads(std::uint64_t seed, Level level) {
    Rng r(seed);
    Exercise e = start("lsm", "get-reads", seed, level);
    const LsmSetup setup = getReadsSetup(r, level);
    const lsm::LsmEngine engine(setup.params);
    lsm::LsmState s = engine.initialState();
    SilentSink<lsm::LsmStep, lsm::LsmState> silent;
    runWorkload(r, engine, setup, s, silent);
    const std::string key = pickGetKey(r, level, engine, s);
    ojson memtable = ojson::array();
    for (const auto& [k, entry] : s.memtable) {
        memtable.push_back({{"key", keyNumber(k)}, {"holds", entry.value ? "value" : "tombstone"}});
    }
    AnswerField reads = answerField("reads", Kind::WordList, "The tables read, in order");
    reads.ordered = true;
    ojson tables = tablesJson(s, key, reads);
    const GetResult got = getOf(engine, s, key);
    e.prompt =
        "An LSM-tree (leveled, as in LevelDB or RocksDB) gets the key " + key +
        ". A read looks in the memtable (recent writes, in memory) first, then in the SSTables "
        "(sorted files on disk): level 0 newest first (a higher id is newer; level-0 tables may "
        "overlap), then level 1, 2 and so on, where tables do not overlap, so at most one table "
        "per level can hold the key. A table whose key range (min to max) cannot hold the key "
        "is skipped unread; so is one whose bloom filter (a small summary kept in memory) "
        "answers \"no\". A \"maybe\" can be wrong (a false positive): the table is read and the "
        "key is not there. The read stops at the first place that holds the key, a tombstone "
        "(the marker a delete writes) included. Which tables are read, in order, and what does "
        "the read find?";
    e.given = {
        {"key", keyNumber(key)}, {"memtable", std::move(memtable)}, {"tables", std::move(tables)}};
    e.answer = {{"reads", got.reads}, {"found", got.found}};
    AnswerField found = answerField("found", Kind::Choice, "What the read finds");
    found.options = {"value", "tombstone", "missing"};
    e.fields = {std::move(reads), std::move(found)};
    return e;
}

Exercise lsmCompaction(std::uint64_t seed, Level level) {
    Rng r(seed);
    Exercise e = start("lsm", "compaction", seed, level);
    const LsmSetup setup = compactionSetup(r, level);
    const lsm::LsmEngine engine(setup.params);
    Compactions compactions;
    const CompactionSeen& c = pickCompaction(r, level, engine, setup, compactions);
    AnswerField entries =
        answerField("entries", Kind::WordList, "The entries written, in key order");
    entries.ordered = true;
    ojson inputs = inputsJson(c, entries);
    std::vector<std::string> written;
    for (const auto& x : c.written) {
        written.push_back(versionText(x));
    }
    std::string older;
    for (const std::int64_t k : c.olderOutside) {
        older += (older.empty() ? "" : ", ") + num(k);
    }
    e.prompt =
        "An LSM-tree compaction merges these SSTables (sorted files of versions: each has a "
        "sequence number, higher is newer, and a value or a tombstone, the marker a delete "
        "writes) into level " +
        num(c.outLevel) + (c.bottom ? ", the bottom level (no table lies below it)" : "") +
        ". It keeps only the newest version of each key. It drops a tombstone when no table "
        "outside the compaction holds an older version of its key (nothing is left for it to "
        "hide), and writes it otherwise. Tables outside hold older versions of " +
        (older.empty()                ? std::string("none of these keys")
         : c.olderOutside.size() == 1 ? "the key " + older
                                      : "the keys " + older) +
        ". Which entries does it write, in key order, each as key=value or key=tombstone?";
    e.given = {{"inputs", std::move(inputs)},
               {"output_level", c.outLevel},
               {"bottom", c.bottom},
               {"older_outside", c.olderOutside}};
    e.answer = {{"entries", written}};
    e.fields = {std::move(entries)};
    return e;
}

Exercise lsmTombstoneDrop(std::uint64_t seed, Level level) {
    Rng r(seed);
    Exercise e = start("lsm", "tombstone-drop", seed, level);
    static const std::int64_t easyGrace[] = {864000, 86400};
    static const std::int64_t mediumGrace[] = {864000, 86400, 10800, 3600};
    static const std::int64_t hardGrace[] = {864000, 86400, 3600, 0};
    lsm::TombstoneAtCompaction t;
    t.gcGraceSeconds = level == Level::Easy     ? pickOf(r, easyGrace)
                       : level == Level::Medium ? pickOf(r, mediumGrace)
                                                : pickOf(r, hardGrace);
    // Some second of 2024 (UTC).
    t.localDeletionTime = 1'704'067'200 + r.uniform(0, 365 * 86400 - 1);
    t.timestamp = t.localDeletionTime;
    // The compaction comes after the delete (a tester got one that came before it): a time that
    // would put it there, or at the same second, is mirrored to as long after it.
    std::int64_t after = t.gcGraceSeconds + offsetFrom(r, level);
    if (after <= 0) {
        after = 1 - after;
    }
    t.compactionTime = t.localDeletionTime + after;
    ojson outside = outsideSources(r, level, t);
    const std::string key = "user:" + num(r.uniform(1, 9999));
    const lsm::TombstoneVerdict v = lsm::judgeTombstone(t);
    e.prompt = tombstonePrompt(key, t);
    e.given = {{"key", key},
               {"deleted_at", utcText(t.localDeletionTime)},
               {"gc_grace_seconds", t.gcGraceSeconds},
               {"compaction_at", utcText(t.compactionTime)},
               {"outside", std::move(outside)}};
    e.answer = {{"drop", v.drop() ? "yes" : "no"}, {"why", tombstoneReason(v)}};
    AnswerField drop = answerField("drop", Kind::Choice, "Can the compaction drop it?");
    drop.options = {"yes", "no"};
    AnswerField reason = answerField("why", Kind::Choice, "Why");
    reason.options.assign(std::begin(kDropReasons), std::end(kDropReasons));
    e.fields = {std::move(drop), std::move(reason)};
    return e;
}

std::string utcText(std::int64_t seconds) {
    using namespace std::chrono;
    const sys_seconds t{std::chrono::seconds{seconds}};
    const sys_days day = floor<days>(t);
    const year_month_day ymd{day};
    const hh_mm_ss hms{t - day};
    char out[32];
    std::snprintf(out, sizeof out, "%04d-%02u-%02u %02d:%02d:%02d", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    return out;
}

std::string graceText(std::int64_t s) {
    const auto unit = [](std::int64_t n, const char* one) {
        return num(n) + " " + one + (n == 1 ? "" : "s");
    };
    return num(s) + (s == 0           ? " (none)"
                     : s % 86400 == 0 ? " (" + unit(s / 86400, "day") + ")"
                     : s % 3600 == 0  ? " (" + unit(s / 3600, "hour") + ")"
                                      : " seconds");
}

const char* tombstoneReason(const lsm::TombstoneVerdict& v) {
    return kDropReasons[v.drop()                                ? 0
                        : v.withinGcGrace && v.mayShadowOutside ? 3
                        : v.withinGcGrace                       ? 1
                                                                : 2];
}

} // namespace fg::practice
