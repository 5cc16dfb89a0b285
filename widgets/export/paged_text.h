// Paged rich text, as a printed handout and a presentation's text slides lay it out: a heading is
// never the last line of a page, a short box is not cut in two, and one page is painted at a time.
#pragma once

#include "engines/core/status.h"

#include <QColor>
#include <QPageLayout>
#include <QRectF>
#include <QString>
#include <QTextBlock>
#include <functional>
#include <map>
#include <vector>

class QPainter;
class QTextDocument;
class QTextFrame;

namespace fg {

// One thing the text of a document flows through: a paragraph or heading (`block`), or a box (a
// table, a note, a callout, a diagram card: `frame`), with where the layout put it.
struct Flow {
    QTextBlock block;
    QTextFrame* frame = nullptr;
    QRectF rect;
};

// What the root frame of `doc` holds, in order, as laid out now (blank paragraphs left out).
std::vector<Flow> flowOf(QTextDocument& doc);

// Where the lines of paragraph `b` of `doc` are laid out. Qt's blockBoundingRect starts where the
// paragraph starts, though a page's end pushed its first line (a picture) to the next page: it
// named a picture drawn at the top of a page as the foot of the page before.
QRectF linesRect(const QTextDocument& doc, const QTextBlock& b);

// REQUIRES: `doc` has its page size set. Moves a heading that would end a page, with the first
// lines of what it heads, to the next page; and a box (a table, a note, a callout, a diagram
// card) that fits a page (fitsAPage), or a paragraph of up to three lines, that would be cut in
// two, with the heading right above it.
void keepTogether(QTextDocument& doc);

// A row of a table that a page's end cuts in two though it fits a page: which table (counting
// the tables with a header row, in order) and which row under the header (from 0).
struct RowCut {
    int table = -1;
    int row = -1;
};

// REQUIRES: `doc` has its page size set. The first row that a page's end cuts in two, though it
// fits a page (Qt moves a row whole to the next page only when none of its cells' first lines
// fits the page before); none (table -1) when there is no such row. The first row under the
// header is never named: a table of its header alone would be left behind.
RowCut firstRowCutByAPage(QTextDocument& doc);

// Adds `cut`, found in a document made with `cuts` (each row in them starts a table of its own,
// its header again over it: the document's n-th table is a piece of one of its source's), to
// `cuts`, which count the source's tables and their rows (sectionHtml, chapterHtml).
void addRowCut(std::map<int, std::vector<int>>& cuts, const RowCut& cut);

// Takes away every page break keepTogether set (the course's HTML sets none of its own), to
// paginate `doc` again after a change.
void releasePageBreaks(QTextDocument& doc);

// Paints page `page` (from 0) of `doc` at the painter's origin, clipped to the page, in `text`
// colour where the document sets none.
void paintPage(QPainter& painter, const QTextDocument& doc, int page, const QColor& text);

// True when no box that fits a page is cut in two, and no line (a picture) is taller than a page.
bool everythingFitsItsPage(QTextDocument& doc);

// True when a box `height` points tall fits one page of `doc` (its margins at the top and bottom
// of a page, and a box's own margin above it, left out).
bool fitsAPage(const QTextDocument& doc, qreal height);

// The height of each box of `doc` (a table, a note, a card: a frame of its root frame) as its
// content makes it, with no page's end cutting it (which stretches it by what it leaves empty).
std::map<const QTextFrame*, qreal> naturalHeights(QTextDocument& doc);

// Writes a PDF of `pages` pages to `path` in one go (AtomicFile: a failed write leaves what was
// there before), each page painted by `paint(painter, page)` in points from the page's printable
// top left, with `title` in the PDF's properties. A handout's and a worksheet's way out.
Status writePdfPages(const QString& path, const QPageLayout& layout, const QString& title,
                     int pages, const std::function<void(QPainter&, int)>& paint);

} // namespace fg
