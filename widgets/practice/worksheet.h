// A practice worksheet for a class (File > Export worksheet): the exercises of a session (topic,
// level, count and seed, the same the Practice page makes from them) as a PDF, each with its
// prompt, the picture it starts from and room to answer; then, from a new page on, the answer
// key: each exercise's answer as the engine gives it. Written whole or not at all (AtomicFile).
#pragma once

#include "engines/core/status.h"
#include "engines/practice/practice.h"

#include <QPageSize>
#include <QString>
#include <vector>

namespace fg {

struct WorksheetPages {
    int exercises = 0; // pages of exercises
    int key = 0;       // pages of the answer key, after them
};

// REQUIRES: `exercises` not empty. `title` heads the first page ("Kafka, medium, seed 1234").
Status exportWorksheetPdf(const std::vector<practice::Exercise>& exercises, const QString& title,
                          const QString& path, WorksheetPages* pages = nullptr,
                          QPageSize::PageSizeId size = QPageSize::A4);

} // namespace fg

class QWidget;

namespace fg {

// File > Export worksheet: asks for the topic (starting at `topic`), level, number of exercises
// and seed, then where to save; writes the PDF and returns its path, or an empty string when
// cancelled. A failed write says why in a message box and writes nothing.
QString exportWorksheetInteractive(QWidget* parent, const QString& topic);

} // namespace fg
