// AppTheme: the window's light or dark look. Qt 6.4 cannot ask the desktop for its colour scheme
// (colorScheme() arrived in 6.5), so "System" reads the palette the app started with: dark when
// its window colour is darker than its text. Light and dark install a Fusion palette made from
// fg::Theme's colours, so widgets, reader and diagrams agree. Projector is the classroom look:
// black on white at full contrast, thick lines and large type in the reader and diagrams.
#pragma once

#include "models/theme/theme.h"

#include <QPalette>
#include <QString>

namespace fg {

enum class ThemeChoice { System, Light, Dark, Projector };

ThemeChoice themeChoiceFromName(const QString& name); // "system", "light", "dark", "projector"
QString themeChoiceName(ThemeChoice choice);

class AppTheme {
public:
    // Remembers the palette the desktop gave the app, for "System".
    AppTheme();
    // Applies the choice to the application and returns the diagram/reader theme to use.
    Theme apply(ThemeChoice choice);
    bool systemIsDark() const;

private:
    QPalette startPalette_;
};

} // namespace fg
