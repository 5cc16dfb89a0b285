// The width a tree row's text has to wrap in: the chapter list's titles and My progress's notes
// go on over more lines instead of being cut, and their rows are as tall as that needs (Qt's tree
// measures a row as if its text had no width to keep to).
#pragma once

class QModelIndex;
class QTreeView;

namespace fg {

// The width of the text of the row at `index`: its column's (the whole list's when the list has
// one column or the row spans them), less the row's indentation.
int rowTextWidth(const QTreeView& tree, const QModelIndex& index);

} // namespace fg
