// DiagramView: what every live diagram's page has in common, so each diagram only says what is
// its own. A row of controls on top (the diagram's buttons, then its presets, the Scenario menu,
// Undo and Reset), the diagram panel (canvas, narration, playback, zoom), an optional chart under
// it, and a line of counters that follows the step on screen. Scenarios open and save as the
// command line's JSON (docs/cli.md, "Scenarios"): opening a broken file says what is wrong and
// changes nothing; saving goes through AtomicFile, so a failed save leaves the old file whole.
// A new scenario (opened, a preset, Reset) is shown before its first step with an opening
// sentence (its title, or what it holds) and the whole drawing fitted to the window; Ctrl+0,
// Ctrl++ and Ctrl+- zoom the diagram wherever the focus is on the page, Ctrl+Z undoes the last
// operation added from the controls.
#pragma once

#include "engines/core/status.h"
#include "widgets/canvas/diagram_panel.h"
#include "widgets/canvas/page.h"
#include "widgets/controls/range_box.h"
#include "widgets/diagrams/flow_layout.h"
#include "widgets/export/picture_export.h"

#include <QPointer>
#include <QWidget>
#include <algorithm>
#include <functional>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <vector>

class QCustomPlot;
class QFrame;
class QLabel;
class QTimer;
class QAction;
class QMenu;
class QLineEdit;
class QPushButton;
class QSplitter;

namespace fg {

class DiagramView : public QWidget, public Page, public RangeNotes {
    Q_OBJECT
public:
    // The most characters a key box of a diagram takes (limitKeyBox).
    static constexpr int kMostKeyChars = 4096;
    // At the desk a chart that leaves the drawing's type (its median letters) under this much
    // of the page's, under the drawing or beside it, is hidden (in the Projector theme, made to
    // be read from the back of a room: under the page's type itself), a line under the counters
    // saying so with a link that shows it (a 1000x700 window in the Projector theme drew the
    // time-series tiers in 7 px letters over a chart: tester 47 D3).
    static constexpr qreal kLeastDrawingType = 0.8;
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
    // View > Zoom zooms the drawing (as Ctrl+wheel and the Fit / Zoom buttons do); Reset fits it.
    bool zoomPage(int direction) override;
    // The engine name scenarios of this diagram carry ("btree", "lsm"...).
    virtual const char* engineName() const = 0;
    // What is on screen as a scenario, and loading one (which replaces everything on success).
    virtual nlohmann::json scenarioJson() const = 0;
    // The title of the scenario on screen as it was loaded (a preset's menu entry, a file's
    // "title"), said "(changed)" once an operation or a setting was changed (the slide went back
    // to the diagram's name alone over a preset's run with another order: tester 44); empty
    // when it had none.
    QString scenarioTitle() const;
    Status loadScenario(const nlohmann::json& scenario);

    // For a projector: the controls row is hidden and the narration is `narrationPx` high.
    void setPresenting(bool on, int narrationPx = 0);
    // The chart (if any) beside the drawing instead of under it: on a wide slide, a drawing
    // limited by its height gets the whole height (presentation.cpp chooses).
    void setChartBeside(bool beside);
    // On a slide: shows the chart if it is hidden, hides it if it is shown (the slide's C key).
    // False when the diagram has no chart.
    bool toggleChartOnSlide();
    // True when the diagram has a chart and it is on screen (on a slide it may be hidden).
    bool chartShown() const;
    // How many lines the controls above the drawing take at the page's width.
    int controlLines() const;

    // The diagram's default scenario (content/scenarios/ENGINE.json), shown before its first
    // step. Reset does this.
    void openDefaultScenario();
    // No operation, the same settings (params): an empty structure to build on. Clear does this.
    void clearScenario();
    // The presets' menu entries, in order (empty when the diagram has none).
    QList<QAction*> presetActions() const;
    // Takes back the last operation added from the controls (a key inserted, a node added...),
    // and shows where the operations before it end. False when there is none to take back.
    // The button and Ctrl+Z take back, the last first, every operation, setting, preset, Clear,
    // Reset and file opened (StepView keeps the history).
    virtual bool canUndo() const { return false; }
    virtual void undo() {}

    // A scenario asking for much work builds on another thread (StepView): meanwhile the drawing
    // on screen stays, a line over it counts the steps built, with a Cancel button (Esc too), and
    // the controls wait. True while a build is under way.
    virtual bool building() const { return false; }
    // Stops the build under way: the page keeps what it shows, and the settings it was built with.
    virtual void cancelBuild() {}
    // Blocks until the build under way (if any) is on screen.
    virtual void waitForBuild() {}
    // Runs `then` once the diagram being built is on screen (at once when none is being built);
    // dropped if the build is cancelled, fails or is replaced by another.
    void afterBuild(std::function<void()> then);
    // The line over the drawing while a build is under way (hidden else).
    QWidget* buildingLine() const { return building_; }

    // REQUIRES: nothing. Ok, or the problem, naming the file (bad input: not a scenario of this
    // diagram; a failure: it could not be read or written).
    Status openScenarioFile(const QString& path);
    // "Practice this" in the Scenario menu (the app adds it to the diagrams whose engine has
    // exercises: Study > Practice on that topic).
    void addPracticeAction(std::function<void()> onClick);
    // Loads `scenario` as a preset does: Undo (Ctrl+Z) brings back what was on screen.
    Status loadScenarioUndoably(const nlohmann::json& scenario);
    Status saveScenarioFile(const QString& path) const;
    QString countersText() const;
    // The chart under the diagram, or null when it has none.
    QCustomPlot* chart() { return chart_; }
    // The step on screen as every export draws it, in `theme`: the frame at rest and its
    // narration as a caption.
    PaintFunction picture(const Theme& theme);

protected:
    // Focusing the page (a new tab) gives the keys to the drawing: Space plays, Right steps, as
    // the opening sentence says (a tester's new tab took no key until a click on the drawing).
    void focusInEvent(QFocusEvent* event) override;
    // The row of controls: it wraps onto more lines when the page is narrow (FlowLayout).
    FlowLayout* controls() { return controls_; }
    // A button of the controls row with its tooltip (what it does, in a sentence).
    QPushButton* addButton(const QString& text, const QString& tip, std::function<void()> onClick);
    // Keeps `box` at least `chars` characters wide in its font, whatever the font becomes (a
    // crowded row shrank the key box to "K..."), and at most `most` characters when given.
    void keepRoomFor(QWidget* box, int chars, int most = 0);
    // A key box takes kMostKeyChars characters at most. A key pasted or typed past that is
    // refused whole, with a message naming the limit: Qt cut a 1 MB key to its first 4,096
    // characters without a word, and the diagram gave that key's slot, not the key's (a tester).
    void limitKeyBox(QLineEdit* box);
    // A preset replaces the scenario (`load`, with every param named: the page's defaults for
    // those it does not set) and plays it from the start; its text is the opening sentence.
    void addPreset(const QString& text, std::function<void()> load);
    // Ends the row of controls: presets, then the Scenario menu (open, save), Undo and Reset.
    void finishControls();
    // A chart under the diagram, coloured by the theme; the view fills it in refresh().
    QCustomPlot* addChart(const QString& accessibleName);
    // Shows `source` at `position` (-1: before the first step; -2: the last step; below -2, a
    // step before the last: stepsBeforeLast(n)).
    void showSource(std::unique_ptr<DiagramSource> source, int position);
    static constexpr int stepsBeforeLast(int n) { return -2 - n; }
    // The step `position` (as showSource takes it) is in a run of `steps` steps.
    static int resolvePosition(int position, int steps) {
        return position >= -1 ? position : std::max(-1, steps + 1 + position);
    }
    // A new scenario came in whole (its title, if any, is the preset's or the file's): the
    // drawing fitted to the window.
    void newScenario();
    // Undo brought back a scenario that a control had replaced whole, titled `title`: the drawing
    // fitted to the window, as a new one.
    void scenarioBack(const QString& title);
    // While a control replaces the scenario whole (a preset, Clear, Reset, a file opened), what
    // was on screen: Undo brings it back there. Empty the rest of the time (a scenario opened at
    // start, a tab restored: nothing to undo).
    struct Replacing {
        int position = -1; // the step on screen
        QString title;
    };
    std::optional<Replacing> replacing() const { return replacing_; }
    // The operations changed from the controls: the scenario is the student's own now.
    void scenarioEdited();
    // Undo is available or not any more.
    void undoChanged();

    virtual Status applyScenario(const nlohmann::json& scenario) = 0;
    // A build is under way, `steps` built so far: the line over the drawing says so, the
    // controls wait, and pollBuild() is called every 50 ms until buildEnded().
    void showBuilding(std::size_t steps);
    // The building line in the theme's colours and the narration's type (when shown, and at a
    // change of theme while it is on screen).
    void styleBuilding();
    enum class BuildEnd { Shown, Replaced, Cancelled, Failed };
    // The build ended: on screen (what waited for it runs), replaced by a newer one, cancelled
    // (the scenario's title comes back with the drawing's), or failed.
    void buildEnded(BuildEnd how);
    // Called every 50 ms while a build is under way.
    virtual void pollBuild() {}
    // Counters (and chart) for the step on screen.
    virtual void refresh() = 0;
    void setCounters(const QString& text);
    // What the counters mean, shown when the pointer rests on them.
    void setCountersToolTip(const QString& text);
    // True when the chart is under the drawing (false: beside it, or no chart).
    bool chartUnderDrawing() const;
    // The chart was resized or moved beside or under the drawing.
    virtual void chartPlaced() {}
    // The drawing's size (frame units) in a canvas whose room (less its margin) is `room`
    // pixels: `drawing`, its size now, unless the page shapes its drawing to its room. The chart
    // is placed by it: placed by the shape the drawing has now, in the room the chart left, the
    // two went to and fro.
    virtual QSizeF drawingIn(QSizeF /*room*/, QSizeF drawing) const { return drawing; }
    // The scale that fits the drawing (drawingIn) in a canvas of `room` pixels, its margin kept.
    qreal drawingScaleIn(QSizeF room, QSizeF drawing) const;
    // A note over the top of the drawing for what the student typed wrong (empty: hidden). It
    // does not move the drawing, and the next action (a button, a preset, a theme) clears it.
    void showMessage(const QString& text);
    // A number typed out of a box's range says so the same way.
    void sayOutOfRange(const QString& text) override { showMessage(text); }
    bool eventFilter(QObject* watched, QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void placeMessage();
    // Tab in the order the page reads: its controls, the drawing, the playback bar, the zoom.
    void orderTabs();
    void makeBuildingLine(); // diagram_view_build.cpp, as the rest of the build's line
    // A control that replaces the scenario whole (Presets, Scenario, Undo, Clear, Reset) stays
    // usable while a build runs: it replaces the build too. The others wait.
    static constexpr const char* kReplacesWhole = "fgReplacesWhole";
    void placeBuildingLine();
    std::optional<QMargins> margins_; // the page's own, at the desk
    // At the desk in the projector theme (a room reads the drawing) the chart goes beside the
    // drawing when that leaves the drawing larger, as on a slide; else, and in the other themes,
    // under it.
    void placeChart();
    void placeChartOnSlide();
    // The chart's legend in as many rows as its width needs, and the chart at least as high as
    // it needs whole.
    void fitLegend();
    // The least height the chart needs whole at `width`: its legend in as many rows as that width
    // needs (it is left so), its axes' labels and titles. REQUIRES: a chart.
    int chartNeedsAt(int width);
    // Replaces the scenario by `replace` (a preset, Clear, Reset, a file) so that Undo brings
    // back the one before.
    void replaceUndoably(const std::function<void()>& replace);
    void openScenarioDialog();
    void saveScenarioDialog();

    Theme theme_ = Theme::light();
    FlowLayout* controls_;
    QMenu* presets_ = nullptr;
    QSplitter* split_;
    DiagramPanel* panel_;
    QCustomPlot* chart_ = nullptr;
    QLabel* message_;
    QLabel* counters_;
    QMenu* scenarioMenu_ = nullptr;
    QPushButton* undo_ = nullptr;
    QFrame* building_; // over the drawing while a build is under way
    QLabel* buildingText_;
    QTimer* buildPoll_;
    QAction* buildEscape_;
    std::vector<std::function<void()>> afterBuild_;
    std::vector<QPointer<QWidget>> waiting_; // the controls a build disabled
    QString
        shownTitle_; // scenarioTitle() of the drawing on screen (a cancelled build's comes back)
    QString title_;  // of the scenario on screen, as it was loaded
    bool edited_ = false;                // since it was loaded
    QString nextTitle_;                  // the title for the scenario being loaded
    std::optional<Replacing> replacing_; // see replacing()
    bool presenting_ = false;
    // On a slide the chart is shown when it leaves the drawing room enough (Auto), or as the C
    // key last asked.
    enum class SlideChart { Auto, Shown, Hidden };
    SlideChart slideChart_ = SlideChart::Auto;
    QLabel* chartHint_ = nullptr;   // under the counters: the chart is hidden, and how to show it
    bool chartSizedByUser_ = false; // the student dragged the divider under the drawing
    bool chartWanted_ = false;      // the student showed a chart that placeChart hid
    bool placingChart_ = false;     // in placeChart (its resizes call it again)
    bool chartHasRoom_ = false;     // placeChart found room for the chart last time
};

} // namespace fg
