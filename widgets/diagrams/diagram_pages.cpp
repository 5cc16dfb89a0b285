// The two kinds of live diagram page as pages (widgets/canvas/page.h): a diagram with steps
// (DiagramView, whatever its engine) and the B-Tree vs LSM charts. Their titles are their rows'
// in the diagram registry; what they export is what File > Export diagram writes.
#include "widgets/canvas/diagram_canvas.h"
#include "widgets/canvas/diagram_panel.h"
#include "widgets/diagrams/btree_vs_lsm_view.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/diagrams/diagram_view.h"

#include <QPainter>

namespace fg {

QString DiagramView::pageTitle() const {
    const LiveDiagram* d = liveDiagramOfEngine(engineName());
    return d ? d->title() : QString::fromLatin1(engineName());
}

std::optional<Exportable> DiagramView::exportable() {
    // What is exported is the step on screen, named in the file: playing on behind the export
    // dialog, the picture saved was of a later step than its name said (a tester).
    panel()->player()->pause();
    Exportable e;
    e.picture = [this](const Theme& t) { return picture(t); };
    e.screenSize = panel()->canvas()->size();
    e.baseName = QStringLiteral("%1-step-%2")
                     .arg(QLatin1String(engineName()))
                     .arg(panel()->player()->position() + 1);
    e.source = panel()->canvas()->source();
    e.scenarioTitle = scenarioTitle();
    return e;
}

bool DiagramView::zoomPage(int direction) {
    panel()->canvas()->zoomStep(direction);
    return true;
}

namespace {

const QString kBTreeVsLsm = QStringLiteral("btree-vs-lsm");

} // namespace

QString BTreeVsLsmView::pageTitle() const {
    const LiveDiagram* d = liveDiagram(kBTreeVsLsm);
    return d ? d->title() : kBTreeVsLsm;
}

std::optional<Exportable> BTreeVsLsmView::exportable() {
    waitForRun(); // an export shows a complete run, never a half-drawn one
    Exportable e;
    e.picture = [this](const Theme&) -> PaintFunction {
        return [this](QPainter& p, QSizeF s) { paintCharts(p, s); };
    };
    e.screenSize = size();
    e.baseName = kBTreeVsLsm;
    return e;
}

} // namespace fg
