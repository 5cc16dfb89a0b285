#include "widgets/controls/button_keys.h"

#include <QAbstractButton>
#include <QApplication>
#include <QKeyEvent>

namespace fg {

namespace {

class Keys : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() != QEvent::ShortcutOverride && event->type() != QEvent::KeyPress) {
            return false;
        }
        auto* button = qobject_cast<QAbstractButton*>(watched);
        if (!button || !button->isEnabled() || !button->hasFocus()) {
            return false;
        }
        const auto* key = static_cast<QKeyEvent*>(event);
        if ((key->modifiers() & ~Qt::KeypadModifier) != Qt::NoModifier) {
            return false;
        }
        const bool space = key->key() == Qt::Key_Space;
        const bool enter =
            (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && !button->isCheckable();
        if (event->type() == QEvent::ShortcutOverride) {
            if (space || enter) {
                event->accept(); // the key goes to the button, not to a shortcut
                return true;
            }
            return false;
        }
        if (enter) {
            button->animateClick();
            return true;
        }
        return false; // Space: the button presses itself
    }
};

} // namespace

void ButtonKeys::install() {
    static const bool installed = [] {
        qApp->installEventFilter(new Keys(qApp));
        return true;
    }();
    (void)installed;
}

} // namespace fg
