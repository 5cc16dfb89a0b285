// DiagramView: what every live diagram's page has in common, so each diagram only says what is
// its own. A row of controls on top (the diagram's buttons, then its presets and the Scenario
// menu), the diagram panel (canvas, narration, playback), an optional chart under it, and a line
// of counters that follows the step on screen. Scenarios open and save as the command line's JSON
// (docs/cli.md, "Scenarios"): opening a broken file says what is wrong and changes nothing;
// saving goes through QSaveFile, so a failed save leaves the old file whole.
#pragma once

#include "engines/core/status.h"
#include "widgets/canvas/diagram_panel.h"
#include "widgets/canvas/page.h"
#include "widgets/export/picture_export.h"

#include <QWidget>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>

class QCustomPlot;
class QHBoxLayout;
class QLabel;
class QMenu;
class QPushButton;
class QSplitter;

namespace fg {

class DiagramView : public QWidget, public Page {
    Q_OBJECT
public:
    explicit DiagramView(QWidget* parent = nullptr);
    ~DiagramView() override;

    DiagramPanel* panel() { return panel_; }
    const Theme& theme() const { return theme_; }
    void setTheme(const Theme& theme) override;
    // The registry's title of the diagram (diagram_pages.cpp).
    QString pageTitle() const override;
    // The step on screen (picture()), the canvas's size, "ENGINE-step-N" and the source
    // (diagram_pages.cpp).
    std::optional<Exportable> exportable() override;
    // The engine name scenarios of this diagram carry ("btree", "lsm"...).
    virtual const char* engineName() const = 0;
    // What is on screen as a scenario, and loading one (which replaces everything on success).
    virtual nlohmann::json scenarioJson() const = 0;
    Status loadScenario(const nlohmann::json& scenario);

    // For a projector: the controls row is hidden and the narration is `narrationPx` high.
    void setPresenting(bool on, int narrationPx = 0);

    // The diagram's default scenario (content/scenarios/ENGINE.json), shown at its last step.
    void openDefaultScenario();

    // REQUIRES: nothing. On failure `error` names the file and the problem.
    bool openScenarioFile(const QString& path, QString* error);
    bool saveScenarioFile(const QString& path, QString* error) const;
    QString countersText() const;
    // The chart under the diagram, or null when it has none.
    QCustomPlot* chart() { return chart_; }
    // The step on screen as every export draws it, in `theme`: the frame at rest and its
    // narration as a caption.
    PaintFunction picture(const Theme& theme);

protected:
    QHBoxLayout* controls() { return controls_; }
    QPushButton* addButton(const QString& text, std::function<void()> onClick);
    // A preset replaces the scenario (`load`) and plays it from the start.
    void addPreset(const QString& text, std::function<void()> load);
    // Ends the row of controls: presets, then the Scenario menu (open, save).
    void finishControls();
    // Tooltips for the controls, each found by the accessible name it was given.
    void setToolTips(const QList<std::pair<QString, QString>>& tips);
    // A chart under the diagram, coloured by the theme; the view fills it in refresh().
    QCustomPlot* addChart(const QString& accessibleName);
    // Shows `source` at `position` (-1: before the first step; -2: the last step).
    void showSource(std::unique_ptr<DiagramSource> source, int position);

    virtual Status applyScenario(const nlohmann::json& scenario) = 0;
    // Counters (and chart) for the step on screen.
    virtual void refresh() = 0;
    void setCounters(const QString& text);
    // A line under the controls for what the student typed wrong (empty: hidden).
    void showMessage(const QString& text);

private:
    void openScenarioDialog();
    void saveScenarioDialog();

    Theme theme_ = Theme::light();
    QHBoxLayout* controls_;
    QMenu* presets_ = nullptr;
    QSplitter* split_;
    DiagramPanel* panel_;
    QCustomPlot* chart_ = nullptr;
    QLabel* message_;
    QLabel* counters_;
};

} // namespace fg
