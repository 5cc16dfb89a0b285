// SKELETON (lab-buckets)
#include "widgets/lab/buckets_lab_page.h"

namespace fg {

BucketsLabPage::BucketsLabPage(QWidget* parent) : QWidget(parent) {}

void BucketsLabPage::setTheme(const Theme& /*theme*/) {}

QString BucketsLabPage::pageTitle() const {
    return tr("Lab: Time buckets");
}

void BucketsLabPage::offerScenario(const QString& /*from*/, const nlohmann::json& /*scenario*/) {}

} // namespace fg
