// KafkaView: the Kafka diagram as a student drives it: produce records with or without a key,
// consumers joining and leaving groups, consuming, a broker failing; the keyless partitioner and
// the group assignor can be switched, which re-runs the same ops under the new setting.
#pragma once

#include "engines/kafka/kafka_cluster.h"
#include "widgets/diagrams/diagram_view.h"

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace fg {

class KafkaDiagram;

class KafkaView : public DiagramView {
    Q_OBJECT
public:
    explicit KafkaView(QWidget* parent = nullptr);

    void setScenario(kafka::KafkaParams params, std::vector<kafka::KafkaOp> ops);
    void addOp(const kafka::KafkaOp& op);
    const std::vector<kafka::KafkaOp>& ops() const { return ops_; }
    const kafka::KafkaParams& params() const { return params_; }
    const char* engineName() const override { return "kafka"; }
    nlohmann::json scenarioJson() const override;

protected:
    Status applyScenario(const nlohmann::json& scenario) override;
    void refresh() override;

private:
    void rebuild(int position);

    kafka::KafkaParams params_;
    std::vector<kafka::KafkaOp> ops_;
    const KafkaDiagram* diagram_ = nullptr;
    QLineEdit* key_;
    QLineEdit* consumer_;
    QSpinBox* broker_;
    QComboBox* partitioner_;
    QComboBox* assignor_;
};

} // namespace fg
