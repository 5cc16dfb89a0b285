#include "app/app_theme.h"

#include "widgets/controls/focus_ring.h"

#include <QApplication>
#include <QIcon>
#include <QPainter>
#include <QProxyStyle>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOption>
#include <QWidget>

namespace fg {

namespace {

// Fusion draws the frame of a text box, spin box and combo box in the window colour darkened by
// 40%: about 1.3:1 against a dark window (the Dark theme's fields had no visible border) and
// 2:1 in Light. This style draws the same widgets, then their border again in inputBorder().
class FieldStyle : public QProxyStyle {
public:
    FieldStyle() : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion"))) {}

    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                       const QWidget* widget) const override {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        if (element == PE_FrameLineEdit && !(option->state & State_HasFocus)) {
            border(option, painter);
        }
        // A box to tick, on its own or in a list or table (Fusion draws an item view's check
        // through this one): its outline vanished in the Dark theme (the decision matrix).
        if (element == PE_IndicatorCheckBox) {
            border(option, painter);
        }
    }
    // Radio circles and tick boxes as large as the type beside them: Fusion's are 14 px whatever
    // the type, small beside the projector's or a zoomed tool's text.
    int pixelMetric(PixelMetric metric, const QStyleOption* option,
                    const QWidget* widget) const override {
        const int base = QProxyStyle::pixelMetric(metric, option, widget);
        if (widget &&
            (metric == PM_ExclusiveIndicatorWidth || metric == PM_ExclusiveIndicatorHeight ||
             metric == PM_IndicatorWidth || metric == PM_IndicatorHeight)) {
            return std::max(base, widget->fontMetrics().height()); // 14 at 9 pt, as Fusion
        }
        // The tab strip's scroll arrows: Fusion's 16 px were a hard target beside the
        // Projector's tabs (a tester); as wide as one and a half lines of the bar's type.
        if (widget && metric == PM_TabBarScrollButtonWidth) {
            return std::max(base, widget->fontMetrics().height() * 3 / 2);
        }
        return base;
    }
    // A button that opens its menu at once (Presets, Scenario, All tabs): Fusion centres its
    // text on the whole button, sized for the text alone, and draws the menu's arrow over the
    // last letters ("Scenari" and an arrow; "All tabs" ran past the window's edge). Here the
    // arrow has a room of its own at the right, and the text is centred in the rest.
    QSize sizeFromContents(ContentsType type, const QStyleOption* option, const QSize& size,
                           const QWidget* widget) const override {
        QSize s = QProxyStyle::sizeFromContents(type, option, size, widget);
        if (type == CT_ToolButton &&
            arrowApart(qstyleoption_cast<const QStyleOptionToolButton*>(option))) {
            s.rwidth() += arrowRoom(option, widget);
        }
        return s;
    }
    void drawComplexControl(ComplexControl control, const QStyleOptionComplex* option,
                            QPainter* painter, const QWidget* widget) const override {
        if (const auto* b = qstyleoption_cast<const QStyleOptionToolButton*>(option);
            control == CC_ToolButton && arrowApart(b)) {
            // The button without its text, nor Fusion's arrow: a few pixels in the lower right
            // corner, at the window's edge for All tabs, it read as cut off (a tester).
            QStyleOptionToolButton frame = *b;
            frame.text.clear();
            frame.icon = QIcon();
            frame.features &= ~QStyleOptionToolButton::HasMenu;
            QProxyStyle::drawComplexControl(control, &frame, painter, widget);
            QStyleOptionToolButton label = *b;
            const int fw = proxy()->pixelMetric(PM_DefaultFrameWidth, b, widget);
            const int room = arrowRoom(b, widget);
            label.rect =
                visualRect(b->direction, b->rect, b->rect.adjusted(fw, fw, -fw - room, -fw));
            proxy()->drawControl(CE_ToolButtonLabel, &label, painter, widget);
            // The arrow in its own room, beside the text at its middle height.
            QStyleOption arrow = *b;
            arrow.rect = visualRect(b->direction, b->rect,
                                    QRect(b->rect.right() - fw - room + 1, b->rect.top() + fw, room,
                                          b->rect.height() - 2 * fw));
            proxy()->drawPrimitive(PE_IndicatorArrowDown, &arrow, painter, widget);
            return;
        }
        QProxyStyle::drawComplexControl(control, option, painter, widget);
        if ((control == CC_SpinBox || control == CC_ComboBox) &&
            !(option->state & State_HasFocus)) {
            const auto* frame = qstyleoption_cast<const QStyleOptionSpinBox*>(option);
            const auto* combo = qstyleoption_cast<const QStyleOptionComboBox*>(option);
            if ((frame && frame->frame) || (combo && combo->frame)) {
                border(option, painter);
            }
        }
    }

private:
    // A button with text whose menu opens on a click anywhere on it (no split-off arrow part).
    static bool arrowApart(const QStyleOptionToolButton* b) {
        return b && (b->features & QStyleOptionToolButton::HasMenu) &&
               !(b->subControls & SC_ToolButtonMenu) && !b->text.isEmpty() &&
               b->toolButtonStyle != Qt::ToolButtonIconOnly;
    }
    // The room of the arrow drawn at the right of such a button: Fusion's 8 px arrow with some
    // air on each side, more with larger type (the Projector's).
    int arrowRoom(const QStyleOption* option, const QWidget* widget) const {
        const int type = widget ? widget->fontMetrics().height() : option->fontMetrics.height();
        return std::max(proxy()->pixelMetric(PM_MenuButtonIndicator, option, widget), type);
    }
    static void border(const QStyleOption* option, QPainter* painter) {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setPen(inputBorder(option->palette));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(option->rect.adjusted(0, 0, -1, -1));
        painter->restore();
    }
};

} // namespace

QColor inputBorder(const QPalette& palette) {
    // From the window colour toward the text colour, the first step that stands out 3:1 from
    // both the window and the field (WCAG's contrast for the parts of a control).
    const QColor window = palette.color(QPalette::Window), base = palette.color(QPalette::Base),
                 text = palette.color(QPalette::Text);
    for (int i = 8; i <= 20; ++i) {
        const qreal t = i / 20.0;
        const QColor c = QColor::fromRgbF(window.redF() + (text.redF() - window.redF()) * t,
                                          window.greenF() + (text.greenF() - window.greenF()) * t,
                                          window.blueF() + (text.blueF() - window.blueF()) * t);
        if (contrastRatio(c, window) >= 3.05 && contrastRatio(c, base) >= 3.05) {
            return c;
        }
    }
    return text;
}

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
    const bool dark =
        choice == ThemeChoice::Dark || (choice == ThemeChoice::System && systemIsDark());
    const Theme t = choice == ThemeChoice::Projector ? Theme::projector()
                    : dark                           ? Theme::dark()
                                                     : Theme::light();
    return safeColours_ ? Theme::withSafeColours(t) : t;
}

QPalette AppTheme::paletteFor(ThemeChoice choice) const {
    if (choice == ThemeChoice::System) {
        return startPalette_;
    }
    const Theme t = themeFor(choice);
    const bool dark = t.kind == Theme::Kind::Dark;
    // From the desktop's palette with nothing marked as set (QPalette() would copy the palette in
    // force, the previous theme's): the roles set below are the theme's, the others the style's.
    QPalette p = startPalette_;
    p.setResolveMask(0);
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
    // A hint in an empty field must not pass for typed text: the Projector theme's muted text is
    // near black (#222), so its hints take a lighter grey that still keeps 7:1 on white.
    p.setColor(QPalette::PlaceholderText,
               choice == ThemeChoice::Projector ? QColor::fromRgb(0x555555u) : t.mutedText);
    p.setColor(QPalette::Highlight, t.accent);
    p.setColor(QPalette::HighlightedText, dark ? QColor(Qt::black) : QColor(Qt::white));
    p.setColor(QPalette::Link, t.accent);
    // What cannot be used now (the wizard's Back at its first question, Undo with nothing to
    // undo) must look so: twice as faint as the text at least. The Projector theme's muted text
    // is near black (#222 beside #000): its disabled buttons looked enabled. WCAG asks no
    // contrast of inactive controls; these keep 4.5:1 on the page all the same.
    const QColor disabled = dark                               ? QColor::fromRgb(0x8b949eu)
                            : choice == ThemeChoice::Projector ? QColor::fromRgb(0x767676u)
                                                               : t.mutedText;
    p.setColor(QPalette::Disabled, QPalette::Text, disabled);
    p.setColor(QPalette::Disabled, QPalette::WindowText, disabled);
    p.setColor(QPalette::Disabled, QPalette::ButtonText, disabled);
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

void AppTheme::installStyle() {
    if (!dynamic_cast<FieldStyle*>(QApplication::style())) {
        QApplication::setStyle(new FieldStyle); // Fusion, with borders that can be seen
    }
}

Theme AppTheme::apply(ThemeChoice choice) {
    // The style once, before any palette. Setting it again on every switch re-polished the
    // widgets that have a style sheet (the sidebar) with the palette still in force, the previous
    // theme's, and they kept it: the sidebar stayed one theme behind.
    installStyle();
    QApplication::setPalette(paletteFor(choice));
    if (const QFont f = fontFor(choice); f != QApplication::font()) {
        QApplication::setFont(f);
    }
    // Qt hands the new palette and font to the windows' widgets later, in an event it posts: the
    // pages themed next (the wizard builds its answers again) took the previous theme's font, and
    // kept it. Now, so that what is built or polished from here on takes the new ones.
    for (QWidget* window : QApplication::topLevelWidgets()) {
        QEvent palette(QEvent::ApplicationPaletteChange), font(QEvent::ApplicationFontChange);
        QCoreApplication::sendEvent(window, &palette);
        QCoreApplication::sendEvent(window, &font);
    }
    repolishStyleSheets();
    FocusRing::setWidth(choice == ThemeChoice::Projector ? FocusRing::kProjectorWidth
                                                         : FocusRing::kWidth);
    return themeFor(choice);
}

void AppTheme::repolishStyleSheets(QWidget* root) {
    // A widget with a style sheet keeps the palette and the font it was polished with (Qt's
    // style-sheet style copies its parent's font into it, as if set on it): polish it again, it
    // and its children, once the new palette and every new font are in place. Polished before
    // the font, the wizard's answers, the quiz and the scenario list kept the projector's large
    // type after Projector -> Light.
    QWidgetList all = root ? root->findChildren<QWidget*>() : QApplication::allWidgets();
    if (root) {
        all.prepend(root);
    }
    for (QWidget* w : all) {
        if (!w->styleSheet().isEmpty()) {
            w->setStyleSheet(w->styleSheet());
        }
    }
}

} // namespace fg
