// DiagramView (diagram_view.h): its chart, under the drawing or beside it (at the desk in the
// projector's type, and on a slide), as high as its legend and labels need.
#include "widgets/canvas/canvas_scroll.h"
#include "widgets/canvas/chart_style.h"
#include "widgets/diagrams/diagram_view.h"

#include <QFontInfo>
#include <QFontMetrics>
#include <QFontMetricsF>
#include <QLabel>
#include <QLayout>
#include <QSplitter>
#include <algorithm>
#include <qcustomplot.h>

namespace fg {

void DiagramView::placeChartOnSlide() {
    // The drawing comes first on a slide. The chart goes under it, the slide's width, as tall as
    // its type needs (its legend, labels and titles) with the tallest plot, four lines of that
    // type down to two and a half (two labels up the axis), that leaves the drawing 85% of the
    // size it has alone, or 3/4 of the slide's width or height its shape allows; else beside it,
    // a third of the width, if that does (a drawing limited by its height); else the chart is
    // hidden and a line under the counters says that C shows it. (Under it at 60% of the slide, the
    // LSM-tree's letters were 0.83 of the desk's at 1280x800, a tester; beside it a quarter wide,
    // its chart was a thin column.) C shows it, where it fits best, or hides it.
    const QSize split = split_->size();
    if (split.isEmpty()) {
        return;
    }
    chart_->setMinimumSize(0, 0);
    chart_->replot(QCustomPlot::rpImmediateRefresh); // its labels chosen for its width
    const int line = QFontMetrics(chart_->yAxis->tickLabelFont()).height();
    const DiagramCanvas* canvas = panel_->canvas();
    const QSizeF drawing = canvas->source() ? canvas->runCamera().size() : QSizeF();
    // The scale the drawing is shown at in a room of the split less `chartW` x `chartH`.
    // The canvas is over the drawing's narration and controls, less its margin all round
    // (diagram_canvas.cpp): the panel is not laid out yet, so they are measured at the split's
    // width (the narration wrapped there took two lines more than the panel's least size
    // counted at 1024x768, and the time-series drawing was left a strip: tester 46).
    // Both counts are the least they take: the larger is kept.
    const int chrome = std::max(panel_->minimumSizeHint().height() - canvas->minimumSize().height(),
                                panel_->chromeHeightAt(split.width()));
    const auto scaleWith = [&](int chartW, int chartH) -> qreal {
        const QSizeF room(split.width() - chartW, split.height() - chartH - chrome);
        // A room where the run's letters would be too small to read whole is no room for it
        // (the time-series drawing, a chart under it at 1024x768, scrolled in a strip).
        if (chartW + chartH > 0 && canvas->slideHeldLargerAt(room.toSize())) {
            return 0;
        }
        return drawingScaleIn(room, drawing);
    };
    // Enough: 85% of the scale the drawing has alone, or 3/4 of the slide's width or height
    // its shape alone allows (a drawing shaped to its room fills the width of any wide room:
    // its share of the slide says nothing of its letters).
    const qreal alone = drawing.isEmpty() ? 0 : scaleWith(0, 0);
    qreal enough = 0.85 * alone;
    if (alone > 0) {
        const QSizeF shaped =
            drawingIn(drawingRoom(QSizeF(split.width(), split.height() - chrome)), drawing);
        const QSizeF slide = window()->size();
        const bool wide = shaped.width() / shaped.height() >= slide.width() / slide.height();
        const qreal share = wide ? alone * shaped.width() / slide.width()
                                 : alone * shaped.height() / slide.height();
        enough = alone * std::min(0.85, 0.75 / share);
    }
    const int besideW = split.width() / 3;
    // Under the drawing the chart is at least what it needs whole at the split's width.
    const int least = chartNeedsAt(split.width());
    int under = 0;
    int fallback = 0; // the shortest under it, when C asks for the chart and nothing fits
    for (const int halfLines : {8, 7, 6, 5}) {
        const int chartH =
            std::min(std::max(chartHeightFor(chart_, split.width(), halfLines * line / 2), least),
                     split.height() / 2);
        fallback = chartH;
        if (drawing.isEmpty() || scaleWith(0, chartH) >= enough) {
            under = chartH;
            break;
        }
    }
    const bool besideFits = !drawing.isEmpty() && scaleWith(besideW, 0) >= enough;
    const bool show = slideChart_ == SlideChart::Shown ||
                      (slideChart_ == SlideChart::Auto && (under > 0 || besideFits));
    chart_->setVisible(show);
    chartHint_->setText(tr("The chart is hidden to leave the drawing room: C shows it."));
    chartHint_->setVisible(!show);
    if (!show) {
        return;
    }
    if (under == 0 && !besideFits) { // asked for: where it leaves the drawing larger
        under = scaleWith(0, fallback) >= scaleWith(besideW, 0) ? fallback : 0;
    }
    split_->setOrientation(under > 0 ? Qt::Vertical : Qt::Horizontal);
    split_->setSizes(under > 0 ? QList<int>{split.height() - under, under}
                               : QList<int>{split.width() - besideW, besideW});
}

qreal DiagramView::drawingScaleIn(QSizeF room, QSizeF drawing) const {
    const QSizeF inner = drawingRoom(room);
    const QSizeF shaped = inner.isEmpty() ? QSizeF() : drawingIn(inner, drawing);
    if (shaped.isEmpty()) {
        return 0;
    }
    return std::min(inner.width() / shaped.width(), inner.height() / shaped.height());
}

bool DiagramView::toggleChartOnSlide() {
    if (!chart_ || !presenting_) {
        return false;
    }
    slideChart_ = !chart_->isHidden() ? SlideChart::Hidden : SlideChart::Shown;
    placeChartOnSlide();
    return true;
}

bool DiagramView::chartShown() const {
    return chart_ && !chart_->isHidden();
}

void DiagramView::placeChart() {
    // Placing it resizes the canvas, whose resize places it (once: nothing changes the second
    // time, but a decision on the way must not start the round again).
    if (!chart_ || presenting_ || placingChart_) {
        return;
    }
    const QScopedValueRollback placing(placingChart_, true);
    bool beside = false, cramped = false;
    const DiagramCanvas* canvas = panel_->canvas();
    const DiagramSource* source = canvas->source();
    // The split as it is without the line that says the chart is hidden: the choice must not
    // turn on that line's own room (it went to and fro).
    const int hintRoom =
        chartHint_->isVisible() ? chartHint_->height() + std::max(0, layout()->spacing()) : 0;
    const QSizeF split = split_->size() + QSize(0, hintRoom);
    if (source && !split.isEmpty()) {
        // The drawing at its largest (the run's camera, or the last step), in the room the
        // canvas would have under either: the split less the chart (a quarter of it, at least
        // its minimum) and less the narration and playback under the canvas.
        const Frame last = source->frame(source->stepCount() - 1, theme_);
        const QSizeF drawing = source->holdsItsPlace() ? canvas->runCamera().size() : last.size;
        const qreal chrome = std::max(0, panel_->height() - canvas->height());
        // Under the drawing the chart is the split's width: in the projector's type, what it
        // needs there, whichever way it is shown now (its height beside, its legend wrapped onto
        // more rows, kept the drawing beside: the choice depended on the one before).
        const bool projector = theme_.kind == Theme::Kind::Projector;
        int needs = chart_->minimumHeight();
        if (projector && chart_->legend->itemCount() > 0) {
            needs = chartNeedsAt(qRound(split.width()));
            chartNeedsAt(chart_->width()); // the legend as it is shown
        }
        const qreal chartH = std::max<qreal>(needs, 0.25 * split.height());
        const qreal chartW = std::max<qreal>(320, 0.25 * split.width());
        const qreal under =
            drawingScaleIn({split.width(), split.height() - chartH - chrome}, drawing);
        const qreal aside =
            drawingScaleIn({split.width() - chartW, split.height() - chrome}, drawing);
        beside = projector && aside > 1.1 * under;
        // A chart that leaves the drawing's type (its median letters) under kLeastDrawingType
        // of the page's, wherever it goes, is hidden; in the Projector's, made to be read from
        // the back of a room, under the page's type itself. With a margin each way: it comes
        // at 1.1 of that and goes under 0.8 (at the edge, a window a little larger brought the
        // chart back, and the drawing was smaller than in less room: the chapter list stepping
        // aside).
        const qreal least = (projector ? 1.0 : kLeastDrawingType) *
                            QFontInfo(canvas->font()).pixelSize() * (chartHasRoom_ ? 0.8 : 1.1);
        cramped = !chartSizedByUser_ && (beside ? aside : under) * last.medianTextPx() < least;
        chartHasRoom_ = !cramped;
    }
    const bool hide = cramped && !chartWanted_;
    if (beside != (split_->orientation() == Qt::Horizontal)) {
        setChartBeside(beside);
    }
    chart_->setVisible(!hide);
    // Shown though it cramps the drawing, it can be hidden again from the same line.
    chartHint_->setText(hide ? tr("The chart is hidden to leave the drawing room (a larger window "
                                  "shows it): <a href=\"show\">show it</a>.")
                             : tr("The chart leaves the drawing little room: <a "
                                  "href=\"hide\">hide it</a>."));
    chartHint_->setVisible(cramped);
    if (beside && !chartSizedByUser_ && split_->width() > 0) {
        // Beside the drawing the chart is a quarter of the width, at least 320 px, as weighed
        // above: left to the splitter, its width depended on the sizes before (the drawing was
        // 796 px wide, then 821 after a visit to another tab).
        const int w = split_->width();
        const int chartW = std::min(w / 2, std::max(320, w / 4));
        if (split_->sizes().value(1) != chartW) {
            split_->setSizes({w - chartW, chartW});
        }
    }
    if (!beside && !chartSizedByUser_ && split_->height() > 0) {
        // Under the drawing the chart has a quarter of the height, or what it needs whole if
        // that is more; the drawing the rest. (The stretch factors alone gave the chart 30-40%
        // in a short window, and the drawing's letters shrank with its room.) Once the student
        // drags the divider, the sizes are theirs.
        const int h = split_->height();
        const int chartH = std::min(h / 2, std::max(chart_->minimumHeight(), h / 4));
        if (split_->sizes().value(1) != chartH) {
            split_->setSizes({h - chartH, chartH});
        }
    }
}

QCustomPlot* DiagramView::addChart(const QString& accessibleName) {
    chart_ = new QCustomPlot(split_);
    chart_->setAccessibleName(accessibleName);
    // A click on the chart gives the keys to the drawing: the chart took them, and Space, Home
    // and the arrows did nothing, nothing showing where they went (a tester).
    chart_->setFocusProxy(panel_->canvas()); // styleChart below makes it say its own focus
    chart_->setMinimumHeight(160);
    // The legend has a row of its own above the plot: inside it, it covered the data.
    placeLegendAbove(chart_);
    chart_->legend->setFillOrder(QCPLegend::foColumnsFirst);
    chart_->legend->setWrap(0); // one row, if the chart is wide enough (fitLegend)
    chart_->legend->setMargins(QMargins(4, 2, 4, 2));
    // The legend in one row was 820 px wide, and the chart's minimum width with it: the window
    // widened to make room. The legend wraps onto more rows instead (fitLegend).
    chart_->setMinimumWidth(240);
    chart_->installEventFilter(this);
    split_->addWidget(chart_);
    chartHint_ = new QLabel(this);
    chartHint_->setAccessibleDescription(tr("Chart hidden"));
    chartHint_->setTextFormat(Qt::RichText);
    chartHint_->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(chartHint_, &QLabel::linkActivated, this, [this](const QString& link) {
        chartWanted_ = link == QLatin1String("show");
        placeChart();
        (chartWanted_ ? static_cast<QWidget*>(chart_) : chartHint_)->setFocus();
    });
    chartHint_->hide();
    layout()->addWidget(chartHint_);
    split_->setStretchFactor(0, 3);
    split_->setStretchFactor(1, 1);
    connect(split_, &QSplitter::splitterMoved, this, [this] { chartSizedByUser_ = true; });
    styleChart(chart_, theme_);
    return chart_;
}

bool DiagramView::chartUnderDrawing() const {
    return chart_ && split_->orientation() == Qt::Vertical;
}

void DiagramView::fitLegend() {
    QCPLegend* legend = chart_ ? chart_->legend : nullptr;
    if (!legend || legend->itemCount() == 0 || chart_->width() <= 0) {
        return;
    }
    chart_->setMinimumHeight(chartNeedsAt(chart_->width()));
    chart_->replot(QCustomPlot::rpQueuedReplot);
}

int DiagramView::chartNeedsAt(int width) {
    QCPLegend* legend = chart_->legend;
    const int room = width - 8;
    int columns = legend->itemCount();
    for (; columns > 1; --columns) {
        legend->setWrap(columns);
        legend->setFillOrder(QCPLegend::foColumnsFirst, true);
        if (legend->minimumOuterSizeHint().width() <= room) {
            break;
        }
    }
    legend->setWrap(columns);
    legend->setFillOrder(QCPLegend::foColumnsFirst, true);
    // The layout now (what a replot does before it draws), for the least height below to read
    // the margins; the drawing stays queued (a replot on every step of a 10,000-step walk took
    // 30-110 s).
    for (const auto phase : {QCPLayoutElement::upPreparation, QCPLayoutElement::upMargins,
                             QCPLayoutElement::upLayout}) {
        chart_->plotLayout()->update(phase);
    }
    // Room for what the chart must show whole, in its type and at its width: the legend's rows,
    // the axes' tick labels and titles, and along the vertical axis its title. No more: the
    // drawing above takes the rest (160 x the type scale left the projector's drawing a third
    // smaller than Light's at 1280x800).
    const QFontMetricsF title(chart_->yAxis->labelFont());
    const QFontMetricsF ticks(chart_->yAxis->tickLabelFont());
    const QMargins around = chart_->axisRect()->margins();
    const qreal along = title.horizontalAdvance(chart_->yAxis->label()) + 2 * ticks.height();
    // The plot itself at least four tick labels high: three left the time-series chart's
    // curves 60 px high at 1280x800 in the projector's type (a tester).
    const qreal needs = legend->outerRect().height() + chart_->plotLayout()->rowSpacing() +
                        around.top() + around.bottom() + std::max(along, 4 * ticks.height());
    return qRound(std::max<qreal>(120, needs));
}

void DiagramView::setChartBeside(bool beside) {
    split_->setOrientation(beside ? Qt::Horizontal : Qt::Vertical);
    if (chart_) {
        // Under the drawing, 240 as when it was made: 0 let the chart's own hint (its legend
        // on one row, 652 px in the projector's type) set the page's least width, and the
        // sidebar gave way when the search opened at 1280 px.
        chart_->setMinimumWidth(beside ? 320 : 240);
        chartPlaced();
    }
}

} // namespace fg
