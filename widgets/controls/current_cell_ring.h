// CurrentCellRing: a table's current cell ringed as the focus is everywhere in the app, while
// the table has the keyboard. Qt's Fusion marked it with a pale fill only (the decision matrix's
// cell the arrows were on could hardly be found, a tester). The ring lies just inside the cell,
// FocusRing::width() pixels wide, in the focus ring's colour when that stands 3:1 from the
// cell's fill and the table's, else in the text colour.
#pragma once

#include <QStyledItemDelegate>

namespace fg {

class CurrentCellRing : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // The ring's colour on a cell filled with `fill` in a view of `palette`.
    static QColor colourOn(const QColor& fill, const QPalette& palette);
    // What the cell at `index` is filled with, as `option` paints it.
    static QColor fillOf(const QStyleOptionViewItem& option, const QModelIndex& index);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    // The height wrapped text needs in the room it is drawn in: beside a tick box, not across
    // the whole cell (Qt's leaves the box out, so "ACID Transactions" got a row of one line and
    // was drawn cut to "ACID ..." on two).
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace fg
