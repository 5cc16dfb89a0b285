// Cache patterns on tiny workloads worked out by hand, then properties of the seeded workload.
// Hand case (cache of 2 entries, keys 0..2, tick 0): read 0 (miss), read 0 (hit), read 1 (miss),
// read 2 (miss, evicts 0, the least recently used), read 0 (miss, evicts 1), read 2 (hit):
// 6 reads, 2 hits, hit ratio 1/3, 4 database reads.
#include "engines/concepts/cache_patterns.h"
#include "tests/suite_main.h"

#include <QTest>

using namespace fg::concepts;

namespace {

CacheParams tiny(CachePattern pattern, int ticks) {
    CacheParams p;
    p.pattern = pattern;
    p.keys = 3;
    p.capacity = 2;
    p.ticks = ticks;
    p.flushDelay = 2;
    return p;
}

std::vector<CacheOp> handReads() {
    return {{0, 0, false}, {0, 0, false}, {0, 1, false},
            {0, 2, false}, {0, 0, false}, {0, 2, false}};
}

} // namespace

class TestCachePatterns : public QObject {
    Q_OBJECT
private slots:
    void cacheAsideHitRatioByHand() {
        const auto run = simulateCache(tiny(CachePattern::CacheAside, 1), handReads());
        QCOMPARE(run.total.reads, 6);
        QCOMPARE(run.total.hits, 2);
        QCOMPARE(run.total.dbReads, 4);
        QCOMPARE(run.hitRatio.at(0), 2.0 / 6.0);
        QCOMPARE(run.total.staleReads, 0);
    }

    // Then at tick 1: write key 2, read key 2.
    void aWriteLeavesCacheAsideStale() {
        auto ops = handReads();
        ops.push_back({1, 2, true});
        ops.push_back({1, 2, false});
        const auto aside = simulateCache(tiny(CachePattern::CacheAside, 2), ops);
        QCOMPARE(aside.ticks[1].hits, 1);
        QCOMPARE(aside.ticks[1].staleReads, 1);   // the cache still holds version 1
        QCOMPARE(aside.ticks[1].unsavedReads, 0); // the database holds version 2
        QCOMPARE(aside.ticks[1].dbWrites, 1);
        QCOMPARE(aside.staleShare[1], 1.0);
        const auto through = simulateCache(tiny(CachePattern::ReadThrough, 2), ops);
        QCOMPARE(through.total.staleReads, 1); // same numbers: only who loads differs

        auto inv = tiny(CachePattern::CacheAside, 2);
        inv.invalidateOnWrite = true;
        const auto invalidated = simulateCache(inv, ops);
        QCOMPARE(invalidated.ticks[1].hits, 0); // deleted on write: a miss, then fresh
        QCOMPARE(invalidated.ticks[1].staleReads, 0);

        const auto wt = simulateCache(tiny(CachePattern::WriteThrough, 2), ops);
        QCOMPARE(wt.ticks[1].hits, 1);
        QCOMPARE(wt.ticks[1].staleReads, 0);
        QCOMPARE(wt.ticks[1].dbWrites, 1);
    }

    // Write-behind, delay 2: writes of key 2 at ticks 1 and 2 reach the database together at
    // tick 3 (one database write); until then the database is behind by one key.
    void writeBehindCoalescesAndLags() {
        auto ops = handReads();
        ops.push_back({1, 2, true});
        ops.push_back({1, 2, false});
        ops.push_back({2, 2, true});
        const auto run = simulateCache(tiny(CachePattern::WriteBehind, 4), ops);
        QCOMPARE(run.ticks[1].dbWrites, 0);
        QCOMPARE(run.ticks[1].staleReads, 0);   // the cache has the newest value
        QCOMPARE(run.ticks[1].unsavedReads, 1); // but the database does not have it yet
        QCOMPARE(run.ticks[1].dirtyKeys, 1);
        QCOMPARE(run.ticks[2].dirtyKeys, 1);
        QCOMPARE(run.ticks[3].dbWrites, 1);
        QCOMPARE(run.ticks[3].dirtyKeys, 0);
        QCOMPARE(run.total.dbWrites, 1);
    }

    // The two counts measure different things, so one workload shows them apart: cache-aside
    // answers from an old copy (stale, the database has the new value), write-behind answers
    // the new value the database does not have yet (unsaved). Over seeds, sizes, TTLs and skews,
    // each pattern produces only the kind readsCanBeStale / readsCanBeUnsaved says it can (the
    // summary explains each pattern by them), and the seeded workload produces that kind.
    void staleAndUnsavedAreDifferentReads() {
        for (std::uint64_t seed : {1, 2, 7, 42}) {
            for (int capacity : {0, 1, 5, 20, 200}) {
                for (int ttl : {0, 3, 30}) {
                    for (double zipf : {0.0, 1.0, 2.0}) {
                        for (auto pattern :
                             {CachePattern::CacheAside, CachePattern::ReadThrough,
                              CachePattern::WriteThrough, CachePattern::WriteBehind}) {
                            CacheParams p;
                            p.pattern = pattern;
                            p.seed = seed;
                            p.capacity = capacity;
                            p.ttl = ttl;
                            p.zipf = zipf;
                            p.keys = 30;
                            p.readFraction = 0.7;
                            p.ticks = 60;
                            const auto run = simulateCache(p);
                            const QByteArray at = QStringLiteral("pattern %1 seed %2 capacity %3 "
                                                                 "ttl %4 zipf %5")
                                                      .arg(int(pattern))
                                                      .arg(seed)
                                                      .arg(capacity)
                                                      .arg(ttl)
                                                      .arg(zipf)
                                                      .toUtf8();
                            if (!readsCanBeStale(pattern)) {
                                QVERIFY2(run.total.staleReads == 0, at.constData());
                            }
                            if (!readsCanBeUnsaved(pattern)) {
                                QVERIFY2(run.total.unsavedReads == 0, at.constData());
                            }
                        }
                    }
                }
            }
        }
        CacheParams p; // the simulator's opening settings
        const auto aside = simulateCache(p);
        p.pattern = CachePattern::WriteBehind;
        const auto behind = simulateCache(p);
        QVERIFY(aside.total.staleReads > 0);
        QCOMPARE(aside.total.unsavedReads, 0);
        QVERIFY(behind.total.unsavedReads > 0);
        QCOMPARE(behind.total.staleReads, 0);
    }

    // TTL 2: stored at tick 0, a hit at tick 1, expired (a miss) at tick 2.
    void ttlExpires() {
        auto p = tiny(CachePattern::CacheAside, 3);
        p.ttl = 2;
        const auto run = simulateCache(p, {{0, 0, false}, {1, 0, false}, {2, 0, false}});
        QCOMPARE(run.ticks[0].hits, 0);
        QCOMPARE(run.ticks[1].hits, 1);
        QCOMPARE(run.ticks[2].hits, 0);
        QCOMPARE(run.cumulativeHitRatio[2], 1.0 / 3.0);
    }

    void seededWorkload() {
        CacheParams p;
        const auto a = makeCacheWorkload(p), b = makeCacheWorkload(p);
        QCOMPARE(a.size(), std::size_t(p.ticks * p.opsPerTick));
        QVERIFY(std::equal(a.begin(), a.end(), b.begin(), [](const CacheOp& x, const CacheOp& y) {
            return x.tick == y.tick && x.key == y.key && x.write == y.write;
        }));
        int key0 = 0, writes = 0;
        for (const auto& op : a) {
            key0 += op.key == 0 ? 1 : 0;
            writes += op.write ? 1 : 0;
        }
        // Zipf s = 1 over 100 keys: key 0 has weight 1 / H(100) = 0.19.
        QVERIFY(key0 > 300 && key0 < 470);
        QVERIFY(writes > 140 && writes < 260); // 10 % of 2000
        // Write-through is never stale; cache-aside with no TTL is, with writes about.
        auto wt = p;
        wt.pattern = CachePattern::WriteThrough;
        QCOMPARE(simulateCache(wt).total.staleReads, 0);
        QVERIFY(simulateCache(p).total.staleReads > 0);
        auto wb = p;
        wb.pattern = CachePattern::WriteBehind;
        const auto behind = simulateCache(wb);
        QCOMPARE(behind.total.staleReads, 0);
        QVERIFY(behind.total.dbWrites < simulateCache(wt).total.dbWrites);
    }
};

FG_TEST_APPLESS_MAIN(TestCachePatterns)
#include "test_cache_patterns.moc"
