// Charts follow the theme: QCustomPlot does not read the palette, so every chart of the app is
// coloured here from the theme (background, axes, grid, legend, type size).
#pragma once

#include "models/theme/theme.h"

class QCustomPlot;

namespace fg {

void styleChart(QCustomPlot* chart, const Theme& theme);

} // namespace fg
