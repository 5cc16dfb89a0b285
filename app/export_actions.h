// The app's export commands: File > Export diagram (Ctrl+E), Export animation, Export chapter as
// handout PDF, and Edit > Copy diagram as image (Ctrl+Shift+C). They draw with the same painter
// as the screen (DiagramView::picture, paintDiagramPicture) and write through AtomicFile, so a
// failed export leaves no partial file and says what went wrong. What a tab exports is its page's
// Exportable (widgets/canvas/page.h).
#pragma once

#include "models/course/course.h"
#include "models/theme/theme.h"
#include "widgets/canvas/page.h"

#include <QPageSize>
#include <QString>

class QWidget;

namespace fg {

void exportDiagramInteractive(QWidget* parent, const Exportable& what, const Theme& screenTheme);
// Puts the picture on the clipboard as an image (at twice the screen size, for sharp slides)
// and as SVG, so both image editors and vector tools can paste it.
void copyDiagramToClipboard(const Exportable& what, const Theme& theme);
void exportAnimationInteractive(QWidget* parent, const Exportable& what, const Theme& theme);

// A chapter as a printable handout: headings, text, tables, figures, paginated on `page`, light
// theme (paper is white). Returns an empty string or the problem.
QString exportHandoutPdf(const Chapter& chapter, const QString& path, QPageSize::PageSizeId page);
void exportHandoutInteractive(QWidget* parent, const Chapter& chapter);

} // namespace fg
