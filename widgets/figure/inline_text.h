// Inline text of the course (content/SCHEMA.md, "Inline text"): **bold**, *italic*, `code`,
// [links](chapter:id#section) and the marks :yes: :no: :warn: :tip:, turned into a plain string
// plus format ranges for QTextLayout. Marks become glyphs that differ in shape as well as colour
// (never colour alone), so they read in greyscale and for colour-blind viewers.
#pragma once

#include "models/theme/theme.h"

#include <QFont>
#include <QList>
#include <QString>
#include <QTextLayout>
#include <memory>

namespace fg {

struct InlineText {
    QString text; // line breaks as QChar::LineSeparator
    QList<QTextLayout::FormatRange> formats;
};

// The glyph drawn for a mark name ("yes", "no", "warn", "tip"); empty for an unknown name.
QString markGlyph(const QString& mark);
// The colour that goes with the mark's glyph.
QColor markColor(const Theme& theme, const QString& mark);

// Parses inline markup. `base` is the font of plain text; code spans use a monospace family.
InlineText parseInline(const QString& source, const Theme& theme, const QFont& base);

// A laid-out paragraph of inline text: wrapped to a width, ready to draw at any position.
struct TextBlock {
    std::shared_ptr<QTextLayout> layout;
    QSizeF size; // width actually used (the longest line) and height
};

// Lays out `text` wrapped at `width` (words, or anywhere for a word longer than the width). A
// slash inside a word ("I/O", "PC/EC") does not end a line: the layout's string has a word joiner
// (U+2060) after it; with `keepSlashWords` false a line may end after such a slash (for a path
// like "logs/2024/01/app.log" that is wider than its box: better than cutting a word).
TextBlock layoutText(const InlineText& text, const QFont& font, qreal width,
                     Qt::Alignment align = Qt::AlignLeft, bool keepSlashWords = true);

// The natural (unwrapped) width of inline text: its longest line.
qreal naturalWidth(const InlineText& text, const QFont& font);

// The width of its widest word (what cannot be broken without cutting a word; "I/O" and
// "users/123/a.jpg" are one word): the least width the text fits in whole.
qreal longestWordWidth(const InlineText& text, const QFont& font, bool keepSlashWords = true);

} // namespace fg
