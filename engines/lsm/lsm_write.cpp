// The LSM write path (lsm_tree.h): a put or delete goes into the memtable with the next sequence
// number; when the memtable holds memtable_entries entries it is flushed, in one sequential
// pass, into a new level-0 table with its bloom filter, and compaction may follow.
#include "engines/lsm/lsm_tree.h"

#include <algorithm>

namespace fg::lsm {

void LsmEngine::write(State& s, const std::string& key, std::optional<std::string> value,
                      StepSink<Step, State>& sink) const {
    const Entry& e =
        s.memtable.insert_or_assign(key, Entry{key, s.nextSeq++, std::move(value)}).first->second;
    s.stats.userBytes += e.bytes();
    const bool tomb = !e.value;
    if (sink.narrate()) {
        Step st;
        st.kind = tomb ? StepKind::kDelete : StepKind::kPut;
        st.key = key;
        st.value = e.value;
        st.text = tomb ? "DELETE " + key + " writes a tombstone (drawn \u2020, sequence " +
                             std::to_string(e.seq) +
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
    t.bloom = BloomFilter::sized(s.memtable.size(), p_.bloomBitsPerKey);
    t.entries.reserve(s.memtable.size());
    for (auto& [k, e] : s.memtable) {
        t.maxSeq = std::max(t.maxSeq, e.seq);
        t.bytes += e.bytes();
        t.bloom.add(k);
        t.entries.push_back(std::move(e));
    }
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
                  std::to_string(id) + (p_.tiered ? " in tier 0 (" : " in level 0 (") +
                  std::to_string(bytes) + " bytes, with its bloom filter).";
        sink.report(std::move(st), s);
    }
}

} // namespace fg::lsm
