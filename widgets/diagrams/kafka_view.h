// KafkaView: the Kafka diagram as a student drives it: produce records with or without a key,
// consumers joining and leaving groups, consuming, a broker failing; the keyless partitioner and
// the group assignor can be switched, which re-runs the same ops under the new setting.
#pragma once

#include "engines/kafka/kafka_cluster.h"
#include "engines/scenario/kafka_scenario.h"
#include "widgets/diagrams/kafka_diagram.h"
#include "widgets/diagrams/step_view.h"

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace fg {

struct KafkaViewTraits {
    using Scenario = KafkaScenario;
    using Diagram = KafkaDiagram;
    static constexpr const char* kEngine = "kafka";
    static Status parse(const nlohmann::json& json, Scenario& out);
    static nlohmann::json write(const Scenario& scenario);
    static std::unique_ptr<Diagram> diagram(Scenario scenario, std::optional<KeepOnly> only,
                                            BuildWatch* watch);
    static bool keyEvent(const Diagram::Step& step);
};

class KafkaView : public StepView<KafkaViewTraits> {
    Q_OBJECT
public:
    explicit KafkaView(QWidget* parent = nullptr);

    using StepView::setScenario;
    void setScenario(kafka::KafkaParams params, std::vector<kafka::KafkaOp> ops);
    const kafka::KafkaParams& params() const { return scenario().params; }

protected:
    void showParams(const Scenario& scenario) override;
    void refresh() override;

private:
    QLineEdit* key_;
    QLineEdit* consumer_;
    QSpinBox* broker_;
    QComboBox* partitioner_;
    QComboBox* assignor_;
};

} // namespace fg
