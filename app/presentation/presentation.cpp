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

namespace {

// The charts' type on a diagram slide, of the body's.
constexpr qreal kChartText = 0.8;

} // namespace

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
    // 30 px at 1080 lines, scaled with the window; never under 28 px on a 1080p projector.
    return std::max<qreal>(16, height() * 30.0 / 1080.0);
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

QTextDocument* PresentationWindow::slideDocument() const {
    return static_cast<SlideText*>(text_)->document();
}

void PresentationWindow::showSlide() {
    const Slide& s = slides_[std::size_t(current_)];
    if (s.kind == Slide::Kind::Diagram) {
        showDiagramSlide(s);
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

void PresentationWindow::showDiagramSlide(const Slide& s) {
    const qreal px = bodyPx();
    auto* column = static_cast<QVBoxLayout*>(diagramSlide_->layout());
    const int margin = std::max(8, width() / 80);
    column->setContentsMargins(margin, margin / 2, margin, margin / 2);
    // The title, large, with the room for the timer kept on its right.
    auto* titleRow = static_cast<QHBoxLayout*>(column->itemAt(0)->layout());
    const int timerRoom =
        timerShown_
            ? QFontMetrics(timerFont())
                      .horizontalAdvance(QStringLiteral("88:88   %1 / %1").arg(slideCount())) +
                  48
            : 0;
    titleRow->itemAt(1)->spacerItem()->changeSize(timerRoom, 0, QSizePolicy::Fixed);
    titleRow->invalidate();
    const LiveDiagram* d = liveDiagram(s.diagramId);
    const QString name = d ? d->title() : s.diagramId;
    const QString full = s.title.isEmpty() || s.title == name
                             ? name
                             : QStringLiteral("%1 \u2014 %2").arg(name, s.title);
    // The title whole, never cut ("B-Tree: inserts, splits, search and range (PostgreSQL) \u2014
    // Core Ide..." at 1280 px): a little smaller (down to the body size) if that keeps it on one
    // line, else on two lines. (The label's room: the row less the timer's and the spacing.)
    const int titleWidth = std::max(100, width() - 2 * margin - timerRoom - 24);
    QFont titleFont(QStringLiteral("DejaVu Sans"));
    titleFont.setBold(true);
    qreal titlePx = px * 1.3;
    titleFont.setPixelSize(qRound(titlePx));
    while (titlePx > px && QFontMetrics(titleFont).horizontalAdvance(full) > titleWidth) {
        titlePx -= px * 0.05;
        titleFont.setPixelSize(qRound(titlePx));
    }
    title_->setFont(titleFont);
    title_->setWordWrap(true);
    title_->setText(full);
    title_->setToolTip(full);
    title_->setMinimumHeight(
        QFontMetrics(titleFont)
            .boundingRect(QRect(0, 0, titleWidth, 100000), Qt::TextWordWrap, full)
            .height() +
        4);

    if (page_) {
        if (diagram_) {
            speed_ = diagram_->panel()->player()->speed(); // kept from slide to slide
        }
        column->removeWidget(page_);
        page_->deleteLater();
    }
    QWidget* page = createDiagramPage(s.diagramId, theme_, diagramSlide_);
    page_ = page;
    diagram_ = qobject_cast<DiagramView*>(page);
    if (!page) {
        title_->setText(
            tr("The live diagram \u201c%1\u201d is not in this version.").arg(s.diagramId));
        stack_->setCurrentWidget(diagramSlide_);
        return;
    }
    // Controls, step counter, counters and charts at presentation size, not ~12 px.
    QFont controls(QStringLiteral("DejaVu Sans"));
    controls.setPixelSize(qRound(px * 0.75));
    page->setFont(controls);
    const int icon = qRound(px * 0.9);
    for (QToolButton* b : page->findChildren<QToolButton*>()) {
        b->setIconSize(QSize(icon, icon));
    }
    // Charts in type the back of the room reads (their ticks and titles were the desk's 12 px):
    // the body's 30 px at 1080p.
    for (QCustomPlot* chart : page->findChildren<QCustomPlot*>()) {
        setChartTextPx(chart, qRound(px * kChartText));
    }
    if (diagram_) {
        diagram_->setPresenting(true, qRound(px * 0.9));
        if (speed_ > 0) {
            diagram_->panel()->player()->setSpeed(speed_);
        }
        if (!scenario_.is_null()) {
            if (const Status st = diagram_->loadScenario(scenario_); !st) {
                diagram_->openDefaultScenario();
            }
            diagram_->panel()->player()->seek(scenarioPosition_ == -2
                                                  ? diagram_->panel()->player()->stepCount() - 1
                                                  : scenarioPosition_);
        }
        // One camera for every step (what the run draws), as large as the slide allows with a
        // margin, its largest letters at most 2.6 times the body text (about 80 px at 1080p):
        // the drawing grows in place instead of jumping, and is not held to the desk's largest
        // letters, nor blown up into a few giant glyphs.
        DiagramCanvas* canvas = diagram_->panel()->canvas();
        if (canvas->source()) {
            canvas->setSlideFraming(true, 2.6 * px);
        }
    }
    column->addWidget(page, 1);
    stack_->setCurrentWidget(diagramSlide_);
}

// The chapter's opening slide: its title, its summary in a larger type than the body, and what
// the chapter holds, a line a section, those with a live diagram said so (the summary alone left
// four fifths of the slide empty, its type the body's).
QString PresentationWindow::titleSlideHtml(qreal px) const {
    QString outline;
    for (const Section& sec : chapter_.sections) {
        QString diagrams;
        QStringList names;
        for (const auto& b : sec.blocks) {
            if (b.value("type", std::string()) == "diagram") {
                if (const LiveDiagram* d =
                        liveDiagram(QString::fromStdString(b.value("id", std::string())))) {
                    names << d->pictureTitle();
                }
            }
        }
        if (!names.isEmpty()) {
            diagrams =
                QStringLiteral(" <span style=\"color:%1\">\u2014 %2</span>")
                    .arg(theme_.mutedText.name(),
                         (names.size() == 1 ? tr("live diagram: %1") : tr("live diagrams: %1"))
                             .arg(names.join(QStringLiteral(", ")))
                             .toHtmlEscaped());
        }
        outline += QStringLiteral("<li style=\"margin-bottom:%1px\">%2%3</li>")
                       .arg(qRound(px * 0.3))
                       .arg(sec.title.toHtmlEscaped(), diagrams);
    }
    return QStringLiteral("<html><body style=\"font-size:%1px; color:%2\">"
                          "<p style=\"font-size:%3px; margin-bottom:%4px\"><b>%5</b></p>"
                          "<p style=\"font-size:%6px\">%7</p>"
                          "<p style=\"margin-top:%8px; color:%9\"><b>%10</b></p>"
                          "<ol style=\"margin-top:0\">%11</ol></body></html>")
        .arg(qRound(px))
        .arg(theme_.text.name())
        .arg(qRound(px * 2.2))
        .arg(qRound(px * 0.5))
        .arg(chapter_.title.toHtmlEscaped())
        .arg(qRound(px * 1.2))
        .arg(inlineHtml(chapter_.summary, theme_))
        .arg(qRound(px * 0.8))
        .arg(theme_.mutedText.name())
        .arg(tr("In this chapter"))
        .arg(outline);
}

void PresentationWindow::showTextSlide(const Slide& s) {
    auto* slide = static_cast<SlideText*>(text_);
    QTextDocument* doc = slide->document();
    // The text area: the slide less a band at the bottom for the timer.
    const QFontMetrics fm(timerFont());
    const qreal band = timerShown_ ? fm.height() + 36 : 12;
    const QSizeF pageSize(std::max(400, width()), std::max<qreal>(300, height() - band));
    const qreal side = std::max<qreal>(24, width() * 0.05);
    const auto layOut = [&](qreal px) {
        doc->clear();
        doc->setPageSize(pageSize);
        // The document's own type is the body's: a heading is sized from it (an <h3> is 1.2
        // times it), and on the app's smaller type "1. Cache-aside" came out half the size of
        // the text under it.
        QFont type = doc->defaultFont();
        type.setPointSizeF(px * 72.0 / logicalDpiY());
        doc->setDefaultFont(type);
        QString html;
        if (s.kind == Slide::Kind::Title) {
            html = titleSlideHtml(px);
        } else {
            const Section& sec = chapter_.sections[std::size_t(s.section)];
            html = sectionHtml(sec, theme_, px, diagramLinks());
        }
        doc->setHtml(html);
        // The margins after the HTML, which sets the root frame's format of its own.
        QTextFrameFormat root = doc->rootFrame()->frameFormat();
        root.setLeftMargin(side);
        root.setRightMargin(side);
        root.setTopMargin(std::max<qreal>(16, height() * 0.03));
        root.setBottomMargin(8);
        doc->rootFrame()->setFrameFormat(root);
        if (s.kind == Slide::Kind::Title) {
            // Held a third of the way down the room it leaves (it sat on the top edge).
            const qreal used = doc->documentLayout()->blockBoundingRect(doc->lastBlock()).bottom();
            if (doc->pageCount() == 1 && used < pageSize.height()) {
                root.setTopMargin(root.topMargin() + (pageSize.height() - used) / 3);
                doc->rootFrame()->setFrameFormat(root);
            }
            return doc->pageCount();
        }
        // Figures fill the text column in the slide's type, as a book sets them (PagedFigures):
        // a figure taller than a page is cut between its parts, and one that would leave a page
        // half empty behind it fills that room, set a little smaller (never under 80% of its
        // size, nor its letters under 0.6 of the body's) or cut. It was cut into pieces of a
        // page each, the next figure starting a page of its own: pages a third full.
        std::vector<nlohmann::json> figures;
        for (const auto& b : chapter_.sections[std::size_t(s.section)].blocks) {
            if (b.value("type", std::string()) == "figure") {
                figures.push_back(b);
            }
        }
        PagedFigures placed(
            *doc, figures, theme_,
            {.width = std::min<qreal>(std::max<qreal>(400, pageSize.width() - 2 * side - 8), 2400),
             .bodyPx = px * 0.85,
             .leastText = bodyPx() * 0.6,
             .leastScale = 0.8,
             .dpr = devicePixelRatioF()});
        for (keepTogether(*doc); placed.fillAnEmptyRoom(); keepTogether(*doc)) {
            releasePageBreaks(*doc);
        }
        return doc->pageCount();
    };
    // Set a little smaller (down to 0.8 of the body, 24 px at 1080p) when that saves a page:
    // one screen instead of two, or four pages instead of five.
    const qreal px = bodyPx();
    int pages = layOut(px);
    qreal best = px;
    for (const qreal smaller : {px * 0.9, px * 0.8}) {
        if (pages > 1) {
            if (const int n = layOut(smaller); n < pages) {
                pages = n;
                best = smaller;
            }
        }
    }
    if (best != px * 0.8 && pages > 1) {
        layOut(best); // the last one laid out was not the one kept
    }
    textPage_ = 0;
    slide->setPage(0);
    stack_->setCurrentWidget(text_);
}

void PresentationWindow::setTextPage(int page) {
    textPage_ = std::clamp(page, 0, pageCount() - 1);
    static_cast<SlideText*>(text_)->setPage(textPage_);
    overlay_->update();
    if (presenter_) {
        presenter_->refresh();
    }
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
            diagram_->panel()->player()->toStart(); // the steps unfold with each press
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
            diagram_->panel()->player()->toEnd();
        } else if (!page_) {
            setTextPage(pageCount() - 1); // back into a long section from its end
        }
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
            diagram_->panel()->player()->toStart(); // the steps unfold with Right or Space
        }
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
        if (!page_) {
            setTextPage(pageCount() - 1); // back into a long section from its end
        }
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
        // The same step, laid out for the new size.
        const int position = diagram_ ? diagram_->panel()->player()->position() : -1;
        showSlide();
        if (diagram_) {
            diagram_->panel()->player()->seek(position);
        }
    }
}

void PresentationWindow::closeEvent(QCloseEvent* event) {
    qApp->removeEventFilter(this);
    if (desk_ && diagram_) {
        // The desk's diagram goes on from where the presentation left it.
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
