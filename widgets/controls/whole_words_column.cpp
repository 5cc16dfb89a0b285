#include "widgets/controls/whole_words_column.h"

#include <QEvent>
#include <QHeaderView>
#include <QRegularExpression>
#include <QStyleOptionViewItem>
#include <QTableWidget>
#include <algorithm>

namespace fg {

WholeWordsColumn::WholeWordsColumn(QTableWidget* table, int column)
    : QObject(table), table_(table), column_(column) {}

void WholeWordsColumn::install(QTableWidget* table, int column) {
    auto* keeper = new WholeWordsColumn(table, column);
    table->installEventFilter(keeper);
    table->viewport()->installEventFilter(keeper);
    keeper->fit();
}

int WholeWordsColumn::leastWidth(const QTableWidget* table, int column) {
    const QFontMetrics metrics(table->font());
    // What the style draws before the text (a tick box) and the text's margins, as it lays a
    // cell out.
    QStyleOptionViewItem option;
    option.initFrom(table->viewport());
    option.font = table->font();
    option.fontMetrics = metrics;
    option.rect = QRect(0, 0, 1000, metrics.height() * 2);
    option.features = QStyleOptionViewItem::HasDisplay | QStyleOptionViewItem::WrapText;
    int least = 0;
    static const QRegularExpression space(QStringLiteral("\\s+"));
    for (int r = 0; r < table->rowCount(); ++r) {
        const QTableWidgetItem* item = table->item(r, column);
        if (!item) {
            continue;
        }
        QStyleOptionViewItem cell = option;
        cell.text = item->text();
        if (item->flags() & Qt::ItemIsUserCheckable) {
            cell.features |= QStyleOptionViewItem::HasCheckIndicator;
        }
        const QRect text =
            table->style()->subElementRect(QStyle::SE_ItemViewItemText, &cell, table);
        const int textMargin =
            table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, &cell, table) + 1;
        // The text starts after the box; its margins are inside its room on both sides.
        // And the grid's line, drawn inside the cell's right edge.
        const int around =
            text.left() - cell.rect.left() + 2 * textMargin + (table->showGrid() ? 1 : 0);
        for (const QString& word : item->text().split(space, Qt::SkipEmptyParts)) {
            least = std::max(least, metrics.horizontalAdvance(word) + around + 1);
        }
    }
    return least;
}

bool WholeWordsColumn::eventFilter(QObject* watched, QEvent* event) {
    // The viewport's size once the table has laid it out; the table's new type or style.
    if ((watched == table_->viewport() && event->type() == QEvent::Resize) ||
        (watched == table_ &&
         (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange))) {
        fit();
    }
    return QObject::eventFilter(watched, event);
}

void WholeWordsColumn::fit() {
    QHeaderView* header = table_->horizontalHeader();
    const int share = table_->viewport()->width() / std::max(1, table_->columnCount());
    const int least = leastWidth(table_, column_);
    if (share >= least) {
        header->setSectionResizeMode(column_, QHeaderView::Stretch);
    } else {
        header->setSectionResizeMode(column_, QHeaderView::Fixed);
        header->resizeSection(column_, least);
    }
}

} // namespace fg
