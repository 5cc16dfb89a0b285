#include "widgets/canvas/canvas_accessible.h"

#include "widgets/canvas/diagram_canvas.h"
#include "widgets/controls/accessible_factory.h"

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
    answerWith<CanvasAccessible>(canvasFactory, canvas);
}

} // namespace fg
