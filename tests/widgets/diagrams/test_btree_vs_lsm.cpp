// B-Tree vs LSM-tree on one workload: the B-Tree writes far more bytes (a page per insert) and the
// LSM-tree looks in more places per lookup than one, while the B-Tree reads its height in pages;
// the view draws both as QCustomPlot charts.
#include "widgets/diagrams/btree_vs_lsm_view.h"

#include <QTest>
#include <qcustomplot.h>

class TestBTreeVsLsm : public QObject {
    Q_OBJECT
private slots:
    void writesAndReadsShowTheTradeOff() {
        const fg::WorkloadResult r = fg::runWorkload(20000, 2000, 64, 1000, 7);
        QVERIFY(r.btreeBytesWritten > 10 * r.lsmBytesWritten); // write-optimized: the LSM-tree
        QVERIFY(r.lsmBytesWritten > r.userBytes); // but every byte is written more than once
        QVERIFY(r.btreeReadsPerLookup >= 2.0 && r.btreeReadsPerLookup <= 4.0); // the tree's height
        QVERIFY(r.lsmTablesPerLookup >= 1.0); // a present key is in at least one table
    }

    void theViewChartsBothEngines() {
        fg::BTreeVsLsmView v;
        QCOMPARE(v.writesChart()->graphCount(), 2);
        QCOMPARE(v.readsChart()->graphCount(), 2);
        QCOMPARE(v.writesChart()->graph(0)->dataCount(), 5);
    }
};

QTEST_MAIN(TestBTreeVsLsm)
#include "test_btree_vs_lsm.moc"
