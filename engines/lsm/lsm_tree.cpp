#include "engines/lsm/lsm_tree.h"

#include <algorithm>
#include <charconv>
#include <set>

namespace fg::lsm {

namespace {

bool asNumber(const std::string& s, long long& v) {
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return ec == std::errc() && end == s.data() + s.size() && !s.empty();
}

std::string ids(const std::vector<int>& v) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        out += (i ? ", #" : "#") + std::to_string(v[i]);
    }
    return out;
}

bool inRange(const SSTable& t, const std::string& key) {
    const KeyLess less;
    return !less(key, t.minKey()) && !less(t.maxKey(), key);
}

const Entry* findIn(const SSTable& t, const std::string& key) {
    const KeyLess less;
    const auto it =
        std::lower_bound(t.entries.begin(), t.entries.end(), key,
                         [&](const Entry& e, const std::string& k) { return less(e.key, k); });
    return it != t.entries.end() && it->key == key ? &*it : nullptr;
}

// Walks the tables a get looks in, in the order it looks: level 0 (or every tier) newest first,
// then levels 1, 2, ... each newest first, until `probe(table)` returns true. `probe` sees only
// the tables whose key range holds the key; `skip(table, n)` is told about the others: one call
// per table in order when `eachSkip`, else possibly one call with table null for n of them. In a
// leveled level whose ranges do not overlap, a binary search finds the one table that can hold
// the key, and the rest are counted from where it stands among the newest.
template <class ProbeFn, class SkipFn>
void walk(const LsmState& s, const LsmTableIndex& ix, const std::string& key, bool tiered,
          bool eachSkip, ProbeFn&& probe, SkipFn&& skip) {
    const auto scan = [&](const std::vector<std::uint32_t>& order) {
        for (const std::uint32_t i : order) {
            const SSTable& t = s.tables[i];
            if (!inRange(t, key)) {
                skip(&t, std::int64_t(1));
            } else if (probe(t)) {
                return true;
            }
        }
        return false;
    };
    if (tiered) {
        scan(ix.newest);
        return;
    }
    const KeyLess less;
    for (std::size_t l = 0; l < ix.levels.size(); ++l) {
        const LsmTableIndex::Level& lv = ix.levels[l];
        if (l == 0 || !lv.disjoint) {
            if (scan(lv.newest)) {
                return;
            }
            continue;
        }
        // The first table by key whose max key is not below the key is the only candidate.
        const auto it =
            std::partition_point(lv.byKey.begin(), lv.byKey.end(),
                                 [&](std::uint32_t i) { return less(s.tables[i].maxKey(), key); });
        const std::size_t n = lv.newest.size();
        const std::size_t hit = it != lv.byKey.end() && !less(key, s.tables[*it].minKey())
                                    ? lv.rank[static_cast<std::size_t>(it - lv.byKey.begin())]
                                    : n;
        if (eachSkip) {
            for (std::size_t r = 0; r < n; ++r) {
                const SSTable& t = s.tables[lv.newest[r]];
                if (r != hit) {
                    skip(&t, std::int64_t(1));
                } else if (probe(t)) {
                    return;
                }
            }
            continue;
        }
        if (hit == n) {
            skip(nullptr, static_cast<std::int64_t>(n));
            continue;
        }
        skip(nullptr, static_cast<std::int64_t>(hit));
        if (probe(s.tables[lv.newest[hit]])) {
            return;
        }
        skip(nullptr, static_cast<std::int64_t>(n - hit - 1));
    }
}

// The state's own index when it covers its tables, else one built into `scratch`.
const LsmTableIndex& indexOf(const LsmState& s, LsmTableIndex& scratch) {
    if (s.index.covers(s.tables)) {
        return s.index;
    }
    scratch.rebuild(s.tables);
    return scratch;
}

} // namespace

std::string_view kindName(StepKind kind) {
    switch (kind) {
    case StepKind::kPut:
        return "put";
    case StepKind::kDelete:
        return "delete";
    case StepKind::kGet:
        return "get";
    case StepKind::kFlush:
        return "flush";
    case StepKind::kCompactionStart:
        return "compaction-start";
    case StepKind::kCompactionDone:
        return "compaction-done";
    }
    return "?";
}

bool isCompaction(StepKind kind) {
    return kind == StepKind::kCompactionStart || kind == StepKind::kCompactionDone;
}

std::string_view resultName(ProbeResult result) {
    switch (result) {
    case ProbeResult::kHit:
        return "hit";
    case ProbeResult::kMiss:
        return "miss";
    case ProbeResult::kSkippedRange:
        return "skipped-range";
    case ProbeResult::kSkippedBloom:
        return "skipped-bloom";
    case ProbeResult::kFalsePositive:
        return "false-positive";
    }
    return "?";
}

bool KeyLess::operator()(const std::string& a, const std::string& b) const {
    // Fast path: plain non-negative numbers without leading zeros compare by length, then digits.
    auto plain = [](const std::string& s) {
        if (s.empty() || s.size() > 18 || (s[0] == '0' && s.size() > 1)) {
            return false;
        }
        for (const char c : s) {
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    };
    if (plain(a) && plain(b)) {
        return a.size() != b.size() ? a.size() < b.size() : a < b;
    }
    long long x = 0, y = 0;
    const bool na = asNumber(a, x), nb = asNumber(b, y);
    if (na && nb) {
        return x < y;
    }
    if (na != nb) {
        return na; // numbers first
    }
    return a < b;
}

std::int64_t Entry::bytes() const {
    return static_cast<std::int64_t>(key.size() + (value ? value->size() : 0)) + 8; // + seq/type
}

std::int64_t SSTable::tombstones() const {
    return std::count_if(entries.begin(), entries.end(), [](const Entry& e) { return !e.value; });
}

std::vector<const SSTable*> LsmState::level(int l) const {
    std::vector<const SSTable*> out;
    for (const auto& t : tables) {
        if (t.level == l) {
            out.push_back(&t);
        }
    }
    const KeyLess less;
    std::sort(out.begin(), out.end(), [&](const SSTable* a, const SSTable* b) {
        return l == 0 ? a->maxSeq > b->maxSeq : less(a->minKey(), b->minKey());
    });
    return out;
}

int LsmState::levels() const {
    int n = 0;
    for (const auto& t : tables) {
        n = std::max(n, t.level + 1);
    }
    return n;
}

std::int64_t LsmState::diskBytes() const {
    std::int64_t b = 0;
    for (const auto& t : tables) {
        b += t.bytes;
    }
    return b;
}

std::int64_t LsmState::liveBytes() const {
    std::map<std::string, const Entry*, KeyLess> newest;
    for (const auto& t : tables) {
        for (const auto& e : t.entries) {
            auto& slot = newest[e.key];
            if (!slot || slot->seq < e.seq) {
                slot = &e;
            }
        }
    }
    std::int64_t b = 0;
    for (const auto& [k, e] : newest) {
        if (e->value && !memtable.count(k)) {
            b += e->bytes();
        }
    }
    for (const auto& [k, e] : memtable) {
        b += e.value ? e.bytes() : 0;
    }
    return b;
}

void LsmEngine::apply(State& s, const Op& op, StepSink<Step, State>& sink) const {
    switch (op.kind) {
    case Op::Kind::Put:
        write(s, op.key, op.value, sink);
        return;
    case Op::Kind::Delete:
        write(s, op.key, std::nullopt, sink);
        return;
    case Op::Kind::Get:
        get(s, op.key, sink);
        return;
    case Op::Kind::Flush:
        flush(s, sink);
        maybeCompact(s, sink);
        return;
    case Op::Kind::Compact:
        compactAll(s, sink);
        return;
    }
}

void LsmEngine::write(State& s, const std::string& key, std::optional<std::string> value,
                      StepSink<Step, State>& sink) const {
    Entry e{key, s.nextSeq++, std::move(value)};
    s.stats.userBytes += e.bytes();
    const bool tomb = !e.value;
    s.memtable[key] = e;
    if (sink.narrate()) {
        Step st;
        st.kind = tomb ? StepKind::kDelete : StepKind::kPut;
        st.key = key;
        st.value = e.value;
        st.text = tomb
                      ? "DELETE " + key + " writes a tombstone (sequence " + std::to_string(e.seq) +
                            ") into the memtable: the key is not removed yet, only shadowed."
                      : "PUT " + key + " goes into the memtable in RAM (sequence " +
                            std::to_string(e.seq) + "): no disk read, no random write.";
        sink.report(std::move(st), s);
    }
    if (static_cast<int>(s.memtable.size()) >= p_.memtableEntries) {
        flush(s, sink);
        maybeCompact(s, sink);
    }
}

void LsmEngine::flush(State& s, StepSink<Step, State>& sink) const {
    if (s.memtable.empty()) {
        return;
    }
    SSTable t;
    t.id = s.nextTableId++;
    t.level = 0;
    std::vector<std::string> keys;
    for (auto& [k, e] : s.memtable) {
        t.maxSeq = std::max(t.maxSeq, e.seq);
        t.bytes += e.bytes();
        keys.push_back(k);
        t.entries.push_back(std::move(e));
    }
    t.bloom = BloomFilter(keys, p_.bloomBitsPerKey);
    t.bytes += static_cast<std::int64_t>(t.bloom.bits() / 8);
    s.memtable.clear();
    s.stats.diskBytesWritten += t.bytes;
    ++s.stats.flushes;
    const int id = t.id;
    const auto n = t.entries.size();
    const auto bytes = t.bytes;
    s.tables.push_back(std::move(t));
    s.index.appended(s.tables);
    if (sink.narrate()) {
        Step st;
        st.kind = StepKind::kFlush;
        st.outputs = {id};
        st.text = "The memtable holds " + std::to_string(n) +
                  " entries: it is written to disk in one "
                  "sequential pass as SSTable #" +
                  std::to_string(id) + " in level 0 (" + std::to_string(bytes) +
                  " bytes, with its bloom filter).";
        sink.report(std::move(st), s);
    }
}

void LsmEngine::maybeCompact(State& s, StepSink<Step, State>& sink) const {
    for (int guard = 0; guard < 64; ++guard) {
        bool did = false;
        if (p_.tiered) {
            for (int tier = 0; tier < s.levels() && !did; ++tier) {
                const auto tabs = s.level(tier);
                if (static_cast<int>(tabs.size()) >= p_.l0Trigger) {
                    std::vector<int> in;
                    for (const SSTable* t : tabs) {
                        in.push_back(t->id);
                    }
                    merge(s, in, tier + 1, sink);
                    did = true;
                }
            }
        } else {
            const auto l0 = s.level(0);
            if (static_cast<int>(l0.size()) >= p_.l0Trigger) {
                std::vector<int> in;
                for (const SSTable* t : l0) {
                    in.push_back(t->id);
                }
                // Every L1 table overlapping the whole key span of L0 joins, so the new L1 tables
                // never overlap the ones left in place.
                const KeyLess less;
                std::string lo = l0.front()->minKey(), hi = l0.front()->maxKey();
                for (const SSTable* z : l0) {
                    lo = less(z->minKey(), lo) ? z->minKey() : lo;
                    hi = less(hi, z->maxKey()) ? z->maxKey() : hi;
                }
                for (const SSTable* t : s.level(1)) {
                    if (!(less(t->maxKey(), lo) || less(hi, t->minKey()))) {
                        in.push_back(t->id);
                    }
                }
                merge(s, in, 1, sink);
                did = true;
            } else {
                std::int64_t capacity =
                    static_cast<std::int64_t>(p_.memtableEntries) * p_.levelRatio;
                for (int l = 1; l < s.levels() && !did; ++l, capacity *= p_.levelRatio) {
                    const auto tabs = s.level(l);
                    std::int64_t entries = 0;
                    for (const SSTable* t : tabs) {
                        entries += static_cast<std::int64_t>(t->entries.size());
                    }
                    if (entries <= capacity || tabs.empty()) {
                        continue;
                    }
                    // Round-robin through the key space, as LevelDB's compaction pointer does:
                    // the first table after the last one pushed down from this level.
                    const SSTable* pick = tabs.front();
                    if (const auto cp = s.compactPointer.find(l); cp != s.compactPointer.end()) {
                        for (const SSTable* t : tabs) {
                            if (KeyLess()(cp->second, t->minKey())) {
                                pick = t;
                                break;
                            }
                        }
                    }
                    s.compactPointer[l] = pick->maxKey();
                    std::vector<int> in{pick->id};
                    for (const SSTable* t : s.level(l + 1)) {
                        if (!(KeyLess()(t->maxKey(), pick->minKey()) ||
                              KeyLess()(pick->maxKey(), t->minKey()))) {
                            in.push_back(t->id);
                        }
                    }
                    merge(s, in, l + 1, sink);
                    did = true;
                }
            }
        }
        if (!did) {
            return;
        }
    }
}

void LsmEngine::merge(State& s, std::vector<int> inputIds, int outLevel,
                      StepSink<Step, State>& sink) const {
    std::sort(inputIds.begin(), inputIds.end());
    if (sink.narrate()) {
        Step st;
        st.kind = StepKind::kCompactionStart;
        st.inputs = inputIds;
        st.level = outLevel;
        st.text = "Compaction merges SSTables " + ids(inputIds) + " into level " +
                  std::to_string(outLevel) +
                  (p_.tiered ? " (size-tiered: a tier is full)." : " (leveled).");
        sink.report(std::move(st), s);
    }
    std::map<std::string, Entry, KeyLess> newest;
    std::vector<SSTable> rest;
    const std::set<int> in(inputIds.begin(), inputIds.end());
    for (auto& t : s.tables) {
        if (!in.count(t.id)) {
            rest.push_back(std::move(t));
            continue;
        }
        for (auto& e : t.entries) {
            auto it = newest.find(e.key);
            if (it == newest.end() || it->second.seq < e.seq) {
                newest[e.key] = std::move(e);
            }
        }
    }
    std::int64_t dropped = 0;
    std::vector<Entry> merged;
    for (auto& kv : newest) {
        // (named, not a structured binding: clang 14, which builds the fuzzers, cannot capture
        // a binding in a lambda)
        const auto& k = kv.first;
        auto& e = kv.second;
        if (!e.value) {
            // A tombstone may go only when no table left out of this compaction holds an older
            // version it must keep shadowing.
            const bool shadowing = std::any_of(rest.begin(), rest.end(), [&](const SSTable& t) {
                const Entry* older = inRange(t, k) ? findIn(t, k) : nullptr;
                return older && older->seq < e.seq;
            });
            if (!shadowing) {
                ++dropped;
                continue;
            }
        }
        merged.push_back(std::move(e));
    }
    s.tables = std::move(rest);
    const std::size_t per = p_.tiered || merged.empty()
                                ? std::max<std::size_t>(merged.size(), 1)
                                : static_cast<std::size_t>(p_.memtableEntries) * 2;
    std::vector<int> outs;
    for (std::size_t start = 0; start < merged.size(); start += per) {
        SSTable t;
        t.id = s.nextTableId++;
        t.level = outLevel;
        std::vector<std::string> keys;
        for (std::size_t i = start; i < std::min(merged.size(), start + per); ++i) {
            t.maxSeq = std::max(t.maxSeq, merged[i].seq);
            t.bytes += merged[i].bytes();
            keys.push_back(merged[i].key);
            t.entries.push_back(std::move(merged[i]));
        }
        t.bloom = BloomFilter(keys, p_.bloomBitsPerKey);
        t.bytes += static_cast<std::int64_t>(t.bloom.bits() / 8);
        s.stats.diskBytesWritten += t.bytes;
        outs.push_back(t.id);
        s.tables.push_back(std::move(t));
    }
    s.index.rebuild(s.tables);
    ++s.stats.compactions;
    s.stats.tombstonesDropped += dropped;
    if (sink.narrate()) {
        Step st;
        st.kind = StepKind::kCompactionDone;
        st.inputs = inputIds;
        st.outputs = outs;
        st.level = outLevel;
        st.tombstonesDropped = dropped;
        st.text = "Compaction wrote " +
                  (outs.empty() ? std::string("no table (everything was deleted)")
                                : "SSTable(s) " + ids(outs)) +
                  " to level " + std::to_string(outLevel) +
                  ", keeping only the newest version of each key" +
                  (dropped ? "; " + std::to_string(dropped) +
                                 " tombstone(s) had nothing older left to shadow and are dropped."
                           : ".");
        sink.report(std::move(st), s);
    }
}

void LsmEngine::compactAll(State& s, StepSink<Step, State>& sink) const {
    if (s.tables.empty()) {
        return;
    }
    std::vector<int> all;
    for (const auto& t : s.tables) {
        all.push_back(t.id);
    }
    merge(s, all, p_.tiered ? s.levels() : std::max(1, s.levels() - 1), sink);
}

void LsmEngine::get(State& s, const std::string& key, StepSink<Step, State>& sink) const {
    ++s.stats.gets;
    Step st;
    st.kind = StepKind::kGet;
    st.key = key;
    bool done = false;
    if (const auto it = s.memtable.find(key); it != s.memtable.end()) {
        st.probed.push_back({Probe::Where::kMemtable, 0, 0, ProbeResult::kHit});
        st.found = it->second.value.has_value();
        st.value = it->second.value;
        done = true;
    } else {
        st.probed.push_back({Probe::Where::kMemtable, 0, 0, ProbeResult::kMiss});
    }
    if (!done) {
        if (!s.index.covers(s.tables)) {
            s.index.rebuild(s.tables);
        }
        // Silent, a get keeps only the stats: no probe record, range skips counted in bulk.
        const bool narrate = sink.narrate();
        const auto probe = [&](const SSTable& t) {
            if (!t.bloom.mayContain(key)) {
                ++s.stats.bloomSkips;
                if (narrate) {
                    st.probed.push_back(
                        {Probe::Where::kTable, t.id, t.level, ProbeResult::kSkippedBloom});
                }
                return false;
            }
            ++s.stats.tablesRead;
            if (const Entry* e = findIn(t, key)) {
                if (narrate) {
                    st.probed.push_back({Probe::Where::kTable, t.id, t.level, ProbeResult::kHit});
                }
                st.found = e->value.has_value();
                st.value = e->value;
                done = true;
                return true;
            }
            ++s.stats.bloomFalsePositives;
            if (narrate) {
                st.probed.push_back(
                    {Probe::Where::kTable, t.id, t.level, ProbeResult::kFalsePositive});
            }
            return false;
        };
        const auto skip = [&](const SSTable* t, std::int64_t n) {
            s.stats.rangeSkips += n;
            if (t) {
                st.probed.push_back(
                    {Probe::Where::kTable, t->id, t->level, ProbeResult::kSkippedRange});
            }
        };
        walk(s, s.index, key, p_.tiered, narrate, probe, skip);
    }
    if (sink.narrate()) {
        int read = 0, skipped = 0;
        for (const auto& p : st.probed) {
            read += p.where == Probe::Where::kTable &&
                    (p.result == ProbeResult::kHit || p.result == ProbeResult::kFalsePositive);
            skipped +=
                p.result == ProbeResult::kSkippedRange || p.result == ProbeResult::kSkippedBloom;
        }
        st.text = "GET " + key + ": " +
                  (st.found ? "found \"" + *st.value + "\""
                   : done   ? "found a tombstone, so the key is deleted"
                            : "not found") +
                  " after reading " + std::to_string(read) + " table(s); " +
                  std::to_string(skipped) + " skipped by key range or bloom filter.";
        sink.report(std::move(st), s);
    }
}

std::optional<std::string> LsmEngine::lookup(const State& s, const std::string& key, bool tiered) {
    if (const auto it = s.memtable.find(key); it != s.memtable.end()) {
        return it->second.value;
    }
    std::optional<std::string> value;
    LsmTableIndex scratch;
    walk(
        s, indexOf(s, scratch), key, tiered, false,
        [&](const SSTable& t) {
            const Entry* e = findIn(t, key);
            value = e ? e->value : std::nullopt;
            return e != nullptr;
        },
        [](const SSTable*, std::int64_t) {});
    return value;
}

} // namespace fg::lsm
