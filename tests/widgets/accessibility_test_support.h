// What a screen reader is told, for the accessibility suites of tests/widgets: the accessible
// text of a widget, the controls Tab reaches that have no name, and the accessibility events
// sent while a test runs (Qt calls the update handler only while accessibility is active: on a
// platform with a bridge, xcb with an AT-SPI bus; offscreen has none).
#pragma once

#include <QAccessible>
#include <QStringList>
#include <QTest>
#include <QWidget>
#include <algorithm>
#include <utility>
#include <vector>

namespace fg::test {

// The accessibility events sent since the last clear: (type, object).
inline std::vector<std::pair<QAccessible::Event, QObject*>>& heard() {
    static std::vector<std::pair<QAccessible::Event, QObject*>> events;
    return events;
}

// Records every accessibility event in heard(); true when the bridge turned active (within
// 1.5 s), so that events reach the handler.
inline bool listenToAccessibilityEvents() {
    QAccessible::installUpdateHandler(
        [](QAccessibleEvent* event) { heard().emplace_back(event->type(), event->object()); });
    QAccessible::setActive(true);
    return QTest::qWaitFor([] { return QAccessible::isActive(); }, 1500);
}

inline bool wasHeard(QAccessible::Event type, QObject* object) {
    return std::any_of(heard().begin(), heard().end(),
                       [&](const auto& e) { return e.first == type && e.second == object; });
}

inline QString accessibleText(QObject* o, QAccessible::Text t) {
    QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(o);
    return iface ? iface->text(t) : QString();
}

// The controls of `page` that Tab reaches and a screen reader could not name ("QComboBox in
// QWidget"). A spin box's inner text field is left out: the box has the focus.
inline QStringList unnamedControls(QWidget* page) {
    QStringList unnamed;
    for (QWidget* w : page->findChildren<QWidget*>()) {
        if ((w->focusPolicy() & Qt::TabFocus) && w->isVisibleTo(page) && !w->focusProxy() &&
            accessibleText(w, QAccessible::Name).trimmed().isEmpty()) {
            unnamed << QString::fromLatin1(w->metaObject()->className()) + QLatin1String(" in ") +
                           QLatin1String(w->parentWidget()->metaObject()->className());
        }
    }
    return unnamed;
}

} // namespace fg::test
