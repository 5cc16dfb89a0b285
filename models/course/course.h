// Course: the level as the app reads it (content/SCHEMA.md): an index and its chapters, each with
// sections of blocks. Blocks stay as validated JSON (the reader and the figure renderer read them
// directly); the structure around them is plain data. A chapter that failed to load is kept with
// its errors, so the app lists it with what is wrong while every other chapter opens.
#pragma once

#include <QString>
#include <QStringList>
#include <nlohmann/json.hpp>
#include <vector>

namespace fg {

// A problem in a content file: which file, where in it (a JSON path such as
// "/sections/3/blocks/2/rows/4", or "line 12, column 5" for a syntax error), and what was expected.
// Every loader that checks a whole file and reports all it finds (the course, the wizard, the
// matrix, the architectures, the quiz cards) lists its problems as ContentErrors; a step with one
// outcome returns a Status (models/io/status_text.h).
struct ContentError {
    QString file;
    QString path; // empty when the problem is the file's as a whole, or the message says where
    QString message;
    QString toString() const; // "file: path: message", or "file: message"
};

// Each problem's toString(), joined by `separator`.
QString joined(const std::vector<ContentError>& errors, const QString& separator);

struct Section {
    QString id;
    QString title;
    nlohmann::json blocks; // an array of validated blocks
};

struct Chapter {
    QString id;
    QString number; // "1".."9", or empty
    QString title;
    QString summary;
    std::vector<Section> sections;
    std::vector<ContentError> errors; // non-empty: the chapter did not load

    bool loaded() const { return errors.empty(); }
    const Section* section(const QString& id) const;
    // The ids of the live diagrams placed in this chapter, in reading order.
    QStringList diagramIds() const;
};

struct Course {
    QString title;
    QString subtitle;
    std::vector<Chapter> chapters;    // in reading order, broken ones included
    std::vector<ContentError> errors; // every problem found, in every file
    QStringList locales;              // the language folders it was read in (none: English)

    const Chapter* chapter(const QString& id) const;
    int indexOf(const QString& chapterId) const;
};

// A place in the course as links, search results and the quiz name it: "Chapter › Section", or
// the chapter's title alone when the section has none or the chapter's own title (the quiz's
// link read "Common Mistakes › Common Mistakes").
QString sectionPath(const QString& chapterTitle, const QString& sectionTitle);

// A live diagram as the course links to it: the id a chapter's "diagram" block names, and the
// title its card (and the Diagrams menu, its tab, `fieldguide list`) shows. The list is not the
// course's own: the diagram registry (widgets/diagrams/diagram_registry.h, diagramLinks()) owns
// it, since models do not know the views that draw diagrams; loadCourse checks blocks against it
// and the reader draws cards from it.
struct DiagramLink {
    QString id;
    QString title;
};
using DiagramLinks = std::vector<DiagramLink>;

// The link with `id` in `links`, or null.
const DiagramLink* findDiagramLink(const DiagramLinks& links, const QString& id);

} // namespace fg
