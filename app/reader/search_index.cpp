#include "app/reader/search_index.h"

#include "app/reader/chapter_html.h"
#include "widgets/figure/figure_renderer.h"
#include "widgets/figure/figure_scene.h"

#include <QHash>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

namespace fg {

namespace {

// A text as search sees it: no-break spaces as spaces (QTextDocument::find reads them so) and
// the figures' word joiners ("I/\u2060O") left out, as the figures' own highlighting does.
QString searchable(QString text) {
    text.replace(QChar::Nbsp, u' ');
    text.remove(QChar(0x2060));
    text.replace(QChar::ObjectReplacementCharacter, u'\n'); // a figure's place in the text
    return text;
}

} // namespace

// The text of each section is the text the reader shows, read off the same HTML (headings, the
// cards' and callouts' own words, table cells), plus the labels the section's figures draw: the
// panel's counts are then the hits F3 goes through in the reader ("3 hits" in the panel read
// "Hit 3 of 5" in the reader when the index read the JSON instead). The chapter's title and
// summary count for its first section.
SearchIndex::SearchIndex(const Course& course, const DiagramLinks& links) {
    const Theme theme = Theme::light(); // the words are the same in every theme
    constexpr qreal kBodyPx = 16;
    for (std::size_t c = 0; c < course.chapters.size(); ++c) {
        const Chapter& ch = course.chapters[c];
        if (ch.sections.empty()) {
            continue;
        }
        QTextDocument doc;
        doc.setHtml(chapterHtml(ch, theme, kBodyPx, links));
        QHash<QString, QStringList> textOf; // by section id
        QString section = ch.sections.front().id;
        for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                for (const QString& name : it.fragment().charFormat().anchorNames()) {
                    if (name.startsWith(QLatin1String("sec-"))) {
                        section = name.mid(4);
                    }
                }
            }
            textOf[section] << searchable(b.text());
        }
        for (const auto& s : ch.sections) {
            QStringList parts = textOf.value(s.id);
            for (const auto& b : s.blocks) {
                if (b.value("type", std::string()) != "figure") {
                    continue;
                }
                const FigureRenderer figure(b, theme, 800, kBodyPx * 0.9);
                for (const auto& t : figure.scene().texts) {
                    parts << searchable(t.block.layout->text());
                }
            }
            entries_.push_back({static_cast<int>(c), s.id, ch.title, s.title, parts.join(u'\n')});
        }
    }
}

namespace {

// True when the `n` characters at `at` are a word of their own in `text`, not inside another
// ("CAP" in "landscape").
bool wholeWord(const QString& text, qsizetype at, qsizetype n) {
    const auto inWord = [&text](qsizetype i) {
        return i >= 0 && i < text.size() && text.at(i).isLetterOrNumber();
    };
    return !inWord(at - 1) && !inWord(at + n);
}

} // namespace

std::vector<SearchResult> SearchIndex::search(const QString& query, int limit) const {
    std::vector<SearchResult> out;
    const QString q = query.trimmed();
    if (q.size() < 2) {
        return out;
    }
    // Sections whose title has the words first, then those where they are words of their own,
    // then those where they are only inside other words; in reading order within each.
    std::vector<int> rank;
    for (const auto& e : entries_) {
        qsizetype first = e.text.indexOf(q, 0, Qt::CaseInsensitive);
        if (first < 0) {
            continue;
        }
        int hits = 0;
        qsizetype firstWord = -1;
        for (qsizetype at = first; at >= 0;
             at = e.text.indexOf(q, at + q.size(), Qt::CaseInsensitive)) {
            ++hits;
            if (firstWord < 0 && wholeWord(e.text, at, q.size())) {
                firstWord = at;
            }
        }
        const qsizetype inTitle = e.sectionTitle.indexOf(q, 0, Qt::CaseInsensitive);
        rank.push_back(inTitle >= 0 && wholeWord(e.sectionTitle, inTitle, q.size()) ? 0
                       : firstWord >= 0                                             ? 1
                                                                                    : 2);
        first = firstWord >= 0 ? firstWord : first; // the words around a whole-word hit
        // About 40 characters before the hit and 80 after it, cut between words ("...uential
        // writes" read as a word of its own).
        qsizetype from = std::max<qsizetype>(0, first - 40);
        while (from > 0 && from < first && !e.text.at(from - 1).isSpace()) {
            ++from;
        }
        qsizetype to = std::min<qsizetype>(e.text.size(), first + q.size() + 80);
        while (to < e.text.size() && to > first + q.size() && !e.text.at(to).isSpace()) {
            --to;
        }
        QString snippet = e.text.mid(from, to - from).simplified();
        if (from > 0) {
            snippet.prepend(QStringLiteral("\u2026"));
        }
        if (to < e.text.size()) {
            snippet.append(QStringLiteral("\u2026"));
        }
        out.push_back({e.chapter, e.sectionId, e.chapterTitle, e.sectionTitle, snippet, hits});
    }
    std::vector<std::size_t> order(out.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::stable_sort(order.begin(), order.end(),
                     [&rank](std::size_t a, std::size_t b) { return rank[a] < rank[b]; });
    std::vector<SearchResult> ranked;
    for (std::size_t i = 0; i < order.size() && static_cast<int>(ranked.size()) < limit; ++i) {
        ranked.push_back(std::move(out[order[i]]));
    }
    return ranked;
}

} // namespace fg
