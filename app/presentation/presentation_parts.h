// The widgets a PresentationWindow (presentation.h) is made of, besides the slide's own page:
// the overlay drawn over the slide (blank, spotlight, zoom, timer), a text slide's page, and the
// presenter's view on a second screen. Internal to the presentation (presentation.cpp).
#pragma once

#include "app/presentation/presentation.h"
#include "widgets/export/paged_text.h"

#include <QAbstractTextDocumentLayout>
#include <QCloseEvent>
#include <QFontMetricsF>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTextDocument>
#include <QVBoxLayout>

namespace fg {

// Blank, spotlight, zoom and timer, drawn over the slide; the pointer goes through it.
class Overlay : public QWidget {
public:
    explicit Overlay(PresentationWindow* w) : QWidget(w), w_(w) {
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setAttribute(Qt::WA_NoSystemBackground);
    }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        if (w_->blank_) {
            p.fillRect(rect(), Qt::black);
            if (w_->blankedAt_.isValid() &&
                w_->blankedAt_.elapsed() < PresentationWindow::kBlankHintMs) {
                QFont f = font();
                f.setPixelSize(std::max(14, qRound(w_->bodyPx() * 0.6)));
                p.setFont(f);
                p.setPen(QColor(0x9a, 0x9a, 0x9a)); // 7.4:1 on black, quieter than the slides
                p.drawText(rect().adjusted(0, 0, 0, -f.pixelSize()),
                           Qt::AlignHCenter | Qt::AlignBottom,
                           PresentationWindow::tr("The screen is black (B). Press B or Right "
                                                  "to bring the slide back."));
            }
            return;
        }
        const QPoint cursor = mapFromGlobal(QCursor::pos());
        if (w_->zoomed_ && !w_->zoomShot_.isNull()) {
            // Twice as large around the point the pointer was on when Z was pressed.
            const QPointF at = w_->zoomAt_;
            const qreal dpr = w_->zoomShot_.devicePixelRatio();
            const QRectF source(at.x() - width() / 4.0, at.y() - height() / 4.0, width() / 2.0,
                                height() / 2.0);
            const QRectF clamped =
                source.translated(std::clamp<qreal>(-source.left(), 0, width()) -
                                      std::max<qreal>(0, source.right() - width()),
                                  std::clamp<qreal>(-source.top(), 0, height()) -
                                      std::max<qreal>(0, source.bottom() - height()));
            p.drawPixmap(QRectF(rect()), w_->zoomShot_,
                         QRectF(clamped.topLeft() * dpr, clamped.size() * dpr));
        }
        if (w_->spotlight_) {
            QPainterPath dim;
            dim.addRect(rect());
            QPainterPath hole;
            const qreal r = std::min(width(), height()) * 0.14;
            hole.addEllipse(QPointF(cursor), r, r);
            p.fillPath(dim.subtracted(hole), QColor(0, 0, 0, 170));
        }
        if (w_->timerShown_) {
            const QRect placed = w_->timerRect();
            p.setFont(w_->timerFont());
            p.setPen(Qt::NoPen);
            QColor back = w_->theme_.surface;
            back.setAlpha(220);
            p.setBrush(back);
            p.drawRoundedRect(placed, 6, 6);
            p.setPen(w_->theme_.mutedText);
            p.drawText(placed, Qt::AlignCenter, w_->timerText());
        }
    }

private:
    PresentationWindow* w_;
};

// A text slide: one page of its document, painted like a printed page, so a line is never cut
// at the bottom of the screen.
class SlideText : public QWidget {
public:
    SlideText(QWidget* parent, const Theme& theme) : QWidget(parent), theme_(theme) {
        doc_ = new QTextDocument(this);
        setAutoFillBackground(false);
        setFocusPolicy(Qt::NoFocus);
    }
    QTextDocument* document() const { return doc_; }
    void setPage(int page) {
        page_ = page;
        update();
    }
    // The line over every page after the first of a long section ("Scaling Redis (continued)"):
    // page 2 had no title of its own (a tester). Drawn in `font` with its baseline room in `room`
    // (the band the document's top margin leaves on each page), a rule in `rule` under it. An
    // empty text: none.
    void setRunningHead(const QString& text, const QFont& font, const QRectF& room,
                        const QColor& rule) {
        head_ = text;
        headFont_ = font;
        headRoom_ = room;
        headRule_ = rule;
        update();
    }
    // The head drawn on the page shown, "" on the first page.
    QString runningHead() const { return page_ > 0 ? head_ : QString(); }
    QRectF runningHeadRoom() const { return headRoom_; }
    QFont runningHeadFont() const { return headFont_; }
    // What a click on a link of the slide does (its href): "Open the live diagram" did nothing.
    std::function<void(const QString&)> onLink;

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        p.fillRect(rect(), theme_.background);
        paintPage(p, *doc_, page_, theme_.text);
        if (const QString head = runningHead(); !head.isEmpty()) {
            p.setFont(headFont_);
            p.setPen(theme_.text);
            const QFontMetricsF fm(headFont_);
            p.drawText(headRoom_, Qt::AlignLeft | Qt::AlignTop | Qt::TextSingleLine,
                       fm.elidedText(head, Qt::ElideRight, headRoom_.width()));
            const qreal y = headRoom_.top() + fm.height() + fm.descent();
            p.fillRect(QRectF(headRoom_.left(), y, headRoom_.width(), 2), headRule_);
        }
    }
    void mouseMoveEvent(QMouseEvent* event) override {
        setCursor(linkAt(event->position()).isEmpty() ? Qt::ArrowCursor : Qt::PointingHandCursor);
    }
    void mouseReleaseEvent(QMouseEvent* event) override {
        const QString link = linkAt(event->position());
        if (event->button() == Qt::LeftButton && !link.isEmpty() && onLink) {
            onLink(link);
        }
    }

private:
    QString linkAt(QPointF pos) const {
        const QPointF inDoc(pos.x(), pos.y() + page_ * doc_->pageSize().height());
        return doc_->documentLayout()->anchorAt(inDoc);
    }

    Theme theme_;
    QTextDocument* doc_;
    int page_ = 0;
    QString head_;
    QFont headFont_;
    QRectF headRoom_;
    QColor headRule_;
};

// The presenter's view on the laptop while the slides are on the projector.
class PresenterView : public QWidget {
public:
    explicit PresenterView(PresentationWindow* w) : w_(w) {
        setWindowTitle(tr("fieldguide \u2014 presenter view"));
        auto* column = new QVBoxLayout(this);
        now_ = new QLabel(this);
        next_ = new QLabel(this);
        clock_ = new QLabel(this);
        QFont big = font();
        big.setPointSizeF(big.pointSizeF() * 1.8);
        now_->setFont(big);
        clock_->setFont(big);
        column->addWidget(clock_);
        column->addWidget(now_);
        column->addWidget(next_);
        column->addWidget(
            new QLabel(tr("Right or Space: the diagram's next step, then the next slide.  Left: "
                          "back.  PageDown / PageUp (a clicker): next / previous slide.  B blank, "
                          "L spotlight, Z zoom, Esc ends."),
                       this));
        column->addStretch(1);
        refresh();
    }
    void refresh() {
        const int i = w_->currentSlide();
        now_->setText(
            tr("Now (%1 of %2): %3").arg(i + 1).arg(w_->slideCount()).arg(describe(w_->slide(i))));
        next_->setText(i + 1 < w_->slideCount() ? tr("Next: %1").arg(describe(w_->slide(i + 1)))
                                                : tr("This is the last slide."));
        clock_->setText(w_->elapsedText());
    }

protected:
    void closeEvent(QCloseEvent* e) override {
        e->accept();
        w_->close();
    }

private:
    static QString describe(const Slide& s) {
        return s.kind == Slide::Kind::Diagram ? tr("live diagram \u201c%1\u201d").arg(s.diagramId)
                                              : s.title;
    }
    PresentationWindow* w_;
    QLabel* now_;
    QLabel* next_;
    QLabel* clock_;
};

} // namespace fg
