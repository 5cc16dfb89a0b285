// The walkthroughs of the LSM-tree exercises (practice_walk_detail.h): a get's read path (the
// memtable, then each table in read order: skipped by range, skipped by bloom filter, or read), a
// compaction key by key (the newest version kept, a tombstone dropped or written), and Cassandra's
// tombstone purge (the grace check, each table outside, the verdict by lsm::judgeTombstone).
#include "engines/lsm/tombstone_purge.h"
#include "engines/practice/practice_storage.h"
#include "engines/practice/practice_walk_detail.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

namespace fg::practice::walk {

namespace {

std::string tableName(const ojson& t) {
    return "#" + num(t["id"].get<std::int64_t>());
}

// ---- get-reads -------------------------------------------------------------------------------

// The tables in the order a get looks at them: level by level, each newest (highest id) first.
std::vector<const ojson*> readOrder(const ojson& tables) {
    std::vector<const ojson*> out;
    for (const auto& t : tables) {
        out.push_back(&t);
    }
    std::sort(out.begin(), out.end(), [](const ojson* a, const ojson* b) {
        const int la = (*a)["level"], lb = (*b)["level"];
        return la != lb ? la < lb : (*a)["id"].get<int>() > (*b)["id"].get<int>();
    });
    return out;
}

// One table, as the get meets it: the step, and what it found there ("" when it goes on).
WalkStep tableStep(const ojson& t, std::int64_t key, std::string& found) {
    const std::string id = tableName(t), k = num(key);
    const std::int64_t min = t["min"], max = t["max"];
    const std::string where = "Table " + id + " (level " + num(t["level"].get<int>()) + ", keys " +
                              num(min) + " to " + num(max) + ")";
    if (key < min || key > max) {
        return step(where + " cannot hold " + k + " by its range: skipped unread.", {id});
    }
    if (t["bloom"] == "no") {
        return step(where + " could hold " + k + ", but its bloom filter says no: skipped unread.",
                    {id});
    }
    const std::string holds = t["holds"];
    const std::string read = where + ": its bloom filter says maybe, so it is read";
    ojson settles = {{"reads", {id}}};
    if (holds == "value") {
        found = "value";
        return step(read + ", and it holds a value for " + k + ". The read stops.", {id},
                    std::move(settles));
    }
    if (holds == "tombstone") {
        found = "tombstone";
        return step(read + ", and it holds a tombstone for " + k +
                        ": the key is deleted. The read stops.",
                    {id}, std::move(settles));
    }
    return step(read + ", but " + k + " is not there (a bloom false positive): the read goes on.",
                {id}, std::move(settles));
}

} // namespace

std::vector<WalkStep> getReads(const Exercise& e) {
    const ojson& g = e.given;
    const std::int64_t key = g["key"];
    const std::string k = num(key);
    const auto inMemory = std::find_if(g["memtable"].begin(), g["memtable"].end(),
                                       [&](const ojson& m) { return m["key"] == key; });
    if (inMemory != g["memtable"].end()) {
        const std::string holds = (*inMemory)["holds"];
        return {step("The memtable (recent writes, in memory) holds " +
                         (holds == "value" ? "a value for " + k + ": the read finds it there"
                                           : "a tombstone for " + k + ": the key is deleted") +
                         ", and no table is read.",
                     {"memtable"}, {{"reads", ojson::array()}, {"found", holds}})};
    }
    const auto held = static_cast<std::int64_t>(g["memtable"].size());
    std::vector<WalkStep> out{
        step((held == 0 ? std::string("The memtable (recent writes, in memory) is empty")
                        : "The memtable (recent writes, in memory) holds " + num(held) +
                              (held == 1 ? " key, not " : " keys, not ") + k) +
                 ": the read goes on to the SSTables, level 0 newest (highest id) first, then one "
                 "level at a time.",
             {"memtable"}, {{"reads", ojson::array()}})};
    std::string found, where;
    int reads = 0;
    for (const ojson* t : readOrder(g["tables"])) {
        out.push_back(tableStep(*t, key, found));
        reads += out.back().settles.contains("reads");
        if (!found.empty()) {
            where = tableName(*t);
            break;
        }
    }
    const std::string after =
        "after reading " + num(reads) + (reads == 1 ? " table" : " tables") + ".";
    out.push_back(
        found.empty()
            ? step("No place holds " + k + ": the read finds nothing (missing), " + after, {},
                   {{"found", "missing"}})
            : step("The result: " + std::string(found == "value" ? "a value" : "a tombstone") +
                       " in " + where + (found == "value" ? "" : ", so the key reads as deleted") +
                       ", " + after,
                   {where}, {{"found", found}}));
    return out;
}

// ---- compaction ------------------------------------------------------------------------------

namespace {

struct Version {
    std::int64_t seq = 0;
    std::optional<std::string> value; // none: a tombstone
    std::string table;
};

std::string versionsText(const std::vector<Version>& vs) {
    if (vs.size() == 1) {
        return "one version (seq " + num(vs[0].seq) + ", in " + vs[0].table + ")";
    }
    std::string out;
    for (const auto& v : vs) {
        out += (out.empty() ? "versions seq " : ", ") + num(v.seq) + " (" + v.table + ")";
    }
    return out;
}

// What the compaction does with one key: the step, and the entry it writes, if any.
WalkStep keyStep(std::int64_t key, const std::vector<Version>& vs, bool olderOutside, bool bottom,
                 int level) {
    const Version& newest = vs.front();
    const std::string k = num(key), head = "Key " + k + ": " + versionsText(vs);
    if (newest.value) {
        const std::string entry = k + "=" + *newest.value;
        return step(head + (vs.size() == 1 ? ": " + entry + " is written."
                                           : ". The newest, " + entry +
                                                 ", is written; the older are dropped."),
                    {}, {{"entries", {entry}}});
    }
    const bool one = vs.size() == 1;
    const std::string tomb = head + (one ? ", a tombstone. " : ". The newest is a tombstone, ");
    if (olderOutside) {
        return step(tomb + (one ? "A" : "and a") +
                        " table outside holds an older version: the tombstone is written to keep "
                        "hiding it" +
                        (one ? "." : "; the older are dropped."),
                    {}, {{"entries", {k + "=tombstone"}}});
    }
    return step(tomb + (one ? "No" : "and no") + " table outside holds an older version" +
                (bottom ? " (level " + num(level) + " is the bottom)" : "") +
                ": nothing is left to hide, so " + (one ? "it is" : "all are") + " dropped.");
}

// Keys of one version holding a value, said together (a long compaction's plain part).
WalkStep plainKeysStep(const std::vector<std::pair<std::int64_t, std::string>>& run) {
    std::vector<std::string> keys, entries;
    for (const auto& [key, entry] : run) {
        keys.push_back(num(key));
        entries.push_back(entry);
    }
    return step("Keys " + listed(keys) + ": one version each, a value: each is written as it is.",
                {}, {{"entries", entries}});
}

} // namespace

namespace {

// Each key's versions, newest first; and the input tables as said, level by level.
struct Inputs {
    std::map<std::int64_t, std::vector<Version>> keys;
    std::string tables;
};

Inputs inputsOf(const ojson& g) {
    Inputs in;
    std::map<int, std::vector<std::string>> byLevel;
    for (const auto& t : g["inputs"]) {
        byLevel[t["level"].get<int>()].push_back(tableName(t));
        for (const auto& x : t["entries"]) {
            in.keys[x["key"].get<std::int64_t>()].push_back(
                {x["seq"].get<std::int64_t>(),
                 x["value"].is_null() ? std::nullopt
                                      : std::optional<std::string>(x["value"].get<std::string>()),
                 tableName(t)});
        }
    }
    for (auto& [key, vs] : in.keys) {
        std::sort(vs.begin(), vs.end(),
                  [](const Version& a, const Version& b) { return a.seq > b.seq; });
    }
    std::vector<std::string> levels;
    for (const auto& [l, ids] : byLevel) {
        levels.push_back(spoken(ids) + " (level " + num(l) + ")");
    }
    in.tables = spoken(levels);
    return in;
}

std::string summaryText(std::int64_t written, std::int64_t tombstones, int level) {
    return "In all it writes " + num(written) + (written == 1 ? " entry" : " entries") +
           " into level " + num(level) + ", " +
           (tombstones == 0   ? std::string("none of them a tombstone.")
            : tombstones == 1 ? std::string("1 of them a tombstone.")
                              : num(tombstones) + " of them tombstones.");
}

} // namespace

std::vector<WalkStep> compaction(const Exercise& e) {
    const ojson& g = e.given;
    const Inputs in = inputsOf(g);
    const auto olderOutside = g["older_outside"].get<std::set<std::int64_t>>();
    const bool bottom = g["bottom"];
    const int level = g["output_level"];
    std::vector<WalkStep> out{step("The compaction merges " + in.tables + " into level " +
                                       num(level) + (bottom ? ", the bottom level" : "") +
                                       ", key by key in key order, keeping the newest version "
                                       "(highest seq) of each.",
                                   {}, {{"entries", ojson::array()}})};
    const bool grouped = in.keys.size() > 20; // a long one says its plain keys together
    std::vector<std::pair<std::int64_t, std::string>> run;
    std::int64_t written = 0, tombstones = 0;
    for (const auto& [key, vs] : in.keys) {
        const bool plain = vs.size() == 1 && vs[0].value;
        if (!run.empty() && (!grouped || !plain || run.size() == 8)) {
            out.push_back(plainKeysStep(run));
            run.clear();
        }
        if (grouped && plain) {
            run.push_back({key, num(key) + "=" + *vs[0].value});
            ++written;
            continue;
        }
        out.push_back(keyStep(key, vs, olderOutside.count(key) > 0, bottom, level));
        written += !out.back().settles.empty();
        tombstones += !vs.front().value && !out.back().settles.empty();
    }
    if (!run.empty()) {
        out.push_back(plainKeysStep(run));
    }
    out.push_back(step(summaryText(written, tombstones, level)));
    return out;
}

// ---- tombstone-drop --------------------------------------------------------------------------

namespace {

// "2024-03-01 10:00:00" (UTC) in seconds since the epoch.
std::int64_t utcSeconds(const std::string& text) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    std::sscanf(text.c_str(), "%d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi, &s);
    using namespace std::chrono;
    const sys_days day = year{y} / month{static_cast<unsigned>(mo)} / static_cast<unsigned>(d);
    return day.time_since_epoch().count() * 86400 + h * 3600 + mi * 60 + s;
}

WalkStep graceStep(const lsm::TombstoneAtCompaction& t, const lsm::TombstoneVerdict& v) {
    const std::int64_t end = t.localDeletionTime + t.gcGraceSeconds;
    const std::string when = t.compactionTime > end    ? "comes later"
                             : t.compactionTime == end ? "comes exactly then"
                                                       : "comes earlier";
    return step("The delete at " + utcText(t.localDeletionTime) + ", plus gc_grace_seconds " +
                graceText(t.gcGraceSeconds) + ", is " + utcText(end) + ". The compaction, at " +
                utcText(t.compactionTime) + ", " + when + ": grace has " +
                (v.withinGcGrace ? "not passed (it must be later)." : "passed."));
}

WalkStep outsideStep(const ojson& o, const std::string& key, lsm::TombstoneAtCompaction t) {
    const std::string name = "Table " + num(o["table"].get<int>()) + " outside";
    t.outside = {{o["bloom"] == "maybe", utcSeconds(o["oldest_write"])}};
    if (!t.outside[0].mayHoldKey) {
        return step(name + ": its bloom filter says no for " + key +
                    ", so it holds no older data for it.");
    }
    const std::string oldest = "its oldest write (" + utcText(t.outside[0].oldestWrite) + ")";
    return step(name + ": its bloom filter says maybe, and " + oldest +
                (lsm::judgeTombstone(t).mayShadowOutside
                     ? " is not after the delete: it may hold older data for " + key + "."
                     : " is after the delete: nothing in it is older."));
}

} // namespace

std::vector<WalkStep> tombstoneDrop(const Exercise& e) {
    const ojson& g = e.given;
    const std::string key = g["key"];
    lsm::TombstoneAtCompaction t;
    t.localDeletionTime = utcSeconds(g["deleted_at"]);
    t.timestamp = t.localDeletionTime;
    t.gcGraceSeconds = g["gc_grace_seconds"];
    t.compactionTime = utcSeconds(g["compaction_at"]);
    for (const auto& o : g["outside"]) {
        t.outside.push_back({o["bloom"] == "maybe", utcSeconds(o["oldest_write"])});
    }
    const lsm::TombstoneVerdict v = lsm::judgeTombstone(t);
    std::vector<WalkStep> out{graceStep(t, v)};
    if (g["outside"].empty()) {
        out.push_back(step("No SSTable lies outside the compaction, so no older data for " + key +
                           " can be hiding there."));
    }
    for (const auto& o : g["outside"]) {
        out.push_back(outsideStep(o, key, t));
    }
    const std::string why = tombstoneReason(v);
    out.push_back(step(std::string(v.drop() ? "So the compaction drops the tombstone: "
                                            : "So the compaction keeps the tombstone: ") +
                           why + ".",
                       {}, {{"drop", v.drop() ? "yes" : "no"}, {"why", why}}));
    return out;
}

} // namespace fg::practice::walk
