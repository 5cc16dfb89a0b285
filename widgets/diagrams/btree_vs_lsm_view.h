// BTreeVsLsmView: one workload run through both storage engines, side by side, so "B-Tree:
// read-optimized, LSM: write-optimized" is measured rather than told. A B-Tree (PostgreSQL-like,
// 8 KB pages) rewrites a whole page for every insert that touches it; an LSM-tree writes each
// entry once into a memtable flush and again at every compaction, but a lookup may have to look
// in several tables. The charts (QCustomPlot) compare bytes written to disk and pages or tables
// read per lookup as the workload grows.
#pragma once

#include "widgets/canvas/page.h"

#include <QColor>
#include <QWidget>
#include <cstdint>

class QCustomPlot;
class QPainter;
class QLabel;
class QSpinBox;

namespace fg {

struct WorkloadResult {
    double btreeBytesWritten = 0, lsmBytesWritten = 0, userBytes = 0;
    double btreeReadsPerLookup = 0, lsmTablesPerLookup = 0;
};

// Runs `inserts` random keys (seeded) into an order-`order` B-Tree and an LSM-tree (leveled,
// memtable of `memtable` entries), then `lookups` lookups of inserted keys in each.
// REQUIRES: inserts >= 1.
WorkloadResult runWorkload(int inserts, int lookups, int order, int memtable, std::uint64_t seed);

class BTreeVsLsmView : public QWidget, public Page {
    Q_OBJECT
public:
    explicit BTreeVsLsmView(QWidget* parent = nullptr);
    QCustomPlot* writesChart() { return writes_; }
    QCustomPlot* readsChart() { return reads_; }
    void setTheme(const Theme& theme) override;
    // The registry's title, and the charts as paintCharts() draws them (diagram_pages.cpp).
    QString pageTitle() const override;
    std::optional<Exportable> exportable() override;
    // Both charts side by side in `size`, as vector drawing (for exports: SVG and PDF stay
    // vector), with the summary line under them.
    void paintCharts(QPainter& painter, QSizeF size) const;

private:
    void run();

    QSpinBox* inserts_;
    QSpinBox* order_;
    QCustomPlot* writes_;
    QCustomPlot* reads_;
    QLabel* summary_;
    QColor text_ = Qt::black;
};

} // namespace fg
