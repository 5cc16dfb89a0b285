// LabScenarioRun: the top of a Lab page that runs a whole scenario (RocksDB, Kafka, time
// buckets): "Scenario:", the list of scenarios (the default one from the course's content, and
// those the open diagram offers), the page's Run button and the status line under them. Run
// sends the picked scenario to the page's lab in the helper program and hands the answer back;
// the lab's progress and failures are said on the status line.
#pragma once

#include <QWidget>
#include <functional>
#include <nlohmann/json.hpp>
#include <vector>

class QComboBox;
class QLabel;
class QPushButton;

namespace fg {

class LabClient;

class LabScenarioRun : public QWidget {
    Q_OBJECT
public:
    // `runText`: the button's words ("&Run in RocksDB and the model"); `defaultScenario`: the
    // resource of the default scenario (":/content/scenarios/lsm.json"); `client`: the page's.
    LabScenarioRun(const QString& runText, const QString& defaultScenario, LabClient* client,
                   QWidget* parent);

    // A scenario to offer, `from` naming it: one entry per name, replaced when offered again,
    // and picked when `pick` (else the student's choice stays).
    void offer(const QString& from, const nlohmann::json& scenario, bool pick = true);

    // Runs the picked scenario as the lab's `op` ("lsm.run"): `done` gets the lab's answer and
    // the scenario run; a failure is said on the status line and `failed` is emitted. Nothing
    // while a run is under way.
    using Done = std::function<void(const nlohmann::json& result, const nlohmann::json& scenario)>;
    void run(const QString& op, Done done);

    void setStatus(const QString& text);
    QString status() const;
    // The scenario of the run under way (or of the last run).
    const nlohmann::json& running() const { return running_; }
    QComboBox* scenarios() const { return scenarios_; }
    QPushButton* runButton() const { return runButton_; }

signals:
    // The Run button was pressed: the page runs (run()) with its op and its answer.
    void runRequested();
    void failed();
    // A piece of the run's answer, ahead of it (the lab's "part" messages).
    void partRead(const nlohmann::json& piece);

private:
    LabClient* client_;
    QComboBox* scenarios_ = nullptr;
    QPushButton* runButton_ = nullptr;
    QLabel* status_ = nullptr;
    std::vector<nlohmann::json> scenarioJson_; // per entry of the list
    nlohmann::json running_;
};

} // namespace fg
