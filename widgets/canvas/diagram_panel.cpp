#include "widgets/canvas/diagram_panel.h"

#include "widgets/canvas/long_words.h"
#include "widgets/controls/zoom_buttons.h"
#include "widgets/playback/playback_bar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QResizeEvent>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

namespace fg {

DiagramPanel::DiagramPanel(QWidget* parent) : QWidget(parent) {
    auto* column = new QVBoxLayout(this);
    canvas_ = new DiagramCanvas(this);
    column->addWidget(canvas_, 1);
    narration_ = new QLabel(this);
    narration_->setWordWrap(true);
    narration_->setAccessibleDescription(tr("Narration"));
    narration_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    narration_->setProperty(kFontFollowsParent, true);
    applyNarrationFont();
    column->addWidget(narration_);
    auto* row = new QHBoxLayout;
    bar_ = new PlaybackBar(canvas_->player(), this);
    row->addWidget(bar_, 1);
    // Zoom in plain words, each with its key in the tooltip. In a narrow panel (the projector's
    // type with the search open at 1280 px) they go on a line of their own under the playback
    // bar, rather than widen the page and squeeze the sidebar.
    zoom_ = new ZoomButtons([this](int direction) { canvas_->zoomStep(direction); }, this);
    row->addWidget(zoom_);
    column->addLayout(row);
    row_ = row;
    under_ = new QHBoxLayout;
    under_->addStretch(1);
    column->addLayout(under_);
    bar_->installKeys(this);
    canvas_->handleZoomKeys(this);
    // A long word (a student's 300-character key) shortened: it ran past both edges unbroken.
    connect(canvas_, &DiagramCanvas::narrationChanged, narration_, [this](const QString& text) {
        const QString shown = shortWords(text);
        narration_->setText(shown);
        narration_->setToolTip(shown == text ? QString() : text);
    });
}

void DiagramPanel::addTrailingButton(QWidget* button) {
    button->setParent(zoom_);
    zoom_->layout()->addWidget(button);
}

void DiagramPanel::setNarrationPixelSize(int px) {
    narrationPx_ = px;
    applyNarrationFont();
}

QFont DiagramPanel::narrationFont() const {
    return narration_->font();
}

void DiagramPanel::applyNarrationFont() {
    // From the panel's font as it is now: a font taken once at construction kept the type of
    // the theme before (the Projector's narration stayed Light's size).
    QFont f = font();
    if (narrationPx_ > 0) {
        f.setPixelSize(narrationPx_);
    } else if (f.pointSizeF() > 0) {
        f.setPointSizeF(f.pointSizeF() * 1.25);
    } else {
        f.setPixelSize(qRound(f.pixelSize() * 1.25));
    }
    narration_->setFont(f);
    narration_->setMinimumHeight(narration_->fontMetrics().lineSpacing() * 2 + 8);
}

QSize DiagramPanel::minimumSizeHint() const {
    // As narrow as the playback bar, or the zoom buttons, whichever is wider: the buttons take
    // a line of their own when both do not fit on one.
    QSize s = QWidget::minimumSizeHint();
    const QMargins m = layout()->contentsMargins();
    s.setWidth(std::max({canvas_->minimumSizeHint().width(), canvas_->minimumWidth(),
                         bar_->minimumSizeHint().width(), zoom_->minimumSizeHint().width()}) +
               m.left() + m.right());
    return s;
}

void DiagramPanel::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    // Laid out once more when the resizes are over: when the chart moved beside the drawing
    // while the tab was being opened (Projector at 1280x800, a tester), the canvas took its new
    // size but the narration and the playback bar kept the places of the size before, over the
    // drawing, and the zoom buttons were out of sight.
    if (!relayoutPending_) { // once for a run of resizes (a window dragged wider)
        relayoutPending_ = true;
        QTimer::singleShot(0, this, [this] {
            relayoutPending_ = false;
            layout()->invalidate();
            layout()->activate();
        });
    }
    placeZoomButtons();
}

int DiagramPanel::chromeHeightAt(int width) const {
    const QMargins m = layout()->contentsMargins();
    const int spacing = std::max(0, layout()->spacing());
    const int inner = width - m.left() - m.right();
    const int narration =
        std::max(narration_->heightForWidth(inner), 2 * narration_->fontMetrics().lineSpacing());
    const int h = m.top() + m.bottom() + spacing + narration + spacing + row_->sizeHint().height();
    return zoomUnderTheBar(width) ? h + spacing + zoom_->sizeHint().height() : h;
}

bool DiagramPanel::zoomUnderTheBar(int width) const {
    const QMargins m = layout()->contentsMargins();
    return width < bar_->minimumSizeHint().width() + row_->spacing() +
                       zoom_->minimumSizeHint().width() + m.left() + m.right();
}

void DiagramPanel::placeZoomButtons() {
    const bool narrow = zoomUnderTheBar(width());
    if (narrow == (under_->indexOf(zoom_) >= 0)) {
        return;
    }
    if (narrow) {
        row_->removeWidget(zoom_);
        under_->addWidget(zoom_);
    } else {
        under_->removeWidget(zoom_);
        row_->addWidget(zoom_);
    }
}

void DiagramPanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        applyNarrationFont();
        placeZoomButtons(); // a larger type may not leave them room beside the playback bar
    }
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
