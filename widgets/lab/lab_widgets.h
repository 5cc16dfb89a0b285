// What the Lab's pages build alike: a sentence that wraps and can be selected (and copied), and
// a read-only table whose rows grow with their wrapped text.
#pragma once

#include <QStringList>
#include <initializer_list>

class QLabel;
class QTableWidget;
class QWidget;

namespace fg {

QLabel* labSentence(const QString& text, QWidget* parent);
// Columns named by `headers` (none: set later), the last one taking the rest of the width; rows
// as tall as their wrapped text, again whenever a column's width changes.
QTableWidget* labTable(const QStringList& headers, QWidget* parent);

class DiagramCanvas;
// View > Zoom in (+1), out (-1) or back to fitted (0) on a page's drawings, all alike (a Lab page
// draws the real system and the model side by side).
void zoomCanvases(std::initializer_list<DiagramCanvas*> canvases, int direction);

} // namespace fg
