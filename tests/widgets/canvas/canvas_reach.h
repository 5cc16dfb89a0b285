// Whether every box of a DiagramCanvas's drawing can be seen whole: in its area now, or brought
// into it with its scroll bars, as a student would drag them.
#pragma once

#include "widgets/canvas/diagram_canvas.h"

#include <QFontMetrics>
#include <QScrollBar>
#include <QTableWidget>
#include <functional>

namespace canvas_reach {

// The area the drawing is seen in: the canvas less the bars over its edges.
inline QRectF seenArea(const fg::DiagramCanvas& canvas) {
    QRectF area = canvas.rect();
    if (canvas.verticalScrollBar()->isVisibleTo(&canvas)) {
        area.setRight(canvas.verticalScrollBar()->geometry().left());
    }
    if (canvas.horizontalScrollBar()->isVisibleTo(&canvas)) {
        area.setBottom(canvas.horizontalScrollBar()->geometry().top());
    }
    return area;
}

// Moves `bar` (as a student drags it) along its range, a pixel at a time, until `inView` holds
// (in 40 steps it jumped over a box that fits its area with 3 pixels to spare).
inline bool reachable(QScrollBar* bar, const std::function<bool()>& inView) {
    if (inView()) {
        return true;
    }
    if (bar->isHidden()) {
        return false;
    }
    for (int value = bar->minimum(); value <= bar->maximum(); ++value) {
        bar->setValue(value);
        if (inView()) {
            return true;
        }
    }
    return false;
}

// The boxes of the frame on screen (their ids) that cannot be seen with the bars: a box is
// brought whole into the area, or, larger than the area, each of its edges is.
inline QStringList boxesOutOfReach(fg::DiagramCanvas& canvas) {
    QStringList out;
    for (const fg::FrameItem& it : canvas.currentFrame().items) {
        if (it.kind != fg::FrameItem::Kind::Box || it.opacity <= 0) {
            continue;
        }
        const auto r = [&] { return canvas.itemRect(it.id); };
        const auto area = [&] { return seenArea(canvas); };
        const auto wide = [&] { return r().width() > area().width(); };
        const auto tall = [&] { return r().height() > area().height(); };
        const auto leftIn = [&] {
            return r().left() >= -0.5 && (wide() || r().right() <= area().right() + 0.5);
        };
        const auto rightIn = [&] {
            return r().right() <= area().right() + 0.5 && (wide() || r().left() >= -0.5);
        };
        const auto topIn = [&] {
            return r().top() >= -0.5 && (tall() || r().bottom() <= area().bottom() + 0.5);
        };
        const auto bottomIn = [&] {
            return r().bottom() <= area().bottom() + 0.5 && (tall() || r().top() >= -0.5);
        };
        if (!reachable(canvas.horizontalScrollBar(), leftIn) ||
            !reachable(canvas.horizontalScrollBar(), rightIn) ||
            !reachable(canvas.verticalScrollBar(), topIn) ||
            !reachable(canvas.verticalScrollBar(), bottomIn)) {
            out << it.id;
        }
    }
    return out;
}

// The smallest letters a visible text of the frame on screen is drawn at, in pixels (0: none).
inline qreal smallestWordsOnScreen(const fg::DiagramCanvas& canvas) {
    qreal least = 0;
    const qreal scale = canvas.transformOnScreen().m11();
    for (const fg::FrameItem& it : canvas.currentFrame().items) {
        if (!it.text.isEmpty() && it.opacity > 0 && (least == 0 || it.fontPx * scale < least)) {
            least = it.fontPx * scale;
        }
    }
    return least;
}

// The cells of `table` whose text is cut short: their row lower than the text wrapped in the
// column's width.
inline QStringList cutCells(const QTableWidget* table, const QString& where) {
    QStringList cut;
    for (int r = 0; r < table->rowCount(); ++r) {
        for (int c = 0; c < table->columnCount(); ++c) {
            const QTableWidgetItem* item = table->item(r, c);
            if (!item) {
                continue;
            }
            const QFontMetrics fm(table->font());
            // The cell's margins: the style's focus frame margin and a pixel, either side.
            const int room = table->columnWidth(c) - 6;
            const int need =
                fm.boundingRect(QRect(0, 0, room, 100'000), Qt::TextWordWrap, item->text())
                    .height();
            if (table->rowHeight(r) < need) {
                cut << QStringLiteral("%1: row %2, column %3 is %4 px for %5 px of text")
                           .arg(where)
                           .arg(r)
                           .arg(c)
                           .arg(table->rowHeight(r))
                           .arg(need);
            }
        }
    }
    return cut;
}

} // namespace canvas_reach
