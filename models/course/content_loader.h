// ContentLoader: reads the course: index.json, then chapters/<id>.json for each id, validating
// each (ContentValidator), then checking what spans files: every chapter: link resolves to a
// chapter (and section) and every figure id is unique. A file that cannot be read or parsed, or
// that fails validation, becomes a chapter with errors; the others load as usual.
#pragma once

#include "models/course/content_locale.h"
#include "models/course/course.h"

#include <QByteArray>
#include <future>
#include <nlohmann/json_fwd.hpp>
#include <vector>

namespace fg {

// ":/content" (compiled into the binary), or the directory in FIELDGUIDE_CONTENT_DIR when set
// (for authors editing the JSON without rebuilding).
QString defaultContentRoot();

// `diagrams`: the live diagrams a chapter may place, in the order an error lists them (the app
// passes the diagram registry's, fg::diagramLinks() in widgets/diagrams/diagram_registry.h); a
// "diagram" block naming another id is an error of its chapter. `locales`: the language folders
// whose files replace the English ones, the most specific first (content_locale.h; the app's
// AppLanguage::folders, kEnglishContent for the English course); an error names the file
// read ("de/chapters/redis.json"). The Course keeps `locales`, so that what is read with it (the
// quiz) is read in the same language.
Course loadCourse(const DiagramLinks& diagrams, const QStringList& locales,
                  const QString& root = defaultContentRoot());

// loadCourse on a thread of its own, so that the app reads the course while Qt starts (about a
// tenth of the start to the window). The same Course as loadCourse gives, read in the C locale
// whatever the process's locale becomes meanwhile (QApplication sets the environment's).
// REQUIRES: called from the thread that makes the application, before any other thread uses Qt.
std::future<Course> loadCourseInBackground(DiagramLinks diagrams, QStringList locales,
                                           QString root = defaultContentRoot());

// The loader's first step for every file, `name` its path in the course ("chapters/redis.json"):
// the size cap (16 MB), the nesting cap (64 levels of arrays and objects), then the JSON parse. On
// failure records the error (a syntax error, a too deep nesting or a number out of range, with its
// line and column) and returns false; it never throws. loadCourse reads every file through it; the
// content fuzz target (fuzz/fuzz_content.cpp) feeds it bytes directly.
bool parseContentJson(const QByteArray& bytes, const QString& name, nlohmann::json& out,
                      std::vector<ContentError>& errors);

} // namespace fg
