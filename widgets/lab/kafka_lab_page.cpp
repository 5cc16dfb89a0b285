// SKELETON (lab-kafka)
#include "widgets/lab/kafka_lab_page.h"

namespace fg {

KafkaLabPage::KafkaLabPage(QWidget* parent) : QWidget(parent) {}

void KafkaLabPage::setTheme(const Theme& /*theme*/) {}

QString KafkaLabPage::pageTitle() const {
    return tr("Lab: Kafka");
}

void KafkaLabPage::offerScenario(const QString& /*from*/, const nlohmann::json& /*scenario*/) {}

} // namespace fg
