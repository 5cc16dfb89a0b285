#include "app/reader/search_result_delegate.h"

#include <QAbstractItemView>
#include <QPainter>

namespace fg {

namespace {

// Lays `layout` out in lines of `width` from `top`, at most `maxLines` (0: all); returns the
// height used. A text cut short ends its last line with an ellipsis.
qreal fill(QTextLayout& layout, qreal width, qreal top, int maxLines) {
    const QFontMetricsF fm(layout.font());
    layout.beginLayout();
    qreal y = top;
    int lines = 0;
    while (true) {
        QTextLine line = layout.createLine();
        if (!line.isValid()) {
            break;
        }
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
        if (maxLines > 0 && ++lines == maxLines) {
            break;
        }
    }
    layout.endLayout();
    return y - top;
}

} // namespace

SearchResultDelegate::Laid SearchResultDelegate::layOut(const QStyleOptionViewItem& option,
                                                        const QModelIndex& index,
                                                        qreal width) const {
    Laid out;
    QFont bold = option.font;
    bold.setBold(true);
    out.heading = std::make_unique<QTextLayout>(index.data(kHeadingRole).toString(), bold);
    QTextOption wrap;
    wrap.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    out.heading->setTextOption(wrap);
    const qreal headingHeight = fill(*out.heading, width, kPadV, 0);
    // The snippet, its hits in bold.
    const QString snippet = index.data(kSnippetRole).toString();
    out.snippet = std::make_unique<QTextLayout>(snippet, option.font);
    out.snippet->setTextOption(wrap);
    QList<QTextLayout::FormatRange> hits;
    if (query_.trimmed().size() >= 2) {
        const QString q = query_.trimmed();
        for (qsizetype at = snippet.indexOf(q, 0, Qt::CaseInsensitive); at >= 0;
             at = snippet.indexOf(q, at + q.size(), Qt::CaseInsensitive)) {
            QTextLayout::FormatRange r;
            r.start = static_cast<int>(at);
            r.length = static_cast<int>(q.size());
            r.format.setFontWeight(QFont::Bold);
            hits << r;
        }
    }
    out.snippet->setFormats(hits);
    const qreal gap = QFontMetricsF(option.font).height() / 4;
    const qreal snippetHeight =
        snippet.isEmpty() ? 0
                          : fill(*out.snippet, width, kPadV + headingHeight + gap, kSnippetLines);
    out.height = kPadV + headingHeight + (snippet.isEmpty() ? 0 : gap + snippetHeight) + kPadV;
    return out;
}

QSize SearchResultDelegate::sizeHint(const QStyleOptionViewItem& option,
                                     const QModelIndex& index) const {
    const auto* view = qobject_cast<const QAbstractItemView*>(option.widget);
    const int width = view ? view->viewport()->width() : option.rect.width();
    const Laid laid = layOut(option, index, std::max(40, width - 2 * kPadH));
    return {width, static_cast<int>(std::ceil(laid.height)) + 1};
}

void SearchResultDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
                                       : (opt.state & QStyle::State_Active) ? QPalette::Active
                                                                            : QPalette::Inactive;
    painter->save();
    if (selected) {
        painter->fillRect(opt.rect, opt.palette.brush(group, QPalette::Highlight));
    }
    // A rule under each result.
    painter->setPen(opt.palette.color(group, QPalette::Mid));
    painter->drawLine(opt.rect.bottomLeft(), opt.rect.bottomRight());
    const Laid laid = layOut(opt, index, std::max(40, opt.rect.width() - 2 * kPadH));
    painter->setPen(
        opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    const QPointF at(opt.rect.left() + kPadH, opt.rect.top());
    laid.heading->draw(painter, at);
    // The snippet's last line ends with "…" when the snippet goes on.
    const int lines = laid.snippet->lineCount();
    for (int i = 0; i < lines; ++i) {
        const QTextLine line = laid.snippet->lineAt(i);
        const bool cut =
            i == lines - 1 && line.textStart() + line.textLength() < laid.snippet->text().size();
        if (!cut) {
            line.draw(painter, at);
            continue;
        }
        const QFontMetricsF fm(opt.font);
        const QString rest = laid.snippet->text().mid(line.textStart()).simplified();
        painter->setFont(opt.font);
        painter->drawText(QPointF(at.x() + line.x(), at.y() + line.y() + line.ascent()),
                          fm.elidedText(rest, Qt::ElideRight, line.width()));
    }
    if (opt.state & QStyle::State_HasFocus) {
        QStyleOptionFocusRect focus;
        focus.QStyleOption::operator=(opt);
        focus.rect = opt.rect.adjusted(1, 1, -1, -2);
        focus.backgroundColor =
            opt.palette.color(group, selected ? QPalette::Highlight : QPalette::Base);
        if (const QWidget* w = opt.widget) {
            w->style()->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, painter, w);
        }
    }
    painter->restore();
}

} // namespace fg
