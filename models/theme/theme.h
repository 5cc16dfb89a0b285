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
    qreal lineWidth = 1.5;             // in device-independent pixels
    qreal fontScale = 1.0;             // multiplies every font size of diagrams

    static Theme light();
    static Theme dark();
    static Theme projector();
    static Theme byName(const QString& name); // "light", "dark", "projector"; else light
    QString name() const;

    // A fill for a figure tone ("neutral", "accent", "good", "bad", "warn", "muted", "a".."h").
    QColor toneFill(const QString& tone) const;
    // The border/text colour that goes with toneFill.
    QColor toneStroke(const QString& tone) const;
};

} // namespace fg
