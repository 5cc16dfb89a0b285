#include "widgets/controls/announced_text.h"

#include <QAccessible>
#include <QLabel>

namespace fg {

void announceOn(QLabel* label, const QString& text) {
    Q_ASSERT(label->accessibleName().isEmpty());
    if (label->text() != text) {
        label->setText(text); // QLabel sends NameChanged itself
        return;
    }
    QAccessibleEvent changed(label, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&changed);
}

} // namespace fg
