// StorageView: row against column storage. A table of columns (name, width in bytes, compression
// in the column store), a row count and a page size; the chart shows the pages each query reads
// in each layout.
#pragma once

#include "engines/concepts/storage_layout.h"
#include "widgets/simulators/simulator_view.h"

class QComboBox;
class QSpinBox;
class QTableWidget;

namespace fg {

class StorageView : public SimulatorView {
    Q_OBJECT
public:
    explicit StorageView(QWidget* parent = nullptr);
    const char* simulatorId() const override { return "row-column"; }

    concepts::StorageTable table() const;
    int sumColumn() const;
    void setTable(const concepts::StorageTable& table, int sumColumn);
    const concepts::StorageCosts& costs() const { return costs_; }

protected:
    void refresh() override;

private:
    QTableWidget* columns_;
    QSpinBox* rows_;
    QSpinBox* pageKb_;
    QComboBox* sum_;
    concepts::StorageCosts costs_;
    QString refused_; // what the last edit of a cell was, and why it was put back (or empty)
};

} // namespace fg
