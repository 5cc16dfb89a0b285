#include "engines/concepts/storage_layout.h"

#include <algorithm>
#include <cmath>

namespace fg::concepts {

namespace {

std::int64_t ceilDiv(std::int64_t a, std::int64_t b) {
    return (a + b - 1) / b;
}

ReadCost cost(std::int64_t pages, std::int64_t pageBytes) {
    return {pages, pages * pageBytes};
}

} // namespace

StorageTable salesTable() {
    return {{{"id", 8, 1.0},
             {"date", 8, 1.0},
             {"product", 16, 1.0},
             {"region", 4, 1.0},
             {"amount", 8, 1.0}},
            1'000'000,
            8192};
}

StorageCosts storageCosts(const StorageTable& t, int sumColumn) {
    StorageCosts c;
    if (t.columns.empty() || t.rows < 0 || t.pageBytes < 1 || sumColumn < 0 ||
        sumColumn >= int(t.columns.size())) {
        c.valid = false;
        return c;
    }
    for (const auto& col : t.columns) {
        if (col.width < 1) {
            c.valid = false;
            return c;
        }
        c.rowBytes += col.width;
    }
    const std::int64_t page = t.pageBytes;
    // Row store.
    std::int64_t rowPages = 0;
    std::int64_t pagesPerRow = 1;
    c.rowsPerPage = page / c.rowBytes;
    if (c.rowsPerPage > 0) {
        rowPages = ceilDiv(t.rows, c.rowsPerPage);
    } else {
        pagesPerRow = ceilDiv(c.rowBytes, page);
        rowPages = t.rows * pagesPerRow;
    }
    c.rowSelectAll = cost(rowPages, page);
    c.rowSum = cost(rowPages, page);
    c.rowOne = cost(t.rows > 0 ? pagesPerRow : 0, page);
    // Column store.
    std::int64_t all = 0;
    for (const auto& col : t.columns) {
        const double stored = double(t.rows * col.width) / std::max(1.0, col.compression);
        const auto pages = static_cast<std::int64_t>(std::ceil(stored / double(page)));
        c.columnPages.push_back(pages);
        all += pages;
    }
    c.columnSelectAll = cost(all, page);
    c.columnSum = cost(c.columnPages[std::size_t(sumColumn)], page);
    // One row: one page of every column (the value sits on one page of each).
    std::int64_t one = 0;
    for (auto pages : c.columnPages) {
        one += pages > 0 && t.rows > 0 ? 1 : 0;
    }
    c.columnOne = cost(one, page);
    c.neededBytes = t.rows * t.columns[std::size_t(sumColumn)].width;
    return c;
}

} // namespace fg::concepts
