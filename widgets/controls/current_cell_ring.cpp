#include "widgets/controls/current_cell_ring.h"

#include "models/theme/theme.h"
#include "widgets/controls/focus_ring.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QPainter>
#include <algorithm>

namespace fg {

QColor CurrentCellRing::colourOn(const QColor& fill, const QPalette& palette) {
    const QColor base = palette.color(QPalette::Base);
    for (const QColor& c : {focusRingColor(palette), palette.color(QPalette::Text)}) {
        if (contrastRatio(c, fill) >= 3.0 && contrastRatio(c, base) >= 3.0) {
            return c;
        }
    }
    // Neither: black or white, whichever stands further from both.
    const auto least = [&](const QColor& c) {
        return std::min(contrastRatio(c, fill), contrastRatio(c, base));
    };
    return least(Qt::black) >= least(Qt::white) ? QColor(Qt::black) : QColor(Qt::white);
}

QColor CurrentCellRing::fillOf(const QStyleOptionViewItem& option, const QModelIndex& index) {
    const QPalette::ColorGroup group =
        option.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
    if (option.state & QStyle::State_Selected) {
        return option.palette.color(group, QPalette::Highlight);
    }
    if (const QVariant own = index.data(Qt::BackgroundRole); own.canConvert<QBrush>()) {
        if (const QBrush brush = own.value<QBrush>(); brush.style() != Qt::NoBrush) {
            return brush.color();
        }
    }
    const bool alternate = option.features & QStyleOptionViewItem::Alternate;
    return option.palette.color(group, alternate ? QPalette::AlternateBase : QPalette::Base);
}

void CurrentCellRing::paint(QPainter* painter, const QStyleOptionViewItem& option,
                            const QModelIndex& index) const {
    QStyleOptionViewItem o = option;
    initStyleOption(&o, index);
    QStyledItemDelegate::paint(painter, option, index);
    const auto* view = qobject_cast<const QAbstractItemView*>(option.widget);
    if (!view || !view->hasFocus() || view->currentIndex() != index) {
        return;
    }
    const int width = FocusRing::width();
    painter->save();
    painter->setPen(QPen(colourOn(fillOf(o, index), option.palette), width));
    painter->setBrush(Qt::NoBrush);
    const qreal half = width / 2.0;
    painter->drawRect(QRectF(option.rect).adjusted(half, half, -half, -half));
    painter->restore();
}

QSize CurrentCellRing::sizeHint(const QStyleOptionViewItem& option,
                                const QModelIndex& index) const {
    QStyleOptionViewItem o = option;
    initStyleOption(&o, index);
    if (!(o.features & QStyleOptionViewItem::HasCheckIndicator) ||
        !(o.features & QStyleOptionViewItem::WrapText) || o.rect.width() <= 0) {
        return QStyledItemDelegate::sizeHint(option, index);
    }
    const QStyle* style = o.widget ? o.widget->style() : QApplication::style();
    const QRect text = style->subElementRect(QStyle::SE_ItemViewItemText, &o, o.widget);
    QStyleOptionViewItem narrower = option;
    narrower.rect.setWidth(text.width());
    return {QStyledItemDelegate::sizeHint(option, index).width(),
            QStyledItemDelegate::sizeHint(narrower, index).height()};
}

} // namespace fg
