// A toy diagram source for the framework's tests: step i adds box i; boxes move right as steps go
// on, so every frame differs.
#pragma once

#include "widgets/canvas/diagram_source.h"

namespace {

// Step i adds box i; a box moves right as steps go on, so every frame differs.
class ToySource : public fg::DiagramSource {
public:
    int stepCount() const override { return 12; }
    fg::Frame frame(int position, const fg::Theme& theme) const override {
        fg::Frame f;
        f.size = QSizeF(400, 120);
        for (int i = 0; i <= position; ++i) {
            fg::FrameItem it;
            it.id = QStringLiteral("box:%1").arg(i);
            it.rect = QRectF(10 + 30 * i + 2 * position, 40, 26, 26);
            it.fill = theme.categorical[static_cast<std::size_t>(i % 8)];
            it.stroke = theme.line;
            it.text = QString::number(i);
            it.textColor = theme.text;
            f.items.push_back(it);
        }
        return f;
    }
    QString narration(int position) const override {
        return position < 0 ? QString() : QStringLiteral("Step %1 adds box %1.").arg(position);
    }
};

} // namespace
