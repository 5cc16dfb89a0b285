// Shared by the live-diagram tests: step back must redraw exactly the frame shown before; one
// data row per live diagram, made as the app makes it.
#pragma once

#include "widgets/canvas/diagram_canvas.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/diagrams/diagram_view.h"

#include <QTest>
#include <functional>
#include <memory>
#include <vector>

// How many items of frame `f` have an id starting with `prefix`.
inline int countItems(const fg::Frame& f, const QString& prefix) {
    int n = 0;
    for (const auto& it : f.items) {
        n += it.id.startsWith(prefix) ? 1 : 0;
    }
    return n;
}

// Makes one live diagram's page.
using ViewFactory = std::function<std::unique_ptr<fg::DiagramView>()>;
Q_DECLARE_METATYPE(ViewFactory)

// A data column "make" with a row per live diagram with steps, named by its id: the registry's
// rows, so a diagram added there is tested here too.
inline void addDiagramViews() {
    QTest::addColumn<ViewFactory>("make");
    for (const fg::LiveDiagram& d : fg::liveDiagrams()) {
        if (!d.hasSteps()) {
            continue;
        }
        QTest::newRow(qPrintable(d.id)) << ViewFactory([&d] {
            std::unique_ptr<QWidget> page(d.makePage(nullptr));
            auto* view = qobject_cast<fg::DiagramView*>(page.get());
            if (view) {
                page.release();
            }
            return std::unique_ptr<fg::DiagramView>(view);
        });
    }
}

// Seeks every step of `source` forward, then backward, through a canvas, comparing each frame
// with the one drawn on the way forward, pixel for pixel.
inline void expectStepBackExact(const fg::DiagramSource& source, QSize size = QSize(900, 500)) {
    fg::DiagramCanvas canvas;
    canvas.setSource(&source);
    std::vector<QImage> seen;
    for (int i = 0; i < source.stepCount(); ++i) {
        canvas.player()->seek(i);
        seen.push_back(canvas.grabFrame(size));
    }
    for (int i = source.stepCount() - 1; i >= 0; --i) {
        canvas.player()->seek(i);
        QCOMPARE(canvas.grabFrame(size), seen[std::size_t(i)]);
    }
    canvas.setSource(nullptr);
}
