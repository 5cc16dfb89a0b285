#include "engines/concepts/quorum.h"

#include "engines/core/rng.h"

#include <algorithm>
#include <cstddef>
#include <iterator>

namespace fg::concepts {

namespace {

// Calls f(mask) for every subset of {0..n-1} with k members, as a bit mask.
template <class F>
void forEachSubset(int n, int k, F&& f) {
    for (std::uint32_t mask = 0; mask < (1u << n); ++mask) {
        if (__builtin_popcount(mask) == k) {
            f(mask);
        }
    }
}

std::uint32_t maskOf(const std::vector<int>& nodes) {
    std::uint32_t m = 0;
    for (int i : nodes) {
        m |= 1u << i;
    }
    return m;
}

} // namespace

std::int64_t choose(int n, int k) {
    if (k < 0 || k > n) {
        return 0;
    }
    std::int64_t c = 1;
    for (int i = 1; i <= k; ++i) {
        c = c * (n - k + i) / i;
    }
    return c;
}

QuorumResult simulateQuorum(const QuorumParams& p) {
    QuorumResult res;
    if (p.n < 1 || p.n > 20 || p.r < 1 || p.r > p.n || p.w < 1 || p.w > p.n) {
        res.valid = false;
        return res;
    }
    const auto down = [&](int i) { return std::size_t(i) < p.failed.size() && p.failed[i]; };
    std::vector<int> up;
    for (int i = 0; i < p.n; ++i) {
        if (!down(i)) {
            up.push_back(i);
        }
    }
    res.alive = static_cast<int>(up.size());
    res.writeAvailable = res.alive >= p.w;
    res.readAvailable = res.alive >= p.r;

    // A down node cannot coordinate: the first replica up from the preferred one takes it.
    const int preferred = ((p.coordinator % p.n) + p.n) % p.n;
    for (int k = 0; k < p.n; ++k) {
        if (!down((preferred + k) % p.n)) {
            res.coordinator = (preferred + k) % p.n;
            break;
        }
    }

    // The write: the first W replicas up, in ring order from the coordinator.
    if (res.writeAvailable) {
        const int start = res.coordinator;
        for (int k = 0; k < p.n && int(res.writeSet.size()) < p.w; ++k) {
            const int i = (start + k) % p.n;
            if (!down(i)) {
                res.writeSet.push_back(i);
            }
        }
        std::sort(res.writeSet.begin(), res.writeSet.end());
    }
    for (int i = 0; i < p.n; ++i) {
        const bool fresh =
            std::find(res.writeSet.begin(), res.writeSet.end(), i) != res.writeSet.end();
        res.replicas.push_back(down(i) ? ReplicaState::Failed
                               : fresh ? ReplicaState::Fresh
                                       : ReplicaState::Stale);
    }

    // The read: R replicas up, a seeded partial shuffle of the replicas up.
    if (res.readAvailable) {
        Rng rng(p.seed);
        std::vector<int> pool = up;
        for (int k = 0; k < p.r; ++k) {
            const auto j = static_cast<std::size_t>(rng.uniform(k, int(pool.size()) - 1));
            std::swap(pool[std::size_t(k)], pool[j]);
            res.readSet.push_back(pool[std::size_t(k)]);
        }
        std::sort(res.readSet.begin(), res.readSet.end());
        std::set_intersection(res.readSet.begin(), res.readSet.end(), res.writeSet.begin(),
                              res.writeSet.end(), std::back_inserter(res.overlap));
        res.readStale = res.writeAvailable && res.overlap.empty();
    }

    // Every read set against this write set.
    const std::uint32_t written = maskOf(res.writeSet);
    std::uint32_t failedMask = 0;
    for (int i = 0; i < p.n; ++i) {
        failedMask |= down(i) ? 1u << i : 0u;
    }
    forEachSubset(p.n, p.r, [&](std::uint32_t m) {
        ++res.readSets;
        const bool stale = (m & written) == 0;
        const bool blocked = (m & failedMask) != 0;
        res.staleReadSets += stale ? 1 : 0;
        res.blockedReadSets += blocked ? 1 : 0;
        res.staleAliveReadSets += stale && !blocked ? 1 : 0;
    });
    return res;
}

std::int64_t disjointQuorumPairs(int n, int r, int w) {
    if (n < 1 || n > 20 || r < 1 || r > n || w < 1 || w > n) {
        return 0;
    }
    std::vector<std::uint32_t> reads;
    forEachSubset(n, r, [&](std::uint32_t m) { reads.push_back(m); });
    std::int64_t disjoint = 0;
    forEachSubset(n, w, [&](std::uint32_t wm) {
        for (std::uint32_t rm : reads) {
            disjoint += (rm & wm) == 0 ? 1 : 0;
        }
    });
    return disjoint;
}

std::vector<std::int64_t> staleReadSetsByR(int n, int w) {
    std::vector<std::int64_t> out;
    for (int r = 1; r <= n; ++r) {
        QuorumParams p;
        p.n = n;
        p.r = r;
        p.w = w;
        out.push_back(simulateQuorum(p).staleReadSets);
    }
    return out;
}

} // namespace fg::concepts
