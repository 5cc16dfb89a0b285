// FocusRing: the ring around the widget that has the keyboard focus, drawn by the app rather than
// left to the style (Fusion marks a focused tool button, slider or canvas faintly or not at all).
// One ring follows the focus through the application: a line of kWidth pixels just outside the
// focused widget, in focusRingColor(), which stands out at least 3:1 from the window, the
// buttons and the fields around it in every theme (WCAG 2.1's 1.4.11 and 2.4.7). A click that
// gives a widget the focus shows no ring: it is for the keyboard.
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
    static constexpr int kWidth = 2;
    // Makes the application's one ring follow the focus from now on (each call after the first
    // does nothing). The ring is a child of the focused widget's parent, as QFocusFrame is.
    static void install();
    // The ring following the focus, or null (not installed, or nothing focused by the keyboard).
    static FocusRing* current();

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    explicit FocusRing(QWidget* parent) : QFocusFrame(parent) {}
    static void follow(QWidget* now);
};

} // namespace fg
