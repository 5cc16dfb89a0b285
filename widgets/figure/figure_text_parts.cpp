// The text parts of a figure: headings, paragraphs, bulleted lists, key-value lists, tables
// (browser-style column widths, words kept whole) and code blocks. The boxes, bars, panels and
// the dispatch over parts are in figure_layout.cpp, trees and flows in figure_graph.cpp.
#include "widgets/figure/figure_json.h"
#include "widgets/figure/figure_layout.h"

#include <QFontMetricsF>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <numeric>

namespace fg {

namespace {

// The smallest a table's text is set (relative to its font) to keep its longest words whole:
// smaller than other text (0.7, FigureLayout::text), as its columns share one row.
constexpr qreal kLeastTableScale = 0.55;

} // namespace

using figure::arr;
using figure::str;

qreal FigureLayout::heading(const json& p, qreal x, qreal y, qreal w) {
    const TextBlock b = text(p.value("text", json("")), headingFont_, w);
    put(b, QPointF(x, y), theme_.accent);
    return b.size.height();
}

qreal FigureLayout::paragraph(const json& p, qreal x, qreal y, qreal w) {
    const TextBlock b = text(p.value("text", json("")), font_, w);
    put(b, QPointF(x, y), theme_.text);
    return b.size.height();
}

qreal FigureLayout::bullets(const json& items, qreal x, qreal y, qreal w, int depth) {
    const qreal indent = 2.2 * u_;
    qreal used = 0;
    for (const auto& item : items) {
        const json& label = item.is_object() ? item.value("text", json("")) : item;
        QString s =
            label.is_string() ? QString::fromStdString(label.get<std::string>()) : QString();
        // A leading mark stands in for the bullet; otherwise a dot (depth 0) or a dash.
        QString mark;
        if (s.startsWith(QLatin1Char(':'))) {
            const QString name = s.section(QLatin1Char(':'), 1, 1);
            if (!markGlyph(name).isEmpty()) {
                mark = name;
                s = s.mid(name.size() + 2).trimmed();
            }
        }
        // An item that starts with an arrow ("→ Single partition, sorted by date") has it for
        // its bullet: it read "• →" (tester 43).
        const bool arrowed = mark.isEmpty() && s.startsWith(QStringLiteral("\u2192 "));
        if (arrowed) {
            s = s.mid(2);
        }
        InlineText bullet;
        bullet.text = !mark.isEmpty() ? markGlyph(mark)
                      : arrowed       ? QStringLiteral("\u2192")
                      : depth == 0    ? QStringLiteral("\u2022")
                                      : QStringLiteral("\u2013");
        const TextBlock dot = layoutText(bullet, mark.isEmpty() ? font_ : bold_, 2 * indent);
        // The text a space after its bullet: a bold tick is wider than a dot, and touched the
        // text ("✔Every system design question!").
        const qreal at = std::max(indent, 0.4 * u_ + dot.size.width() +
                                              QFontMetricsF(font_).horizontalAdvance(u' '));
        const TextBlock b = text(json(s.toStdString()), font_, w - at);
        put(dot, QPointF(x + 0.4 * u_, y + used),
            mark.isEmpty() ? theme_.accent : markColor(theme_, mark));
        put(b, QPointF(x + at, y + used), theme_.text);
        used += b.size.height() + 0.4 * u_;
        if (item.is_object() && item.contains("items")) {
            used += bullets(item["items"], x + indent, y + used, w - indent, depth + 1);
        }
    }
    return std::max<qreal>(used - 0.4 * u_, 0);
}

qreal FigureLayout::keyValues(const json& p, qreal x, qreal y, qreal w) {
    const json& items = arr(p, "items");
    // The key column: its natural width up to 38% of the row, but never narrower than its
    // longest word (a key like "users/123/profile.jpg" stays whole), up to 60%.
    qreal keyW = 0, keyWord = 0;
    for (const auto& row : items) {
        if (row.is_array() && !row.empty()) {
            keyW = std::max(keyW, naturalWidth(inl(row[0]), bold_));
            keyWord = std::max(keyWord, longestWordWidth(inl(row[0]), bold_));
        }
    }
    if (keyWord > w * 0.6) { // a path that must break at its slashes anyway: its parts count
        keyWord = 0;
        for (const auto& row : items) {
            if (row.is_array() && !row.empty()) {
                keyWord = std::max(keyWord, longestWordWidth(inl(row[0]), bold_, false));
            }
        }
    }
    keyW = std::min(std::max(std::min(keyW, w * 0.38), keyWord), w * 0.6);
    qreal used = 0;
    for (const auto& row : items) {
        if (!row.is_array() || row.size() < 2) {
            continue;
        }
        const TextBlock k = text(row[0], bold_, keyW);
        const TextBlock v = text(row[1], font_, w - keyW - 2 * u_);
        put(k, QPointF(x, y + used), theme_.text);
        put(v, QPointF(x + keyW + 2 * u_, y + used), theme_.text);
        used += std::max(k.size.height(), v.size.height()) + 0.6 * u_;
    }
    return std::max<qreal>(used - 0.6 * u_, 0);
}

qreal FigureLayout::table(const json& p, qreal x, qreal y, qreal w) {
    const json& cols = arr(p, "columns");
    const json& rows = arr(p, "rows");
    const std::size_t n = cols.size();
    if (n == 0) {
        return 0;
    }
    const qreal cp = 0.8 * u_; // cell padding
    // Column widths as a browser sets an automatic table: each column between its least width
    // (its longest word) and its natural width (its longest line). When even the least widths
    // do not fit, the table's text is set smaller (down to kLeastTableScale) until they do.
    QFont cellFont = font_, headFont = bold_;
    std::vector<qreal> natural(n), least(n);
    auto measure = [&] {
        for (std::size_t c = 0; c < n; ++c) {
            natural[c] = naturalWidth(inl(cols[c]), headFont);
            least[c] = longestWordWidth(inl(cols[c]), headFont);
            for (const auto& r : rows) {
                if (r.is_array() && c < r.size()) {
                    natural[c] = std::max(natural[c], naturalWidth(inl(r[c]), cellFont));
                    least[c] = std::max(least[c], longestWordWidth(inl(r[c]), cellFont));
                }
            }
            natural[c] += 2 * cp + 1;
            least[c] += 2 * cp + 1;
        }
    };
    auto total = [](const std::vector<qreal>& v) {
        return std::accumulate(v.begin(), v.end(), 0.0);
    };
    measure();
    if (total(least) > w) {
        const qreal text = total(least) - static_cast<qreal>(n) * (2 * cp + 1);
        const qreal room = w - static_cast<qreal>(n) * (2 * cp + 1);
        const qreal scale = std::max(kLeastTableScale, room > 0 ? 0.98 * room / text : 0.0);
        cellFont.setPixelSize(std::max(1, static_cast<int>(font_.pixelSize() * scale)));
        headFont.setPixelSize(std::max(1, static_cast<int>(bold_.pixelSize() * scale)));
        measure();
    }
    std::vector<qreal> width(n);
    const qreal naturalSum = total(natural), leastSum = total(least);
    for (std::size_t c = 0; c < n; ++c) {
        if (naturalSum <= w) {
            width[c] = natural[c];
        } else if (leastSum < w) { // share what is left above the least widths
            width[c] =
                least[c] + (natural[c] - least[c]) * (w - leastSum) / (naturalSum - leastSum);
        } else { // a word too long even in the smallest text: it will be broken
            width[c] = least[c] * w / leastSum;
        }
    }
    const qreal sum = std::min(total(width), w);
    std::vector<std::size_t> highlight;
    for (const auto& h : arr(p, "highlight")) {
        if (h.is_number_unsigned()) {
            highlight.push_back(h.get<std::size_t>());
        }
    }
    const std::size_t frame = reserveBox();
    qreal used = 0;
    auto row = [&](const json& cells, bool header, std::size_t index) {
        std::vector<TextBlock> blocks;
        qreal h = 0;
        for (std::size_t c = 0; c < n; ++c) {
            const json& cell = c < cells.size() ? cells[c] : json("");
            blocks.push_back(text(cell, header ? headFont : cellFont, width[c] - 2 * cp,
                                  Qt::AlignLeft, kLeastTableScale));
            h = std::max(h, blocks.back().size.height());
        }
        h += 2 * cp;
        const bool lit =
            !header && std::find(highlight.begin(), highlight.end(), index) != highlight.end();
        if (header || lit) {
            const std::size_t band = reserveBox();
            setBox(band, QRectF(x, y + used, sum, h),
                   header ? theme_.toneFill(QStringLiteral("accent")) : theme_.highlight, QColor(),
                   FigureScene::Shape::Rect, 0);
        }
        qreal cx = x;
        for (std::size_t c = 0; c < n; ++c) {
            put(blocks[c], QPointF(cx + cp, y + used + cp), theme_.text);
            cx += width[c];
        }
        used += h;
        out_.lines.push_back({QPolygonF() << QPointF(x, y + used) << QPointF(x + sum, y + used),
                              theme_.line, header ? theme_.lineWidth : 0.75, false});
    };
    row(cols, true, 0);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        row(rows[r], false, r);
    }
    qreal cx = x;
    for (std::size_t c = 0; c + 1 < n; ++c) {
        cx += width[c];
        out_.lines.push_back(
            {QPolygonF() << QPointF(cx, y) << QPointF(cx, y + used), theme_.line, 0.75, false});
    }
    setBox(frame, QRectF(x, y, sum, used), theme_.background, theme_.line, FigureScene::Shape::Rect,
           0.75);
    return used;
}

qreal FigureLayout::code(const json& p, qreal x, qreal y, qreal w) {
    const std::size_t box = reserveBox();
    InlineText plain;
    plain.text = str(p, "text");
    plain.text.replace(QLatin1Char('\n'), QChar::LineSeparator);
    const TextBlock b = layoutText(plain, mono_, w - 2 * u_);
    put(b, QPointF(x + u_, y + u_), theme_.text);
    const qreal h = b.size.height() + 2 * u_;
    setBox(box, QRectF(x, y, w, h), theme_.codeBackground, QColor(), FigureScene::Shape::Rounded,
           0);
    return h;
}

} // namespace fg
