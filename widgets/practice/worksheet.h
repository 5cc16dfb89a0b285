// A practice worksheet for a class (File > Export worksheet): the exercises of a session (topic,
// level, count and seed, the same the Practice page makes from them) as a PDF, each with its
// prompt, the picture it starts from and room to answer; then, from a new page on, the answer
// key: each exercise's answer as the engine gives it. Written whole or not at all (AtomicFile).
#pragma once

#include "engines/core/status.h"
#include "engines/practice/practice.h"

#include <QPageSize>
#include <QString>
#include <cstdint>
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

// What a worksheet holds: the session the Practice page would make of the same choices.
struct WorksheetChoice {
    QString topic = QStringLiteral("mixed");
    practice::Level level = practice::Level::Medium;
    int count = 8;
    std::uint64_t seed = 0; // 0: a new one
};

// File > Export worksheet: asks for the topic, level, number of exercises and seed (starting at
// `start`: the Practice page's choices when it is on screen, so the sheet asks what the class
// sees), then where to save; writes the PDF and returns its path, or an empty string when
// cancelled. A failed write says why in a message box and writes nothing.
QString exportWorksheetInteractive(QWidget* parent, const WorksheetChoice& start);

} // namespace fg
