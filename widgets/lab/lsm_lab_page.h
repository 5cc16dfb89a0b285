// LsmLabPage: Lab > RocksDB. An LSM scenario (the open LSM diagram's, or the default one) runs
// through a real RocksDB and through the model, in the Lab's helper program; the page draws both
// trees with the LSM diagram's look, side by side, moment by moment (after each flush or
// compaction, each get), one playback bar moving both, and under them the comparison (each
// difference with its reason), what each get consulted, and the settings the lab gave RocksDB.
// RocksDB is embedded in the helper: no server runs, and its folder is removed after each run.
#pragma once

#include "engines/lsm/lsm_tree.h"
#include "lab/rocks_data.h"
#include "widgets/canvas/page.h"

#include <QWidget>
#include <memory>
#include <nlohmann/json.hpp>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace fg {

class DiagramCanvas;
class LabClient;
class LabScenarioRun;
class LsmAmpChart;
class LsmLabSource;
class PlaybackBar;

class LsmLabPage : public QWidget, public Page {
    Q_OBJECT
public:
    explicit LsmLabPage(QWidget* parent = nullptr);
    ~LsmLabPage() override;

    void setTheme(const Theme& theme) override;
    QString pageTitle() const override;
    // Both trees at the moment on screen, side by side, each under its title, with RocksDB's
    // narration as the caption; none before a run.
    std::optional<Exportable> exportable() override;
    // View > Zoom in, out, reset: both drawings alike.
    bool zoomPage(int direction) override;
    bool zoomsTypeToo() const override { return true; }

    // A scenario to offer as the one to run, `from` naming it ("the LSM diagram's scenario:
    // ..."); it becomes the one picked when `pick`. The main window offers the open LSM
    // diagram's (picked when the page opens, kept up to date without a change of choice after).
    void offerScenario(const QString& from, const nlohmann::json& scenario, bool pick = true);
    // Runs the scenario picked (the button Run).
    void run();

    // What the page shows, for tests: the status line, the two sides' narration, how many
    // moments the run has, the comparison's rows as "quantity: real / model".
    QString status() const;
    QString realNarration() const;
    QString modelNarration() const;
    int moments() const;
    QStringList comparisonRows() const;
    DiagramCanvas* realCanvas() const { return real_; }
    DiagramCanvas* modelCanvas() const { return model_; }
    LsmAmpChart* ampChart() const { return amp_; }

signals:
    // A run ended (shown, or failed with the status line saying why).
    void runFinished(bool ok);

private:
    QWidget* buildSides();
    QWidget* buildTables();
    void showRun(const nlohmann::json& result, const nlohmann::json& scenario);
    void fillTables();
    void setStatus(const QString& text);

    LabClient* client_ = nullptr;
    LabScenarioRun* picker_ = nullptr;
    QLabel* realTitle_ = nullptr;
    QLabel* modelTitle_ = nullptr;
    QLabel* realNarration_ = nullptr;
    QLabel* modelNarration_ = nullptr;
    DiagramCanvas* real_ = nullptr;
    DiagramCanvas* model_ = nullptr;
    PlaybackBar* bar_ = nullptr;
    QTableWidget* comparison_ = nullptr;
    QTableWidget* gets_ = nullptr;
    QLabel* settings_ = nullptr;
    LsmAmpChart* amp_ = nullptr;
    std::shared_ptr<lab::LsmLabRun> run_;
    std::unique_ptr<LsmLabSource> realSource_, modelSource_;
    Theme theme_;
    lsm::LsmParams params_;
};

} // namespace fg
