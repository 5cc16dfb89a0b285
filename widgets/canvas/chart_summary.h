// Chart summary: a chart in words, for a screen reader (the chart's accessible description): its
// axes, then each series by its legend name, how many points it has, its least and greatest value
// and its last one ("Write amplification: 12 points, from 1 to 3.5, last 3.5 at step 12."). Kept
// up to date after every replot by styleChart, which every chart of the app goes through.
#pragma once

#include <QString>

class QCustomPlot;

namespace fg {

QString chartSummary(QCustomPlot& chart); // not const: QCustomPlot has no const accessors

// Sets `chart`'s accessible description to chartSummary() after each replot (a change only: a
// description that changes sends its event to the reader), and its role to Chart (own_focus.h).
void describeAfterReplot(QCustomPlot* chart);

} // namespace fg
