// Charts follow the theme: QCustomPlot does not read the palette, so every chart of the app is
// coloured here from the theme (background, axes, grid, legend, type size).
#pragma once

#include "models/theme/theme.h"

#include <QFont>
#include <QSize>
#include <QVariant>
#include <vector>

class QCustomPlot;
class QCPPainter;

namespace fg {

void styleChart(QCustomPlot* chart, const Theme& theme);

// Puts `chart`'s legend (shown) in a row of its own above the plot, where it never covers a
// point, whole: its frame's right edge lay one pixel outside the widget (a tester saw it cut).
// The caller sets how its entries fill it.
void placeLegendAbove(QCustomPlot* chart);

// Has `chart`'s letters follow its page's type from now on: a page zoomed (View > Zoom in on a
// simulator: every widget's font 10% larger a step) or set larger than the application's (a
// study page's body type) makes them that much larger, as it does the page's words. Call it
// before styleChart. Charts sized by setChartTextPx keep that size.
void followPageType(QCustomPlot* chart);
// REQUIRES: px > 0. Sets every letter of `chart` (tick labels, axis titles, legend) `px` pixels
// high from now on, whatever the theme's type (a presentation's slide: its body text's size).
void setChartTextPx(QCustomPlot* chart, int px);

// While it lives, `chart`'s letters are at least `px` pixels high (a picture drawn larger than
// the chart's widget: a 1920x1080 export of B-Tree vs LSM-tree had 7 px legends under a 32 px
// summary); then as they were.
class ChartTextAtLeast {
public:
    ChartTextAtLeast(QCustomPlot* chart, int px);
    ~ChartTextAtLeast();
    ChartTextAtLeast(const ChartTextAtLeast&) = delete;
    ChartTextAtLeast& operator=(const ChartTextAtLeast&) = delete;

private:
    QCustomPlot* chart_;
    QVariant textPx_;
    std::vector<QFont> fonts_; // the axes' tick label and title fonts, then the legend's
};

// As many labels on each vertical axis of `chart` as fit its height laid out at `size`: three
// lines of its type a label, two to five labels (the default five overlapped in a short chart);
// and its title on two lines when it is longer than the axis. styleChart has every replot fit
// them again at the widget's size.
void fitTicks(QCustomPlot* chart, QSize size);

// The height `chart` needs, `width` wide, for a plot `plotHeight` high: that and its legend, its
// axes' labels and titles around the plot.
int chartHeightFor(QCustomPlot* chart, int width, int plotHeight);

// Draws `chart` on `painter` at `size` (a picture, a page: not its widget's size), the labels of
// its vertical axes fitted to that size. Its layout is left at that size, as toPainter leaves it.
void paintChart(QCustomPlot* chart, QCPPainter& painter, QSize size);

} // namespace fg
