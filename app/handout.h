// A chapter as a printed handout (File > Export chapter as handout PDF): the chapter's text on
// paper (light theme), paginated as a book is, with a picture of each live diagram in its card and
// a footer on every page. See Handout.
#pragma once

#include "app/handout_pictures.h"
#include "engines/core/status.h"
#include "models/course/course.h"
#include "models/theme/theme.h"
#include "widgets/export/paged_figures.h"

#include <QPageSize>
#include <QSizeF>
#include <QString>
#include <map>
#include <memory>
#include <vector>

class QPainter;
class QTextDocument;

namespace fg {

// A chapter laid out as a printed handout: light theme (paper is white), headings kept with what
// follows them, boxes that fit a page never cut in two, each live diagram's card with a picture
// of the diagram (its first scenario's last step) inside it, the whole card on one page (moved
// whole to the next page when the rest of a page is too short), and a footer on every page: the
// chapter's title and "Page N of M". Sizes are in points of the page's text area.
class Handout {
public:
    Handout(const Chapter& chapter, QPageSize::PageSizeId page);
    ~Handout();
    int pageCount() const;
    // The page's text area with the footer under it, in points.
    QSizeF pageSize() const { return size_; }
    // Paints page `page` (from 0) and its footer at the painter's origin, in points.
    void paintPage(QPainter& painter, int page) const;
    QString footerText(int page) const; // "Page 2 of 7"
    QTextDocument& document() const { return *doc_; }
    // The live diagrams' pictures, in the order of the chapter.
    const std::vector<HandoutPicture>& pictures() const { return pictures_; }
    // The chapter's figures (a figure cut between its parts: each piece), in its order.
    const std::vector<PagedFigure>& figures() const { return figures_; }

private:
    // Lays the chapter out on `page` in a new document, the rows of `tableCuts` (chapterHtml)
    // starting tables of their own.
    void build(const Chapter& chapter, QPageSize::PageSizeId page,
               const std::map<int, std::vector<int>>& tableCuts);

    std::vector<HandoutPicture> pictures_;
    std::vector<PagedFigure> figures_;
    QString title_;
    QSizeF size_;
    std::unique_ptr<QTextDocument> doc_;
};

// A chapter as a printable handout: headings, text, tables, figures, paginated on `page`, light
// theme (paper is white). Ok, or the problem (the file could not be written: an old file of that
// name is left as it was).
Status exportHandoutPdf(const Chapter& chapter, const QString& path, QPageSize::PageSizeId page);

} // namespace fg
