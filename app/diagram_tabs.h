// The live diagrams the app can open as tabs, by id (see fg::liveDiagrams()).
#pragma once

#include "models/theme/theme.h"

#include <QString>

class QWidget;

namespace fg {

bool diagramAvailable(const QString& id);
// A new view of the diagram, or nullptr when this version does not have it yet.
QWidget* createDiagramView(const QString& id, const Theme& theme, QWidget* parent);
void applyDiagramTheme(QWidget* view, const Theme& theme);

} // namespace fg
