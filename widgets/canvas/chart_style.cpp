#include "widgets/canvas/chart_style.h"

#include "widgets/canvas/chart_summary.h"

#include <QAbstractScrollArea>
#include <QApplication>
#include <QCoreApplication>
#include <QFontMetrics>
#include <algorithm>
#include <qcustomplot.h>

namespace fg {

namespace {

// Lays `chart` out at `size`, as a replot or toPainter does.
void layOut(QCustomPlot* chart, QSize size) {
    chart->setViewport(QRect(QPoint(0, 0), size));
    for (const auto phase : {QCPLayoutElement::upPreparation, QCPLayoutElement::upMargins,
                             QCPLayoutElement::upLayout}) {
        chart->plotLayout()->update(phase);
    }
}

} // namespace

void fitTicks(QCustomPlot* chart, QSize size) {
    const QRect own = chart->viewport();
    layOut(chart, size);
    chart->setViewport(own);
    for (QCPAxis* axis : {chart->yAxis, chart->yAxis2}) {
        if (!axis || !axis->ticker()) {
            continue;
        }
        const QFontMetrics fm(axis->tickLabelFont());
        const int room = axis->axisRect() ? axis->axisRect()->height() : chart->height();
        axis->ticker()->setTickCount(std::clamp(room / std::max(1, 3 * fm.height()), 2, 5));
        // The title, centred along the axis, on two lines when it would reach past the chart's
        // edges (it was cut: "ads per lookup (not the same"), broken at the space nearest its
        // middle.
        if (axis->label() != axis->property("fgShown").toString()) {
            axis->setProperty("fgTitle", axis->label());
        }
        QString title = axis->property("fgTitle").toString();
        const QFontMetrics titleFm(axis->labelFont());
        const int centre = axis->axisRect() ? axis->axisRect()->center().y() : size.height() / 2;
        const int along = 2 * std::min(centre, size.height() - centre) - 4;
        if (titleFm.horizontalAdvance(title) > along && !title.contains(QLatin1Char('\n'))) {
            int best = -1;
            for (int i = 0; i < title.size(); ++i) {
                if (title[i] == QLatin1Char(' ') &&
                    (best < 0 ||
                     std::abs(i - title.size() / 2) < std::abs(best - title.size() / 2))) {
                    best = i;
                }
            }
            if (best > 0) {
                title[best] = QLatin1Char('\n');
            }
        }
        axis->setProperty("fgShown", title);
        axis->setLabel(title);
    }
}

int chartHeightFor(QCustomPlot* chart, int width, int plotHeight) {
    // What the chart sets around its plot at a tall size, which does not change with the height.
    const QRect own = chart->viewport();
    constexpr int kTall = 2000;
    layOut(chart, QSize(width, kTall));
    const int around = kTall - chart->axisRect()->height();
    layOut(chart, own.size());
    chart->setViewport(own);
    return around + plotHeight;
}

void paintChart(QCustomPlot* chart, QCPPainter& painter, QSize size) {
    fitTicks(chart, size);
    chart->toPainter(&painter, size.width(), size.height());
}

void setChartTextPx(QCustomPlot* chart, int px) {
    chart->setProperty("fgTextPx", px);
    const auto sized = [px](QFont font) {
        font.setPixelSize(px);
        return font;
    };
    for (QCPAxis* axis : {chart->xAxis, chart->yAxis, chart->xAxis2, chart->yAxis2}) {
        axis->setTickLabelFont(sized(axis->tickLabelFont()));
        axis->setLabelFont(sized(axis->labelFont()));
    }
    chart->legend->setFont(sized(chart->legend->font()));
}

ChartTextAtLeast::ChartTextAtLeast(QCustomPlot* chart, int px)
    : chart_(chart), textPx_(chart->property("fgTextPx")) {
    for (QCPAxis* axis : {chart->xAxis, chart->yAxis, chart->xAxis2, chart->yAxis2}) {
        fonts_.push_back(axis->tickLabelFont());
        fonts_.push_back(axis->labelFont());
    }
    fonts_.push_back(chart->legend->font());
    if (QFontInfo(chart->legend->font()).pixelSize() < px) {
        setChartTextPx(chart, px);
    }
}

ChartTextAtLeast::~ChartTextAtLeast() {
    chart_->setProperty("fgTextPx", textPx_);
    std::size_t i = 0;
    for (QCPAxis* axis : {chart_->xAxis, chart_->yAxis, chart_->xAxis2, chart_->yAxis2}) {
        axis->setTickLabelFont(fonts_[i++]);
        axis->setLabelFont(fonts_[i++]);
    }
    chart_->legend->setFont(fonts_[i]);
}

void placeLegendAbove(QCustomPlot* chart) {
    chart->legend->setVisible(true);
    if (chart->axisRect()->insetLayout()->elements(false).contains(chart->legend)) {
        chart->axisRect()->insetLayout()->take(chart->legend);
    }
    chart->plotLayout()->insertRow(0);
    chart->plotLayout()->addElement(0, 0, chart->legend);
    chart->plotLayout()->setRowStretchFactor(0, 0.001);
    // A rectangle's frame is drawn one pixel beyond its size: a legend as wide as the chart had
    // its right edge outside it.
    chart->plotLayout()->setMargins(QMargins(0, 0, 1, 0));
}

namespace {

// A chart that does not zoom passes the wheel to the page that scrolls around it (QCustomPlot
// takes every wheel event: over the RocksDB lab's chart the page would not scroll, a tester).
class WheelToPage : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        auto* chart = qobject_cast<QCustomPlot*>(watched);
        if (event->type() != QEvent::Wheel || !chart ||
            chart->interactions().testFlag(QCP::iRangeZoom)) {
            return false;
        }
        for (QWidget* w = chart->parentWidget(); w; w = w->parentWidget()) {
            if (auto* area = qobject_cast<QAbstractScrollArea*>(w)) {
                QCoreApplication::sendEvent(area->viewport(), event);
                return true;
            }
        }
        return false;
    }
};

} // namespace

namespace {

constexpr const char* kFollowsPage = "fgFollowsPageType";
constexpr const char* kThemeScale = "fgThemeScale";

// The letters of `chart`: setChartTextPx's size, else 9 points times the theme's type scale
// (times its page's type against the application's, when it follows its page).
QFont chartFont(const QCustomPlot* chart, qreal themeScale) {
    QFont font = chart->font();
    if (const int px = chart->property("fgTextPx").toInt(); px > 0) {
        font.setPixelSize(px);
        return font;
    }
    qreal points = 9 * themeScale;
    if (chart->property(kFollowsPage).toBool()) {
        // The sizes asked for (QFontInfo's are rounded to whole pixels).
        const auto size = [](const QFont& f) {
            return f.pointSizeF() > 0 ? f.pointSizeF() : f.pixelSize() * 0.75;
        };
        points *= size(chart->font()) / size(QApplication::font());
    }
    font.setPointSizeF(points);
    return font;
}

void setChartFont(QCustomPlot* chart, const QFont& font) {
    for (QCPAxis* axis : {chart->xAxis, chart->yAxis, chart->xAxis2, chart->yAxis2}) {
        axis->setTickLabelFont(font);
        axis->setLabelFont(font);
    }
    chart->legend->setFont(font);
}

// The page's type changed (a zoom step sets every widget's font): the chart's letters again.
class PageTypeFollower : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::FontChange) {
            if (auto* chart = qobject_cast<QCustomPlot*>(watched)) {
                setChartFont(chart, chartFont(chart, chart->property(kThemeScale).toReal()));
                chart->replot(QCustomPlot::rpQueuedReplot);
            }
        }
        return false;
    }
};

} // namespace

void followPageType(QCustomPlot* chart) {
    if (!chart->property(kFollowsPage).toBool()) {
        chart->setProperty(kFollowsPage, true);
        chart->setProperty(kThemeScale, 1.0);
        chart->installEventFilter(new PageTypeFollower(chart));
    }
}

void styleChart(QCustomPlot* chart, const Theme& theme) {
    chart->setBackground(theme.background);
    chart->setProperty(kThemeScale, theme.fontScale);
    const QFont font = chartFont(chart, theme.fontScale);
    for (QCPAxis* axis : {chart->xAxis, chart->yAxis, chart->xAxis2, chart->yAxis2}) {
        const QPen pen(theme.line, theme.lineWidth / 1.5);
        axis->setBasePen(pen);
        axis->setTickPen(pen);
        axis->setSubTickPen(pen);
        axis->setTickLabelColor(theme.text);
        axis->setLabelColor(theme.text);
        const QPen grid(theme.surface.darker(theme.kind == Theme::Kind::Dark ? 60 : 110));
        axis->grid()->setPen(grid);
        // The line at 0 as the others: QCustomPlot's own, light grey (200, 200, 200), stood out
        // on Dark as a marker (a tester).
        axis->grid()->setZeroLinePen(grid);
    }
    // The labels counted again before every replot, as the chart is resized.
    if (!chart->property("fgTicksFit").toBool()) {
        chart->setProperty("fgTicksFit", true);
        QObject::connect(chart, &QCustomPlot::beforeReplot, chart,
                         [chart] { fitTicks(chart, chart->viewport().size()); });
        describeAfterReplot(chart); // a screen reader's text of it (chart_summary.h)
        chart->installEventFilter(new WheelToPage(chart));
    }
    setChartFont(chart, font);
    chart->legend->setBrush(theme.surface);
    chart->legend->setTextColor(theme.text);
    chart->legend->setBorderPen(QPen(theme.line));
}

} // namespace fg
