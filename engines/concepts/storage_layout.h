// Row against column storage: what a query must read from disk. A table has columns of fixed
// byte widths and N rows; disk is read in whole pages (8 KB by default).
//   row store     rows are stored one after another, whole rows to a page (as PostgreSQL and
//                 MySQL do); any query over all rows reads every page, even for one column.
//   column store  each column is stored on its own pages (ClickHouse, Redshift, Parquet),
//                 optionally compressed (a ratio of 4 means a quarter of the bytes); a query
//                 reads only the pages of the columns it names.
// Rows do not span pages here; a row wider than a page takes whole pages of its own.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace fg::concepts {

struct Column {
    std::string name;
    std::int64_t width = 8;   // bytes per value
    double compression = 1.0; // column store: stored bytes = raw bytes / compression (>= 1)
};

struct StorageTable {
    std::vector<Column> columns;
    std::int64_t rows = 0;
    std::int64_t pageBytes = 8192;
};

struct ReadCost {
    std::int64_t pages = 0;
    std::int64_t bytes = 0; // pages x page size: what comes off the disk
};

struct StorageCosts {
    bool valid = true;
    std::int64_t rowBytes = 0;    // one row, all columns
    std::int64_t rowsPerPage = 0; // row store; 0 when a row is wider than a page
    std::int64_t neededBytes = 0; // the values SUM(column) actually uses: rows x width
    ReadCost rowSelectAll, rowSum, rowOne;
    ReadCost columnSelectAll, columnSum, columnOne;
    std::vector<std::int64_t> columnPages; // column store: pages of each column
};

// The sales table of the course: id, date, product, region, amount; 1,000,000 rows.
StorageTable salesTable();

// Costs of SELECT * over every row, SUM(column sumColumn) over every row, and fetching one whole
// row (found by an index). valid = false for no columns, a width < 1, rows < 0, a page < 1 byte,
// or sumColumn out of range.
StorageCosts storageCosts(const StorageTable& table, int sumColumn);

} // namespace fg::concepts
