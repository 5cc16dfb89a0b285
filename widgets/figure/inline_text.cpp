#include "widgets/figure/inline_text.h"

#include <QFontMetricsF>
#include <QTextOption>
#include <algorithm>
#include <vector>

namespace fg {

QString markGlyph(const QString& mark) {
    if (mark == QLatin1String("yes")) {
        return QStringLiteral("\u2714"); // heavy check mark
    }
    if (mark == QLatin1String("no")) {
        return QStringLiteral("\u2718"); // heavy ballot x
    }
    if (mark == QLatin1String("warn")) {
        return QStringLiteral("\u26A0"); // warning sign
    }
    if (mark == QLatin1String("tip")) {
        return QStringLiteral("\u2605"); // black star
    }
    return {};
}

QColor markColor(const Theme& theme, const QString& mark) {
    if (mark == QLatin1String("yes")) {
        return theme.good;
    }
    if (mark == QLatin1String("no")) {
        return theme.bad;
    }
    if (mark == QLatin1String("warn")) {
        return theme.warn;
    }
    return theme.tip;
}

namespace {

struct Style {
    bool bold = false;
    bool italic = false;
};

QTextCharFormat formatFor(const Style& s, const QFont& base) {
    QTextCharFormat f;
    QFont font = base;
    font.setBold(s.bold || base.bold());
    font.setItalic(s.italic);
    f.setFont(font);
    return f;
}

} // namespace

InlineText parseInline(const QString& src, const Theme& theme, const QFont& base) {
    InlineText out;
    Style style;
    QString pending; // plain text in the current style
    auto flush = [&] {
        if (pending.isEmpty()) {
            return;
        }
        if (style.bold || style.italic) {
            QTextLayout::FormatRange r;
            r.start = static_cast<int>(out.text.size());
            r.length = static_cast<int>(pending.size());
            r.format = formatFor(style, base);
            out.formats.append(r);
        }
        out.text += pending;
        pending.clear();
    };
    auto addSpan = [&](const QString& text, const QTextCharFormat& fmt) {
        flush();
        QTextLayout::FormatRange r;
        r.start = static_cast<int>(out.text.size());
        r.length = static_cast<int>(text.size());
        r.format = fmt;
        out.formats.append(r);
        out.text += text;
    };

    const qsizetype n = src.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = src[i];
        if (c == QLatin1Char('\n')) {
            pending += QChar::LineSeparator;
        } else if (c == QLatin1Char('*') && i + 1 < n && src[i + 1] == QLatin1Char('*')) {
            flush();
            style.bold = !style.bold;
            ++i;
        } else if (c == QLatin1Char('*') &&
                   (style.italic || (i + 1 < n && !src[i + 1].isSpace()))) {
            flush();
            style.italic = !style.italic;
        } else if (c == QLatin1Char('`')) {
            const qsizetype end = src.indexOf(QLatin1Char('`'), i + 1);
            if (end < 0) {
                pending += c;
                continue;
            }
            QTextCharFormat fmt = formatFor(style, base);
            QFont mono = fmt.font();
            mono.setFamilies({QStringLiteral("DejaVu Sans Mono"), QStringLiteral("monospace")});
            mono.setStyleHint(QFont::Monospace);
            fmt.setFont(mono);
            fmt.setBackground(theme.codeBackground);
            addSpan(src.mid(i + 1, end - i - 1), fmt);
            i = end;
        } else if (c == QLatin1Char('[')) {
            const qsizetype close = src.indexOf(QLatin1String("]("), i + 1);
            const qsizetype end = close < 0 ? -1 : src.indexOf(QLatin1Char(')'), close + 2);
            if (end < 0) {
                pending += c;
                continue;
            }
            QTextCharFormat fmt = formatFor(style, base);
            fmt.setForeground(theme.accent);
            fmt.setFontUnderline(true);
            addSpan(src.mid(i + 1, close - i - 1), fmt);
            i = end;
        } else if (c == QLatin1Char(':')) {
            const qsizetype end = src.indexOf(QLatin1Char(':'), i + 1);
            const QString name = end < 0 ? QString() : src.mid(i + 1, end - i - 1);
            const QString glyph = markGlyph(name);
            if (glyph.isEmpty()) {
                pending += c;
                continue;
            }
            QTextCharFormat fmt = formatFor(Style{true, false}, base);
            fmt.setForeground(markColor(theme, name));
            addSpan(glyph, fmt);
            i = end;
        } else {
            pending += c;
        }
    }
    flush();
    return out;
}

namespace {

// Unicode line breaking (UAX #14) allows a break after "/", which splits "I/O" and "PC/EC" over
// two lines. A slash with a non-space on both sides is part of a word: a word joiner (U+2060,
// drawn as nothing) after it takes that break away. "A / B" still breaks at its spaces.
InlineText joinSlashes(const InlineText& in) {
    const QString& t = in.text;
    const qsizetype n = t.size();
    std::vector<int> shift(static_cast<std::size_t>(n) + 1, 0); // joiners before each index
    QString out;
    out.reserve(n + 8);
    int added = 0;
    for (qsizetype i = 0; i < n; ++i) {
        shift[static_cast<std::size_t>(i)] = added;
        out += t[i];
        if (t[i] == QLatin1Char('/') && i > 0 && i + 1 < n && !t[i - 1].isSpace() &&
            !t[i + 1].isSpace() && t[i + 1] != QChar(0x2060)) {
            out += QChar(0x2060);
            ++added;
        }
    }
    shift[static_cast<std::size_t>(n)] = added;
    if (added == 0) {
        return in;
    }
    InlineText result{out, in.formats};
    for (auto& r : result.formats) {
        const auto start = static_cast<std::size_t>(std::clamp<qsizetype>(r.start, 0, n));
        const auto end = static_cast<std::size_t>(std::clamp<qsizetype>(r.start + r.length, 0, n));
        r.start += shift[start];
        r.length += shift[end] - shift[start];
    }
    return result;
}

} // namespace

TextBlock layoutText(const InlineText& source, const QFont& font, qreal width, Qt::Alignment align,
                     bool keepSlashWords) {
    const InlineText text = keepSlashWords ? joinSlashes(source) : source;
    TextBlock b;
    b.layout = std::make_shared<QTextLayout>(text.text, font);
    b.layout->setFormats(text.formats);
    QTextOption opt(align);
    opt.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    b.layout->setTextOption(opt);
    b.layout->setCacheEnabled(true);
    const qreal leading = QFontMetricsF(font).leading();
    qreal y = 0;
    qreal used = 0;
    b.layout->beginLayout();
    for (QTextLine line = b.layout->createLine(); line.isValid(); line = b.layout->createLine()) {
        line.setLineWidth(std::max<qreal>(width, 1));
        line.setPosition(QPointF(0, y));
        y += line.height() + leading;
        used = std::max(used, line.naturalTextWidth());
    }
    b.layout->endLayout();
    b.size = QSizeF(std::min(used, width), std::max<qreal>(y - leading, 0));
    return b;
}

qreal naturalWidth(const InlineText& text, const QFont& font) {
    const TextBlock b = layoutText(text, font, 1e6);
    return b.size.width();
}

qreal longestWordWidth(const InlineText& source, const QFont& font, bool keepSlashWords) {
    const InlineText text = keepSlashWords ? joinSlashes(source) : source;
    QTextLayout layout(text.text, font);
    layout.setFormats(text.formats);
    QTextOption opt;
    opt.setWrapMode(QTextOption::WordWrap); // never inside a word: each line is one word
    layout.setTextOption(opt);
    qreal widest = 0;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(1);
        widest = std::max(widest, line.naturalTextWidth());
    }
    layout.endLayout();
    return widest;
}

} // namespace fg
