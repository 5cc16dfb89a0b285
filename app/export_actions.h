// The app's export commands: File > Export diagram (Ctrl+E), Export animation, Export chapter as
// handout PDF, and Edit > Copy diagram as image (Ctrl+Shift+C). They draw with the same painter
// as the screen (DiagramView::picture, paintDiagramPicture) and write through AtomicFile, so a
// failed export leaves no partial file and says what went wrong. What a tab exports is its page's
// Exportable (widgets/canvas/page.h).
#pragma once

#include "models/course/course.h"
#include "models/theme/theme.h"
#include "widgets/canvas/frame.h"
#include "widgets/canvas/page.h"

#include <QPageSize>
#include <QString>
#include <memory>
#include <vector>

class QPainter;
class QTextDocument;
class QWidget;

namespace fg {

void exportDiagramInteractive(QWidget* parent, const Exportable& what, const Theme& screenTheme);
// Puts the picture on the clipboard as an image (at twice the screen size, for sharp slides)
// and as SVG, so both image editors and vector tools can paste it.
void copyDiagramToClipboard(const Exportable& what, const Theme& theme);
void exportAnimationInteractive(QWidget* parent, const Exportable& what, const Theme& theme);

// A picture of a live diagram in a handout: its size on paper in points, whether it is turned a
// quarter on a page of its own (a wide drawing whose letters would be under 8 pt across the
// page), and the size of its smallest letters on paper, in points.
struct HandoutPicture {
    QString id;
    QSizeF size;
    bool turned = false;
    qreal smallestTextPt = 0;
    QString captionAsText; // the step's sentence set as text under the picture (not in it)
    Frame frame;           // what is drawn (a diagram with steps; empty for a chart)
    QString caption;       // drawn under it in the picture
};

// A chapter laid out as a printed handout: light theme (paper is white), headings kept with what
// follows them, short boxes never cut in two, each live diagram's card with a picture of the
// diagram (its first scenario's last step), and a footer on every page: the chapter's title and
// "Page N of M". Sizes are in points of the page's text area.
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

private:
    std::vector<HandoutPicture> pictures_;
    QString title_;
    QSizeF size_;
    std::unique_ptr<QTextDocument> doc_;
};

// A chapter as a printable handout: headings, text, tables, figures, paginated on `page`, light
// theme (paper is white). Returns an empty string or the problem.
QString exportHandoutPdf(const Chapter& chapter, const QString& path, QPageSize::PageSizeId page);
void exportHandoutInteractive(QWidget* parent, const Chapter& chapter);

} // namespace fg
