#include "widgets/canvas/canvas_accessible.h"

#include "widgets/canvas/diagram_canvas.h"

namespace fg {

CanvasAccessible::CanvasAccessible(DiagramCanvas* canvas)
    : QAccessibleWidget(canvas, QAccessible::Canvas) {}

QString CanvasAccessible::text(QAccessible::Text t) const {
    const auto* canvas = static_cast<const DiagramCanvas*>(widget());
    if (t == QAccessible::Description) {
        return canvas->spokenText();
    }
    return QAccessibleWidget::text(t);
}

namespace {

QAccessibleInterface* canvasFactory(const QString& className, QObject* object) {
    (void)className;
    auto* canvas = qobject_cast<DiagramCanvas*>(object);
    return canvas ? new CanvasAccessible(canvas) : nullptr;
}

} // namespace

void installCanvasAccessible(DiagramCanvas* canvas) {
    static const bool installed = [] {
        QAccessible::installFactory(canvasFactory);
        return true;
    }();
    (void)installed;
    // With a screen reader on, QWidget's constructor already announced the canvas, and Qt cached
    // a plain widget's interface for it (the canvas was a QWidget still): the reader heard no
    // description. That one goes; the next question gets a CanvasAccessible.
    if (QAccessible::isActive()) {
        QAccessibleInterface* cached = QAccessible::queryAccessibleInterface(canvas);
        if (cached && !dynamic_cast<CanvasAccessible*>(cached)) {
            QAccessible::deleteAccessibleInterface(QAccessible::uniqueId(cached));
        }
    }
}

} // namespace fg
