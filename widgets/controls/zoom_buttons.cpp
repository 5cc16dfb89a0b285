#include "widgets/controls/zoom_buttons.h"

#include <QHBoxLayout>
#include <QToolButton>

namespace fg {

ZoomButtons::ZoomButtons(std::function<void(int)> zoom, QWidget* parent) : QWidget(parent) {
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    const auto button = [&](const QString& text, const QString& tip, int direction) {
        auto* b = new QToolButton(this);
        b->setText(text);
        b->setAccessibleName(text);
        b->setToolTip(tip);
        b->setFocusPolicy(Qt::TabFocus); // a click leaves the keys with the drawing
        connect(b, &QToolButton::clicked, this, [zoom, direction] { zoom(direction); });
        row->addWidget(b);
    };
    button(tr("Fit"), tr("Fit the whole drawing in its room (Ctrl+0)"), 0);
    button(tr("Zoom out"), tr("Zoom out (Ctrl+-)"), -1);
    button(tr("Zoom in"), tr("Zoom in (Ctrl++); drag the drawing to move it"), 1);
}

} // namespace fg
