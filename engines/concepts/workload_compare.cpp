#include "engines/concepts/workload_compare.h"

#include "engines/btree/btree.h"
#include "engines/core/rng.h"
#include "engines/lsm/lsm_tree.h"

#include <cstdio>

namespace fg::concepts {

namespace {

void keyText(std::int64_t k, char (&key)[12]) {
    std::snprintf(key, sizeof key, "%08lld", static_cast<long long>(k));
}

} // namespace

const char* workloadProblem(const WorkloadParams& p) {
    if (p.inserts < 1 || p.inserts > kMaxWorkloadInserts) {
        return "the number of inserts must be between 1 and 1,000,000";
    }
    if (p.lookups < 0 || p.lookups > kMaxWorkloadInserts) {
        return "the number of lookups must be between 0 and 1,000,000";
    }
    if (p.order < 3 || p.order > 1024) {
        return "the B-Tree order must be between 3 and 1024";
    }
    if (p.memtable < 1 || p.memtable > kMaxWorkloadInserts) {
        return "the memtable size must be between 1 and 1,000,000 entries";
    }
    if (p.points < 1 || p.points > kMaxWorkloadPoints || p.points > p.inserts) {
        return "the number of points must be between 1 and 100, and at most the inserts";
    }
    return "";
}

std::optional<std::vector<WorkloadResult>>
runWorkloadCurve(const WorkloadParams& p, const std::atomic<bool>* cancel,
                 const std::function<void(double)>& progress) {
    std::vector<WorkloadResult> out;
    if (*workloadProblem(p) != '\0') {
        return out;
    }
    const btree::BTreeEngine bt(btree::Params::withOrder(p.order));
    auto bs = bt.emptyState();
    const lsm::LsmEngine lt({p.memtable, 4, 10, 10, false});
    lsm::LsmState ls;
    SilentSink<btree::Step, btree::State> bsilent;
    SilentSink<lsm::LsmStep, lsm::LsmState> lsilent;
    // Two generators: the keys inserted do not depend on how many lookups were made, so a point
    // of a long run equals the last point of a shorter run with the same seed.
    Rng keys(p.seed);
    Rng lookups(p.seed ^ 0x5bd1e9955bd1e995ULL);
    std::vector<std::int64_t> inserted;
    inserted.reserve(static_cast<std::size_t>(p.inserts));
    const std::int64_t total = std::int64_t{p.inserts} + std::int64_t{p.lookups} * p.points;
    const std::int64_t reportEvery = std::max<std::int64_t>(1, total / 200);
    std::int64_t done = 0;
    auto tick = [&]() -> bool {
        if (++done % reportEvery != 0) {
            return true;
        }
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            return false;
        }
        if (progress) {
            progress(static_cast<double>(done) / static_cast<double>(total));
        }
        return true;
    };
    char key[12];
    for (int point = 1; point <= p.points; ++point) {
        const auto upTo = static_cast<std::int64_t>(p.inserts) * point / p.points;
        while (static_cast<std::int64_t>(inserted.size()) < upTo) {
            const auto k = keys.uniform(0, 99'999'999);
            inserted.push_back(k);
            bt.apply(bs, btree::Op::insert(k), bsilent);
            keyText(k, key);
            lt.apply(ls, {lsm::LsmOp::Kind::Put, key, "vvvvvvvv"}, lsilent);
            if (!tick()) {
                return std::nullopt;
            }
        }
        const auto pagesBefore = bs.stats.pageReads;
        const auto tablesBefore = ls.stats.tablesRead;
        const auto checkedBefore = ls.stats.tablesRead + ls.stats.bloomSkips;
        for (int i = 0; i < p.lookups; ++i) { // lookups of keys that exist
            const auto k = inserted[static_cast<std::size_t>(
                lookups.uniform(0, static_cast<std::int64_t>(inserted.size()) - 1))];
            bt.apply(bs, btree::Op::search(k), bsilent);
            keyText(k, key);
            lt.apply(ls, {lsm::LsmOp::Kind::Get, key, {}}, lsilent);
            if (!tick()) {
                return std::nullopt;
            }
        }
        WorkloadResult r;
        r.inserts = upTo;
        r.btreeBytesWritten = static_cast<double>(bs.stats.pageWrites) * kPageBytes;
        r.lsmBytesWritten = static_cast<double>(ls.stats.diskBytesWritten);
        r.userBytes = static_cast<double>(upTo) * kEntryBytes;
        if (p.lookups > 0) {
            r.btreeReadsPerLookup =
                static_cast<double>(bs.stats.pageReads - pagesBefore) / p.lookups;
            // Every table actually read (bloom false positives included).
            r.lsmTablesPerLookup =
                static_cast<double>(ls.stats.tablesRead - tablesBefore) / p.lookups;
            r.lsmTablesCheckedPerLookup =
                static_cast<double>(ls.stats.tablesRead + ls.stats.bloomSkips - checkedBefore) /
                p.lookups;
        }
        out.push_back(r);
    }
    if (progress) {
        progress(1.0);
    }
    return out;
}

} // namespace fg::concepts
