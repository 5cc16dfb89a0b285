// Whether a page's controls are whole: each at least as wide as its text needs (its size hint,
// a text box's hint text) and inside the window (test_window_fit, test_diagram_type).
#pragma once

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QList>
#include <QRect>
#include <QString>
#include <QWidget>
#include <algorithm>

// The controls of a diagram's page: its buttons, boxes and labels above the drawing.
inline QList<QWidget*> controlsOf(QWidget* page) {
    QList<QWidget*> out;
    for (QWidget* c : page->findChildren<QWidget*>()) {
        if (!c->isVisible() || qobject_cast<QAbstractSpinBox*>(c->parentWidget()) ||
            qobject_cast<QComboBox*>(c->parentWidget())) {
            continue;
        }
        if (qobject_cast<QAbstractButton*>(c) || qobject_cast<QAbstractSpinBox*>(c) ||
            qobject_cast<QLineEdit*>(c) || qobject_cast<QComboBox*>(c)) {
            out << c;
        } else if (auto* l = qobject_cast<QLabel*>(c); l && l->buddy()) {
            out << c; // a control's name
        }
    }
    return out;
}

// What is wrong with the control's width, or empty.
inline QString cut(QWidget* c, QWidget* window) {
    const int has = c->width();
    int needs = std::max(c->minimumSizeHint().width(), c->sizeHint().width());
    if (auto* edit = qobject_cast<QLineEdit*>(c)) {
        // A text box needs its hint text whole, with its frame and margins; its size hint is a
        // fixed guess, not a need.
        needs = edit->fontMetrics().horizontalAdvance(edit->placeholderText()) + 12;
        needs = std::max(needs, edit->fontMetrics().averageCharWidth() * 4 + 12);
    }
    QString what =
        QStringLiteral("%1 \"%2\"")
            .arg(QString::fromLatin1(c->metaObject()->className()),
                 c->accessibleName().isEmpty()
                     ? (qobject_cast<QLabel*>(c) ? qobject_cast<QLabel*>(c)->text() : QString())
                     : c->accessibleName());
    if (has < needs) {
        return QStringLiteral("%1 is %2 px wide, its text needs %3").arg(what).arg(has).arg(needs);
    }
    const QRect inWindow(c->mapTo(window, QPoint(0, 0)), c->size());
    if (!window->rect().contains(inWindow)) {
        return QStringLiteral("%1 at %2,%3 %4x%5 is outside the window")
            .arg(what)
            .arg(inWindow.x())
            .arg(inWindow.y())
            .arg(inWindow.width())
            .arg(inWindow.height());
    }
    return {};
}
