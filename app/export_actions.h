// The app's export commands: File > Export diagram (Ctrl+E), Export animation, Export chapter as
// handout PDF, and Edit > Copy diagram as image (Ctrl+Shift+C). They draw with the same painter
// as the screen (DiagramView::picture, paintDiagramPicture) and write through QSaveFile, so a
// failed export leaves no partial file and says what went wrong.
#pragma once

#include "models/course/course.h"
#include "models/theme/theme.h"
#include "widgets/canvas/diagram_source.h"
#include "widgets/export/picture_export.h"

#include <QPageSize>
#include <QSize>
#include <QString>
#include <functional>
#include <optional>

class QWidget;

namespace fg {

// What a tab can export: its picture in any theme, its size on screen, a file name to suggest,
// and (for the step-by-step diagrams) the source an animation is made from.
struct Exportable {
    std::function<PaintFunction(const Theme&)> picture;
    QSize screenSize;
    QString baseName;
    const DiagramSource* source = nullptr;
};

// Null when the tab holds no diagram (the reader).
std::optional<Exportable> exportableOf(QWidget* tab);

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
