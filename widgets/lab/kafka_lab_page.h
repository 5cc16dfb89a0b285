// KafkaLabPage: Lab > Kafka. A Kafka scenario (the open Kafka diagram's, or the default one) runs
// through librdkafka's real producer and consumers against librdkafka's mock cluster (not Apache
// Kafka's broker; in the Lab's helper program, on 127.0.0.1 only) and through the model; the page
// draws both clusters with the Kafka diagram's look, side by side, op by op, one playback bar
// moving both, and under them the comparison (each difference with its reason), every record
// (where each side put it, disagreements first) and the settings the lab used. A join waits
// seconds on the mock's coordinator: the status line says so while it runs.
#pragma once

#include "engines/kafka/kafka_cluster.h"
#include "lab/kafka_data.h"
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
class KafkaLabSource;
class LabClient;
class LabScenarioRun;
class PlaybackBar;

class KafkaLabPage : public QWidget, public Page {
    Q_OBJECT
public:
    explicit KafkaLabPage(QWidget* parent = nullptr);
    ~KafkaLabPage() override;

    void setTheme(const Theme& theme) override;
    QString pageTitle() const override;
    // Both clusters at the moment on screen, side by side, each under its title, with the real
    // side's narration as the caption; none before a run.
    std::optional<Exportable> exportable() override;
    // View > Zoom in, out, reset: both drawings alike.
    bool zoomPage(int direction) override;
    bool zoomsTypeToo() const override { return true; }

    // A scenario to offer as the one to run, `from` naming it; it becomes the one picked. The
    // main window offers the open Kafka diagram's.
    void offerScenario(const QString& from, const nlohmann::json& scenario, bool pick = true);
    // Runs the scenario picked (the button Run).
    void run();

    // What the page shows, for tests: the status line, the two sides' narration, how many
    // moments the run has, the comparison's rows as "quantity: real / model", the record table's
    // rows as "key: real / model / agree".
    QString status() const;
    QString realNarration() const;
    QString modelNarration() const;
    int moments() const;
    QStringList comparisonRows() const;
    QStringList recordRows() const;
    DiagramCanvas* realCanvas() const { return real_; }
    DiagramCanvas* modelCanvas() const { return model_; }

signals:
    // A run ended (shown, or failed with the status line saying why).
    void runFinished(bool ok);

private:
    QWidget* buildSides();
    QWidget* buildTables();
    void showRun(const nlohmann::json& result, const nlohmann::json& scenario);
    void takePart(const nlohmann::json& part);
    // Draws `run` (the answer, or the run so far) with the tables.
    void display(std::shared_ptr<lab::KafkaLabRun> run, const kafka::KafkaParams& params);
    void fillTables();
    void fillRecords();
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
    QTableWidget* records_ = nullptr;
    QLabel* settings_ = nullptr;
    std::shared_ptr<lab::KafkaLabRun> run_;
    std::shared_ptr<lab::KafkaLabRun> partial_; // the moments sent ahead of the answer
    kafka::KafkaParams partialParams_;
    std::unique_ptr<KafkaLabSource> realSource_, modelSource_;
    Theme theme_;
    kafka::KafkaParams params_;
};

} // namespace fg
