#include "widgets/lab/redis_lab_page.h"

#include "widgets/lab/lab_client.h"

namespace fg {

// SKELETON: helper "lab-redis" writes the page.
RedisLabPage::RedisLabPage(QWidget* parent) : QWidget(parent), client_(new LabClient(this)) {}
RedisLabPage::~RedisLabPage() = default;

void RedisLabPage::setTheme(const Theme&) {}

QString RedisLabPage::pageTitle() const {
    return tr("Lab: Redis Cluster");
}

void RedisLabPage::offerKeys(const QString&, QStringList) {}

} // namespace fg
