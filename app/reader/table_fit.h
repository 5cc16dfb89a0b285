// Tables whose words stay whole: Qt shares a table's width out by its columns' longest lines, and
// a column of long sentences took the room of a column of long words, which then broke
// ("recommendatio|ns", "Postgre|SQL"). The reader on screen and the handout on paper both fit
// their tables here.
#pragma once

#include <QtGlobal>
#include <vector>

class QTextDocument;

namespace fg {

struct TableNeeds {
    // The width the widest table needs to keep every word whole (each column its longest word,
    // with the cells' padding and borders), with some room over.
    qreal widest = 0;
    // Per table of data (those with a header row), in the document's order: the narrowest
    // column (pixels or points) in which it keeps its words whole, its type shrunk to
    // `leastTypeScale` at most (fitTables). In a narrower one, its words break.
    std::vector<qreal> least;
};
TableNeeds tableNeeds(QTextDocument* doc, qreal leastTypeScale);

// How fitTables goes about it.
struct TableFitting {
    // The tables of data alone (those with a header row), not the side boxes and cards, whose
    // pictures are laid out at their own width.
    bool dataTablesOnly = false;
    // How small a table's type may get, against its own, before words break.
    qreal leastTypeScale = 0.75;
    // The padding in the cells of the tables it fits (paper needs less than a screen), or -1:
    // as the tables have it.
    qreal cellPadding = -1;
};

// Sets each table's column widths so that no word breaks in a text column `column` pixels (or
// points) wide: each column gets its longest word, and what is left goes to the columns whose
// lines would still wrap, in proportion to what they lack. A table whose words cannot fit even so
// has its type shrunk first (down to how.leastTypeScale), and grown back when the room comes
// back.
void fitTables(QTextDocument* doc, qreal column, const TableFitting& how = {});

} // namespace fg
