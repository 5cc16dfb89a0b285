#include "widgets/lab/lab_sides.h"

#include "widgets/canvas/diagram_canvas.h"
#include "widgets/lab/lab_widgets.h"
#include "widgets/playback/player.h"

#include <QLabel>
#include <QVBoxLayout>

namespace fg {

LabSides::LabSides(int minimumHeight, QWidget* parent) : QSplitter(Qt::Horizontal, parent) {
    auto side = [&](QLabel*& title, DiagramCanvas*& canvas, QLabel*& narration) {
        auto* box = new QWidget(this);
        auto* v = new QVBoxLayout(box);
        v->setContentsMargins(0, 0, 0, 0);
        // Bold by its markup, not a font of its own: a label with its own font kept the
        // Projector theme's size back in Light (a tester).
        title = new QLabel(box);
        title->setTextFormat(Qt::RichText);
        title->setWordWrap(true);
        canvas = labCanvas(box);
        canvas->setMinimumHeight(minimumHeight);
        narration = labSentence(QString(), box);
        v->addWidget(title);
        v->addWidget(canvas, 1);
        v->addWidget(narration);
        addWidget(box);
    };
    side(realTitle_, real_, realNarration_);
    side(modelTitle_, model_, modelNarration_);
    // One bar moves both: the model follows the real side, a step forward animated in both.
    connect(real_->player(), &Player::positionChanged, this, [this](int position, int previous) {
        Player* other = model_->player();
        if (position == previous + 1 && other->position() == previous) {
            other->stepForward();
        } else {
            other->seek(position);
        }
    });
    // One scale for both sides: a file or a log as large on the left as on the right (a tester
    // saw RocksDB's side drawn larger than the model's).
    real_->setCameraPartner(model_);
    model_->setCameraPartner(real_);
    connect(real_, &DiagramCanvas::viewChanged, this, [this] { follow(real_, model_); });
    connect(model_, &DiagramCanvas::viewChanged, this, [this] { follow(model_, real_); });
    connect(real_, &DiagramCanvas::narrationChanged, realNarration_, &QLabel::setText);
    connect(model_, &DiagramCanvas::narrationChanged, modelNarration_, &QLabel::setText);
}

void LabSides::follow(DiagramCanvas* from, DiagramCanvas* to) {
    // Once: `to` kept within its own reach (a smaller drawing) does not move `from` back.
    if (following_ || to->pan() == from->pan()) {
        return;
    }
    following_ = true;
    to->panBy(from->pan() - to->pan());
    following_ = false;
}

void LabSides::setTitles(const QString& real, const QString& model) {
    realTitle_->setText(QStringLiteral("<b>%1</b>").arg(real.toHtmlEscaped()));
    modelTitle_->setText(QStringLiteral("<b>%1</b>").arg(model.toHtmlEscaped()));
    // A screen reader tells the two drawings apart by their sides' names (both were "Diagram").
    real_->setAccessibleName(tr("%1: drawing").arg(real));
    model_->setAccessibleName(tr("%1: drawing").arg(model));
}

} // namespace fg
