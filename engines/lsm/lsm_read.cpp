// The LSM read path (lsm_tree.h): a get probes the memtable, then the tables newest first,
// skipping a table by its key range, then by its bloom filter, and stops at the first version
// found; lookup does the same silently, for tests.
#include "engines/core/counted.h"
#include "engines/lsm/lsm_detail.h"
#include "engines/lsm/lsm_tree.h"

#include <algorithm>

namespace fg::lsm {

using detail::findIn;
using detail::inRange;

namespace {

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
                  " after reading " + counted(read, "table", "tables") + "; " +
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
