// How the app gives a widget an accessible interface of its own (a QAccessible factory): the
// factory is installed, and an interface Qt made for the widget before it is dropped, so that
// the next question gets the factory's. Qt makes one at any accessibility event, a reader on or
// not (QWidget's constructor sends one: the widget was a plain QWidget then), and a reader that
// found the canvas once heard a nameless "filler" ever after.
#pragma once

#include <QAccessible>

namespace fg {

// Installs `factory` (Qt keeps each factory once) and drops the interface cached for `object`
// unless it is an `Ours`. Call it at the end of the widget's constructor.
template <class Ours>
void answerWith(QAccessible::InterfaceFactory factory, QObject* object) {
    QAccessible::installFactory(factory);
    QAccessibleInterface* cached = QAccessible::queryAccessibleInterface(object);
    if (cached && !dynamic_cast<Ours*>(cached)) {
        QAccessible::deleteAccessibleInterface(QAccessible::uniqueId(cached));
    }
}

} // namespace fg
