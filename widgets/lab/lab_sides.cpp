#include "widgets/lab/lab_sides.h"

#include "widgets/canvas/diagram_canvas.h"
#include "widgets/lab/lab_widgets.h"
#include "widgets/playback/player.h"

#include <QEvent>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>
#include <algorithm>
#include <utility>

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
        title->setAlignment(Qt::AlignLeft |
                            Qt::AlignBottom); // on its drawing, as high as the other
        canvas = labCanvas(box);
        canvas->setMinimumHeight(minimumHeight);
        // The narration scrolls past four lines: in the Projector's type a step's narration of
        // five records took the drawing's height and was cut with no scroll bar (tester 37).
        narration = labSentence(QString(), box);
        auto* scroll = new QScrollArea(box);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setWidgetResizable(true);
        scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        scroll->setFocusPolicy(Qt::NoFocus); // not a stop of its own: a screen reader reads the
                                             // whole narration from its label
        scroll->setWidget(narration);
        v->addWidget(title);
        v->addWidget(canvas, 1);
        v->addWidget(scroll);
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
    for (auto [canvas, label] : {std::pair{real_, realNarration_}, {model_, modelNarration_}}) {
        connect(canvas, &DiagramCanvas::narrationChanged, this, [this, label](const QString& t) {
            label->setText(t);
            evenOut();
        });
    }
    connect(this, &QSplitter::splitterMoved, this, &LabSides::evenOut);
}

void LabSides::resizeEvent(QResizeEvent* event) {
    QSplitter::resizeEvent(event);
    evenOut();
}

void LabSides::showEvent(QShowEvent* event) {
    QSplitter::showEvent(event);
    if (pageView_) {
        return;
    }
    for (QWidget* up = parentWidget(); up; up = up->parentWidget()) {
        if (auto* page = qobject_cast<QScrollArea*>(up);
            page && page->objectName() == QLatin1String("labPage")) {
            pageView_ = page->viewport();
            pageView_->installEventFilter(this);
            keepPageShare();
            return;
        }
    }
}

bool LabSides::eventFilter(QObject* watched, QEvent* event) {
    if (watched == pageView_ && event->type() == QEvent::Resize) {
        keepPageShare();
    }
    return QSplitter::eventFilter(watched, event);
}

void LabSides::keepPageShare() {
    if (!pageView_) {
        return;
    }
    setMinimumHeight(0); // what the parts need, without the share set before
    const int need = minimumSizeHint().height();
    setMinimumHeight(std::max(need, int(pageView_->height() * kPageShare)));
}

void LabSides::changeEvent(QEvent* event) {
    QSplitter::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        evenOut();
    }
}

// The two sides row for row: titles as high as the higher (one wrapped to two lines, the other
// not, and the drawings stood at different heights: tester 37), narrations as high as the
// longer up to four lines, the rest scrolled.
void LabSides::evenOut() {
    // In the widths the splitter gives the two sides now (their labels take theirs only when
    // the sides' layouts next run: a title measured in a width on the way stood tall).
    const QList<int> widths = sizes();
    if (widths.size() != 2 || widths[0] <= 0 || widths[1] <= 0) {
        return;
    }
    const int title =
        std::max(realTitle_->heightForWidth(widths[0]), modelTitle_->heightForWidth(widths[1]));
    realTitle_->setMinimumHeight(title);
    modelTitle_->setMinimumHeight(title);
    auto* realArea = qobject_cast<QScrollArea*>(realNarration_->parentWidget()->parentWidget());
    auto* modelArea = qobject_cast<QScrollArea*>(modelNarration_->parentWidget()->parentWidget());
    // (-1 for a label with nothing to say: a fixed height of -1 warned "Negative sizes", a
    // tester's log.)
    const int said = std::max(
        {0, realNarration_->heightForWidth(widths[0]), modelNarration_->heightForWidth(widths[1])});
    const int most = realNarration_->fontMetrics().lineSpacing() * 4 + 4;
    for (QScrollArea* area : {realArea, modelArea}) {
        area->setFixedHeight(std::min(said, most));
    }
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
    evenOut();
}

} // namespace fg
