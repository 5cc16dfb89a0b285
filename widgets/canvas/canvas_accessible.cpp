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
    // QWidget's constructor may have made Qt cache a plain widget's interface for the canvas
    // (every accessibility event does, a reader on or not: the canvas was a QWidget still, or the
    // factory not installed yet), and the reader heard a "filler" with no description. That one
    // goes; the next question gets a CanvasAccessible.
    QAccessibleInterface* cached = QAccessible::queryAccessibleInterface(canvas);
    if (cached && !dynamic_cast<CanvasAccessible*>(cached)) {
        QAccessible::deleteAccessibleInterface(QAccessible::uniqueId(cached));
    }
}

} // namespace fg
