// ContentLoader: reads the course: index.json, then chapters/<id>.json for each id, validating
// each (ContentValidator), then checking what spans files: every chapter: link resolves to a
// chapter (and section) and every figure id is unique. A file that cannot be read or parsed, or
// that fails validation, becomes a chapter with errors; the others load as usual.
#pragma once

#include "course/course.h"

namespace fg {

// ":/content" (compiled into the binary), or the directory in FIELDGUIDE_CONTENT_DIR when set
// (for authors editing the JSON without rebuilding).
QString defaultContentRoot();

Course loadCourse(const QString& root = defaultContentRoot());

} // namespace fg
