#include "widgets/controls/own_focus.h"

#include "widgets/controls/accessible_factory.h"

#include <QApplication>
#include <QTabWidget>
#include <qcustomplot.h>

namespace fg {

namespace {

const char* const kOwnFocus = "fgOwnFocus";

QAccessibleInterface* ownFocusFactory(const QString& className, QObject* object) {
    (void)className;
    if (auto* chart = qobject_cast<QCustomPlot*>(object)) {
        return new OwnFocusAccessible(chart, QAccessible::Chart);
    }
    if (auto* tabs = qobject_cast<QTabWidget*>(object)) { // its tab bar has the focus
        return new OwnFocusAccessible(tabs, QAccessible::Client);
    }
    auto* widget = qobject_cast<QWidget*>(object);
    return widget && widget->property(kOwnFocus).toBool()
               ? new OwnFocusAccessible(widget, QAccessible::Client)
               : nullptr;
}

} // namespace

OwnFocusAccessible::OwnFocusAccessible(QWidget* widget, QAccessible::Role role)
    : QAccessibleWidget(widget, role) {}

QAccessible::State OwnFocusAccessible::state() const {
    QAccessible::State s = QAccessibleWidget::state();
    s.focused = QApplication::focusWidget() == widget();
    s.focusable = s.focusable && !widget()->focusProxy(); // the focus goes to the proxy
    return s;
}

void keepOwnFocus(QWidget* widget) {
    widget->setProperty(kOwnFocus, true);
    answerWith<OwnFocusAccessible>(ownFocusFactory, widget);
}

} // namespace fg
