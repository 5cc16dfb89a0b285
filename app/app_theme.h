// AppTheme: the window's light or dark look. Qt 6.4 cannot ask the desktop for its colour scheme
// (colorScheme() arrived in 6.5), so "System" reads the palette the app started with: dark when
// its window colour is darker than its text. Light and dark install a Fusion palette made from
// fg::Theme's colours, so widgets, reader and diagrams agree. Projector is the classroom look:
// black on white at full contrast, thick lines and large type in the reader and diagrams.
#pragma once

#include "models/theme/theme.h"

#include <QFont>
#include <QPalette>
#include <QString>

class QWidget;

namespace fg {

enum class ThemeChoice { System, Light, Dark, Projector };

// The border the app draws around text boxes, spin boxes and combo boxes in `palette`: at least
// 3:1 against both the window and the field's background.
QColor inputBorder(const QPalette& palette);

ThemeChoice themeChoiceFromName(const QString& name); // "system", "light", "dark", "projector"
QString themeChoiceName(ThemeChoice choice);

class AppTheme {
public:
    // Remembers the palette and font the desktop gave the app, for "System" (and the size the
    // projector's larger type is scaled from).
    AppTheme();
    // Applies the choice to the application (its palette, and its font: the projector's is
    // Theme::fontScale times larger) and returns the diagram/reader theme to use.
    Theme apply(ThemeChoice choice);
    // Installs the app's style (Fusion, with borders that can be seen) unless it is in: first
    // thing in the window, so that its widgets are made and polished in it once (installed by
    // the first apply(), after them, it polished every widget again). apply() calls it.
    static void installStyle();
    bool systemIsDark() const;
    // The palette safe for colour-vision deficiencies (Theme::withSafeColours) in every theme
    // from the next apply() on, or the standard one.
    void setSafeColours(bool safe) { safeColours_ = safe; }
    bool safeColours() const { return safeColours_; }
    // The theme and the application palette a choice stands for (apply() installs them).
    Theme themeFor(ThemeChoice choice) const;
    QPalette paletteFor(ThemeChoice choice) const;
    QFont fontFor(ThemeChoice choice) const;
    // Polishes every widget that has a style sheet again (or only `root` and those under it), so
    // that it takes the palette and the fonts in force (apply() does; call it again after
    // changing widgets' own fonts).
    static void repolishStyleSheets(QWidget* root = nullptr);

private:
    QPalette startPalette_;
    QFont startFont_;
    bool safeColours_ = false;
};

} // namespace fg
