// Theme: the colours, line widths and type scale every view and export draws with. Three themes:
// light, dark, and projector (high contrast: text and lines at least 7:1 against the background,
// thick lines, large type). Categorical colours are the Okabe-Ito palette, safe for colour-blind
// viewers; meaning is never carried by colour alone (marks have shapes, boxes have labels).
#pragma once

#include <QColor>
#include <QString>
#include <array>

namespace fg {

struct Theme {
    enum class Kind { Light, Dark, Projector };

    Kind kind = Kind::Light;
    QColor background; // page and diagram background
    QColor surface;    // panels and boxes
    QColor text;
    QColor mutedText;
    QColor line; // borders, connectors, arrows
    QColor accent;
    QColor good; // ":yes:" marks
    QColor bad;  // ":no:" marks
    QColor warn; // ":warn:" marks
    QColor tip;  // ":tip:" marks
    QColor codeBackground;
    QColor highlight;                  // search hits, "being looked at"
    std::array<QColor, 8> categorical; // tones a..h
    // The outlines of tones a..h where the theme sets its own (an invalid colour: the tone moved
    // to 3:1 against the background, see toneStroke).
    std::array<QColor, 8> categoricalStroke;
    // A chart's series, in order: a blue, an orange, and a green far darker (paler on Dark's
    // ground) than both, since only lightness keeps it apart from the orange for readers with
    // red-green colour blindness. Each stands at least 4.5:1 against the background (the raw
    // Okabe-Ito orange was 2.25:1 on white, its blue 3.08:1 on Dark's ground). Lines also
    // differ in dash and marker.
    std::array<QColor, 3> series;
    qreal lineWidth = 1.5; // in device-independent pixels
    // The palette safe for colour-vision deficiencies (View > Colours for colour blindness): the
    // marks good, bad and warn kept further apart for protanopes, deuteranopes and tritanopes
    // (their green, red and amber set apart by lightness too, tests/models/test_colour_vision).
    bool safeForColourVision = false;
    qreal fontScale = 1.0; // multiplies every font size of diagrams

    static Theme light();
    static Theme dark();
    static Theme projector();
    static Theme byName(const QString& name); // "light", "dark", "projector"; else light
    // `theme` with the palette safe for colour-vision deficiencies.
    static Theme withSafeColours(Theme theme);
    QString name() const;

    // A fill for a figure tone ("neutral", "accent", "good", "bad", "warn", "muted", "a".."h").
    QColor toneFill(const QString& tone) const;
    // A fill that marks a verdict in a table ("good", "warn", "bad": the decision matrix's
    // fits, partial fits and rule-outs): stronger than toneFill, a box's quiet background, so
    // that it stands out on a projector; at least kMarkContrast against the background, the
    // three apart in hue and lightness (for every colour vision), the text on each readable.
    QColor markFill(const QString& tone) const;
    static constexpr qreal kMarkContrast = 1.4;
    // The border colour that goes with toneFill (the categorical tones are too light for text):
    // the theme's categoricalStroke for a tone that has one, else the tone moved just far enough
    // to stand 3:1 against the background (WCAG's least for the parts of a graphic; Okabe-Ito's
    // yellow outline was 1.2:1 on white).
    QColor toneStroke(const QString& tone) const;
    // The least contrast the lines and outlines of a drawing have against the background.
    static constexpr qreal kMinGraphicContrast = 3.0;
    // The colour of text in a tone: toneStroke made readable on toneFill (see readableOn).
    QColor toneText(const QString& tone) const;

    // The least contrast ratio text must have against what it is drawn on: 4.5:1 (WCAG AA) in
    // light and dark, 7:1 (WCAG AAA) in projector.
    qreal minTextContrast() const { return kind == Kind::Projector ? 7.0 : 4.5; }
    // `color` if it reaches minTextContrast() against `background`; else the same hue moved
    // towards black (or white, on a dark background) just far enough that it does.
    QColor readableOn(const QColor& color, const QColor& background) const;

private:
    // The tone's own colour, as the palette has it.
    QColor toneColor(const QString& tone) const;
    // How much of a tone toneFill mixes into the background (light enough that text, marks
    // and links on it keep their contrast).
    qreal toneFillStrength() const;
};

// WCAG 2 relative luminance of a colour (0 black .. 1 white), alpha ignored.
qreal relativeLuminance(const QColor& c);
// WCAG 2 contrast ratio of two colours: 1 (the same) .. 21 (black on white).
qreal contrastRatio(const QColor& a, const QColor& b);

} // namespace fg
