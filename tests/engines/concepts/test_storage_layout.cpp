// Row and column storage against page counts worked out by hand for the course's sales table:
// id 8 B, date 8 B, product 16 B, region 4 B, amount 8 B: a row is 44 B; an 8,192-byte page holds
// 186 rows (8192 / 44 = 186.2); 1,000,000 rows fill ceil(1e6 / 186) = 5,377 pages.
//   Row store:    SELECT * reads 5,377 pages; SUM(amount) reads the same 5,377 pages.
//   Column store: amount is 8 MB = 976.6 pages -> 977; id and date 977 each, product 1,954
//                 (16e6 / 8192 = 1953.1), region 489 (4e6 / 8192 = 488.3): SELECT * 5,374 pages,
//                 SUM(amount) 977 pages.
//   Compressed 4x, amount needs 2e6 / 8192 = 244.1 -> 245 pages.
#include "engines/concepts/storage_layout.h"
#include "tests/suite_main.h"

#include <QTest>

using namespace fg::concepts;

class TestStorageLayout : public QObject {
    Q_OBJECT
private slots:
    void salesTableByHand() {
        const auto c = storageCosts(salesTable(), 4);
        QVERIFY(c.valid);
        QCOMPARE(c.rowBytes, 44);
        QCOMPARE(c.rowsPerPage, 186);
        QCOMPARE(c.rowSelectAll.pages, 5377);
        QCOMPARE(c.rowSum.pages, 5377); // every page, for one column
        QCOMPARE(c.rowSum.bytes, 5377LL * 8192);
        QCOMPARE(c.columnPages, std::vector<std::int64_t>({977, 977, 1954, 489, 977}));
        QCOMPARE(c.columnSelectAll.pages, 5374);
        QCOMPARE(c.columnSum.pages, 977); // only that column's pages
        QCOMPARE(c.neededBytes, 8'000'000);
        QCOMPARE(c.rowOne.pages, 1);
        QCOMPARE(c.columnOne.pages, 5); // one page from each of 5 columns
    }

    void compressionShrinksColumnPages() {
        auto t = salesTable();
        t.columns[4].compression = 4;
        const auto c = storageCosts(t, 4);
        QCOMPARE(c.columnSum.pages, 245);
        QCOMPARE(c.rowSum.pages, 5377); // the row store is not compressed here
    }

    void wideRowsTakeWholePages() {
        StorageTable t{{{"blob", 10000, 1.0}}, 3, 8192};
        const auto c = storageCosts(t, 0);
        QCOMPARE(c.rowsPerPage, 0);
        QCOMPARE(c.rowSelectAll.pages, 6);    // 2 pages a row
        QCOMPARE(c.columnSelectAll.pages, 4); // 30,000 B / 8192 = 3.7
    }

    void invalidInput() {
        QVERIFY(!storageCosts(salesTable(), 5).valid);
        QVERIFY(!storageCosts(StorageTable{}, 0).valid);
    }
};

FG_TEST_APPLESS_MAIN(TestStorageLayout)
#include "test_storage_layout.moc"
