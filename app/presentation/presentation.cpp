#include "app/presentation/presentation.h"

#include "app/reader/chapter_html.h"
#include "widgets/diagrams/diagram_factory.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/diagrams/diagram_view.h"
#include "widgets/figure/figure_renderer.h"

#include <QApplication>
#include <QCloseEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPainterPath>
#include <QScreen>
#include <QScrollBar>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace fg {

std::vector<Slide> slidesOf(const Chapter& chapter) {
    std::vector<Slide> out;
    out.push_back({Slide::Kind::Title, -1, {}, chapter.title});
    for (int i = 0; i < static_cast<int>(chapter.sections.size()); ++i) {
        const Section& s = chapter.sections[std::size_t(i)];
        out.push_back({Slide::Kind::Section, i, {}, s.title});
        for (const auto& b : s.blocks) {
            if (b.value("type", std::string()) == "diagram") {
                const QString id = QString::fromStdString(b.value("id", std::string()));
                if (liveDiagram(id)) {
                    out.push_back({Slide::Kind::Diagram, i, id, s.title});
                }
            }
        }
    }
    return out;
}

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
            QFont f(QStringLiteral("DejaVu Sans"));
            f.setPixelSize(std::max(14, height() / 45));
            p.setFont(f);
            const QString text = QStringLiteral("%1   %2 / %3")
                                     .arg(w_->elapsedText())
                                     .arg(w_->current_ + 1)
                                     .arg(w_->slideCount());
            const QRect box = QFontMetrics(f).boundingRect(text).adjusted(-10, -6, 10, 6);
            const QRect placed(width() - box.width() - 12, height() - box.height() - 12,
                               box.width(), box.height());
            p.setPen(Qt::NoPen);
            QColor back = w_->theme_.surface;
            back.setAlpha(220);
            p.setBrush(back);
            p.drawRoundedRect(placed, 6, 6);
            p.setPen(w_->theme_.mutedText);
            p.drawText(placed, Qt::AlignCenter, text);
        }
    }

private:
    PresentationWindow* w_;
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
        column->addWidget(new QLabel(tr("Next: PageDown, Right or Space.  Back: PageUp or Left.  "
                                        "B blank, L spotlight, Z zoom, Esc ends."),
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

PresentationWindow::PresentationWindow(const Chapter& chapter, const Theme& theme, int startSlide,
                                       QWidget* parent)
    : QWidget(parent, Qt::Window), chapter_(chapter), theme_(theme), slides_(slidesOf(chapter)) {
    setWindowTitle(tr("%1 \u2014 presentation").arg(chapter.title));
    setAccessibleName(tr("Presentation"));
    setMouseTracking(true);
    setAttribute(Qt::WA_DeleteOnClose);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, theme_.background);
    pal.setColor(QPalette::Base, theme_.background);
    pal.setColor(QPalette::Text, theme_.text);
    pal.setColor(QPalette::WindowText, theme_.text);
    setPalette(pal);
    setAutoFillBackground(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    stack_ = new QStackedWidget(this);
    layout->addWidget(stack_);
    text_ = new QTextBrowser(stack_);
    text_->setFrameShape(QFrame::NoFrame);
    text_->setOpenLinks(false);
    text_->setFocusPolicy(Qt::NoFocus);
    text_->setPalette(pal);
    stack_->addWidget(text_);
    overlay_ = new Overlay(this);
    tick_ = new QTimer(this);
    tick_->setInterval(250);
    connect(tick_, &QTimer::timeout, this, [this] {
        overlay_->update();
        if (presenter_) {
            presenter_->refresh();
        }
    });
    clock_.start();
    tick_->start();
    qApp->installEventFilter(this);
    current_ = std::clamp(startSlide, 0, slideCount() - 1);
    showSlide();
}

PresentationWindow::~PresentationWindow() {
    qApp->removeEventFilter(this);
}

void PresentationWindow::start() {
    const auto screens = QGuiApplication::screens();
    QScreen* target = screen() ? screen() : QGuiApplication::primaryScreen();
    if (screens.size() > 1) {
        // Slides on the second screen (the projector), the presenter's view on this one.
        target = screens.at(1) == target ? screens.at(0) : screens.at(1);
        presenter_ = std::make_unique<PresenterView>(this);
        presenter_->resize(720, 420);
        presenter_->show();
    }
    // The whole screen even where no window manager honours "full screen".
    if (target) {
        setScreen(target);
        setGeometry(target->geometry());
    }
    showFullScreen();
    raise();
    activateWindow();
    setFocus();
}

QWidget* PresentationWindow::presenterView() const {
    return presenter_.get();
}

QString PresentationWindow::elapsedText() const {
    const qint64 s = clock_.elapsed() / 1000;
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

qreal PresentationWindow::bodyPx() const {
    // 30 px at 1080 lines, scaled with the window; never under 28 px on a 1080p projector.
    return std::max<qreal>(16, height() * 30.0 / 1080.0);
}

void PresentationWindow::showSlide() {
    const Slide& s = slides_[std::size_t(current_)];
    if (diagram_ && (s.kind != Slide::Kind::Diagram)) {
        stack_->setCurrentWidget(text_);
    }
    if (s.kind == Slide::Kind::Diagram) {
        if (diagram_) {
            stack_->removeWidget(diagram_);
            diagram_->deleteLater();
        }
        diagram_ = qobject_cast<DiagramView*>(createDiagramPage(s.diagramId, theme_, stack_));
        if (diagram_) {
            diagram_->setPresenting(true, qRound(bodyPx() * 0.9));
            stack_->addWidget(diagram_);
            stack_->setCurrentWidget(diagram_);
        }
    } else {
        const qreal px = bodyPx();
        QString html;
        if (s.kind == Slide::Kind::Title) {
            html = QStringLiteral("<html><body style=\"font-size:%1px; color:%2\">"
                                  "<p style=\"font-size:%3px\"><br><br><b>%4</b></p><p>%5</p>"
                                  "</body></html>")
                       .arg(qRound(px))
                       .arg(theme_.text.name())
                       .arg(qRound(px * 2.2))
                       .arg(chapter_.title.toHtmlEscaped(), inlineHtml(chapter_.summary, theme_));
        } else {
            const Section& sec = chapter_.sections[std::size_t(s.section)];
            html = sectionHtml(sec, theme_, px, diagramLinks());
            // Figures fill the text column: the window less the document's margins.
            const qreal margin = std::max<qreal>(24, this->width() * 0.05);
            const qreal width = std::max<qreal>(400, this->width() - 2 * margin - 48);
            for (const auto& b : sec.blocks) {
                if (b.value("type", std::string()) == "figure") {
                    const FigureRenderer r(b, theme_, std::min<qreal>(width, 2400), px * 0.85);
                    text_->document()->addResource(
                        QTextDocument::ImageResource,
                        QUrl(QStringLiteral("figure:") +
                             QString::fromStdString(b.value("id", std::string()))),
                        r.toImage(devicePixelRatioF()));
                }
            }
        }
        text_->document()->setDocumentMargin(std::max<qreal>(24, width() * 0.05));
        text_->setHtml(html);
        stack_->setCurrentWidget(text_);
    }
    zoomed_ = false;
    overlay_->raise();
    overlay_->update();
    if (presenter_) {
        presenter_->refresh();
    }
    emit slideChanged(current_);
}

void PresentationWindow::goTo(int slide) {
    const int target = std::clamp(slide, 0, slideCount() - 1);
    if (target != current_) {
        current_ = target;
        showSlide();
    }
}

void PresentationWindow::next() {
    if (blank_) {
        blank_ = false; // the first press after a blank brings the slide back
        overlay_->update();
        return;
    }
    if (slides_[std::size_t(current_)].kind == Slide::Kind::Diagram && diagram_) {
        Player* player = diagram_->panel()->player();
        if (!player->atEnd()) {
            player->stepForward();
            return;
        }
    } else if (QScrollBar* bar = text_->verticalScrollBar(); bar->value() < bar->maximum()) {
        bar->setValue(bar->value() + bar->pageStep());
        return;
    }
    if (current_ + 1 < slideCount()) {
        ++current_;
        showSlide();
        if (diagram_ && slides_[std::size_t(current_)].kind == Slide::Kind::Diagram) {
            diagram_->panel()->player()->toStart(); // the steps unfold with each press
        }
    }
}

void PresentationWindow::back() {
    if (blank_) {
        blank_ = false;
        overlay_->update();
        return;
    }
    if (slides_[std::size_t(current_)].kind == Slide::Kind::Diagram && diagram_) {
        Player* player = diagram_->panel()->player();
        if (!player->atStart()) {
            player->stepBack();
            return;
        }
    } else if (QScrollBar* bar = text_->verticalScrollBar(); bar->value() > bar->minimum()) {
        bar->setValue(bar->value() - bar->pageStep());
        return;
    }
    if (current_ > 0) {
        --current_;
        showSlide();
        if (diagram_ && slides_[std::size_t(current_)].kind == Slide::Kind::Diagram) {
            diagram_->panel()->player()->toEnd();
        }
    }
}

bool PresentationWindow::handleKey(int key) {
    switch (key) {
    case Qt::Key_PageDown:
    case Qt::Key_Right:
    case Qt::Key_Down:
    case Qt::Key_Space:
    case Qt::Key_Return:
    case Qt::Key_Enter:
        next();
        return true;
    case Qt::Key_PageUp:
    case Qt::Key_Left:
    case Qt::Key_Up:
    case Qt::Key_Backspace:
        back();
        return true;
    case Qt::Key_Home:
        goTo(0);
        return true;
    case Qt::Key_End:
        goTo(slideCount() - 1);
        return true;
    case Qt::Key_B:
    case Qt::Key_Period:
        blank_ = !blank_;
        overlay_->update();
        return true;
    case Qt::Key_L:
        spotlight_ = !spotlight_;
        tick_->setInterval(spotlight_ ? 16 : 250); // follow the pointer at 60 fps
        overlay_->update();
        return true;
    case Qt::Key_Z:
        zoomed_ = !zoomed_;
        if (zoomed_) {
            overlay_->hide();
            zoomShot_ = grab();
            overlay_->show();
            zoomAt_ = mapFromGlobal(QCursor::pos());
            if (!rect().contains(zoomAt_)) {
                zoomAt_ = rect().center();
            }
        }
        overlay_->update();
        return true;
    case Qt::Key_T:
        timerShown_ = !timerShown_;
        overlay_->update();
        return true;
    case Qt::Key_Escape:
        if (zoomed_ || spotlight_ || blank_) {
            zoomed_ = spotlight_ = blank_ = false; // first Esc clears the effects
            overlay_->update();
        } else {
            close();
        }
        return true;
    default:
        return false;
    }
}

void PresentationWindow::keyPressEvent(QKeyEvent* event) {
    if (!handleKey(event->key())) {
        QWidget::keyPressEvent(event);
    }
}

bool PresentationWindow::eventFilter(QObject* watched, QEvent* event) {
    // Slide keys win over the diagram's own controls, except while typing in a text box.
    if (event->type() == QEvent::KeyPress &&
        (isActiveWindow() || (presenter_ && presenter_->isActiveWindow()))) {
        QWidget* focus = QApplication::focusWidget();
        const bool typing = qobject_cast<QLineEdit*>(focus) || qobject_cast<QSpinBox*>(focus);
        auto* key = static_cast<QKeyEvent*>(event);
        if ((!typing || key->key() == Qt::Key_Escape) && key->modifiers() == Qt::NoModifier &&
            handleKey(key->key())) {
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void PresentationWindow::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    overlay_->setGeometry(rect());
    if (slides_[std::size_t(current_)].kind != Slide::Kind::Diagram) {
        showSlide(); // the type follows the window's size
    }
}

void PresentationWindow::closeEvent(QCloseEvent* event) {
    qApp->removeEventFilter(this);
    if (presenter_) {
        presenter_->hide();
    }
    emit closed();
    event->accept();
}

} // namespace fg
