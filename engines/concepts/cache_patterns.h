// Cache patterns over one workload: the same reads and writes of keys, with a cache of limited
// capacity (least recently used entry evicted first) in front of a database.
//   cache-aside    the application reads the cache; on a miss it reads the database and puts
//                  the value in the cache. A write goes to the database only; the cached copy
//                  stays (stale) until it expires (TTL) or is evicted, unless invalidateOnWrite
//                  deletes it.
//   read-through   the cache itself loads from the database on a miss (the application talks only
//                  to the cache). Reads and writes then behave as in cache-aside, so the numbers
//                  are the same: the difference is who does the loading.
//   write-through  a write goes to the database and the cache at once: the cache is never stale.
//   write-behind   a write goes to the cache only and is marked dirty; the cache writes it to the
//                  database flushDelay ticks later (one database write for every write to that
//                  key in between), or when it is evicted or expires. Until then the database is
//                  behind the cache: those writes are lost if the cache crashes.
// Two ways a read can disagree with the last write, never both in one pattern:
//   stale          the read returned an older version than the last write of its key (the cache
//                  kept a copy the write did not reach). Only cache-aside and read-through, where
//                  writes go to the database and the cache keeps its old copy; their database
//                  always holds the last write.
//   unsaved        the cache answered with a version the database does not hold yet: the newest
//                  value, but one that is lost if the cache crashes before it is written. Only
//                  write-behind, where writes reach the cache first; its reads are never stale.
// Write-through has neither. (Counting "the cache's value differs from the database's" instead
// gave the stale count under another name in three patterns of four.)
#pragma once

#include <cstdint>
#include <vector>

namespace fg::concepts {

enum class CachePattern { CacheAside, ReadThrough, WriteThrough, WriteBehind };

struct CacheOp {
    int tick = 0;
    int key = 0;
    bool write = false;
};

struct CacheParams {
    CachePattern pattern = CachePattern::CacheAside;
    int keys = 100;                 // key k is requested with weight 1 / (k + 1)^zipf
    double zipf = 1.0;              // 0: every key equally popular
    double readFraction = 0.9;      // share of operations that are reads
    int capacity = 20;              // entries the cache holds
    int flushDelay = 5;             // write-behind: ticks before a dirty entry reaches the database
    int ttl = 0;                    // ticks an entry lives after it is stored; 0: no expiry
    bool invalidateOnWrite = false; // cache-aside and read-through: a write deletes the entry
    int ticks = 200;
    int opsPerTick = 10;
    std::uint64_t seed = 1;
};

struct CacheTick {
    int reads = 0;
    int hits = 0;
    int staleReads = 0;   // returned an older version than the last write of the key
    int unsavedReads = 0; // a hit on a version newer than the database's (write-behind)
    int dbReads = 0;
    int dbWrites = 0;
    int dirtyKeys = 0; // at the end of the tick: keys whose database value is behind
};

struct CacheRun {
    std::vector<CacheTick> ticks;
    // Per tick, as shares in 0..1 (0 when the tick had no reads).
    std::vector<double> hitRatio, staleShare;
    // Hit ratio of every read from tick 0 up to and including each tick.
    std::vector<double> cumulativeHitRatio;
    CacheTick total; // sums; total.dirtyKeys is the count after the last tick
};

// Which of the two a pattern's reads can be (the other count is always 0 for it).
constexpr bool readsCanBeStale(CachePattern p) {
    return p == CachePattern::CacheAside || p == CachePattern::ReadThrough;
}
constexpr bool readsCanBeUnsaved(CachePattern p) {
    return p == CachePattern::WriteBehind;
}

// The seeded workload: ticks x opsPerTick operations, keys drawn with Zipf-like popularity.
std::vector<CacheOp> makeCacheWorkload(const CacheParams& p);

// Runs ops (sorted by tick, keys in 0..keys-1) for p.ticks ticks.
CacheRun simulateCache(const CacheParams& p, const std::vector<CacheOp>& ops);

inline CacheRun simulateCache(const CacheParams& p) {
    return simulateCache(p, makeCacheWorkload(p));
}

} // namespace fg::concepts
