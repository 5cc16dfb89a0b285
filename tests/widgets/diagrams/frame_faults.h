// Shared by the live diagrams' clipping checks (test_diagram_clipping in English,
// test_pseudo_locale in the longer made-up language): what is wrong with the words and lines of
// a frame, as paintFrame draws it.
// - every text fits the box it is drawn in (the font paintFrame draws it with, its metrics
//   against the room paintFrame leaves), and lies inside the drawing;
// - no text is covered by what is drawn after it (a box with a fill, a line, another text);
// - no line runs behind a box it does not start or end at.
#pragma once

#include "widgets/canvas/diagram_canvas.h"
#include "widgets/canvas/diagram_panel.h"
#include "widgets/canvas/frame.h"
#include "widgets/diagrams/diagram_view.h"

#include <QFontMetricsF>
#include <QStringList>
#include <algorithm>
#include <vector>

// The first, a middle and the last step of what `view` holds.
inline std::vector<int> stepsOf(fg::DiagramView& view) {
    const int n = view.panel()->player()->stepCount();
    return {0, n / 2, n - 1};
}

// Where paintFrame puts `it`'s text: its lines' bounding box, aligned in the room it has.
inline QRectF paintedText(const fg::FrameItem& it) {
    const QRectF room = fg::frameTextRoom(it);
    return QFontMetricsF(fg::frameFont(it))
        .boundingRect(room, static_cast<int>(it.align), fg::frameText(it));
}

// Whether the segment `l` crosses the inside of `r`.
inline bool crosses(const QLineF& l, const QRectF& r) {
    if (r.contains(l.p1()) || r.contains(l.p2())) {
        return true;
    }
    const QLineF edges[] = {{r.topLeft(), r.topRight()},
                            {r.topRight(), r.bottomRight()},
                            {r.bottomRight(), r.bottomLeft()},
                            {r.bottomLeft(), r.topLeft()}};
    for (const auto& e : edges) {
        if (l.intersects(e, nullptr) == QLineF::BoundedIntersection) {
            return true;
        }
    }
    return false;
}

// Every fault of one frame, in words ("" when none).
inline QStringList faultsOf(const fg::Frame& f) {
    QStringList faults;
    const QRectF drawing = f.extent();
    // The order paintFrame draws in: by z, then as listed.
    std::vector<std::size_t> order(f.items.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return f.items[a].z < f.items[b].z; });
    std::vector<std::size_t> rank(order.size());
    for (std::size_t r = 0; r < order.size(); ++r) {
        rank[order[r]] = r;
    }
    const auto visible = [](const fg::FrameItem& it) { return it.opacity >= 0.5; };
    for (std::size_t i = 0; i < f.items.size(); ++i) {
        const fg::FrameItem& a = f.items[i];
        if (!visible(a)) {
            continue;
        }
        if (a.kind != fg::FrameItem::Kind::Line && !a.text.isEmpty()) {
            const QSizeF need = fg::frameTextSize(a);
            const QRectF room = fg::frameTextRoom(a);
            if (need.width() > room.width() + 0.5 || need.height() > room.height() + 0.5) {
                faults << QStringLiteral("%1: \"%2\" needs %3 x %4, has %5 x %6")
                              .arg(a.id, a.text)
                              .arg(need.width(), 0, 'f', 1)
                              .arg(need.height(), 0, 'f', 1)
                              .arg(room.width(), 0, 'f', 1)
                              .arg(room.height(), 0, 'f', 1);
            }
            const QRectF text = paintedText(a);
            if (!drawing.adjusted(-1, -1, 1, 1).contains(text)) {
                faults << QStringLiteral("%1: \"%2\" lies outside the drawing").arg(a.id, a.text);
            }
            const QRectF inner = text.adjusted(1, 1, -1, -1);
            for (std::size_t j = 0; j < f.items.size(); ++j) {
                const fg::FrameItem& b = f.items[j];
                if (j == i || !visible(b)) {
                    continue;
                }
                const bool after = rank[j] > rank[i];
                bool covers = false;
                if (b.kind == fg::FrameItem::Kind::Line) {
                    covers = after && crosses(b.line, inner);
                } else {
                    covers = (after && b.fill.isValid() && b.rect.intersects(inner)) ||
                             (!b.text.isEmpty() && paintedText(b).intersects(inner));
                }
                if (covers) {
                    faults << QStringLiteral("%1: \"%2\" is covered by %3").arg(a.id, a.text, b.id);
                }
            }
        }
        if (a.kind == fg::FrameItem::Kind::Line) {
            for (std::size_t j = 0; j < f.items.size(); ++j) {
                const fg::FrameItem& b = f.items[j];
                if (b.kind != fg::FrameItem::Kind::Box || !b.fill.isValid() || !visible(b) ||
                    rank[j] < rank[i]) {
                    continue;
                }
                const QRectF ends = b.rect.adjusted(-2, -2, 2, 2);
                if (ends.contains(a.line.p1()) || ends.contains(a.line.p2())) {
                    continue; // it starts or ends at this box
                }
                if (crosses(a.line, b.rect.adjusted(2, 2, -2, -2))) {
                    faults << QStringLiteral("%1 runs behind %2").arg(a.id, b.id);
                }
            }
        }
    }
    faults.removeDuplicates();
    return faults;
}

// Every fault of the frames of `view`'s source at its first, a middle and its last step, in each
// of `themes` ("light, step 12: ..."), each said once.
inline QStringList frameFaultsOf(fg::DiagramView& view, const std::vector<fg::Theme>& themes) {
    QStringList faults;
    for (const fg::Theme& theme : themes) {
        view.setTheme(theme);
        const fg::DiagramSource* source = view.panel()->canvas()->source();
        if (!source) {
            return {QStringLiteral("no source")};
        }
        for (int step : stepsOf(view)) {
            for (const QString& fault : faultsOf(source->frame(step, theme))) {
                faults << QStringLiteral("%1, step %2: %3").arg(theme.name()).arg(step).arg(fault);
            }
        }
    }
    faults.removeDuplicates();
    return faults;
}
