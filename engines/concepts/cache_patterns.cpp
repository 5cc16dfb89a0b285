#include "engines/concepts/cache_patterns.h"

#include "engines/core/rng.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <list>
#include <map>
#include <optional>

namespace fg::concepts {

namespace {

struct CacheEntry {
    std::int64_t version = 0;
    int storedAt = 0;
    std::optional<int> flushAt; // write-behind: dirty until this tick
    std::list<int>::iterator lru;
};

class Sim {
public:
    explicit Sim(const CacheParams& p)
        : p_(p), latest_(std::size_t(std::max(p.keys, 1)), 1), db_(latest_) {}

    void read(int key, CacheTick& t) {
        ++t.reads;
        expire(key, t);
        auto it = cache_.find(key);
        std::int64_t value = 0;
        if (it != cache_.end()) {
            ++t.hits;
            value = it->second.version;
            t.unsavedReads += value > db_[std::size_t(key)] ? 1 : 0;
            touch(it->second, key);
        } else {
            ++t.dbReads;
            value = db_[std::size_t(key)];
            store(key, value, std::nullopt, t);
        }
        t.staleReads += value != latest_[std::size_t(key)] ? 1 : 0;
    }

    void write(int key, CacheTick& t) {
        const std::int64_t v = ++latest_[std::size_t(key)];
        expire(key, t);
        switch (p_.pattern) {
        case CachePattern::CacheAside:
        case CachePattern::ReadThrough:
            db_[std::size_t(key)] = v;
            ++t.dbWrites;
            if (p_.invalidateOnWrite) {
                erase(key);
            }
            break;
        case CachePattern::WriteThrough:
            db_[std::size_t(key)] = v;
            ++t.dbWrites;
            store(key, v, std::nullopt, t);
            break;
        case CachePattern::WriteBehind: {
            auto it = cache_.find(key);
            std::optional<int> due = tick_ + std::max(0, p_.flushDelay);
            if (it != cache_.end() && it->second.flushAt) {
                due = it->second.flushAt; // already waiting: this write joins that flush
            }
            store(key, v, due, t);
            break;
        }
        }
    }

    // Write-behind: dirty entries that are due reach the database.
    void flushDue(CacheTick& t) {
        for (auto& [key, e] : cache_) {
            if (e.flushAt && *e.flushAt <= tick_) {
                flush(key, e, t);
            }
        }
    }

    int dirtyKeys() const {
        int n = 0;
        for (std::size_t k = 0; k < db_.size(); ++k) {
            n += db_[k] != latest_[k] ? 1 : 0;
        }
        return n;
    }

    int tick_ = 0;

private:
    void flush(int key, CacheEntry& e, CacheTick& t) {
        db_[std::size_t(key)] = e.version;
        e.flushAt.reset();
        ++t.dbWrites;
    }

    void touch(CacheEntry& e, int key) {
        lru_.erase(e.lru);
        lru_.push_front(key);
        e.lru = lru_.begin();
    }

    void erase(int key) {
        auto it = cache_.find(key);
        if (it != cache_.end()) {
            lru_.erase(it->second.lru);
            cache_.erase(it);
        }
    }

    // An expired entry leaves the cache (a dirty one is written to the database first).
    void expire(int key, CacheTick& t) {
        auto it = cache_.find(key);
        if (p_.ttl > 0 && it != cache_.end() && tick_ - it->second.storedAt >= p_.ttl) {
            if (it->second.flushAt) {
                flush(key, it->second, t);
            }
            erase(key);
        }
    }

    void store(int key, std::int64_t version, std::optional<int> flushAt, CacheTick& t) {
        if (p_.capacity <= 0) {
            if (flushAt) { // no room at all: write-behind degrades to writing at once
                db_[std::size_t(key)] = version;
                ++t.dbWrites;
            }
            return;
        }
        auto it = cache_.find(key);
        if (it == cache_.end()) {
            if (int(cache_.size()) >= p_.capacity) {
                const int victim = lru_.back();
                auto& e = cache_.at(victim);
                if (e.flushAt) {
                    flush(victim, e, t);
                }
                erase(victim);
            }
            lru_.push_front(key);
            it = cache_.emplace(key, CacheEntry{version, tick_, flushAt, lru_.begin()}).first;
        } else {
            it->second.version = version;
            it->second.storedAt = tick_;
            it->second.flushAt = flushAt;
            touch(it->second, key);
        }
    }

    const CacheParams& p_;
    std::vector<std::int64_t> latest_, db_; // version per key; every key starts at version 1
    std::map<int, CacheEntry> cache_;
    std::list<int> lru_; // most recently used first
};

double share(int part, int whole) {
    return whole > 0 ? double(part) / double(whole) : 0.0;
}

} // namespace

std::vector<CacheOp> makeCacheWorkload(const CacheParams& p) {
    std::vector<CacheOp> ops;
    const int keys = std::max(p.keys, 1);
    std::vector<double> cdf;
    double sum = 0;
    for (int k = 0; k < keys; ++k) {
        sum += 1.0 / std::pow(double(k + 1), p.zipf);
        cdf.push_back(sum);
    }
    Rng rng(p.seed);
    for (int t = 0; t < p.ticks; ++t) {
        for (int i = 0; i < p.opsPerTick; ++i) {
            const double u = rng.unit() * sum;
            const int key = static_cast<int>(std::min<std::ptrdiff_t>(
                std::upper_bound(cdf.begin(), cdf.end(), u) - cdf.begin(), keys - 1));
            const bool write = rng.unit() >= p.readFraction;
            ops.push_back({t, key, write});
        }
    }
    return ops;
}

CacheRun simulateCache(const CacheParams& p, const std::vector<CacheOp>& ops) {
    CacheRun run;
    Sim sim(p);
    std::size_t next = 0;
    int reads = 0, hits = 0;
    for (int t = 0; t < p.ticks; ++t) {
        sim.tick_ = t;
        CacheTick tick;
        if (p.pattern == CachePattern::WriteBehind) {
            sim.flushDue(tick);
        }
        for (; next < ops.size() && ops[next].tick <= t; ++next) {
            const CacheOp& op = ops[next];
            if (op.key < 0 || op.key >= std::max(p.keys, 1)) {
                continue;
            }
            if (op.write) {
                sim.write(op.key, tick);
            } else {
                sim.read(op.key, tick);
            }
        }
        tick.dirtyKeys = sim.dirtyKeys();
        reads += tick.reads;
        hits += tick.hits;
        run.ticks.push_back(tick);
        run.hitRatio.push_back(share(tick.hits, tick.reads));
        run.staleShare.push_back(share(tick.staleReads, tick.reads));
        run.cumulativeHitRatio.push_back(share(hits, reads));
        run.total.reads += tick.reads;
        run.total.hits += tick.hits;
        run.total.staleReads += tick.staleReads;
        run.total.unsavedReads += tick.unsavedReads;
        run.total.dbReads += tick.dbReads;
        run.total.dbWrites += tick.dbWrites;
        run.total.dirtyKeys = tick.dirtyKeys;
    }
    return run;
}

} // namespace fg::concepts
