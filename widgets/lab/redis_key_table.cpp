#include "widgets/lab/redis_key_table.h"

namespace fg {

void RedisKeyTable::setRows(std::vector<lab::KeyRow> rows) {
    beginResetModel();
    rows_ = std::move(rows);
    endResetModel();
}

int RedisKeyTable::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

int RedisKeyTable::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : kColumns;
}

namespace {

QString serverOf(int node) {
    return node < 0 ? RedisKeyTable::tr("none") : RedisKeyTable::tr("node %1").arg(node);
}

} // namespace

QVariant RedisKeyTable::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || std::size_t(index.row()) >= rows_.size()) {
        return {};
    }
    const lab::KeyRow& r = rows_[std::size_t(index.row())];
    if (role == Qt::TextAlignmentRole) {
        return index.column() == kKey ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                      : QVariant(Qt::AlignCenter);
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return {};
    }
    switch (index.column()) {
    case kKey:
        return QString::fromStdString(r.key);
    case kSlot:
        return r.slot;
    case kModelSlot:
        return r.modelSlot;
    case kServer:
        return serverOf(r.owner);
    case kModelServer:
        return serverOf(r.modelOwner);
    default:
        // Said in words, not by colour alone.
        return r.agrees() ? tr("same") : tr("DIFFERENT");
    }
}

QVariant RedisKeyTable::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case kKey:
        return tr("Key");
    case kSlot:
        return tr("Slot (real)");
    case kModelSlot:
        return tr("Slot (model)");
    case kServer:
        return tr("Server (real)");
    case kModelServer:
        return tr("Server (model)");
    default:
        return tr("Real and model");
    }
}

} // namespace fg
