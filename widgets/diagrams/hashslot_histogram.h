// The Redis diagram's histogram of keys per master: one bar per master in the colour and border
// the diagram gives that node (HashslotDiagram::nodeColor, nodeBorder), whole numbers of keys up
// the side. The live diagram (HashslotView) and the Lab's Redis page (RedisLabPage) draw it with
// these two functions, so the two look the same.
#pragma once

#include "models/theme/theme.h"

#include <vector>

class QCustomPlot;

namespace fg {

struct KeysBar {
    int node = 0;    // the master's id: its colour
    double keys = 0; // its height
};

// Axis titles, whole-number ticks, no legend. Once per chart.
void setUpKeysHistogram(QCustomPlot* plot);
// The bars, at x = 0, 1, 2... in the order given, and both axes' ranges; replots (queued).
void drawKeysHistogram(QCustomPlot* plot, const std::vector<KeysBar>& bars, const Theme& theme);

} // namespace fg
