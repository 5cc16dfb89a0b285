#include "app/reader/search_index.h"

#include "app/reader/chapter_html.h"

#include <set>

namespace fg {

namespace {

// Every string a reader can see in a block (texts, cells, items, figure labels), skipping ids,
// kinds and tones.
void collect(const nlohmann::json& v, const std::string& key, QStringList& out) {
    static const std::set<std::string> skip = {"type",  "kind",     "id",     "tone",
                                               "shape", "language", "layout", "direction",
                                               "from",  "to",       "mark"};
    if (v.is_string()) {
        if (!skip.count(key)) {
            out << inlinePlain(QString::fromStdString(v.get<std::string>()));
        }
    } else if (v.is_array()) {
        for (const auto& e : v) {
            collect(e, key, out);
        }
    } else if (v.is_object()) {
        for (auto it = v.begin(); it != v.end(); ++it) {
            collect(it.value(), it.key(), out);
        }
    }
}

} // namespace

SearchIndex::SearchIndex(const Course& course) {
    for (std::size_t c = 0; c < course.chapters.size(); ++c) {
        const Chapter& ch = course.chapters[c];
        for (const auto& s : ch.sections) {
            QStringList parts{s.title};
            collect(s.blocks, "", parts);
            entries_.push_back({static_cast<int>(c), s.id, ch.title, s.title, parts.join(u'\n')});
        }
    }
}

std::vector<SearchResult> SearchIndex::search(const QString& query, int limit) const {
    std::vector<SearchResult> out;
    const QString q = query.trimmed();
    if (q.size() < 2) {
        return out;
    }
    for (const auto& e : entries_) {
        const qsizetype first = e.text.indexOf(q, 0, Qt::CaseInsensitive);
        if (first < 0) {
            continue;
        }
        int hits = 0;
        for (qsizetype at = first; at >= 0;
             at = e.text.indexOf(q, at + q.size(), Qt::CaseInsensitive)) {
            ++hits;
        }
        const qsizetype from = std::max<qsizetype>(0, first - 40);
        QString snippet = e.text.mid(from, q.size() + 80).simplified();
        if (from > 0) {
            snippet.prepend(QStringLiteral("\u2026"));
        }
        if (from + q.size() + 80 < e.text.size()) {
            snippet.append(QStringLiteral("\u2026"));
        }
        out.push_back({e.chapter, e.sectionId, e.chapterTitle, e.sectionTitle, snippet, hits});
        if (static_cast<int>(out.size()) >= limit) {
            break;
        }
    }
    return out;
}

} // namespace fg
