// PracticeFigure's group picture (practice_figure.h): a consumer group's members as columns and
// its partitions as chips dragged between them. Apart from the other pictures, which are drawn
// once per exercise; this one follows the drag.
#include "widgets/practice/practice_figure.h"

#include <QMouseEvent>
#include <QPainter>
#include <algorithm>

namespace fg {

// The group: a pool of the partitions nobody has yet, then a column per member holding its
// partitions; a partition is dragged from anywhere to a column (or back to the pool).
void PracticeFigure::paintMembers(QPainter& p) {
    chipHits_.clear();
    columnHits_.clear();
    const qreal line = fontMetrics().height();
    p.setPen(theme_.mutedText);
    p.drawText(QRectF(0, 0, width(), line * 1.4), Qt::AlignLeft | Qt::AlignVCenter,
               printed_ ? tr("The group's members and the partitions")
                        : tr("Drag each partition onto the member that gets it (or use the lists "
                             "below)"));
    const qreal chipH = line * 1.4, chipW = chipWidth();
    // The partitions not given yet, in rows as many as the width needs (one row cut the tenth
    // partition of a two-topic group off at the right edge, out of reach).
    const QRectF pool(0, line * 1.6, width(), line * 0.8 + poolRows(width()) * poolRowHeight());
    columnHits_.emplace_back(pool, QString());
    const qreal colW =
        std::max(chipW + line, (width() - line) / std::max<qsizetype>(1, members_.size()));
    const qreal colTop = pool.bottom() + line * 0.4;
    const auto chip = [&](const QString& word, QPointF at) {
        const QRectF r(at, QSizeF(chipW, chipH));
        const bool marked = marks_.contains(word); // a walkthrough step's
        const QColor fill = word == dragging_ || marked ? theme_.highlight : theme_.surface;
        p.setPen(QPen(theme_.line, marked ? theme_.lineWidth * 3 : theme_.lineWidth));
        p.setBrush(fill);
        p.drawRoundedRect(r, 4, 4);
        p.setPen(theme_.readableOn(theme_.text, fill));
        p.drawText(r, Qt::AlignCenter, word);
        chipHits_.emplace_back(r, word);
    };
    p.setPen(QPen(theme_.line, theme_.lineWidth * 0.6, Qt::DashLine));
    p.setBrush(Qt::NoBrush);
    p.drawRect(pool);
    const int perRow = chipsPerRow(width());
    int placed = 0;
    for (const QString& w : words_) {
        if (!assignment_.contains(w) && w != dragging_) {
            const int row = placed / perRow, col = placed % perRow;
            chip(w, QPointF(line * 0.3 + col * (chipW + line * 0.3),
                            pool.top() + line * 0.4 + row * poolRowHeight()));
            ++placed;
        }
    }
    for (int m = 0; m < members_.size(); ++m) {
        const QRectF col(m * colW, colTop, colW - line * 0.5, height() - colTop - 2);
        columnHits_.emplace_back(col, members_[m]);
        p.setPen(QPen(theme_.line,
                      marks_.contains(members_[m]) ? theme_.lineWidth * 3 : theme_.lineWidth));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(col, 4, 4);
        p.setPen(theme_.text);
        p.drawText(QRectF(col.left(), col.top(), col.width(), line * 1.5), Qt::AlignCenter,
                   members_[m]);
        qreal y = col.top() + line * 1.6;
        for (const QString& w : words_) {
            if (assignment_.value(w) == members_[m] && w != dragging_) {
                chip(w, QPointF(col.left() + (col.width() - chipW) / 2, y));
                y += chipH + line * 0.2;
            }
        }
    }
    if (!dragging_.isEmpty()) { // under the pointer
        chip(dragging_, dragAt_ - QPointF(chipW / 2, chipH / 2));
    }
}

qreal PracticeFigure::chipWidth() const {
    return fontMetrics().horizontalAdvance(QStringLiteral("payments-00")) + fontMetrics().height();
}

int PracticeFigure::chipsPerRow(qreal width) const {
    const qreal step = chipWidth() + fontMetrics().height() * 0.3;
    return std::max(1, static_cast<int>((width - fontMetrics().height() * 0.3) / step));
}

int PracticeFigure::poolRows(qreal width) const {
    const auto n = static_cast<int>(words_.size());
    return std::max(1, (n + chipsPerRow(width) - 1) / chipsPerRow(width));
}

qreal PracticeFigure::poolRowHeight() const {
    return fontMetrics().height() * 1.6;
}

void PracticeFigure::setAssignment(const QMap<QString, QString>& wordToMember) {
    assignment_ = wordToMember;
    update();
}

QRectF PracticeFigure::chipBox(const QString& word) const {
    return hitRect(chipHits_, word);
}

QRectF PracticeFigure::memberBox(const QString& member) const {
    return hitRect(columnHits_, member);
}

void PracticeFigure::mouseMoveEvent(QMouseEvent* event) {
    if (!dragging_.isEmpty()) {
        dragAt_ = event->position();
        update();
    }
}

void PracticeFigure::mouseReleaseEvent(QMouseEvent* event) {
    if (dragging_.isEmpty()) {
        return;
    }
    const QString word = dragging_;
    dragging_.clear();
    // The member's column under the pointer (the pool, first in the list, is "nobody").
    for (auto it = columnHits_.rbegin(); it != columnHits_.rend(); ++it) {
        if (it->first.contains(event->position())) {
            emit wordAssigned(word, it->second);
            break;
        }
    }
    update();
}

} // namespace fg
