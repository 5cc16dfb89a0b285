#include "widgets/canvas/diagram_panel.h"

#include "widgets/playback/playback_bar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace fg {

DiagramPanel::DiagramPanel(QWidget* parent) : QWidget(parent) {
    auto* column = new QVBoxLayout(this);
    canvas_ = new DiagramCanvas(this);
    column->addWidget(canvas_, 1);
    narration_ = new QLabel(this);
    narration_->setWordWrap(true);
    narration_->setAccessibleName(tr("Narration"));
    narration_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont f = narration_->font();
    f.setPointSizeF(f.pointSizeF() * 1.25);
    narration_->setFont(f);
    narration_->setMinimumHeight(narration_->fontMetrics().lineSpacing() * 2 + 8);
    column->addWidget(narration_);
    auto* row = new QHBoxLayout;
    bar_ = new PlaybackBar(canvas_->player(), this);
    row->addWidget(bar_, 1);
    // Zoom in plain words, each with its key in the tooltip.
    const auto zoomButton = [&](const QString& text, const QString& tip,
                                void (DiagramCanvas::*slot)()) {
        auto* b = new QToolButton(this);
        b->setText(text);
        b->setAccessibleName(text);
        b->setToolTip(tip);
        b->setFocusPolicy(Qt::NoFocus); // the keys stay with the diagram
        connect(b, &QToolButton::clicked, canvas_, slot);
        row->addWidget(b);
    };
    zoomButton(tr("Fit"), tr("Fit the whole diagram in the window (Ctrl+0)"),
               &DiagramCanvas::fitToView);
    zoomButton(tr("Zoom out"), tr("Zoom out (Ctrl+-)"), &DiagramCanvas::zoomOut);
    zoomButton(tr("Zoom in"), tr("Zoom in (Ctrl++); drag the diagram to move it"),
               &DiagramCanvas::zoomIn);
    column->addLayout(row);
    bar_->installKeys(this);
    canvas_->handleZoomKeys(this);
    connect(canvas_, &DiagramCanvas::narrationChanged, narration_, &QLabel::setText);
}

void DiagramPanel::setNarrationPixelSize(int px) {
    QFont f = font();
    if (px > 0) {
        f.setPixelSize(px);
    } else {
        f.setPointSizeF(f.pointSizeF() * 1.25);
    }
    narration_->setFont(f);
    narration_->setMinimumHeight(narration_->fontMetrics().lineSpacing() * 2 + 8);
}

DiagramPanel::~DiagramPanel() {
    // The canvas must not outlive its view of the source; and nobody listening to the player
    // (a view's counters, a chart) may hear about it while the widgets around are going away.
    canvas_->player()->blockSignals(true);
    canvas_->setSource(nullptr);
}

void DiagramPanel::setSource(std::unique_ptr<DiagramSource> source) {
    canvas_->setSource(source.get());
    source_ = std::move(source);
}

QString DiagramPanel::narration() const {
    return narration_->text();
}

void DiagramPanel::setTheme(const Theme& theme) {
    canvas_->setTheme(theme);
}

} // namespace fg
