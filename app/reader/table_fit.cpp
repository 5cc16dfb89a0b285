#include "app/reader/table_fit.h"

#include <QFontMetricsF>
#include <QHash>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>
#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

namespace fg {

namespace {

constexpr int kTableTypeScale = QTextFormat::UserProperty + 1; // a table's shrunk type

// Calls visit(column, block) for every block of text in every cell of `table`.
template <class Visit>
void forEachCellBlock(const QTextTable* table, Visit&& visit) {
    for (int r = 0; r < table->rows(); ++r) {
        for (int c = 0; c < table->columns(); ++c) {
            const QTextTableCell cell = table->cellAt(r, c);
            const int end = cell.lastCursorPosition().position();
            for (QTextBlock b = cell.firstCursorPosition().block();
                 b.isValid() && b.position() <= end; b = b.next()) {
                visit(c, b);
            }
        }
    }
}

// A table's columns as its words need them: per column the longest word (narrower, a word
// breaks) and the longest line (wider, nothing wraps), in the cells' own fonts.
struct TableColumns {
    QTextTable* table = nullptr;
    std::vector<qreal> least, most;
    // Per column without text in any of its cells (a box's coloured bar): the fixed width its
    // cells were given (or 0), which fitting keeps; nothing for a column of text.
    std::vector<std::optional<qreal>> bar;
    qreal overhead = 0; // borders, spacing and padding around and between the cells
    qreal applied = 1;  // the type scale the table has (scaleTableType), which they are in

    qreal words() const { // every column's longest word, side by side
        qreal sum = 0;
        for (qreal l : least) {
            sum += l;
        }
        return sum;
    }
};

std::vector<TableColumns> measureTables(QTextDocument* doc, const TableFitting& how) {
    std::vector<TableColumns> out;
    // Each word measured once per font: a chapter's tables say "yes", "no" and their stores'
    // names over and over, and shaping them again was most of the first chapter's work before
    // the window first showed (issue 18).
    QHash<QString, qreal> wordWidth;
    std::vector<QTextFrame*> frames{doc->rootFrame()};
    while (!frames.empty()) {
        QTextFrame* frame = frames.back();
        frames.pop_back();
        const auto children = frame->childFrames();
        frames.insert(frames.end(), children.begin(), children.end());
        auto* table = qobject_cast<QTextTable*>(frame);
        if (!table || (how.dataTablesOnly && table->format().headerRowCount() == 0)) {
            continue;
        }
        if (QTextTableFormat f = table->format();
            how.cellPadding >= 0 && f.cellPadding() != how.cellPadding) {
            f.setCellPadding(how.cellPadding);
            table->setFormat(f);
        }
        TableColumns t;
        t.table = table;
        t.applied = table->format().hasProperty(kTableTypeScale)
                        ? table->format().doubleProperty(kTableTypeScale)
                        : 1.0;
        const auto n = static_cast<std::size_t>(table->columns());
        t.least.assign(n, 0);
        t.most.assign(n, 0);
        std::vector<bool> text(n, false);
        forEachCellBlock(table, [&](int c, const QTextBlock& b) {
            if (b.length() > 1) {
                text[static_cast<std::size_t>(c)] = true;
            }
            qreal line = 0;
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                const QFont font = it.fragment().charFormat().font().resolve(doc->defaultFont());
                const QFontMetricsF fm(font);
                const QString key = font.key() + QChar(0x1f);
                line += fm.horizontalAdvance(it.fragment().text());
                for (const QString& word :
                     it.fragment().text().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                    auto known = wordWidth.constFind(key + word);
                    if (known == wordWidth.constEnd()) {
                        known = wordWidth.insert(key + word, fm.horizontalAdvance(word));
                    }
                    auto& l = t.least[static_cast<std::size_t>(c)];
                    l = std::max(l, *known + 4);
                }
            }
            auto& m = t.most[static_cast<std::size_t>(c)];
            m = std::max(m, line + 4);
        });
        const QTextTableFormat f = table->format();
        const QVector<QTextLength> widths = f.columnWidthConstraints();
        t.bar.assign(n, std::nullopt);
        for (std::size_t c = 0; c < n; ++c) {
            if (!text[c]) {
                t.most[c] = 0;
                const bool fixed =
                    c < static_cast<std::size_t>(widths.size()) &&
                    widths[static_cast<qsizetype>(c)].type() == QTextLength::FixedLength;
                t.bar[c] = fixed ? widths[static_cast<qsizetype>(c)].rawValue() : 0;
            }
        }
        t.overhead = (table->columns() + 1) * f.cellSpacing() + 2 * f.border() +
                     table->columns() * (2 * f.cellPadding() + 2 * f.border());
        out.push_back(std::move(t));
    }
    return out;
}

} // namespace

TableNeeds tableNeeds(QTextDocument* doc, qreal leastTypeScale) {
    // Measured once for both (each was a pass of font measures over every cell: a tenth of the
    // reader's work before its first paint).
    std::vector<TableColumns> tables = measureTables(doc, TableFitting{});
    std::sort(tables.begin(), tables.end(), [](const TableColumns& a, const TableColumns& b) {
        return a.table->firstPosition() < b.table->firstPosition();
    });
    // Room for every column's longest word, and some over: fitTables() then shares the column
    // out so that no word breaks.
    constexpr qreal kTableSlack = 1.3;
    TableNeeds needs;
    for (const TableColumns& t : tables) {
        needs.widest = std::max(needs.widest, (t.overhead + t.words()) * kTableSlack);
        if (t.table->format().headerRowCount() > 0) {
            // Measured in the type the table has now; the tables are 99% of the column wide.
            needs.least.push_back((t.words() * leastTypeScale / t.applied + t.overhead) / 0.99);
        }
    }
    return needs;
}

namespace {

// Sets a table's type to `scale` times its own size (kept in each piece of text's format, so
// that shrinking again starts from the size the chapter gave it).
void scaleTableType(QTextTable* table, qreal scale) {
    constexpr int kOwnPx = QTextFormat::UserProperty + 2;
    QTextDocument* doc = table->document();
    struct Piece {
        int from, to, ownPx;
    };
    std::vector<Piece> pieces;
    forEachCellBlock(table, [&](int, const QTextBlock& b) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment frag = it.fragment();
            const QTextCharFormat cf = frag.charFormat();
            const int own = cf.hasProperty(kOwnPx)
                                ? cf.intProperty(kOwnPx)
                                : cf.font().resolve(doc->defaultFont()).pixelSize();
            pieces.push_back({frag.position(), frag.position() + frag.length(), own});
        }
    });
    for (const Piece& p : pieces) {
        if (p.ownPx <= 0) {
            continue;
        }
        QTextCursor cursor(doc);
        cursor.setPosition(p.from);
        cursor.setPosition(p.to, QTextCursor::KeepAnchor);
        QTextCharFormat cf;
        cf.setProperty(kOwnPx, p.ownPx);
        cf.setProperty(QTextFormat::FontPixelSize, std::max(1, qRound(p.ownPx * scale)));
        cursor.mergeCharFormat(cf);
    }
    QTextTableFormat f = table->format();
    f.setProperty(kTableTypeScale, scale);
    table->setFormat(f);
}

} // namespace

namespace {

void fitTablesIn(QTextDocument* doc, qreal column, const TableFitting& how, bool mayScale) {
    // Qt shares a table's width out by its columns' longest lines: a column of long sentences
    // took the room of a column of long words, which then broke ("recommendatio|ns" in a
    // 5-column table at 1280x800). Here each column gets its longest word first, and what is
    // left goes to the columns whose lines would still wrap, in proportion to what they lack.
    bool rescaled = false;
    for (const TableColumns& t : measureTables(doc, how)) {
        const std::size_t n = t.least.size();
        if (n == 0) {
            continue;
        }
        const qreal room = column * 0.99 - t.overhead; // the tables are 99% wide
        // Words too long for the room even one column each (the Projector's type in a
        // 1280-pixel window): the table's type shrinks, to 75% at most (how.leastTypeScale),
        // before words break;
        // it grows back when the room comes back (a margin keeps it from going to and fro).
        if (mayScale) {
            const qreal words = t.words(), applied = t.applied;
            const qreal fits = std::floor(applied * room / words * 40) / 40;
            const qreal scale = words > room ? std::max(how.leastTypeScale, fits)
                                : applied < 1 && fits >= applied + 0.05 ? std::min(1.0, fits)
                                                                        : applied;
            if (scale != applied) {
                scaleTableType(t.table, scale);
                rescaled = true;
            }
        }
        // A column without text (a box's coloured bar) keeps the width it was given: shared
        // out as a percentage, it took what the text left over, and each box of a chapter had
        // a bar of its own width (26 to 36 px) and its text at its own place.
        QTextTableFormat f = t.table->format();
        const qreal cellFrame = 2 * f.cellPadding() + 2 * f.border();
        qreal barRoom = 0, barCells = 0; // the bars' widths; with their cells' padding, borders
        for (const auto& bar : t.bar) {
            barRoom += bar ? *bar : 0;
            barCells += bar ? *bar + cellFrame : 0;
        }
        std::vector<qreal> width = t.least;
        qreal used = 0, lack = 0;
        for (std::size_t i = 0; i < n; ++i) {
            used += width[i];
            lack += std::max<qreal>(0, t.most[i] - t.least[i]);
        }
        const qreal spare = room - barRoom - used;
        for (std::size_t i = 0; i < n && spare > 0; ++i) {
            const qreal wants = std::max<qreal>(0, t.most[i] - t.least[i]);
            width[i] += lack > spare ? spare * wants / lack : wants;
        }
        // A percentage is of the table's width, padding and borders included; the columns of
        // text share what the bars leave.
        qreal total = 0;
        for (std::size_t i = 0; i < n; ++i) {
            total += t.bar[i] ? 0 : width[i] + cellFrame;
        }
        const qreal whole = room + t.overhead;
        const qreal textShare = whole > 0 ? std::max<qreal>(0, whole - barCells) / whole : 1;
        QVector<QTextLength> constraints;
        for (std::size_t i = 0; i < n; ++i) {
            constraints << (t.bar[i]
                                ? QTextLength(QTextLength::FixedLength, *t.bar[i])
                                : QTextLength(QTextLength::PercentageLength,
                                              100 * textShare * (width[i] + cellFrame) / total));
        }
        if (f.columnWidthConstraints() != constraints) {
            f.setColumnWidthConstraints(constraints);
            t.table->setFormat(f);
        }
    }
    if (rescaled) {
        fitTablesIn(doc, column, how, false); // the columns again, measured in the new type
    }
}

} // namespace

void fitTables(QTextDocument* doc, qreal column, const TableFitting& how) {
    fitTablesIn(doc, column, how, true);
}

} // namespace fg
