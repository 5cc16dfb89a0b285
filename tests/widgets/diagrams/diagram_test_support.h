// Shared by the live-diagram tests: step back must redraw exactly the frame shown before.
#pragma once

#include "widgets/canvas/diagram_canvas.h"

#include <QTest>
#include <vector>

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
