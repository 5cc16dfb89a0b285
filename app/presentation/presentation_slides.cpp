// The slides' content: a live diagram with its charts, the title slide, and text slides in pages
// (PresentationWindow).
#include "app/presentation/presentation.h"
#include "app/presentation/presentation_parts.h"
#include "app/reader/chapter_html.h"
#include "app/reader/table_fit.h"
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
#include <QPointer>
#include <QScreen>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <cmath>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <qcustomplot.h>
#include <utility>

namespace fg {

namespace {

// The first block of the root frame that starts on a page after the first inside that page's top
// margin (where Qt sets a line that starts past the page before's end, without the margin) is
// given a page break before it, which leaves the margin: true if there was one.
bool breakUnderTheTopMargin(QTextDocument& doc) {
    const qreal h = doc.pageSize().height();
    const qreal margin = doc.rootFrame()->frameFormat().topMargin();
    doc.pageCount(); // lays it out
    for (auto it = doc.rootFrame()->begin(); !it.atEnd(); ++it) {
        const QTextBlock b = it.currentBlock();
        if (!b.isValid()) {
            continue;
        }
        const QRectF r = doc.documentLayout()->blockBoundingRect(b);
        const qreal page = std::floor(r.top() / h);
        if (page >= 1 && r.top() - page * h < margin - 1) {
            QTextBlockFormat f = b.blockFormat();
            if (f.pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore) {
                return false; // broken before already: nothing more to do
            }
            f.setPageBreakPolicy(f.pageBreakPolicy() | QTextFormat::PageBreak_AlwaysBefore);
            QTextCursor(b).setBlockFormat(f);
            return true;
        }
    }
    return false;
}

// How much of its last page `doc` fills: the bottom of what it holds, of the page's height.
qreal lastPageShare(QTextDocument& doc) {
    const std::vector<Flow> flow = flowOf(doc);
    const qreal h = doc.pageSize().height();
    return flow.empty() ? 0 : (flow.back().rect.bottom() - (doc.pageCount() - 1) * h) / h;
}

// The charts' type on a diagram slide, of the body's.
constexpr qreal kChartText = 0.8;
// A live diagram whose largest letters would be under this much of the body's on a slide is
// shown with them at kHeldSlideText of it instead.
constexpr qreal kLeastSlideText = 0.55;
constexpr qreal kHeldSlideText = 0.7;

} // namespace

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
    // A run presented from its tab under its own title: the diagram's short name before it.
    const bool ownTitle = !scenario_.is_null() && d && s.title != d->title();
    const QString name = d ? (ownTitle ? d->pictureTitle() : d->title()) : s.diagramId;
    const QString full = s.title.isEmpty() || s.title == name
                             ? name
                             : QStringLiteral("%1 \u2014 %2").arg(name, s.title);
    // The title whole, never cut ("B-Tree: inserts, splits, search and range \u2014
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
            // At its step once built: a large run (the 100,000-key preset) builds on another
            // thread, and the slide opened at step 0, the desk's tab left there after Esc
            // (tester 41).
            diagram_->afterBuild(
                [view = QPointer<DiagramView>(diagram_), position = scenarioPosition_] {
                    if (view) {
                        Player* player = view->panel()->player();
                        player->seek(position == -2 ? player->stepCount() - 1 : position);
                    }
                });
        }
        // One camera for every step (what the run draws), as large as the slide allows with a
        // margin, its largest letters at most 2.6 times the body text (about 80 px at 1080p):
        // the drawing grows in place instead of jumping, and is not held to the desk's largest
        // letters, nor blown up into a few giant glyphs. A run too wide for its largest letters
        // to be 0.55 of the body text (16.5 px at 1080p) is shown with them at 0.7 (21 px) and
        // follows the steps.
        DiagramCanvas* canvas = diagram_->panel()->canvas();
        if (canvas->source()) {
            canvas->setSlideFraming(true, 2.6 * px, kLeastSlideText * px, kHeldSlideText * px);
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
    const qreal top = std::max<qreal>(16, height() * 0.03);
    // A long section's later pages have its title over them (SlideText::setRunningHead): every
    // page leaves the room for it at its top once the section takes more than one.
    const auto headFont = [](qreal px) {
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setBold(true);
        f.setPixelSize(std::max(1, qRound(px)));
        return f;
    };
    const auto headRoom = [&](qreal px) {
        const QFontMetricsF fm(headFont(px));
        // The line (from halfway down the top margin), its rule, a gap under it.
        return std::max<qreal>(0, fm.height() + fm.descent() + 2 + px * 0.4 - top / 2);
    };
    qreal head = 0;   // the room laid out for the head: none until a section needs two pages
    qreal headPx = 0; // the head's type
    // The rows of the section's tables that start a table of their own, the header over them
    // again: a slide's end cut a row in two ("Rows with dynamic columns, column" | "families"
    // at 1024x768: tester 44).
    std::map<int, std::vector<int>> tableCuts;
    // How a section is set: its type, and its figures' (FigureType: in the text's type where
    // they fit a page whole, and the share they are set at). The one laid out last is `laid`.
    struct Setting {
        qreal px = 0;
        bool figuresInTheText = true;
        qreal figureShrink = 1;
        bool operator==(const Setting&) const = default;
    };
    Setting laid;
    const auto build = [&](qreal px) {
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
            html = sectionHtml(sec, theme_, px, diagramLinks(), tableCuts);
        }
        doc->setHtml(html);
        // The margins after the HTML, which sets the root frame's format of its own.
        QTextFrameFormat root = doc->rootFrame()->frameFormat();
        root.setLeftMargin(side);
        root.setRightMargin(side);
        root.setTopMargin(top + head);
        root.setBottomMargin(8);
        doc->rootFrame()->setFrameFormat(root);
        // Columns as their words need them: in equal shares "recommendations" broke
        // ("recommendati" | "ons") at 1024x768 (tester 44), as it did in the reader.
        fitTables(doc, pageSize.width() - side * 2,
                  {.dataTablesOnly = true, .leastTypeScale = 0.8});
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
             .dpr = devicePixelRatioF(),
             .largerBodyPx = laid.figuresInTheText ? px : 0,
             .shrink = laid.figureShrink});
        for (keepTogether(*doc); placed.fillAnEmptyRoom(); keepTogether(*doc)) {
            releasePageBreaks(*doc);
        }
        if (head > 0) {
            // A piece of a figure cut between pages that starts just past a page's end is set
            // at the top of the next one, over the head's room: it starts a page of its own.
            int tries = 0;
            while (tries++ < 8 && breakUnderTheTopMargin(*doc)) {
            }
        }
        return doc->pageCount();
    };
    const auto layOut = [&](qreal px) {
        tableCuts.clear();
        int pages = build(px);
        for (int tries = 0; tries < 64 && s.kind != Slide::Kind::Title; ++tries) {
            const RowCut cut = firstRowCutByAPage(*doc);
            if (cut.table < 0) {
                break;
            }
            addRowCut(tableCuts, cut);
            pages = build(px);
        }
        return pages;
    };
    // A section of more than one page is laid out again with its head's room on every page.
    const auto layOutHeaded = [&](qreal px) {
        head = 0;
        const int without = layOut(px);
        if (without == 1 || s.kind == Slide::Kind::Title) {
            return without;
        }
        // The head in the text's type, else in 0.7 of it even where that costs a page (it was
        // squeezed into the top margin then: 10 px at 1024x768, 16 px at 1080p, where another
        // section's "(continued)" was 30 px: tester 44).
        for (const qreal k : {1.0, 0.7}) {
            headPx = px * k;
            head = headRoom(headPx);
            if (const int n = layOut(px); n == without || k < 1) {
                return n;
            }
        }
        return without;
    };
    const auto layOutAt = [&](const Setting& setting) {
        laid = setting;
        return layOutHeaded(setting.px);
    };
    const qreal px = bodyPx();
    Setting best{px};
    int pages = layOutAt(best);
    // Kept when it takes fewer pages than the best so far.
    const auto fewerPagesAt = [&](const Setting& setting) {
        if (const int n = layOutAt(setting); n < pages) {
            pages = n;
            best = setting;
            return true;
        }
        return false;
    };
    const auto showBest = [&] {
        if (!(laid == best)) {
            layOutAt(best);
        }
    };
    // Figures in 0.85 of the text's type when their own takes the section a page more (Kafka's
    // "Ideal Use Cases" at 1024x768 left its note alone on a second page); then the whole a
    // little smaller (down to 0.8 of the body, 24 px at 1080p) when that saves a page: one
    // screen instead of two, or four pages instead of five.
    if (pages > 1) {
        fewerPagesAt({px, false});
    }
    for (const qreal smaller : {0.9, 0.8}) {
        if (pages > 1) {
            fewerPagesAt({px * smaller, best.figuresInTheText});
        }
    }
    // A last page that holds little (its note alone) is saved by setting the figures a little
    // smaller, where they stay readable, in any of those types.
    showBest();
    if (pages > 1 && lastPageShare(*doc) < 0.35) {
        for (const qreal size : {px, px * 0.9, px * 0.8}) {
            if (size <= best.px && fewerPagesAt({size, best.figuresInTheText, 0.85})) {
                break;
            }
        }
    }
    // A section of one page that leaves most of it empty is set larger (up to 1.4 times the body,
    // 42 px at 1080p) while it stays one page with a tenth of it to spare: Redis's "Core
    // Identity", a table of five rows, left 60% of the slide blank in the reader's type (tester
    // 46). A slide is read from the back of the room.
    showBest();
    if (pages == 1 && s.kind != Slide::Kind::Title && lastPageShare(*doc) < 0.6) {
        for (const qreal k : {1.4, 1.3, 1.2, 1.1}) {
            Setting larger = best;
            larger.px = px * k;
            if (layOutAt(larger) == 1 && lastPageShare(*doc) <= 0.9) {
                best = larger;
                break;
            }
        }
    }
    showBest();
    const QString continued =
        s.kind == Slide::Kind::Title
            ? QString()
            : tr("%1 (continued)").arg(chapter_.sections[std::size_t(s.section)].title);
    if (head > 0) {
        slide->setRunningHead(continued, headFont(headPx),
                              QRectF(side, top / 2, pageSize.width() - 2 * side, top / 2 + head),
                              theme_.accent);
    } else {
        slide->setRunningHead({}, QFont(), {}, theme_.accent);
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

} // namespace fg
