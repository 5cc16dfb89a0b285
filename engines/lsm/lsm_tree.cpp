// LsmEngine (lsm_tree.h): key order, sizes, the state's views of its levels, the step vocabulary,
// and apply, which hands each op to the write path (lsm_write.cpp), compaction
// (lsm_compaction.cpp) or the read path (lsm_read.cpp).
#include "engines/lsm/lsm_tree.h"

#include <algorithm>
#include <charconv>

namespace fg::lsm {

namespace {

bool asNumber(const std::string& s, long long& v) {
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return ec == std::errc() && end == s.data() + s.size() && !s.empty();
}

} // namespace

bool tooLargeForANumber(const std::string& key) {
    const std::size_t sign = !key.empty() && (key[0] == '+' || key[0] == '-') ? 1 : 0;
    if (key.size() == sign ||
        !std::all_of(key.begin() + static_cast<std::ptrdiff_t>(sign), key.end(),
                     [](char c) { return c >= '0' && c <= '9'; })) {
        return false;
    }
    long long v = 0;
    const char* from = key.data() + (key[0] == '+' ? 1 : 0);
    return std::from_chars(from, key.data() + key.size(), v).ec == std::errc::result_out_of_range;
}

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

KeyLess::Read KeyLess::read(const std::string& key) {
    Read r;
    r.text = &key;
    if (plainNumber(key)) { // up to 18 digits: no overflow, and the value from_chars reads
        r.number = true;
        for (const char c : key) {
            r.value = r.value * 10 + (c - '0');
        }
        return r;
    }
    r.number = asNumber(key, r.value);
    return r;
}

std::int64_t Entry::bytes() const {
    return static_cast<std::int64_t>(key.size() + (value ? value->size() : 0)) + 8; // + seq/type
}

std::int64_t SSTable::tombstones() const {
    return std::count_if(entries.begin(), entries.end(), [](const Entry& e) { return !e.value; });
}

std::vector<const SSTable*> LsmState::level(int l) const {
    // From the index (a diagram asks for every level at every step: sorting each time took 30 s
    // over a 20,000-put run); a state whose index is not current gets a fresh one, so the order
    // is the index's either way (newest first; levels 1+ by min key).
    LsmTableIndex fresh;
    const LsmTableIndex* at = &index;
    if (!index.covers(tables)) {
        fresh.rebuild(tables);
        at = &fresh;
    }
    std::vector<const SSTable*> out;
    if (l >= 0 && static_cast<std::size_t>(l) < at->levels.size()) {
        const auto& lv = at->levels[static_cast<std::size_t>(l)];
        for (const std::uint32_t i : l == 0 ? lv.newest : lv.byKey) {
            out.push_back(&tables[i]);
        }
    }
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

} // namespace fg::lsm
