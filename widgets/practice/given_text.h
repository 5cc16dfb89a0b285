// The inputs of a practice exercise ("given"), written out for the student as the prompt refers
// to them: numbers and words as they are, lists on one line, rows of records (tables, masters,
// points) as a table. The same text on the Practice page and on a worksheet.
#pragma once

#include "engines/practice/practice.h"

#include <QString>

namespace fg {

// HTML (a small table per part), or an empty string when nothing is given.
QString givenHtml(const practice::Exercise& e);

} // namespace fg
