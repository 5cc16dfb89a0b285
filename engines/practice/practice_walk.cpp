// walkthrough() and settledAnswer() (practice_walk.h), with the walkthroughs of hashslot
// moved-or-ask, kafka sticky-keyless and downsample tier-of-query: each reads the exercise's given
// and follows the rule its prompt states (the Cluster spec's MOVED and ASK, KIP-480's batches and
// draws, the finest tier whose retention holds the range), the slot by redis::keySlot itself.
#include "engines/practice/practice_walk.h"

#include "engines/practice/practice_walk_detail.h"
#include "engines/redis/crc16.h"
#include "engines/redis/key_slot.h"
#include "engines/timeseries/clock_text.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <set>

namespace fg::practice {

namespace walk {

namespace {

// ---- hashslot moved-or-ask -------------------------------------------------------------------

int ownerOf(const ojson& masters, int slot) {
    for (const auto& m : masters) {
        for (const auto& r : m["slots"]) {
            if (slot >= r[0].get<int>() && slot <= r[1].get<int>()) {
                return m["master"].get<int>();
            }
        }
    }
    return -1;
}

bool holds(const ojson& keys, const std::string& key) {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

WalkStep slotStep(const std::string& key) {
    const std::string hashed(redis::hashedPart(key));
    const std::string crc =
        "CRC16 " + num(redis::crc16(hashed)) + " mod 16384 = slot " + num(redis::keySlot(key));
    return step(redis::hasHashTag(key)
                    ? "The key \"" + key + "\" has the hash tag {" + hashed + "}, so only \"" +
                          hashed + "\" is hashed: " + crc + "."
                    : "The key \"" + key + "\" has no hash tag, so all of it is hashed: " + crc +
                          ".");
}

// The cluster's map against the client's, and the slot's migration when it is the key's.
struct Route {
    int slot, asked, owner, from, to, moving; // `moving`: the slot that migrates
    bool migrating, done, moved, waiting;     // the key moved to `to`, still on `from`
};

Route routeOf(const ojson& g) {
    const ojson& m = g["migration"];
    Route r{};
    r.slot = redis::keySlot(g["key"].get<std::string>());
    r.asked = g["client_asks"];
    r.owner = ownerOf(g["masters"], r.slot);
    r.from = m["from"];
    r.to = m["to"];
    r.moving = m["slot"];
    r.migrating = r.slot == m["slot"] && m["status"] == "migrating";
    r.done = r.slot == m["slot"] && m["status"] == "done";
    r.moved = holds(m["moved"], g["key"]);
    r.waiting = holds(m["not_moved"], g["key"]);
    return r;
}

std::string answers(const Route& r) {
    return r.moved || r.waiting ? "returns the value" : "answers nil: no SET ever wrote this key";
}

WalkStep replyStep(const Route& r) {
    const std::string s = num(r.slot), asked = "Master " + num(r.asked);
    if (r.asked != r.owner) {
        return step(asked + " does not own slot " + s +
                        (r.migrating && r.asked == r.to
                             ? " (it is only IMPORTING it, and the client sent no ASKING first)"
                             : "") +
                        ", so it replies MOVED " + s + " master " + num(r.owner) +
                        ", and the client updates its map.",
                    {}, {{"reply", "MOVED"}, {"node", r.owner}});
    }
    if (r.migrating && !r.waiting) {
        return step(asked + " owns slot " + s + ", but the slot is MIGRATING and the key is not " +
                        (r.moved ? "there any more (it has moved to master " + num(r.to) + ")"
                                 : "there (no SET ever wrote it)") +
                        ", so it replies ASK " + s + " master " + num(r.to) +
                        "; the client keeps its map.",
                    {}, {{"reply", "ASK"}, {"node", r.to}});
    }
    return step(asked + " owns slot " + s +
                    (r.migrating ? " and still holds the key (not moved yet)" : "") +
                    ", so it replies OK: it " + answers(r) + ".",
                {}, {{"reply", "OK"}, {"node", r.asked}});
}

} // namespace

std::vector<WalkStep> movedOrAsk(const Exercise& e) {
    const Route r = routeOf(e.given);
    std::vector<WalkStep> out{slotStep(e.given["key"])};
    const std::string s = num(r.slot);
    out.push_back(
        step("The client's slot map names master " + num(r.asked) + " for slot " + s +
             ", so it sends the GET there. In the cluster, slot " + s + " belongs to master " +
             num(r.owner) +
             (r.migrating ? ", which is moving it to master " + num(r.to) + " (MIGRATING on " +
                                num(r.from) + ", IMPORTING on " + num(r.to) + ")"
              : r.done ? ", which has just taken it over from master " + num(r.from)
                       : "") +
             "." +
             (r.slot != r.moving ? " (The slot that moves is " + num(r.moving) + ", not this one.)"
                                 : "")));
    out.push_back(replyStep(r));
    if (r.asked != r.owner) {
        out.push_back(step(r.migrating && !r.waiting
                               ? "Asked next, master " + num(r.owner) +
                                     " replies ASK (the key is not there while the slot "
                                     "migrates), and master " +
                                     num(r.to) + " " + answers(r) + " after ASKING."
                               : "Asked next, master " + num(r.owner) + " owns the slot and " +
                                     answers(r) + "."));
    } else if (r.migrating && !r.waiting) {
        out.push_back(step("The client sends ASKING, then the GET, to master " + num(r.to) +
                           ", which is IMPORTING slot " + s + " and " + answers(r) + "."));
    }
    return out;
}

// ---- kafka sticky-keyless --------------------------------------------------------------------

namespace {

std::string recordsText(int first, int count) {
    return count == 1   ? "Record " + num(first) + " goes there"
           : count == 2 ? "Records " + num(first) + " and " + num(first + 1) + " go there"
                        : "Records " + num(first) + " to " + num(first + count - 1) + " go there";
}

// Batch `batch` (from 1): the partitions it may start on, said.
std::string candidatesText(int batch, int previous, const std::vector<int>& alive,
                           const std::vector<int>& candidates, const std::set<int>& offline) {
    std::vector<std::string> off;
    for (const int p : offline) {
        off.push_back(num(p));
    }
    const std::string some =
        listed(std::vector<std::int64_t>(candidates.begin(), candidates.end()));
    if (previous < 0) {
        return "Batch 1: the first pick is among the partitions with a leader, " + some +
               (off.empty()
                    ? std::string()
                    : " (" + spoken(off) + (off.size() == 1 ? " has" : " have") + " none)") +
               ".";
    }
    if (alive.size() == 1) {
        return "Batch " + num(batch) + ": partition " + num(previous) +
               " is full, but it is the only one with a leader, so the pick is from it alone.";
    }
    return "Batch " + num(batch) + ": partition " + num(previous) +
           " is full; the others with a leader are " + some + ".";
}

} // namespace

std::vector<WalkStep> stickyKeyless(const Exercise& e) {
    const ojson& g = e.given;
    const auto offline = g["offline"].get<std::set<int>>();
    const auto draws = g["draws"].get<std::vector<int>>();
    const int batch = g["batch_records"], records = g["records"];
    std::vector<int> alive;
    for (int p = 0; p < g["partitions"].get<int>(); ++p) {
        if (!offline.count(p)) {
            alive.push_back(p);
        }
    }
    std::vector<WalkStep> out;
    for (int first = 1, previous = -1, b = 0; first <= records; first += batch, ++b) {
        std::vector<int> candidates = alive;
        if (candidates.size() > 1 && previous >= 0) {
            std::erase(candidates, previous);
        }
        std::string text = candidatesText(b + 1, previous, alive, candidates, offline) + " Draw ";
        if (b >= static_cast<int>(draws.size()) || draws[static_cast<std::size_t>(b)] < 0 ||
            draws[static_cast<std::size_t>(b)] >= static_cast<int>(candidates.size())) {
            out.push_back(step(text + "number " + num(b + 1) + " names no partition: it stops."));
            break;
        }
        const int d = draws[static_cast<std::size_t>(b)];
        previous = candidates[static_cast<std::size_t>(d)];
        const int count = std::min(batch, records - first + 1);
        text += num(d) + " takes the one at position " + num(d) + ", partition " + num(previous) +
                ". " + recordsText(first, count) + ".";
        out.push_back(
            step(std::move(text), {},
                 {{"partitions", std::vector<int>(static_cast<std::size_t>(count), previous)}}));
    }
    return out;
}

// ---- downsample tier-of-query ----------------------------------------------------------------

namespace {

constexpr std::int64_t kDayMs = 86'400'000;

// "5 minutes", "hour", "day": what one row of a rollup sums up.
std::string period(std::int64_t seconds) {
    if (seconds % 86400 == 0) {
        return seconds == 86400 ? "day" : num(seconds / 86400) + " days";
    }
    if (seconds % 3600 == 0) {
        return seconds == 3600 ? "hour" : num(seconds / 3600) + " hours";
    }
    return num(seconds / 60) + " minutes";
}

} // namespace

std::vector<WalkStep> tierOfQuery(const Exercise& e) {
    const ojson& g = e.given;
    const std::int64_t now = g["now"], from = g["from"];
    std::vector<WalkStep> out;
    std::string coarsest;
    std::int64_t coarsestEdge = now;
    for (const auto& t : g["tiers"]) {
        const std::string name = t["name"];
        const std::int64_t days = t["retention_days"], edge = now - days * kDayMs;
        const std::string what =
            t.contains("rollup_s") ? "one row per " + period(t["rollup_s"]) : "every point";
        std::string text = "Tier " + name + " (" + what + ") keeps " + num(days) +
                           " days: back to " + timeseries::clockText(edge) + ". ";
        if (from >= edge) {
            out.push_back(step(
                text +
                    (from == edge ? "The query starts exactly there"
                                  : "The query starts later, at " + timeseries::clockText(from)) +
                    ": " + name + " holds the whole range and answers.",
                {}, {{"tier", name}, {"whole_range", "yes"}}));
            return out;
        }
        out.push_back(
            step(text +
                 (out.empty() ? "The query starts earlier, at " + timeseries::clockText(from) + ": "
                              : "The query starts earlier: ") +
                 name + " has dropped part of the range."));
        coarsest = name;
        coarsestEdge = edge;
    }
    out.push_back(step("No tier holds the whole range, so the coarsest, " + coarsest +
                           ", answers with what it still has (from " +
                           timeseries::clockText(coarsestEdge) + " on).",
                       {}, {{"tier", coarsest}, {"whole_range", "no"}}));
    return out;
}

// ---- shared ----------------------------------------------------------------------------------

std::string listed(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) {
        out += (out.empty() ? "" : ", ") + s;
    }
    return out.empty() ? "none" : out;
}

std::string listed(const std::vector<std::int64_t>& items) {
    std::vector<std::string> text;
    for (const auto n : items) {
        text.push_back(num(n));
    }
    return listed(text);
}

std::string spoken(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
    }
    return out;
}

std::string valueText(double v) {
    char buf[64];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    std::string s = ec == std::errc() ? std::string(buf, end) : std::to_string(v);
    const std::size_t dot = s.find('.');
    if (dot == std::string::npos || s.find('e') != std::string::npos || s.size() - dot <= 5) {
        return s;
    }
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return std::string("about ") + buf;
}

} // namespace walk

namespace {

using json = nlohmann::json;

json plain(const nlohmann::ordered_json& v) {
    if (v.is_object()) {
        json out = json::object();
        for (const auto& [k, x] : v.items()) {
            out[k] = plain(x);
        }
        return out;
    }
    if (v.is_array()) {
        json out = json::array();
        for (const auto& x : v) {
            out.push_back(plain(x));
        }
        return out;
    }
    if (v.is_string()) {
        return v.get<std::string>();
    }
    if (v.is_boolean()) {
        return v.get<bool>();
    }
    if (v.is_number_unsigned()) {
        return v.get<std::uint64_t>();
    }
    if (v.is_number_integer()) {
        return v.get<std::int64_t>();
    }
    if (v.is_number_float()) {
        return v.get<double>();
    }
    return nullptr;
}

void mergeInto(json& into, const json& from) {
    if (into.is_object() && from.is_object()) {
        for (const auto& [k, v] : from.items()) {
            if (into.contains(k)) {
                mergeInto(into[k], v);
            } else {
                into[k] = v;
            }
        }
    } else if (into.is_array() && from.is_array()) {
        into.insert(into.end(), from.begin(), from.end());
    } else {
        into = from;
    }
}

} // namespace

std::vector<WalkStep> walkthrough(const Exercise& e) {
    struct Walker {
        const char* engine;
        const char* type;
        std::vector<WalkStep> (*walk)(const Exercise&);
    };
    static const Walker walkers[] = {
        {"hashslot", "moved-or-ask", &walk::movedOrAsk},
        {"kafka", "sticky-keyless", &walk::stickyKeyless},
        {"kafka", "rebalance", &walk::rebalance},
        {"lsm", "get-reads", &walk::getReads},
        {"lsm", "compaction", &walk::compaction},
        {"lsm", "tombstone-drop", &walk::tombstoneDrop},
        {"downsample", "bucket", &walk::bucket},
        {"downsample", "gorilla-bits", &walk::gorillaBits},
        {"downsample", "tier-of-query", &walk::tierOfQuery},
    };
    for (const Walker& w : walkers) {
        if (e.engine == w.engine && e.type == w.type) {
            return w.walk(e);
        }
    }
    return {};
}

json settledAnswer(const std::vector<WalkStep>& steps) {
    json out = json::object();
    for (const auto& s : steps) {
        if (s.settles.is_object()) {
            mergeInto(out, plain(s.settles));
        }
    }
    return out;
}

} // namespace fg::practice
