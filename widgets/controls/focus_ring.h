// FocusRing: the ring around the widget that has the keyboard focus, drawn by the app rather than
// left to the style (Fusion marks a focused tool button, slider or canvas faintly or not at all).
// One ring follows the focus through the application: a line of width() pixels (wider in the
// Projector theme) just outside the focused widget, in focusRingColor(), which stands out at least
// 3:1 from the window, the buttons and the fields around it in every theme (WCAG 2.1's 1.4.11
// and 2.4.7). A click that gives a widget the focus shows no ring: it is for the keyboard.
//
// The ring lies above the widgets (a child of the window, or of the scroll area's viewport the
// widget is in), so that it is never hidden under a neighbour; where the widget touches the edge
// of what holds it (the chapter list fills the window's left side), the ring is drawn just inside
// the widget on that side instead of being cut away (it was a 1-pixel line there, a tester). Its
// colour comes from the window's palette: one colour wherever the focus is (the reader's own
// highlight, the search hits' yellow, made it a dark gold there).
#pragma once

#include <QColor>
#include <QFocusFrame>
#include <QPalette>

namespace fg {

// The palette's highlight colour when it stands out 3:1 from the window, button and field
// colours; else the first colour from it toward the text colour that does.
QColor focusRingColor(const QPalette& palette);

class FocusRing : public QFocusFrame {
    Q_OBJECT
public:
    static constexpr int kWidth = 2; // the least width (room kept for it around controls)
    // A room reads the screen from far away: the Projector theme's ring is wider (a tester
    // could not tell the 2-pixel ring from a button's border at the back of a room).
    static constexpr int kProjectorWidth = 4;
    // The ring's width in pixels now (kWidth unless set), and setting it (the theme does).
    static int width();
    static void setWidth(int pixels);
    // Makes the application's one ring follow the focus from now on (each call after the first
    // does nothing).
    static void install();
    // The ring following the focus, or null (not installed, or nothing focused by the keyboard).
    static FocusRing* current();
    // When `focusable` has the focus, the ring goes around `area` (a widget holding it and what
    // belongs with it: a quiz's choice button and the choice's text).
    static void ringAround(QWidget* focusable, QWidget* area);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    explicit FocusRing(QWidget* parent);
    static void follow(QWidget* now);
    // The part of the ring's rectangle its parents leave on screen, in its own coordinates.
    QRect unclipped() const;
};

} // namespace fg
