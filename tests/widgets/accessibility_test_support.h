// What a screen reader is told, for the accessibility suites of tests/widgets: the accessible
// text of a widget, the controls Tab reaches that have no name, and the accessibility events
// sent while a test runs (Qt calls the update handler only while accessibility is active: on a
// platform with a bridge, xcb with an AT-SPI bus; offscreen has none).
#pragma once

#include "widgets/controls/announced_text.h"

#include <QAccessible>
#include <QEvent>
#include <QGuiApplication>
#include <QStringList>
#include <QTest>
#include <QWidget>
#include <algorithm>
#include <utility>
#include <vector>

// Makes `w`'s window the active one, as a click on it would: keys and the focus follow the
// active window. Showing a window does not make it active under xcb without a window manager;
// activateWindow() does (the X server gives it the input focus). Wayland lets no program
// activate its own window: there, and only there, the test is skipped, saying why.
#define FG_ACTIVATE_OR_SKIP(w)                                                                     \
    do {                                                                                           \
        (w)->activateWindow();                                                                     \
        if (!QTest::qWaitForWindowActive(w)) {                                                     \
            if (QGuiApplication::platformName().startsWith(QLatin1String("wayland"))) {            \
                QSKIP("Wayland lets no program activate its own window: keys cannot reach it");    \
            }                                                                                      \
            QFAIL(qPrintable(QLatin1String("the window was not made active on ") +                 \
                             QGuiApplication::platformName()));                                    \
        }                                                                                          \
    } while (false)

namespace fg::test {

// Counts the times a widget is shown (a notification is said each time it shows).
class ShowCount : public QObject {
public:
    explicit ShowCount(QObject* watched) { watched->installEventFilter(this); }
    int shown = 0;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        shown += event->type() == QEvent::Show ? 1 : 0;
        return QObject::eventFilter(watched, event);
    }
};

// The accessibility events sent since the last clear: (type, object).
inline std::vector<std::pair<QAccessible::Event, QObject*>>& heard() {
    static std::vector<std::pair<QAccessible::Event, QObject*>> events;
    return events;
}

// Records every accessibility event in heard(); true when the bridge turned active (within
// 1.5 s), so that events reach the handler.
inline bool listenToAccessibilityEvents() {
    fg::setAnnouncingWithoutReader(true); // a screen reader's stand-in: announcements are made
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

// Every object of the accessible tree under `root` (root included) that says it has the focus,
// as "role name". An item view's current cell is left out: Qt's cells say focused for the
// view's current item whether or not the view has the focus (QAccessibleTableCell::state), and
// a reader follows a view's cells by its own focus events.
inline void collectFocused(QAccessibleInterface* iface, QStringList& out, int depth = 0) {
    if (!iface || !iface->isValid() || depth > 60) {
        return;
    }
    if (iface->state().focused && !iface->tableCellInterface()) {
        out << QString::number(iface->role(), 16) + QLatin1Char(' ') +
                   iface->text(QAccessible::Name);
    }
    for (int i = 0; i < iface->childCount(); ++i) {
        collectFocused(iface->child(i), out, depth + 1);
    }
}
inline QStringList focusedInterfaces(QWidget* root) {
    QStringList out;
    collectFocused(QAccessible::queryAccessibleInterface(root), out);
    return out;
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
