#include "app/reader/chapter_html.h"

#include "widgets/figure/inline_text.h"

#include <QCoreApplication>
#include <algorithm>
#include <nlohmann/json.hpp>

namespace fg {

namespace {

// The words of this file go to translators under fg::ChapterHtml (tr() and lupdate agree).
struct ChapterHtmlWords {
    Q_DECLARE_TR_FUNCTIONS(fg::ChapterHtml)
};

using json = nlohmann::json;

QString qs(const json& v, const char* key) {
    return v.contains(key) && v[key].is_string() ? QString::fromStdString(v[key].get<std::string>())
                                                 : QString();
}

QString qs(const json& v) {
    return v.is_string() ? QString::fromStdString(v.get<std::string>()) : QString();
}

QString css(const QColor& c) {
    return c.name(QColor::HexRgb);
}

} // namespace

QString inlineHtml(const QString& src, const Theme& theme) {
    QString out;
    bool bold = false, italic = false;
    const qsizetype n = src.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = src[i];
        if (c == QLatin1Char('*') && i + 1 < n && src[i + 1] == QLatin1Char('*')) {
            out += bold ? QStringLiteral("</b>") : QStringLiteral("<b>");
            bold = !bold;
            ++i;
        } else if (c == QLatin1Char('*') && (italic || (i + 1 < n && !src[i + 1].isSpace()))) {
            out += italic ? QStringLiteral("</i>") : QStringLiteral("<i>");
            italic = !italic;
        } else if (c == QLatin1Char('`') && src.indexOf(QLatin1Char('`'), i + 1) > i) {
            const qsizetype end = src.indexOf(QLatin1Char('`'), i + 1);
            out += QStringLiteral("<code style=\"background-color:%1\">%2</code>")
                       .arg(css(theme.codeBackground), src.mid(i + 1, end - i - 1).toHtmlEscaped());
            i = end;
        } else if (c == QLatin1Char('[') && src.indexOf(QLatin1String("]("), i + 1) > i) {
            const qsizetype close = src.indexOf(QLatin1String("]("), i + 1);
            const qsizetype end = src.indexOf(QLatin1Char(')'), close + 2);
            if (end < 0) {
                out += c;
                continue;
            }
            out += QStringLiteral("<a href=\"%1\" style=\"color:%2\">%3</a>")
                       .arg(src.mid(close + 2, end - close - 2).toHtmlEscaped(), css(theme.accent),
                            inlineHtml(src.mid(i + 1, close - i - 1), theme));
            i = end;
        } else if (c == QLatin1Char(':')) {
            const qsizetype end = src.indexOf(QLatin1Char(':'), i + 1);
            const QString name = end < 0 ? QString() : src.mid(i + 1, end - i - 1);
            const QString glyph = markGlyph(name);
            if (glyph.isEmpty()) {
                out += c;
                continue;
            }
            out += QStringLiteral("<span style=\"color:%1; font-weight:bold\">%2</span>")
                       .arg(css(markColor(theme, name)), glyph);
            i = end;
        } else if (c == QLatin1Char('\n')) {
            out += QStringLiteral("<br>");
        } else {
            out += QString(c).toHtmlEscaped();
        }
    }
    if (italic) {
        out += QStringLiteral("</i>");
    }
    if (bold) {
        out += QStringLiteral("</b>");
    }
    return out;
}

QString inlinePlain(const QString& src) {
    return parseInline(src, Theme::light(), QFont())
        .text.replace(QChar::LineSeparator, QLatin1Char(' '));
}

namespace {

// True when every item of `items` starts with a mark (":yes:", ":no:", ":warn:"): the mark is
// its bullet.
bool everyItemMarked(const json& items) {
    bool any = false;
    for (const auto& it : items) {
        const QString text = (it.is_object() ? qs(it, "text") : qs(it)).trimmed();
        if (!text.startsWith(QLatin1String(":yes:")) && !text.startsWith(QLatin1String(":no:")) &&
            !text.startsWith(QLatin1String(":warn:"))) {
            return false;
        }
        any = true;
    }
    return any;
}

QString listHtml(const json& items, const Theme& t, bool ordered) {
    // A list of ticks and crosses has them for bullets (a bullet before each read "• ✔").
    QString h = ordered                  ? QStringLiteral("<ol>")
                : everyItemMarked(items) ? QStringLiteral("<ul style=\"list-style-type:none\">")
                                         : QStringLiteral("<ul>");
    for (const auto& it : items) {
        if (it.is_object()) {
            h += QStringLiteral("<li>") + inlineHtml(qs(it, "text"), t);
            if (it.contains("items")) {
                h += listHtml(it["items"], t, false);
            }
            h += QStringLiteral("</li>");
        } else {
            h += QStringLiteral("<li>") + inlineHtml(qs(it), t) + QStringLiteral("</li>");
        }
    }
    return h + (ordered ? QStringLiteral("</ol>") : QStringLiteral("</ul>"));
}

// A tinted box with a coloured bar on its left: notes, callouts, diagram cards. Tables are 99% of
// the column wide: at 100% a table with borders came out 1 px wider than the view (chapter 9's),
// and the reader scrolled sideways for it.
QString aside(const QColor& bar, const QColor& fill, const QString& inner) {
    return QStringLiteral("<table width=\"99%\" cellspacing=\"0\" cellpadding=\"10\" "
                          "style=\"margin-top:8px; margin-bottom:14px\"><tr>"
                          "<td width=\"6\" style=\"background-color:%1\"></td>"
                          "<td style=\"background-color:%2\">%3</td></tr></table>")
        .arg(css(bar), css(fill), inner);
}

QString tableCaptionHtml(const json& b, const Theme& t) {
    QString h;
    if (b.contains("caption")) {
        h += QStringLiteral("<p style=\"color:%1\"><i>%2</i></p>")
                 .arg(css(t.mutedText), inlineHtml(qs(b, "caption"), t));
    }
    return h;
}

// `cuts`: the rows (from 0, under the header) that start a table of their own, its header again
// over them (a page's end would cut them in two).
QString tableHtml(const json& b, const Theme& t, const std::vector<int>& cuts = {}) {
    const QString open =
        QStringLiteral("<table width=\"99%\" cellspacing=\"0\" cellpadding=\"8\" border=\"1\" "
                       "style=\"border-color:%1; border-style:solid; margin-top:6px; "
                       "margin-bottom:12px\">")
            .arg(css(t.mutedText));
    // The header row in <thead>: a table that runs onto the next page repeats it there.
    QString header = QStringLiteral("<thead><tr>");
    for (const auto& c : b["columns"]) {
        header += QStringLiteral("<th align=\"left\" style=\"background-color:%1\">%2</th>")
                      .arg(css(t.toneFill(QStringLiteral("accent"))), inlineHtml(qs(c), t));
    }
    header += QStringLiteral("</tr></thead>");
    QString h = open + header;
    int index = 0;
    for (const auto& row : b["rows"]) {
        if (std::find(cuts.begin(), cuts.end(), index++) != cuts.end()) {
            h += QStringLiteral("</table>") + open + header;
        }
        h += QStringLiteral("<tr>");
        for (const auto& cell : row) {
            h += QStringLiteral("<td>") + inlineHtml(qs(cell), t) + QStringLiteral("</td>");
        }
        h += QStringLiteral("</tr>");
    }
    h += QStringLiteral("</table>");
    return h + tableCaptionHtml(b, t);
}

// A table for a column too narrow for its words (table_fit.h): each row a box of its own, the
// first cell its heading, the others under it, each named by its column.
QString stackedTableHtml(const json& b, const Theme& t) {
    QString h;
    const json& columns = b["columns"];
    for (const auto& row : b["rows"]) {
        QString inner;
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i == 0) {
                inner += QStringLiteral("<p><b>%1</b></p>").arg(inlineHtml(qs(row[i]), t));
                continue;
            }
            const QString name = i < columns.size() ? inlineHtml(qs(columns[i]), t) : QString();
            inner += QStringLiteral("<p><span style=\"color:%1\">%2:</span> %3</p>")
                         .arg(css(t.mutedText), name, inlineHtml(qs(row[i]), t));
        }
        h += aside(t.mutedText, t.surface, inner);
    }
    return h + tableCaptionHtml(b, t);
}

// `stackTable`: a table block as stacked rows, not a grid; `cuts`: a grid's rows that start a
// table of their own (tableHtml).
QString blockHtml(const json& b, const Theme& t, const DiagramLinks& diagrams,
                  bool stackTable = false, const std::vector<int>& cuts = {}) {
    const std::string type = b.value("type", std::string());
    if (type == "paragraph") {
        return QStringLiteral("<p>") + inlineHtml(qs(b, "text"), t) + QStringLiteral("</p>");
    }
    if (type == "heading") {
        return QStringLiteral("<h3>") + inlineHtml(qs(b, "text"), t) + QStringLiteral("</h3>");
    }
    if (type == "quote") {
        return aside(t.mutedText, t.surface,
                     QStringLiteral("<i>") + inlineHtml(qs(b, "text"), t) + QStringLiteral("</i>"));
    }
    if (type == "list") {
        return listHtml(b["items"], t, b.value("ordered", false));
    }
    if (type == "checklist") {
        QString h;
        for (const auto& it : b["items"]) {
            h += QStringLiteral("<p style=\"margin-left:12px\">\u2610&nbsp;&nbsp;%1</p>")
                     .arg(inlineHtml(qs(it), t));
        }
        return h;
    }
    if (type == "table") {
        return stackTable ? stackedTableHtml(b, t) : tableHtml(b, t, cuts);
    }
    if (type == "code") {
        // Lines kept as written, and wrapped where the column is narrower than one (a Redis
        // command widened the chapter past the view at 1280x800 with the search open).
        return QStringLiteral(
                   "<table width=\"99%\" cellpadding=\"10\" style=\"margin-bottom:12px\">"
                   "<tr><td style=\"background-color:%1\"><pre style=\"white-space:pre-wrap\">"
                   "%2</pre></td></tr></table>")
            .arg(css(t.codeBackground), qs(b, "text").toHtmlEscaped());
    }
    if (type == "note") {
        // "Note:" says what the box is (an "\u2139" before the title printed as a stray "i").
        QString head = QStringLiteral("<b>%1 %2</b>")
                           .arg(ChapterHtmlWords::tr("Note:"), inlineHtml(qs(b, "title"), t));
        if (b.contains("since")) {
            // "· since", not "(since ...)": the versions often hold parentheses themselves.
            head += QStringLiteral(" <span style=\"color:%1\">\u00B7 since %2</span>")
                        .arg(css(t.mutedText), inlineHtml(qs(b, "since"), t));
        }
        return aside(t.warn, t.toneFill(QStringLiteral("warn")),
                     head + QStringLiteral("<br>") + inlineHtml(qs(b, "text"), t));
    }
    if (type == "callout") {
        const QString mark = qs(b, "mark");
        return aside(markColor(t, mark), t.toneFill(QStringLiteral("accent")),
                     inlineHtml(QStringLiteral(":%1: ").arg(mark) + qs(b, "text"), t));
    }
    if (type == "figure") {
        return QStringLiteral("<p align=\"center\"><img src=\"figure:%1\"></p>").arg(qs(b, "id"));
    }
    if (type == "diagram") {
        const QString id = qs(b, "id");
        const DiagramLink* d = findDiagramLink(diagrams, id);
        QString inner =
            QStringLiteral("<b>\u25B6&nbsp;%1</b>").arg((d ? d->title : id).toHtmlEscaped());
        if (b.contains("caption")) {
            inner += QStringLiteral("<br>") + inlineHtml(qs(b, "caption"), t);
        }
        inner += QStringLiteral("<br><a href=\"diagram:%1\" style=\"color:%2\">%3</a>")
                     .arg(id, css(t.accent), ChapterHtmlWords::tr("Open the live diagram"));
        return aside(t.accent, t.toneFill(QStringLiteral("accent")), inner);
    }
    return {};
}

const std::vector<int> kNoCuts;

// The rows that start a table of their own in the `table`-th table (sectionHtml's tableCuts).
const std::vector<int>& cutsOf(const std::map<int, std::vector<int>>& tableCuts, int table) {
    const auto it = tableCuts.find(table);
    return it == tableCuts.end() ? kNoCuts : it->second;
}

} // namespace

QString sectionHtml(const Section& s, const Theme& t, qreal bodyPx, const DiagramLinks& diagrams,
                    const std::map<int, std::vector<int>>& tableCuts) {
    QString h = QStringLiteral("<html><body style=\"font-size:%1px; color:%2\">")
                    .arg(qRound(bodyPx))
                    .arg(css(t.text));
    // A heading (not a bold paragraph): the pages keep it with what follows, and a figure right
    // under it is sized to the room under it (a slide held the title alone, the figure on the
    // next one: tester 44).
    h += QStringLiteral("<h2 style=\"font-size:%1px; margin-top:12px; margin-bottom:12px\">%2</h2>")
             .arg(qRound(bodyPx * 1.6))
             .arg(s.title.toHtmlEscaped());
    int table = 0;
    for (const auto& b : s.blocks) {
        const bool isTable = b.value("type", std::string()) == "table";
        h += blockHtml(b, t, diagrams, false, isTable ? cutsOf(tableCuts, table++) : kNoCuts);
    }
    return h + QStringLiteral("</body></html>");
}

QString chapterHtml(const Chapter& ch, const Theme& t, qreal bodyPx, const DiagramLinks& diagrams,
                    const std::vector<bool>& stacked,
                    const std::map<int, std::vector<int>>& tableCuts) {
    QString h = QStringLiteral("<html><body style=\"font-size:%1px; color:%2\">")
                    .arg(qRound(bodyPx))
                    .arg(css(t.text));
    const QString number = ch.number.isEmpty() ? QString() : ch.number + QStringLiteral(". ");
    h += QStringLiteral("<h1>%1%2</h1>").arg(number.toHtmlEscaped(), ch.title.toHtmlEscaped());
    if (!ch.loaded()) {
        QString errors;
        for (const auto& e : ch.errors) {
            errors += QStringLiteral("<li>%1</li>").arg(e.toString().toHtmlEscaped());
        }
        return h +
               aside(t.bad, t.toneFill(QStringLiteral("bad")),
                     QStringLiteral("<b>This chapter could not be opened.</b> Its file has "
                                    "these problems:<ul>%1</ul>")
                         .arg(errors)) +
               QStringLiteral("</body></html>");
    }
    h += QStringLiteral("<p style=\"color:%1; font-size:%2px\">%3</p>")
             .arg(css(t.mutedText))
             .arg(qRound(bodyPx * 1.08))
             .arg(inlineHtml(ch.summary, t));
    std::size_t table = 0; // the chapter's tables, in order
    for (const auto& s : ch.sections) {
        h +=
            QStringLiteral("<h2><a name=\"sec-%1\"></a>%2</h2>").arg(s.id, s.title.toHtmlEscaped());
        for (const auto& b : s.blocks) {
            bool stack = false;
            const std::vector<int>* cuts = &kNoCuts;
            if (b.value("type", std::string()) == "table") {
                stack = table < stacked.size() && stacked[table];
                cuts = &cutsOf(tableCuts, int(table));
                ++table;
            }
            h += blockHtml(b, t, diagrams, stack, *cuts);
        }
    }
    return h + QStringLiteral("</body></html>");
}

} // namespace fg
