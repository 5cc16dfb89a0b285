#include "app/app_theme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>
#include <QWidget>

namespace fg {

ThemeChoice themeChoiceFromName(const QString& name) {
    if (name == QLatin1String("light")) {
        return ThemeChoice::Light;
    }
    if (name == QLatin1String("dark")) {
        return ThemeChoice::Dark;
    }
    if (name == QLatin1String("projector")) {
        return ThemeChoice::Projector;
    }
    return ThemeChoice::System;
}

QString themeChoiceName(ThemeChoice choice) {
    switch (choice) {
    case ThemeChoice::Light:
        return QStringLiteral("light");
    case ThemeChoice::Dark:
        return QStringLiteral("dark");
    case ThemeChoice::Projector:
        return QStringLiteral("projector");
    case ThemeChoice::System:
        break;
    }
    return QStringLiteral("system");
}

AppTheme::AppTheme() : startPalette_(QApplication::palette()), startFont_(QApplication::font()) {}

bool AppTheme::systemIsDark() const {
    return startPalette_.color(QPalette::Window).lightness() <
           startPalette_.color(QPalette::WindowText).lightness();
}

Theme AppTheme::themeFor(ThemeChoice choice) const {
    if (choice == ThemeChoice::Projector) {
        return Theme::projector();
    }
    const bool dark =
        choice == ThemeChoice::Dark || (choice == ThemeChoice::System && systemIsDark());
    return dark ? Theme::dark() : Theme::light();
}

QPalette AppTheme::paletteFor(ThemeChoice choice) const {
    if (choice == ThemeChoice::System) {
        return startPalette_;
    }
    const Theme t = themeFor(choice);
    const bool dark = t.kind == Theme::Kind::Dark;
    QPalette p;
    const QColor window = dark                               ? QColor::fromRgb(0x25292eu)
                          : choice == ThemeChoice::Projector ? QColor(Qt::white)
                                                             : QColor::fromRgb(0xeef0f2u);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, t.text);
    p.setColor(QPalette::Base, t.background);
    p.setColor(QPalette::AlternateBase, t.surface);
    p.setColor(QPalette::Text, t.text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, t.text);
    p.setColor(QPalette::ToolTipBase, t.surface);
    p.setColor(QPalette::ToolTipText, t.text);
    p.setColor(QPalette::PlaceholderText, t.mutedText);
    p.setColor(QPalette::Highlight, t.accent);
    p.setColor(QPalette::HighlightedText, dark ? QColor(Qt::black) : QColor(Qt::white));
    p.setColor(QPalette::Link, t.accent);
    p.setColor(QPalette::Disabled, QPalette::Text, t.mutedText);
    p.setColor(QPalette::Disabled, QPalette::WindowText, t.mutedText);
    p.setColor(QPalette::Disabled, QPalette::ButtonText, t.mutedText);
    return p;
}

QFont AppTheme::fontFor(ThemeChoice choice) const {
    const qreal scale = themeFor(choice).fontScale;
    QFont f = startFont_;
    if (f.pointSizeF() > 0) {
        f.setPointSizeF(startFont_.pointSizeF() * scale);
    } else if (f.pixelSize() > 0) {
        f.setPixelSize(qRound(startFont_.pixelSize() * scale));
    }
    return f;
}

Theme AppTheme::apply(ThemeChoice choice) {
    // The style once, before any palette. Setting it again on every switch re-polished the
    // widgets that have a style sheet (the sidebar) with the palette still in force, the previous
    // theme's, and they kept it: the sidebar stayed one theme behind.
    if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0) {
        if (QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion"))) {
            QApplication::setStyle(fusion);
        }
    }
    QApplication::setPalette(paletteFor(choice));
    // A widget with a style sheet keeps the palette it was polished with: polish it again (it and
    // its children) so that it takes the new one.
    const QWidgetList all = QApplication::allWidgets();
    for (QWidget* w : all) {
        if (!w->styleSheet().isEmpty()) {
            w->setStyleSheet(w->styleSheet());
        }
    }
    if (const QFont f = fontFor(choice); f != QApplication::font()) {
        QApplication::setFont(f);
    }
    return themeFor(choice);
}

} // namespace fg
