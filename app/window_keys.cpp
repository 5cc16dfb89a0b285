#include "app/window_keys.h"

#include <QKeyEvent>
#include <QLineEdit>

namespace fg {

WindowKeysInLineEdits::WindowKeysInLineEdits(QWidget* window) : QObject(window), window_(window) {}

bool WindowKeysInLineEdits::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() != QEvent::ShortcutOverride) {
        return false;
    }
    const auto* key = static_cast<QKeyEvent*>(event);
    const Qt::KeyboardModifiers mods = key->modifiers() & ~Qt::KeypadModifier;
    if (mods != Qt::ControlModifier || key->key() != Qt::Key_E) {
        return false;
    }
    const auto* box = qobject_cast<QLineEdit*>(watched);
    if (!box || box->window() != window_) {
        return false;
    }
    // Not accepted: the window's shortcut takes the key.
    event->ignore();
    return true;
}

} // namespace fg
