// The app's export commands: File > Export diagram (Ctrl+E), Export animation, Export chapter as
// handout PDF, and Edit > Copy diagram as image (Ctrl+Shift+C). They draw with the same painter
// as the screen (DiagramView::picture, paintDiagramPicture) and write through AtomicFile, so a
// failed export leaves no partial file and says what went wrong. What a tab exports is its page's
// Exportable (widgets/canvas/page.h).
#pragma once

#include "app/handout.h"
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

// The interactive exports return the file they wrote (a frame sequence: its folder), or an
// empty string when nothing was written (cancelled), so that the window can say where it went.
// `title` is written into the file (a PDF's and an SVG's title, a PNG's Title text).
QString exportDiagramInteractive(QWidget* parent, const Exportable& what, const Theme& screenTheme,
                                 const QString& title = {});
// Puts the picture on the clipboard as an image (at twice the screen size, for sharp slides)
// and as SVG, so both image editors and vector tools can paste it.
void copyDiagramToClipboard(const Exportable& what, const Theme& theme);
QString exportAnimationInteractive(QWidget* parent, const Exportable& what, const Theme& theme);

// The chapter a handout exports from the tab on screen: with a live diagram on screen
// (`diagramId`), the chapter that diagram belongs to (the reader's chapter when it holds that
// diagram, else the first chapter that does); otherwise the reader's chapter (`readerChapter`,
// an index in course.chapters, -1 for none). -1 when there is none.
int handoutChapter(const Course& course, int readerChapter, const QString& diagramId);
// File > Export chapter as handout PDF: a dialog that names the chapter it will export (chosen
// by handoutChapter, and why; the user may pick another) and the paper, then the file.
QString exportHandoutInteractive(QWidget* parent, const Course& course, int readerChapter,
                                 const QString& diagramId);

} // namespace fg
