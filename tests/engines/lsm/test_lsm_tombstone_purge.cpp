// Cassandra's tombstone purge rule: a tombstone goes only once gc_grace_seconds have passed since
// the delete (strictly: local deletion time < now - gc_grace_seconds) and no source outside the
// compaction that may hold its key has data as old as it (timestamp < that source's min
// timestamp).
#include "engines/lsm/tombstone_purge.h"
#include "tests/suite_main.h"

#include <QTest>

using fg::lsm::judgeTombstone;
using fg::lsm::OutsideSource;
using fg::lsm::TombstoneAtCompaction;

namespace {

// Deleted at t = 1000 s, with the default ten days of grace; nothing outside the compaction.
TombstoneAtCompaction deletedAt1000(std::int64_t now) {
    TombstoneAtCompaction t;
    t.timestamp = 1000;
    t.localDeletionTime = 1000;
    t.compactionTime = now;
    return t;
}

} // namespace

class TestLsmTombstonePurge : public QObject {
    Q_OBJECT
private slots:
    void theDefaultGraceIsTenDays() { QCOMPARE(TombstoneAtCompaction().gcGraceSeconds, 864000); }

    void aTombstoneStaysUntilGcGraceHasPassedStrictly() {
        QVERIFY(judgeTombstone(deletedAt1000(1000)).withinGcGrace);
        QVERIFY(judgeTombstone(deletedAt1000(1000 + 863999)).withinGcGrace);
        // gcBefore = now - gc_grace = 1000: the deletion time is not before it.
        QVERIFY(judgeTombstone(deletedAt1000(1000 + 864000)).withinGcGrace);
        const auto v = judgeTombstone(deletedAt1000(1000 + 864001));
        QVERIFY(!v.withinGcGrace && !v.mayShadowOutside && v.drop());
    }

    void noGraceDropsItOnTheNextSecond() {
        TombstoneAtCompaction t = deletedAt1000(1000);
        t.gcGraceSeconds = 0;
        QVERIFY(judgeTombstone(t).withinGcGrace);
        t.compactionTime = 1001;
        QVERIFY(judgeTombstone(t).drop());
    }

    void olderDataOutsideTheCompactionKeepsIt() {
        TombstoneAtCompaction t = deletedAt1000(1000 + 864001);
        t.outside = {OutsideSource{true, 999}};
        QVERIFY(judgeTombstone(t).mayShadowOutside);
        t.outside = {OutsideSource{true, 1000}}; // a write as old as the delete: still shadowed
        QVERIFY(judgeTombstone(t).mayShadowOutside);
        QVERIFY(!judgeTombstone(t).drop());
    }

    void newerDataOrABloomFilterSayingNoDoesNotKeepIt() {
        TombstoneAtCompaction t = deletedAt1000(1000 + 864001);
        t.outside = {OutsideSource{true, 1001}, OutsideSource{false, 10}};
        const auto v = judgeTombstone(t);
        QVERIFY(!v.mayShadowOutside && v.drop());
    }

    void bothRulesAreReported() {
        TombstoneAtCompaction t = deletedAt1000(2000);
        t.outside = {OutsideSource{false, 10}, OutsideSource{true, 500}};
        const auto v = judgeTombstone(t);
        QVERIFY(v.withinGcGrace && v.mayShadowOutside && !v.drop());
    }
};

FG_TEST_APPLESS_MAIN(TestLsmTombstonePurge)
#include "test_lsm_tombstone_purge.moc"
