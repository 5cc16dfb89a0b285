// WindowKeysInLineEdits: the window's Ctrl+E (export) works with the focus in a text box too (the
// search box, a diagram's key box). On X11 a QLineEdit takes Ctrl+E for its Emacs-style editing
// (end of line), so the window's key did nothing until a click elsewhere; End still does that.
// Installed on the application by the main window, it looks only at shortcut overrides of text
// boxes of `window`.
#pragma once

#include <QObject>

class QWidget;

namespace fg {

class WindowKeysInLineEdits : public QObject {
public:
    explicit WindowKeysInLineEdits(QWidget* window);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* window_;
};

} // namespace fg
