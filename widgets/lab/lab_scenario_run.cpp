#include "widgets/lab/lab_scenario_run.h"

#include "widgets/controls/eliding_combo.h"
#include "widgets/controls/roomy_button.h"
#include "widgets/lab/lab_client.h"
#include "widgets/lab/lab_widgets.h"

#include <QComboBox>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

namespace fg {

LabScenarioRun::LabScenarioRun(const QString& runText, const QString& defaultScenario,
                               LabClient* client, QWidget* parent)
    : QWidget(parent), client_(client) {
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    auto* row = new QHBoxLayout;
    auto* label = new QLabel(tr("&Scenario:"), this);
    scenarios_ = new ElidingComboBox(this);
    label->setBuddy(scenarios_);
    scenarios_->setAccessibleName(tr("Scenario to run"));
    // The scenario's title may be long: the box shrinks with the window, the title then ends in
    // "..." (its whole in the list and in the tooltip).
    scenarios_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    scenarios_->setMinimumContentsLength(24);
    runButton_ = new RoomyButton(runText, this);
    row->addWidget(label);
    row->addWidget(scenarios_, 1);
    row->addWidget(runButton_);
    v->addLayout(row);
    status_ = labSentence(QString(), this);
    v->addWidget(status_);
    QFile file(defaultScenario);
    if (file.open(QIODevice::ReadOnly)) {
        const nlohmann::json j =
            nlohmann::json::parse(file.readAll().toStdString(), nullptr, false);
        if (!j.is_discarded()) {
            scenarioJson_.push_back(j);
            scenarios_->addItem(tr("The default scenario: %1")
                                    .arg(QString::fromStdString(j.value("title", std::string()))));
        }
    }
    connect(runButton_, &QPushButton::clicked, this, &LabScenarioRun::runRequested);
    connect(client_, &LabClient::progress, this, &LabScenarioRun::setStatus);
    connect(client_, &LabClient::part, this, &LabScenarioRun::partRead);
    setStatus(tr("Pick a scenario and press Run."));
}

void LabScenarioRun::offer(const QString& from, const nlohmann::json& scenario, bool pick) {
    int at = scenarios_->findText(from);
    if (at < 0) {
        scenarioJson_.push_back(scenario);
        scenarios_->addItem(from);
        at = scenarios_->count() - 1;
    }
    scenarioJson_[static_cast<std::size_t>(at)] = scenario;
    if (pick) {
        scenarios_->setCurrentIndex(at);
    }
}

void LabScenarioRun::run(const QString& op, Done done) {
    const int picked = scenarios_->currentIndex();
    if (picked < 0 || client_->busy()) {
        return;
    }
    const nlohmann::json scenario = scenarioJson_[static_cast<std::size_t>(picked)];
    running_ = scenario;
    runButton_->setEnabled(false);
    setStatus(tr("Starting the lab..."));
    client_->call(
        op, {{"scenario", scenario}}, this,
        [this, scenario, done = std::move(done)](const Status& s, const nlohmann::json& result) {
            runButton_->setEnabled(true);
            if (!s) {
                setStatus(tr("The lab could not run: %1").arg(QString::fromStdString(s.message())));
                emit failed();
                return;
            }
            done(result, scenario);
        });
}

void LabScenarioRun::setStatus(const QString& text) {
    status_->setText(text);
}

QString LabScenarioRun::status() const {
    return status_->text();
}

} // namespace fg
