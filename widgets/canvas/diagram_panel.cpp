#include "widgets/canvas/diagram_panel.h"

#include "widgets/playback/playback_bar.h"

#include <QLabel>
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
    bar_ = new PlaybackBar(canvas_->player(), this);
    column->addWidget(bar_);
    bar_->installKeys(this);
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
