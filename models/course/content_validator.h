// ContentValidator: checks one chapter file against content/SCHEMA.md and reports every problem
// with its JSON path and what was expected there. It checks what one file can tell (fields, types,
// known block and part kinds, table shapes, unique section ids, id == file name, no box-drawing
// characters); links between chapters and figure ids across the course are checked by the loader
// once every chapter is read (see `links` and `figureIds`).
#pragma once

#include "models/course/course.h"

#include <QSet>
#include <QString>
#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <vector>

namespace fg {

struct ContentLink {
    QString path;   // where the link is
    QString target; // "chapter:redis" or "chapter:redis#caching-patterns"
};

struct ContentFigureId {
    QString path;
    QString id;
};

class ContentValidator {
public:
    // `diagrams`: the live diagrams a "diagram" block may name (loadCourse passes the registry's);
    // null accepts any id (the content fuzz target, which is built without the diagrams' views).
    // When given, it must outlive the validator.
    explicit ContentValidator(QString file, const DiagramLinks* diagrams = nullptr)
        : file_(std::move(file)), diagrams_(diagrams) {}

    // Validates a chapter; on success (no errors) fills `out` with its structure.
    void chapter(const nlohmann::json& j, const QString& expectedId, Chapter& out);
    // Validates index.json; fills the chapter ids in order.
    void index(const nlohmann::json& j, QString& title, QString& subtitle, QStringList& ids);

    const std::vector<ContentError>& errors() const { return errors_; }
    const std::vector<ContentLink>& links() const { return links_; }
    const std::vector<ContentFigureId>& figureIds() const { return figures_; }

private:
    using json = nlohmann::json;
    void error(const std::string& path, const QString& message);
    bool object(const json& v, const std::string& path);
    bool array(const json& v, const std::string& path, bool nonEmpty);
    // A required string field; returns it (empty when missing or wrong).
    QString string(const json& obj, const char* key, const std::string& path, bool required = true);
    void text(const json& v, const std::string& path); // inline text
    void textField(const json& obj, const char* key, const std::string& path, bool required = true);
    void textList(const json& v, const std::string& path, bool nested);
    void table(const json& b, const std::string& path, bool inFigure);
    void block(const json& b, const std::string& path);
    void parts(const json& v, const std::string& path);
    // A figure part (content/SCHEMA.md, "Figure parts"): its kind, its tone and the fields its
    // kind asks for; the kinds with lists of their own have a function each, below.
    void part(const json& p, const std::string& path);
    // The part's "items" (missing is an error: "expected the <what>"): each that is an object
    // goes to `each` with its path.
    void objectItems(const json& p, const std::string& path, const char* what,
                     const std::function<void(const json&, const std::string&)>& each);
    void kvPart(const json& p, const std::string& path);    // [key, value] pairs
    void boxesPart(const json& p, const std::string& path); // boxes: title, lines, tone
    void flowPart(const json& p, const std::string& path);  // its nodes, then its edges
    // A flow's nodes (the array at `path`); returns their ids (an id used twice is an error).
    QSet<QString> flowNodes(const json& nodes, const std::string& path);
    // A flow's edges (the array at `path`): both ends must name one of `ids`.
    void flowEdges(const json& edges, const std::string& path, const QSet<QString>& ids);
    void barsPart(const json& p, const std::string& path);    // labelled values of at least 0
    void columnsPart(const json& p, const std::string& path); // titled columns of parts
    void treeNode(const json& n, const std::string& path, int depth);
    void tone(const json& obj, const std::string& path);
    void mark(const json& obj, const std::string& path, bool required);

    QString file_;
    const DiagramLinks* diagrams_;
    std::vector<ContentError> errors_;
    std::vector<ContentLink> links_;
    std::vector<ContentFigureId> figures_;
};

} // namespace fg
