// DownsampleView: the time-series store as a student drives it. Above, the tiers and their time
// blocks (DownsampleDiagram); below, a QCustomPlot chart of what the store holds at the step on
// screen: raw points, and each rollup's average with its min-max band. Ingest a day of points,
// let time pass so retention drops raw blocks while the rollups stay, and query a range to see
// which tier answers.
#pragma once

#include "diagram/diagram_panel.h"
#include "timeseries/tiered_store.h"

#include <QWidget>

class QCustomPlot;
class QLabel;

namespace fg {

class DownsampleDiagram;

class DownsampleView : public QWidget {
    Q_OBJECT
public:
    explicit DownsampleView(QWidget* parent = nullptr);

    void setScenario(std::vector<timeseries::TieredOp> ops);
    void addOp(const timeseries::TieredOp& op);
    const std::vector<timeseries::TieredOp>& ops() const { return ops_; }
    DiagramPanel* panel() { return panel_; }
    QCustomPlot* chart() { return chart_; }
    void setTheme(const Theme& theme);

private:
    void rebuild(int position);
    void refresh();

    std::vector<timeseries::TieredOp> ops_;
    const DownsampleDiagram* diagram_ = nullptr;
    Theme theme_ = Theme::light();
    DiagramPanel* panel_;
    QCustomPlot* chart_;
    QLabel* counters_;
};

} // namespace fg
