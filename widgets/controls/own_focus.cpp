#include "widgets/controls/own_focus.h"

#include "widgets/controls/accessible_factory.h"

#include <QApplication>
#include <qcustomplot.h>

namespace fg {

namespace {

const char* const kOwnFocus = "fgOwnFocus";

QAccessibleInterface* ownFocusFactory(const QString& className, QObject* object) {
    (void)className;
    auto* widget = qobject_cast<QWidget*>(object);
    if (!widget || !widget->property(kOwnFocus).toBool()) {
        return nullptr;
    }
    // A chart (QCustomPlot) says it is one: a "filler" role Orca says nothing of.
    return new OwnFocusAccessible(widget, qobject_cast<QCustomPlot*>(object) ? QAccessible::Chart
                                                                             : QAccessible::Client);
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
