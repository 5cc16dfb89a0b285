#include "app/presentation/presentation.h"

#include "app/presentation/presentation_parts.h"
#include "app/reader/chapter_html.h"
#include "widgets/canvas/chart_style.h"
#include "widgets/diagrams/diagram_factory.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/diagrams/diagram_view.h"
#include "widgets/export/animation_export.h"
#include "widgets/export/paged_figures.h"
#include "widgets/export/paged_text.h"
#include "widgets/figure/figure_renderer.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScreen>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTextDocument>
#include <QTextFrame>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <functional>
#include <nlohmann/json.hpp>
#include <qcustomplot.h>
#include <utility>

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

PresentationWindow::PresentationWindow(const Chapter& chapter, const Theme& theme, int startSlide,
                                       QWidget* parent)
    : QWidget(parent, Qt::Window), chapter_(chapter), theme_(theme), slides_(slidesOf(chapter)) {
    setWindowTitle(tr("%1 \u2014 presentation").arg(chapter.title));
    build();
    current_ = std::clamp(startSlide, 0, slideCount() - 1);
    showSlide();
}

PresentationWindow::PresentationWindow(const QString& diagramId, const nlohmann::json& scenario,
                                       int position, const Theme& theme, QWidget* parent)
    : QWidget(parent, Qt::Window), theme_(theme), scenario_(scenario), scenarioPosition_(position) {
    const LiveDiagram* d = liveDiagram(diagramId);
    chapter_.title = d ? d->title() : diagramId;
    slides_.push_back({Slide::Kind::Diagram, -1, diagramId, chapter_.title});
    setWindowTitle(tr("%1 \u2014 presentation").arg(chapter_.title));
    build();
    showSlide();
}

PresentationWindow::PresentationWindow(DiagramView* desk, const QString& diagramId,
                                       const Theme& theme, QWidget* parent)
    : PresentationWindow(diagramId, desk->scenarioJson(), desk->panel()->player()->position(),
                         theme, parent) {
    desk_ = desk;
    // The slide says which run it shows: the preset's or the file's title (it said the
    // diagram's alone over a PostgreSQL B+-tree, tester 42).
    if (!desk->scenarioTitle().isEmpty()) {
        slides_.front().title = desk->scenarioTitle();
    }
    desk->panel()->player()->pause(); // one diagram plays at a time: the one on the slide
    speed_ = desk->panel()->player()->speed();
    if (diagram_) {
        diagram_->panel()->player()->setSpeed(speed_);
    }
}

void PresentationWindow::build() {
    setAccessibleName(tr("Presentation"));
    setMouseTracking(true);
    setAttribute(Qt::WA_DeleteOnClose);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, theme_.background);
    pal.setColor(QPalette::Base, theme_.background);
    pal.setColor(QPalette::Text, theme_.text);
    pal.setColor(QPalette::WindowText, theme_.text);
    pal.setColor(QPalette::ButtonText, theme_.text);
    setPalette(pal);
    setAutoFillBackground(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    stack_ = new QStackedWidget(this);
    layout->addWidget(stack_);
    auto* text = new SlideText(stack_, theme_);
    text->setMouseTracking(true);
    // A section's "Open the live diagram": that diagram's slide (after the section's text).
    text->onLink = [this](const QString& href) {
        if (!href.startsWith(QLatin1String("diagram:"))) {
            return;
        }
        const QString id = href.mid(8);
        // The first such slide after this one, else the first of the chapter.
        for (const int from : {current_ + 1, 0}) {
            for (int i = from; i < slideCount(); ++i) {
                const Slide& s = slides_[std::size_t(i)];
                if (s.kind == Slide::Kind::Diagram && s.diagramId == id) {
                    goTo(i);
                    return;
                }
            }
        }
    };
    text_ = text;
    stack_->addWidget(text_);
    diagramSlide_ = new QWidget(stack_);
    auto* column = new QVBoxLayout(diagramSlide_);
    auto* titleRow = new QHBoxLayout;
    title_ = new QLabel(diagramSlide_);
    title_->setObjectName(QStringLiteral("slideTitle"));
    title_->setAccessibleName(tr("Slide title"));
    title_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    titleRow->addWidget(title_, 1);
    titleRow->addSpacing(0); // room for the timer, set with the type size
    column->addLayout(titleRow);
    stack_->addWidget(diagramSlide_);
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
    // 30 px at 1080 lines, scaled with the window; never under 28 px on a 1080p projector, nor
    // under the reader's type (setLeastBodyPx).
    return std::max<qreal>({16, height() * 30.0 / 1080.0, leastBodyPx_});
}

QFont PresentationWindow::timerFont() const {
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(std::max(14, height() / 45));
    return f;
}

QString PresentationWindow::timerText() const {
    QString text =
        QStringLiteral("%1   %2 / %3").arg(elapsedText()).arg(current_ + 1).arg(slideCount());
    if (const int pages = pageCount(); pages > 1) {
        text += tr("   page %1 of %2").arg(currentPage() + 1).arg(pages);
    }
    return text;
}

QRect PresentationWindow::timerRect() const {
    if (!timerShown_) {
        return {};
    }
    // As wide as the widest it gets ("88:88   88 / 88"), so the room kept for it is enough.
    const QFontMetrics fm(timerFont());
    QString widest = QStringLiteral("88:88   %1 / %1").arg(slideCount());
    if (pageCount() > 1) {
        widest += tr("   page %1 of %1").arg(pageCount());
    }
    const int w = std::max(fm.horizontalAdvance(widest), fm.horizontalAdvance(timerText())) + 20;
    const int h = fm.height() + 12;
    if (page_ && stack_->currentWidget() == diagramSlide_) {
        // In the title row, right: clear of the narration, the step counter and the controls.
        const QRect row = title_->geometry().translated(diagramSlide_->pos());
        return QRect(width() - w - 12, row.center().y() - h / 2, w, h);
    }
    return QRect(width() - w - 12, height() - h - 12, w, h); // under the text's page
}

int PresentationWindow::pageCount() const {
    if (page_ || stack_->currentWidget() != text_) {
        return 1;
    }
    return std::max(1, static_cast<SlideText*>(text_)->document()->pageCount());
}

QString PresentationWindow::runningHead() const {
    return stack_->currentWidget() == text_ && !page_
               ? static_cast<SlideText*>(text_)->runningHead()
               : QString();
}

QRectF PresentationWindow::runningHeadRoom() const {
    return static_cast<SlideText*>(text_)->runningHeadRoom();
}

QFont PresentationWindow::runningHeadFont() const {
    return static_cast<SlideText*>(text_)->runningHeadFont();
}

QTextDocument* PresentationWindow::slideDocument() const {
    return static_cast<SlideText*>(text_)->document();
}

void PresentationWindow::showSlide() {
    if (diagram_ && diagramOf_ >= 0) {
        leftAtStep_[diagramOf_] = diagram_->panel()->player()->position();
    }
    diagramOf_ = -1;
    const Slide& s = slides_[std::size_t(current_)];
    if (s.kind == Slide::Kind::Diagram) {
        showDiagramSlide(s);
        diagramOf_ = diagram_ ? current_ : -1;
    } else {
        if (page_) {
            page_->deleteLater();
            page_ = nullptr;
        }
        showTextSlide(s);
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

void PresentationWindow::setBlank(bool on) {
    blank_ = on;
    // The class sees nothing while the screen is black: the diagram waits (it played on, and
    // the class missed its steps, a tester), and plays on when the slide is back.
    Player* player = slideDiagramPlayer();
    if (on) {
        playAfterBlank_ = player && player->isPlaying();
        if (playAfterBlank_) {
            player->pause();
        }
    } else if (std::exchange(playAfterBlank_, false) && player) {
        player->holdAfresh(); // the class did not see it: its whole reading time
        player->play();
    }
    if (on) {
        blankedAt_.start();
        QTimer::singleShot(kBlankHintMs + 50, overlay_, [o = overlay_] { o->update(); });
    }
    overlay_->update();
}

Player* PresentationWindow::slideDiagramPlayer() const {
    if (!diagram_ || slides_[std::size_t(current_)].kind != Slide::Kind::Diagram) {
        return nullptr;
    }
    return diagram_->panel()->player();
}

void PresentationWindow::next() {
    if (blank_) {
        setBlank(false); // the first press after a blank brings the slide back
        return;
    }
    if (slides_[std::size_t(current_)].kind == Slide::Kind::Diagram && diagram_) {
        Player* player = diagram_->panel()->player();
        if (!player->atEnd()) {
            player->stepForward();
            return;
        }
    } else if (!page_ && textPage_ + 1 < pageCount()) {
        setTextPage(textPage_ + 1); // the next page of a long section
        return;
    }
    if (current_ + 1 < slideCount()) {
        ++current_;
        showSlide();
        if (diagram_ && slides_[std::size_t(current_)].kind == Slide::Kind::Diagram) {
            ontoDiagram(true); // the steps unfold with each press
        }
    }
}

void PresentationWindow::back() {
    if (blank_) {
        setBlank(false);
        return;
    }
    if (slides_[std::size_t(current_)].kind == Slide::Kind::Diagram && diagram_) {
        Player* player = diagram_->panel()->player();
        if (!player->atStart()) {
            player->stepBack();
            return;
        }
    } else if (!page_ && textPage_ > 0) {
        setTextPage(textPage_ - 1);
        return;
    }
    if (current_ > 0) {
        --current_;
        showSlide();
        if (diagram_ && slides_[std::size_t(current_)].kind == Slide::Kind::Diagram) {
            ontoDiagram(false);
        } else if (!page_) {
            setTextPage(pageCount() - 1); // back into a long section from its end
        }
    }
}

void PresentationWindow::ontoDiagram(bool forward) {
    Player* player = diagram_->panel()->player();
    if (const auto it = leftAtStep_.find(current_); it != leftAtStep_.end()) {
        player->seek(it->second);
    } else if (forward) {
        player->toStart();
    } else {
        player->toEnd();
    }
}

void PresentationWindow::nextScreen() {
    if (blank_) {
        setBlank(false);
    } else if (!page_ && textPage_ + 1 < pageCount()) {
        setTextPage(textPage_ + 1);
    } else if (current_ + 1 < slideCount()) {
        ++current_;
        showSlide();
        if (diagram_ && slides_[std::size_t(current_)].kind == Slide::Kind::Diagram) {
            ontoDiagram(true); // the steps unfold with Right or Space
        }
    } else if (slideDiagramPlayer()) {
        // No screen after this one (a diagram presented alone, or the last slide): a clicker,
        // which sends only PageDown and PageUp, steps the diagram as Right does (it did
        // nothing, a tester).
        next();
    }
}

void PresentationWindow::previousScreen() {
    if (blank_) {
        setBlank(false);
    } else if (!page_ && textPage_ > 0) {
        setTextPage(textPage_ - 1);
    } else if (current_ > 0) {
        --current_;
        showSlide();
        if (diagram_ && slides_[std::size_t(current_)].kind == Slide::Kind::Diagram) {
            ontoDiagram(false);
        } else if (!page_) {
            setTextPage(pageCount() - 1); // back into a long section from its end
        }
    } else if (slideDiagramPlayer()) {
        back(); // no screen before this one: the diagram's step before, as Left
    }
}

void PresentationWindow::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    overlay_->setGeometry(rect());
    if (slides_[std::size_t(current_)].kind != Slide::Kind::Diagram) {
        const int page = textPage_;
        showSlide(); // the type follows the window's size
        setTextPage(page);
    } else {
        // The same step, laid out for the new size (still being built: the step asked for).
        const bool built = diagram_ && !diagram_->building();
        const int position = built ? diagram_->panel()->player()->position() : -1;
        if (built && !scenario_.is_null()) {
            scenarioPosition_ = position; // the new page seeks it once built
        }
        showSlide();
        if (built && scenario_.is_null() && diagram_) {
            diagram_->panel()->player()->seek(position);
        }
    }
}

void PresentationWindow::closeEvent(QCloseEvent* event) {
    qApp->removeEventFilter(this);
    if (desk_ && diagram_ && !diagram_->building()) {
        // The desk's diagram goes on from where the presentation left it (left before the
        // slide's copy was built, it stays where it was).
        Player* shown = diagram_->panel()->player();
        Player* desk = desk_->panel()->player();
        shown->pause();
        desk->setSpeed(shown->speed());
        desk->seek(shown->position());
    }
    if (presenter_) {
        presenter_->hide();
    }
    emit closed();
    event->accept();
}

} // namespace fg
