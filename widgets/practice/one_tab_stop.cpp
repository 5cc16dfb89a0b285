#include "widgets/practice/one_tab_stop.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QEvent>
#include <QKeyEvent>

namespace fg {

namespace {

class GroupArrows : public QObject {
public:
    explicit GroupArrows(QButtonGroup* group) : QObject(group), group_(group) {}

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() != QEvent::KeyPress) {
            return false;
        }
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->modifiers() & ~Qt::KeypadModifier) {
            return false;
        }
        const int step = key->key() == Qt::Key_Left || key->key() == Qt::Key_Up      ? -1
                         : key->key() == Qt::Key_Right || key->key() == Qt::Key_Down ? 1
                                                                                     : 0;
        const QList<QAbstractButton*> buttons = group_->buttons();
        const auto at = buttons.indexOf(qobject_cast<QAbstractButton*>(watched));
        if (step == 0 || at < 0) {
            return false;
        }
        for (auto i = at + step; i >= 0 && i < buttons.size(); i += step) {
            QAbstractButton* b = buttons[i];
            if (b->isVisible() && b->isEnabled() && b->focusPolicy() != Qt::NoFocus) {
                b->setFocus(step < 0 ? Qt::BacktabFocusReason : Qt::TabFocusReason);
                return true;
            }
        }
        return false; // at the end of the row: the page may use the key
    }

private:
    QButtonGroup* group_;
};

} // namespace

void makeOneTabStop(QButtonGroup* group) {
    auto* arrows = new GroupArrows(group);
    for (QAbstractButton* b : group->buttons()) {
        b->installEventFilter(arrows);
    }
}

} // namespace fg
