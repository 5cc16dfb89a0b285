// Own focus: what a screen reader is told of a widget that hands its focus to another (a focus
// proxy: a diagram's chart gives its to the drawing). Qt's interface says such a
// widget is focused whenever the one it hands to is (QWidget::hasFocus follows the proxy), and
// focusable: on the accessibility bus several objects were focused at once (the page, a nameless
// "filler", and the drawing), and a tab widget (which hands its focus to its tab bar) was a
// focusable nameless "filler". The interfaces made here say focused only for the widget that
// holds the focus itself, and focusable only when it can (no proxy); a chart (QCustomPlot) gets
// the role Chart (it was a "filler": Orca says nothing of a filler's role).
#pragma once

#include <QAccessibleWidget>

namespace fg {

class OwnFocusAccessible : public QAccessibleWidget {
public:
    OwnFocusAccessible(QWidget* widget, QAccessible::Role role);
    QAccessible::State state() const override;
};

// Makes queryAccessibleInterface answer an OwnFocusAccessible for `widget` (the factory is
// installed once and answers for every widget marked here; a chart's role is Chart). Every
// chart is marked by styleChart, the window's and the Lab's tab widgets by their constructors.
void keepOwnFocus(QWidget* widget);

} // namespace fg
