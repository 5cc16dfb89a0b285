// SearchResultDelegate: how the search panel draws a result: where it is ("Chapter › Section",
// bold) over the words around the hit (the query's words in bold, at most three lines), with
// room around them and a rule between results, so that a narrow panel still reads as a list of
// separate places and not as one block of text. The result's heading and snippet are the item's
// kHeadingRole and kSnippetRole; the query is the delegate's.
#pragma once

#include <QStyledItemDelegate>
#include <QTextLayout>

namespace fg {

class SearchResultDelegate : public QStyledItemDelegate {
public:
    static constexpr int kHeadingRole = Qt::UserRole + 1;
    static constexpr int kSnippetRole = Qt::UserRole + 2;
    // The room above and below a result's text, and at its sides.
    static constexpr int kPadV = 8, kPadH = 10;
    // The most lines a snippet takes (the rest is elided).
    static constexpr int kSnippetLines = 3;

    using QStyledItemDelegate::QStyledItemDelegate;

    void setQuery(const QString& query) { query_ = query; }
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    struct Laid {
        std::unique_ptr<QTextLayout> heading, snippet;
        qreal height = 0;
    };
    // The result's two blocks of text laid out at `width` (the item's width less its sides).
    Laid layOut(const QStyleOptionViewItem& option, const QModelIndex& index, qreal width) const;

    QString query_;
};

} // namespace fg
