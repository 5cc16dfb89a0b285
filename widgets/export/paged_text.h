// Paged rich text, as a printed handout and a presentation's text slides lay it out: a heading is
// never the last line of a page, a short box is not cut in two, and one page is painted at a time.
#pragma once

#include <QColor>

class QPainter;
class QTextDocument;

namespace fg {

// REQUIRES: `doc` has its page size set. Moves a heading that would end a page, with the first
// lines of what it heads, to the next page; and a box (a table, a note, a callout, a diagram
// card) that fits a page, or a paragraph of up to three lines, that would be cut in two, with the
// heading right above it.
void keepTogether(QTextDocument& doc);

// Paints page `page` (from 0) of `doc` at the painter's origin, clipped to the page, in `text`
// colour where the document sets none.
void paintPage(QPainter& painter, const QTextDocument& doc, int page, const QColor& text);

// True when no box that fits a page is cut in two, and no line (a picture) is taller than a page.
bool everythingFitsItsPage(QTextDocument& doc);

} // namespace fg
