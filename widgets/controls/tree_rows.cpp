#include "widgets/controls/tree_rows.h"

#include <QHeaderView>
#include <QTreeView>
#include <algorithm>

namespace fg {

int rowTextWidth(const QTreeView& tree, const QModelIndex& index) {
    int depth = tree.rootIsDecorated() ? 1 : 0;
    for (QModelIndex i = index.parent(); i.isValid(); i = i.parent()) {
        ++depth;
    }
    const bool whole =
        tree.header()->count() <= 1 || tree.isFirstColumnSpanned(index.row(), index.parent());
    const int room = whole ? tree.viewport()->width() : tree.header()->sectionSize(index.column());
    return std::max(1, room - depth * tree.indentation());
}

} // namespace fg
