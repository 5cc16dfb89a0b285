// SearchIndex: the text of every section of every chapter as the reader shows it (the chapter's
// HTML, figure labels included), searched case-insensitively as QTextDocument::find does, so a
// section's hits are the ones the reader highlights. A result names the chapter and section and
// shows a snippet around the hit.
#pragma once

#include "models/course/course.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace fg {

struct SearchResult {
    int chapter;
    QString sectionId;
    QString chapterTitle;
    QString sectionTitle;
    QString snippet; // the words around the first hit in that section
    int hits;        // hits in that section
};

class SearchIndex {
public:
    // The words as the reader shows them, the diagram cards' titles from `links` (the
    // registry's, diagramLinks()).
    SearchIndex(const Course& course, const DiagramLinks& links);
    // At most `limit` results: sections whose title has the query as a word of its own first,
    // then sections where it is a word of its own, then those where it is only inside other
    // words ("CAP" in "landscape"); in reading order within each. Each snippet is around the
    // first whole-word hit if there is one. Queries under 2 characters find nothing.
    std::vector<SearchResult> search(const QString& query, int limit = 500) const;

private:
    struct Entry {
        int chapter;
        QString sectionId, chapterTitle, sectionTitle, text;
    };
    std::vector<Entry> entries_;
};

} // namespace fg
