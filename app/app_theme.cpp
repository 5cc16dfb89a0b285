#include "app/app_theme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

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

AppTheme::AppTheme() : startPalette_(QApplication::palette()) {}

bool AppTheme::systemIsDark() const {
    return startPalette_.color(QPalette::Window).lightness() <
           startPalette_.color(QPalette::WindowText).lightness();
}

Theme AppTheme::apply(ThemeChoice choice) {
    const bool dark =
        choice == ThemeChoice::Dark || (choice == ThemeChoice::System && systemIsDark());
    const Theme t = choice == ThemeChoice::Projector ? Theme::projector()
                    : dark                           ? Theme::dark()
                                                     : Theme::light();
    if (QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion"))) {
        QApplication::setStyle(fusion);
    }
    if (choice == ThemeChoice::System) {
        QApplication::setPalette(startPalette_);
        return t;
    }
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
    QApplication::setPalette(p);
    return t;
}

} // namespace fg
