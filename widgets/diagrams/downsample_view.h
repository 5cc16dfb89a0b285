// DownsampleView: the time-series store as a student drives it. Above, the tiers and their time
// blocks (DownsampleDiagram); below, a QCustomPlot chart of what the store holds at the step on
// screen: raw points, and each rollup's average with its min-max band. Ingest a day of points,
// let time pass so retention drops raw blocks while the rollups stay, and query a range to see
// which tier answers.
#pragma once

#include "engines/scenario/downsample_scenario.h"
#include "engines/timeseries/tiered_store.h"
#include "widgets/diagrams/downsample_diagram.h"
#include "widgets/diagrams/step_view.h"

namespace fg {

struct DownsampleViewTraits {
    using Scenario = DownsampleScenario;
    using Diagram = DownsampleDiagram;
    static constexpr const char* kEngine = "downsample";
    static Status parse(const nlohmann::json& json, Scenario& out);
    static nlohmann::json write(const Scenario& scenario);
    static std::unique_ptr<Diagram> diagram(Scenario scenario, std::optional<KeepOnly> only,
                                            BuildWatch* watch);
    static bool keyEvent(const Diagram::Step& step);
};

class DownsampleView : public StepView<DownsampleViewTraits> {
    Q_OBJECT
public:
    explicit DownsampleView(QWidget* parent = nullptr);

    using StepView::setScenario;
    // The default tiers.
    void setScenario(std::vector<timeseries::TieredOp> ops);
    void setScenario(std::vector<timeseries::Tier> tiers, std::vector<timeseries::TieredOp> ops);

protected:
    void refresh() override;
    void chartPlaced() override { lineUpTimeAxis(); }
    // Ctrl+wheel and a drag across the chart zoom and pan the drawing, which the chart's time
    // axis follows (they did nothing there).
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // Under the drawing the chart's time axis is the drawing's: an hour is as wide, at the same
    // place, as in the diagram above (at any zoom or pan), with the diagram's tick labels;
    // beside it, the chart shows the diagram's axis whole.
    void lineUpTimeAxis();
    // The drawing shaped to the canvas's room, while it is fitted (not zoomed or dragged): the
    // time axis as long as makes the drawing's shape the room's (DownsampleDiagram::
    // setAxisUnits), the frames on screen laid out again when it changes by over kReshapeAt (a
    // slide's narration of one line more or less at a step moved the whole drawing: tester 48).
    static constexpr qreal kReshapeAt = 0.1;
    void shapeToCanvas();
    void diagramBuilt() override { shapeToCanvas(); }
    QSizeF drawingIn(QSizeF room, QSizeF drawing) const override;
    QPointF dragFrom_; // where the last drag event over the chart was, in its pixels
};

} // namespace fg
