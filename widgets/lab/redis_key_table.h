// RedisKeyTable: the keys a Lab run sent, one row each: the key, its slot in the real cluster and
// in the model, the server that owns it in each, and whether they agree (disagreements come
// first, as the lab sends them). A read-only model for a QTableView.
#pragma once

#include "lab/redis_data.h"

#include <QAbstractTableModel>
#include <vector>

namespace fg {

class RedisKeyTable : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { kKey, kSlot, kModelSlot, kServer, kModelServer, kAgree, kColumns };
    using QAbstractTableModel::QAbstractTableModel;

    void setRows(std::vector<lab::KeyRow> rows);
    const std::vector<lab::KeyRow>& rows() const { return rows_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<lab::KeyRow> rows_;
};

} // namespace fg
