#include "widgets/canvas/reading_column.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace fg {

ReadingColumn::ReadingColumn(int chars, QWidget* page) : QWidget(page), chars_(chars) {
    // The column takes all the width up to its limit (its stretch outweighs the margins'), the
    // two margins share what is left.
    auto* row = new QHBoxLayout(page);
    row->addStretch(1);
    row->addWidget(this, 1000);
    row->addStretch(1);
    column_ = new QVBoxLayout(this);
    column_->setContentsMargins(0, 0, 0, 0);
    fitToFont();
}

void ReadingColumn::fitToFont() {
    setMaximumWidth(fontMetrics().averageCharWidth() * chars_);
}

void ReadingColumn::changeEvent(QEvent* event) {
    if (event->type() == QEvent::FontChange) {
        fitToFont();
    }
    QWidget::changeEvent(event);
}

} // namespace fg

namespace fg {

QLabel* wrappedLabel(const QString& name, QWidget* parent) {
    auto* l = new QLabel(parent);
    l->setWordWrap(true);
    l->setTextFormat(Qt::PlainText);
    l->setAccessibleDescription(name);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

} // namespace fg
