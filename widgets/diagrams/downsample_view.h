// DownsampleView: the time-series store as a student drives it. Above, the tiers and their time
// blocks (DownsampleDiagram); below, a QCustomPlot chart of what the store holds at the step on
// screen: raw points, and each rollup's average with its min-max band. Ingest a day of points,
// let time pass so retention drops raw blocks while the rollups stay, and query a range to see
// which tier answers.
#pragma once

#include "engines/timeseries/tiered_store.h"
#include "widgets/diagrams/diagram_view.h"

namespace fg {

class DownsampleDiagram;

class DownsampleView : public DiagramView {
    Q_OBJECT
public:
    explicit DownsampleView(QWidget* parent = nullptr);

    void setScenario(std::vector<timeseries::TieredOp> ops);
    void setScenario(std::vector<timeseries::Tier> tiers, std::vector<timeseries::TieredOp> ops);
    void addOp(const timeseries::TieredOp& op);
    const std::vector<timeseries::TieredOp>& ops() const { return ops_; }
    const char* engineName() const override { return "downsample"; }
    nlohmann::json scenarioJson() const override;

protected:
    Status applyScenario(const nlohmann::json& scenario) override;
    void refresh() override;

private:
    void rebuild(int position);

    std::vector<timeseries::Tier> tiers_ = timeseries::TieredStore::defaultTiers();
    std::vector<timeseries::TieredOp> ops_;
    const DownsampleDiagram* diagram_ = nullptr;
};

} // namespace fg
