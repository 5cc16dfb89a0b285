#include "widgets/figure/figure_layout.h"

#include "widgets/figure/figure_json.h"

#include <QFontMetricsF>
#include <QLocale>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <numeric>

namespace fg {

using figure::arr;
using figure::str;

FigureLayout::FigureLayout(const Theme& theme, qreal bodyPx, FigureScene& out)
    : theme_(theme), out_(out), body_(bodyPx * theme.fontScale * 0.92), u_(body_ * 0.5) {
    font_ = QFont(QStringLiteral("DejaVu Sans"));
    font_.setPixelSize(std::max(6, qRound(body_)));
    bold_ = font_;
    bold_.setBold(true);
    small_ = font_;
    small_.setPixelSize(std::max(6, qRound(body_ * 0.88)));
    mono_ = QFont(QStringLiteral("DejaVu Sans Mono"));
    mono_.setStyleHint(QFont::Monospace);
    mono_.setPixelSize(std::max(6, qRound(body_ * 0.9)));
    headingFont_ = bold_;
    headingFont_.setPixelSize(std::max(6, qRound(body_ * 1.06)));
    titleFont_ = bold_;
    titleFont_.setPixelSize(std::max(6, qRound(body_ * 1.2)));
}

InlineText FigureLayout::inl(const json& v) const {
    const QString s = v.is_string() ? QString::fromStdString(v.get<std::string>()) : QString();
    return parseInline(s, theme_, font_);
}

TextBlock FigureLayout::text(const json& v, const QFont& font, qreal w, Qt::Alignment align,
                             qreal leastScale) const {
    const QString s = v.is_string() ? QString::fromStdString(v.get<std::string>()) : QString();
    const InlineText t = parseInline(s, theme_, font);
    // A word wider than the room would be cut in two ("Elasticsearc|h"): set the text smaller,
    // down to `leastScale` of its size, so that the word fits whole. A word with slashes that
    // still does not fit may then break after a slash ("users/123/" | "resume.pdf"); only a word
    // that fits in none of these ways is cut.
    const qreal word = longestWordWidth(t, font);
    if (w <= 0 || word <= w) {
        return layoutText(t, font, w, align);
    }
    const bool keepSlashWords = word * leastScale <= w;
    const qreal least = keepSlashWords ? word : longestWordWidth(t, font, false);
    const qreal scale = std::clamp(0.98 * w / least, leastScale, 1.0);
    QFont smaller = font;
    smaller.setPixelSize(std::max(1, static_cast<int>(font.pixelSize() * scale)));
    return layoutText(parseInline(s, theme_, smaller), smaller, w, align, keepSlashWords);
}

void FigureLayout::put(const TextBlock& b, QPointF pos, const QColor& color, const QColor& bg) {
    out_.texts.push_back({b, pos, color, bg});
}

std::size_t FigureLayout::reserveBox() {
    out_.boxes.emplace_back();
    return out_.boxes.size() - 1;
}

void FigureLayout::setBox(std::size_t index, const QRectF& r, const QColor& fill,
                          const QColor& stroke, FigureScene::Shape shape, qreal strokeWidth) {
    auto& b = out_.boxes[index];
    b.rect = r;
    b.fill = fill;
    b.stroke = stroke;
    b.shape = shape;
    b.strokeWidth = strokeWidth < 0 ? theme_.lineWidth : strokeWidth;
}

void FigureLayout::arrow(QPolygonF points, bool head) {
    out_.lines.push_back({std::move(points), theme_.line, theme_.lineWidth, head});
}

void FigureLayout::layoutFigure(const json& fig, qreal width) {
    out_.background = theme_.background;
    const qreal pad = 2 * u_;
    const std::size_t card = reserveBox();
    qreal y = pad;
    const TextBlock title = text(fig.value("title", json("")), titleFont_, width - 2 * pad);
    put(title, QPointF(pad, y), theme_.text);
    y += title.size.height() + 1.5 * u_;
    out_.lines.push_back(
        {QPolygonF() << QPointF(pad, y - 0.75 * u_) << QPointF(width - pad, y - 0.75 * u_),
         theme_.accent, std::max<qreal>(1, theme_.lineWidth), false});
    y += parts(arr(fig, "parts"), pad, y, width - 2 * pad);
    if (fig.contains("caption")) {
        QFont italic = small_;
        italic.setItalic(true);
        const TextBlock cap = text(fig["caption"], italic, width - 2 * pad);
        y += u_;
        put(cap, QPointF(pad, y), theme_.mutedText);
        y += cap.size.height();
    }
    y += pad;
    setBox(card, QRectF(0.5, 0.5, width - 1, y - 1), theme_.background, theme_.line,
           FigureScene::Shape::Rounded, std::max<qreal>(1, theme_.lineWidth * 0.75));
    out_.size = QSizeF(width, y);
}

qreal FigureLayout::parts(const json& list, qreal x, qreal y, qreal w) {
    qreal used = 0;
    bool first = true;
    for (const auto& p : list) {
        if (!first) {
            used += 1.5 * u_;
        }
        first = false;
        used += part(p, x, y + used, w);
    }
    return used;
}

qreal FigureLayout::part(const json& p, qreal x, qreal y, qreal w) {
    const std::string kind = p.value("kind", std::string());
    if (kind == "heading") {
        return heading(p, x, y, w);
    }
    if (kind == "text") {
        return paragraph(p, x, y, w);
    }
    if (kind == "bullets") {
        return bullets(arr(p, "items"), x, y, w, 0);
    }
    if (kind == "kv") {
        return keyValues(p, x, y, w);
    }
    if (kind == "table") {
        return table(p, x, y, w);
    }
    if (kind == "code") {
        return code(p, x, y, w);
    }
    if (kind == "tree") {
        return tree(p, x, y, w);
    }
    if (kind == "boxes") {
        return boxes(p, x, y, w);
    }
    if (kind == "flow") {
        return flow(p, x, y, w);
    }
    if (kind == "record") {
        return record(p, x, y, w);
    }
    if (kind == "bars") {
        return bars(p, x, y, w);
    }
    if (kind == "panel") {
        return panel(p, x, y, w);
    }
    if (kind == "columns") {
        return columns(p, x, y, w);
    }
    if (kind == "callout") {
        return callout(p, x, y, w);
    }
    if (kind == "divider") {
        return divider(x, y, w);
    }
    return 0;
}

qreal FigureLayout::storeInset() const {
    // A cylinder's top is an ellipse up to 10 units deep (figure_scene.cpp: e = min(0.18 h, 10)),
    // whose front reaches 2 e below the box's top: the text starts a quarter unit under it. At
    // small type (a handout's) the top line ran through the first line of text ("Replica").
    constexpr qreal kCapDepth = 10;
    return std::max(std::min(1.4 * u_, kCapDepth), 2 * kCapDepth + 0.25 * u_ - u_);
}

FigureLayout::Card FigureLayout::measureCard(const json& title, const json& lines, qreal w,
                                             bool center, FigureScene::Shape shape) const {
    const Qt::Alignment a = center ? Qt::AlignHCenter : Qt::AlignLeft;
    auto measure = [&](qreal inner) {
        Card c;
        c.inner = inner;
        qreal h = u_;
        if (title.is_string() && !title.get<std::string>().empty()) {
            c.title = text(title, bold_, inner, a);
            h += c.title.size.height();
        }
        if (lines.is_array()) {
            for (const auto& l : lines) {
                c.lines.push_back(text(l, small_, inner, a));
                h += c.lines.back().size.height() + 0.2 * u_;
            }
            if (!c.lines.empty() && c.title.layout) {
                h += 0.3 * u_;
            }
        }
        c.size = QSizeF(w, h + u_);
        if (shape == FigureScene::Shape::Store) {
            c.size.rheight() += 2 * storeInset();
        }
        return c;
    };
    Card c = measure(w - 2 * u_);
    if (shape == FigureScene::Shape::Decision) {
        // A hexagon's pointed ends (figure_scene.cpp: d = min(h/2, 0.15 w)) slant inwards: the
        // text's top corners, (text height)/2 above the middle, need d * text/h from each end.
        const qreal textH = c.size.height() - 2 * u_;
        const qreal d = std::min(c.size.height() * 0.5, w * 0.15);
        const qreal slant = d * textH / c.size.height() + 0.25 * u_;
        if (slant > u_) {
            c = measure(w - 2 * slant);
            c.size.setHeight(std::max(c.size.height(), textH + 2 * u_));
        }
    }
    return c;
}

qreal FigureLayout::cardNaturalWidth(const json& title, const json& lines) const {
    qreal nw = title.is_string() ? naturalWidth(inl(title), bold_) : 0;
    if (lines.is_array()) {
        for (const auto& l : lines) {
            nw = std::max(nw, naturalWidth(parseInline(l.is_string() ? QString::fromStdString(
                                                                           l.get<std::string>())
                                                                     : QString(),
                                                       theme_, small_),
                                           small_));
        }
    }
    return nw + 2 * u_ + 2;
}

void FigureLayout::placeCard(const Card& c, QPointF pos, qreal w, const QString& tone,
                             FigureScene::Shape shape, bool /*center*/) {
    const std::size_t box = reserveBox();
    setBox(box, QRectF(pos, QSizeF(w, c.size.height())), theme_.toneFill(tone),
           theme_.toneStroke(tone), shape);
    // Shapes with pointed or curved ends need room at the sides or the top.
    const qreal inset = shape == FigureScene::Shape::Store ? storeInset() : 0;
    qreal y = pos.y() + u_ + inset;
    const qreal left = pos.x() + (w - c.inner) / 2;
    if (c.title.layout) {
        put(c.title, QPointF(left, y), theme_.text);
        y += c.title.size.height() + (c.lines.empty() ? 0 : 0.3 * u_);
    }
    for (const auto& l : c.lines) {
        put(l, QPointF(left, y), theme_.text);
        y += l.size.height() + 0.2 * u_;
    }
}

qreal FigureLayout::boxes(const json& p, qreal x, qreal y, qreal w) {
    const json& items = arr(p, "items");
    if (items.empty()) {
        return 0;
    }
    const bool arrows = p.value("arrows", false);
    const qreal gap = arrows ? 4 * u_ : 1.5 * u_;
    const qreal minW = 9 * body_;
    std::size_t n = p.contains("columns") && p["columns"].is_number_unsigned()
                        ? p["columns"].get<std::size_t>()
                        : items.size();
    n = std::clamp<std::size_t>(n, 1, items.size());
    while (n > 1 && (w - static_cast<qreal>(n - 1) * gap) / static_cast<qreal>(n) < minW) {
        --n;
    }
    const qreal bw = (w - static_cast<qreal>(n - 1) * gap) / static_cast<qreal>(n);
    // A chain that wraps goes on from the row's last box to the next row's first, through a gap
    // wide enough for the turn and the arrowhead (S3's "Day 365" went to a row of its own
    // without an arrow from "Day 90": tester 44).
    const qreal rowGap = arrows ? 3 * u_ : 1.5 * u_;
    qreal used = 0;
    for (std::size_t start = 0; start < items.size(); start += n) {
        const std::size_t end = std::min(items.size(), start + n);
        std::vector<Card> cards;
        qreal rowH = 0;
        for (std::size_t i = start; i < end; ++i) {
            cards.push_back(measureCard(items[i].value("title", json("")),
                                        items[i].value("lines", json::array()), bw, true));
            rowH = std::max(rowH, cards.back().size.height());
        }
        for (std::size_t i = start; i < end; ++i) {
            Card c = cards[i - start];
            c.size.setHeight(rowH);
            const qreal bx = x + static_cast<qreal>(i - start) * (bw + gap);
            placeCard(c, QPointF(bx, y + used), bw, str(items[i], "tone"),
                      FigureScene::Shape::Rounded, true);
            if (arrows && i + 1 < end) {
                const qreal my = y + used + rowH / 2;
                arrow(QPolygonF() << QPointF(bx + bw + 0.5 * u_, my)
                                  << QPointF(bx + bw + gap - 0.5 * u_, my));
            }
        }
        if (arrows && end < items.size()) {
            const qreal lastX = x + static_cast<qreal>(end - 1 - start) * (bw + gap) + bw / 2;
            const qreal firstX = x + bw / 2;
            const qreal bottom = y + used + rowH;
            arrow(QPolygonF() << QPointF(lastX, bottom + 0.3 * u_)
                              << QPointF(lastX, bottom + 1.2 * u_)
                              << QPointF(firstX, bottom + 1.2 * u_)
                              << QPointF(firstX, bottom + rowGap - 0.3 * u_));
        }
        used += rowH + (end < items.size() ? rowGap : 0);
    }
    return used;
}

qreal FigureLayout::record(const json& p, qreal x, qreal y, qreal w) {
    const TextBlock key = text(p.value("key", json("")), bold_, w * 0.3);
    const qreal keyW = key.size.width() + 2 * u_;
    const std::size_t keyBox = reserveBox();
    put(key, QPointF(x + u_, y + 0.6 * u_), theme_.text);
    const qreal cellH = QFontMetricsF(small_).height() + 1.2 * u_;
    qreal cx = x + keyW + u_;
    qreal cy = y;
    for (const auto& cell : arr(p, "cells")) {
        const TextBlock c = text(cell, small_, w - keyW - 3 * u_);
        const qreal cw = c.size.width() + 1.6 * u_;
        if (cx + cw > x + w && cx > x + keyW + u_) {
            cx = x + keyW + u_;
            cy += cellH + 0.5 * u_;
        }
        const std::size_t box = reserveBox();
        setBox(box, QRectF(cx, cy, cw, std::max(cellH, c.size.height() + 1.2 * u_)),
               theme_.toneFill(QStringLiteral("a")), theme_.toneStroke(QStringLiteral("a")),
               FigureScene::Shape::Rect, 1);
        put(c, QPointF(cx + 0.8 * u_, cy + 0.6 * u_), theme_.text);
        cx += cw + 0.3 * u_;
    }
    qreal used = cy - y + cellH;
    setBox(keyBox, QRectF(x, y, keyW, std::max(cellH, key.size.height() + 1.2 * u_)),
           theme_.toneFill(QStringLiteral("accent")), theme_.accent, FigureScene::Shape::Pill, 1);
    if (p.contains("note")) {
        QFont italic = small_;
        italic.setItalic(true);
        const TextBlock note = text(p["note"], italic, w - keyW - u_);
        put(note, QPointF(x + keyW + u_, y + used + 0.4 * u_), theme_.mutedText);
        used += note.size.height() + 0.4 * u_;
    }
    return used;
}

namespace {

// A bar's value with its unit; a unit that starts with a currency's sign puts it before the
// number ("$0.004 per GB per month"; it read "0.004 $ per GB per month": tester 43).
QString barValueText(double v, const QString& unit) {
    const QString number = QLocale::c().toString(v, 'g', 10);
    return unit.isEmpty()                      ? number
           : unit.startsWith(QLatin1Char('$')) ? QStringLiteral("$") + number + unit.mid(1)
                                               : number + QStringLiteral(" ") + unit;
}

} // namespace

qreal FigureLayout::bars(const json& p, qreal x, qreal y, qreal w) {
    const json& items = arr(p, "items");
    const QString unit = str(p, "unit");
    double maxV = 0;
    qreal labelW = 0;
    for (const auto& it : items) {
        maxV = std::max(maxV, it.value("value", 0.0));
        labelW = std::max(labelW, naturalWidth(inl(it.value("label", json(""))), font_));
    }
    labelW = std::min(labelW + u_, w * 0.35);
    // The values as wide as the longest one, on one line where the row has room (they wrapped
    // with room to spare: tester 44), else at least 9 letters wide.
    qreal valueNatural = 0;
    for (const auto& it : items) {
        InlineText vt;
        vt.text = barValueText(it.value("value", 0.0), unit);
        valueNatural = std::max(valueNatural, naturalWidth(vt, small_) + 2);
    }
    const qreal valueW = std::max(9 * body_, std::min(valueNatural, w - labelW - 6 * body_));
    const qreal barMax = std::max<qreal>(w - labelW - valueW, 2 * body_);
    qreal used = 0;
    for (const auto& it : items) {
        const TextBlock l = text(it.value("label", json("")), font_, labelW - u_);
        const double v = it.value("value", 0.0);
        InlineText vt;
        vt.text = barValueText(v, unit);
        const TextBlock vb = layoutText(vt, small_, valueW);
        // As tall as its value on two lines, too (the values ran into the next row's).
        const qreal h = std::max({l.size.height(), vb.size.height() + 0.2 * u_, body_ * 1.5});
        const qreal bw = maxV > 0 ? barMax * static_cast<qreal>(v / maxV) : 0;
        put(l, QPointF(x, y + used + (h - l.size.height()) / 2), theme_.text);
        const std::size_t box = reserveBox();
        const QString tone = it.contains("tone") ? str(it, "tone") : QStringLiteral("a");
        setBox(box, QRectF(x + labelW, y + used + 0.15 * h, std::max<qreal>(bw, 1), 0.7 * h),
               theme_.toneStroke(tone), QColor(), FigureScene::Shape::Rect, 0);
        put(vb, QPointF(x + labelW + bw + 0.6 * u_, y + used + (h - vb.size.height()) / 2),
            theme_.text);
        used += h + 0.4 * u_;
    }
    return std::max<qreal>(used - 0.4 * u_, 0);
}

qreal FigureLayout::panel(const json& p, qreal x, qreal y, qreal w, qreal minHeight) {
    const QString tone = str(p, "tone");
    const std::size_t box = reserveBox();
    const qreal pad = 1.2 * u_;
    qreal used = pad;
    if (p.contains("title")) {
        const TextBlock t = text(p["title"], bold_, w - 2 * pad);
        put(t, QPointF(x + pad, y + used),
            tone.isEmpty() || tone == QLatin1String("neutral") ? theme_.text
                                                               : theme_.toneText(tone));
        used += t.size.height() + u_;
    }
    used += parts(arr(p, "parts"), x + pad, y + used, w - 2 * pad) + pad;
    used = std::max(used, minHeight);
    setBox(box, QRectF(x, y, w, used),
           tone.isEmpty() || tone == QLatin1String("neutral") ? theme_.background
                                                              : theme_.toneFill(tone),
           theme_.toneStroke(tone));
    return used;
}

qreal FigureLayout::columns(const json& p, qreal x, qreal y, qreal w) {
    const json& items = arr(p, "items");
    if (items.empty()) {
        return 0;
    }
    const qreal gap = 1.5 * u_;
    const auto n = static_cast<qreal>(items.size());
    const qreal cw = (w - (n - 1) * gap) / n;
    if (cw < 12 * body_) { // too narrow side by side: stack
        qreal used = 0;
        for (const auto& it : items) {
            used += panel(it, x, y + used, w) + gap;
        }
        return used - gap;
    }
    // Lay out once to learn the tallest, then again with equal heights.
    const std::size_t mark = out_.boxes.size(), lmark = out_.lines.size(),
                      tmark = out_.texts.size();
    qreal tallest = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        tallest = std::max(tallest, panel(items[i], x + static_cast<qreal>(i) * (cw + gap), y, cw));
    }
    out_.boxes.resize(mark);
    out_.lines.resize(lmark);
    out_.texts.resize(tmark);
    for (std::size_t i = 0; i < items.size(); ++i) {
        panel(items[i], x + static_cast<qreal>(i) * (cw + gap), y, cw, tallest);
    }
    return tallest;
}

qreal FigureLayout::callout(const json& p, qreal x, qreal y, qreal w) {
    const QString mark = str(p, "mark");
    const std::size_t box = reserveBox();
    InlineText icon;
    icon.text = markGlyph(mark);
    QFont iconFont = bold_;
    iconFont.setPixelSize(qRound(body_ * 1.2));
    const TextBlock ib = layoutText(icon, iconFont, 2 * body_);
    const TextBlock b = text(p.value("text", json("")), font_, w - 5 * u_);
    put(ib, QPointF(x + u_, y + u_), markColor(theme_, mark));
    put(b, QPointF(x + 4 * u_, y + u_), theme_.text);
    const qreal h = std::max(b.size.height(), ib.size.height()) + 2 * u_;
    const QString tone = mark == QLatin1String("yes")    ? QStringLiteral("good")
                         : mark == QLatin1String("no")   ? QStringLiteral("bad")
                         : mark == QLatin1String("warn") ? QStringLiteral("warn")
                                                         : QStringLiteral("accent");
    setBox(box, QRectF(x, y, w, h), theme_.toneFill(tone), theme_.toneStroke(tone));
    return h;
}

qreal FigureLayout::divider(qreal x, qreal y, qreal w) {
    out_.lines.push_back(
        {QPolygonF() << QPointF(x, y + u_) << QPointF(x + w, y + u_), theme_.mutedText, 1, false});
    return 2 * u_;
}

} // namespace fg
