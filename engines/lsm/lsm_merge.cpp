// The merge of a compaction (lsm_merge.h). Profiled on 1,000,000 puts (memtable 1,000): the merge
// was 88% of the run, as a k-way heap over every input table, then two more passes (drop the
// spent tombstones, cut into tables), each moving every entry, with a key-order comparison that
// parsed both keys each time. Here tables that do not overlap chain into one run (a leveled push
// down merges two runs, not a dozen tables), each run's head key is read once, and each entry
// moves once, into its output table.
#include "engines/lsm/lsm_merge.h"

#include "engines/lsm/lsm_detail.h"

#include <algorithm>
#include <limits>
#include <queue>

namespace fg::lsm::detail {

namespace {

// Groups tables into runs read in key order: each run's tables, by min key, do not overlap, so a
// run is one sorted list. A table joins the first run whose last table ends before it begins.
std::vector<std::vector<SSTable*>> sortedRuns(std::vector<SSTable>& tables) {
    std::vector<SSTable*> byMin;
    for (SSTable& t : tables) {
        if (!t.entries.empty()) {
            byMin.push_back(&t);
        }
    }
    const KeyLess less;
    std::stable_sort(byMin.begin(), byMin.end(), [&](const SSTable* a, const SSTable* b) {
        return less(a->minKey(), b->minKey());
    });
    std::vector<std::vector<SSTable*>> runs;
    for (SSTable* t : byMin) {
        const auto run = std::find_if(runs.begin(), runs.end(), [&](const auto& r) {
            return less(r.back()->maxKey(), t->minKey());
        });
        if (run == runs.end()) {
            runs.push_back({t});
        } else {
            run->push_back(t);
        }
    }
    return runs;
}

// Where the merge stands in one run: its next entry, with that entry's key read once.
struct RunHead {
    const std::vector<SSTable*>* run = nullptr;
    std::size_t table = 0, pos = 0;
    KeyLess::Read key;

    Entry& entry() const { return (*run)[table]->entries[pos]; }
    // Moves to the run's next entry; false past its last.
    bool advance() {
        if (++pos == (*run)[table]->entries.size()) {
            pos = 0;
            if (++table == run->size()) {
                return false;
            }
        }
        key = KeyLess::read(entry().key);
        return true;
    }
};

// Whether two keys read are one key: the same text (two numbers' values, cheaper, first).
bool sameKey(const KeyLess::Read& a, const KeyLess::Read& b) {
    return (!a.number || !b.number || a.value == b.value) && *a.text == *b.text;
}

// Cuts the merged entries into tables as they come, each with its bloom filter once full.
class TableWriter {
public:
    TableWriter(LsmState& s, int level, std::size_t entriesUpTo, const LsmParams& p)
        : s_(s), level_(level), p_(p), left_(entriesUpTo),
          per_(p.tiered ? std::numeric_limits<std::size_t>::max()
                        : static_cast<std::size_t>(p.memtableEntries) * 2) {}

    void add(Entry e) {
        if (!open_) {
            open_ = true;
            current_ = SSTable{};
            current_.id = s_.nextTableId++;
            current_.level = level_;
            current_.entries.reserve(std::min(per_, left_));
        }
        --left_;
        current_.maxSeq = std::max(current_.maxSeq, e.seq);
        current_.bytes += e.bytes();
        current_.entries.push_back(std::move(e));
        if (current_.entries.size() == per_) {
            seal();
        }
    }
    std::vector<SSTable> finish() {
        if (open_) {
            seal();
        }
        return std::move(done_);
    }

private:
    void seal() {
        current_.bloom = BloomFilter::sized(current_.entries.size(), p_.bloomBitsPerKey);
        for (const Entry& e : current_.entries) {
            current_.bloom.add(e.key);
        }
        current_.bytes += static_cast<std::int64_t>(current_.bloom.bits() / 8);
        s_.stats.diskBytesWritten += current_.bytes;
        done_.push_back(std::move(current_));
        open_ = false;
    }

    LsmState& s_;
    int level_;
    const LsmParams& p_;
    std::size_t left_, per_;
    bool open_ = false;
    SSTable current_;
    std::vector<SSTable> done_;
};

// Whether a table outside the merge holds a version of `e`'s key older than `e`.
bool shadowsOlder(const std::vector<SSTable>& outside, const Entry& e) {
    return std::any_of(outside.begin(), outside.end(), [&](const SSTable& t) {
        const Entry* older = inRange(t, e.key) ? findIn(t, e.key) : nullptr;
        return older && older->seq < e.seq;
    });
}

} // namespace

MergeResult mergeTables(LsmState& s, std::vector<SSTable> inputs, int outLevel,
                        const LsmParams& p) {
    const auto runs = sortedRuns(inputs);
    // Whether head a comes after head b: by key, then the newer version first.
    const KeyLess less;
    const auto after = [&](const RunHead& a, const RunHead& b) {
        if (less(b.key, a.key)) {
            return true;
        }
        return !less(a.key, b.key) && a.entry().seq < b.entry().seq;
    };
    std::priority_queue<RunHead, std::vector<RunHead>, decltype(after)> heads(after);
    std::size_t total = 0;
    for (const auto& run : runs) {
        RunHead h{&run, 0, 0, KeyLess::read(run.front()->minKey())};
        heads.push(h);
        for (const SSTable* t : run) {
            total += t->entries.size();
        }
    }
    MergeResult out;
    TableWriter writer(s, outLevel, total, p);
    while (!heads.empty()) {
        RunHead h = heads.top();
        heads.pop();
        // The first version of a key to come out is its newest; the older ones are passed over.
        while (!heads.empty() && sameKey(heads.top().key, h.key)) {
            RunHead older = heads.top();
            heads.pop();
            if (older.advance()) {
                heads.push(older);
            }
        }
        Entry& e = h.entry();
        if (!e.value && !shadowsOlder(s.tables, e)) {
            ++out.tombstonesDropped;
        } else {
            writer.add(std::move(e));
        }
        if (h.advance()) {
            heads.push(h);
        }
    }
    out.outputs = writer.finish();
    return out;
}

} // namespace fg::lsm::detail
