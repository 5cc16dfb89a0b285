// LSM compaction (lsm_tree.h): which tables merge when a level or tier is full (leveled, as
// LevelDB and RocksDB; size-tiered, as Cassandra's STCS), and the merge itself: the newest version
// of each key survives, and a tombstone goes once nothing older is left for it to shadow.
#include "engines/lsm/lsm_merge.h"
#include "engines/lsm/lsm_tree.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace fg::lsm {

namespace {

std::string ids(const std::vector<int>& v) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        out += (i ? ", #" : "#") + std::to_string(v[i]);
    }
    return out;
}

// The tables one merge takes, and the level its output goes to.
struct Compaction {
    std::vector<int> inputs;
    int outLevel = 0;
};

std::vector<int> idsOf(const std::vector<const SSTable*>& tables) {
    std::vector<int> out;
    for (const SSTable* t : tables) {
        out.push_back(t->id);
    }
    return out;
}

// Size-tiered: the first tier holding l0Trigger tables merges whole into the next tier.
std::optional<Compaction> fullTier(const LsmState& s, const LsmParams& p) {
    for (int tier = 0; tier < s.levels(); ++tier) {
        const auto tabs = s.level(tier);
        if (static_cast<int>(tabs.size()) >= p.l0Trigger) {
            return Compaction{idsOf(tabs), tier + 1};
        }
    }
    return std::nullopt;
}

// Leveled, level 0: at l0Trigger tables, all of them merge into level 1 with every L1 table that
// overlaps the whole key span of L0, so the new L1 tables never overlap the ones left in place.
std::optional<Compaction> fullLevel0(const LsmState& s, const LsmParams& p) {
    const auto l0 = s.level(0);
    if (static_cast<int>(l0.size()) < p.l0Trigger) {
        return std::nullopt;
    }
    Compaction c{idsOf(l0), 1};
    const KeyLess less;
    std::string lo = l0.front()->minKey(), hi = l0.front()->maxKey();
    for (const SSTable* z : l0) {
        lo = less(z->minKey(), lo) ? z->minKey() : lo;
        hi = less(hi, z->maxKey()) ? z->maxKey() : hi;
    }
    for (const SSTable* t : s.level(1)) {
        if (!(less(t->maxKey(), lo) || less(hi, t->minKey()))) {
            c.inputs.push_back(t->id);
        }
    }
    return c;
}

// Leveled, levels 1 and down: level i holds at most memtable_entries x level_ratio^i entries. The
// first level over it pushes one table down, merging it with the tables of the next level that
// overlap it. The table is picked round-robin through the key space, as LevelDB's compaction
// pointer does: the first one after the last pushed down from this level (the pointer moves on).
std::optional<Compaction> overfullLevel(LsmState& s, const LsmParams& p) {
    std::int64_t capacity = static_cast<std::int64_t>(p.memtableEntries) * p.levelRatio;
    for (int l = 1; l < s.levels(); ++l, capacity *= p.levelRatio) {
        const auto tabs = s.level(l);
        std::int64_t entries = 0;
        for (const SSTable* t : tabs) {
            entries += static_cast<std::int64_t>(t->entries.size());
        }
        if (entries <= capacity || tabs.empty()) {
            continue;
        }
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
        Compaction c{{pick->id}, l + 1};
        for (const SSTable* t : s.level(l + 1)) {
            if (!(KeyLess()(t->maxKey(), pick->minKey()) ||
                  KeyLess()(pick->maxKey(), t->minKey()))) {
                c.inputs.push_back(t->id);
            }
        }
        return c;
    }
    return std::nullopt;
}

// Takes the input tables out of s.tables, in order, leaving the rest there.
std::vector<SSTable> takeInputs(LsmState& s, const std::vector<int>& inputIds) {
    const std::set<int> in(inputIds.begin(), inputIds.end());
    std::vector<SSTable> inputs, rest;
    for (auto& t : s.tables) {
        (in.count(t.id) ? inputs : rest).push_back(std::move(t));
    }
    s.tables = std::move(rest);
    return inputs;
}

} // namespace

void LsmEngine::maybeCompact(State& s, StepSink<Step, State>& sink) const {
    for (int guard = 0; guard < 64; ++guard) {
        std::optional<Compaction> next;
        if (p_.tiered) {
            next = fullTier(s, p_);
        } else {
            next = fullLevel0(s, p_);
            if (!next) {
                next = overfullLevel(s, p_);
            }
        }
        if (!next) {
            return;
        }
        merge(s, std::move(next->inputs), next->outLevel, sink);
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
        // One table is not merged with anything: it is rewritten a level down.
        st.text = (inputIds.size() == 1 ? "Compaction rewrites SSTable "
                                        : "Compaction merges SSTables ") +
                  ids(inputIds) + (p_.tiered ? " into tier " : " into level ") +
                  std::to_string(outLevel) +
                  (p_.tiered ? " (size-tiered: a tier is full)." : " (leveled).");
        sink.report(std::move(st), s);
    }
    detail::MergeResult merged = detail::mergeTables(s, takeInputs(s, inputIds), outLevel, p_);
    const std::int64_t dropped = merged.tombstonesDropped;
    std::vector<int> outs;
    for (auto& t : merged.outputs) {
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
        st.text =
            "Compaction wrote " +
            (outs.empty() ? std::string("no table (everything was deleted)")
                          : (outs.size() == 1 ? "SSTable " : "SSTables ") + ids(outs)) +
            (p_.tiered ? " to tier " : " to level ") + std::to_string(outLevel) +
            ", keeping only the newest version of each key" +
            (dropped == 1
                 ? std::string("; 1 tombstone had nothing older left to shadow and is dropped.")
             : dropped ? "; " + std::to_string(dropped) +
                             " tombstones had nothing older left to shadow and are dropped."
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

} // namespace fg::lsm
