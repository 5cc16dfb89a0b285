#include "widgets/lab/pg_lab_page.h"

#include "widgets/lab/lab_client.h"

namespace fg {

// SKELETON: helper "lab-pg" writes the page.
PgLabPage::PgLabPage(QWidget* parent) : QWidget(parent), client_(new LabClient(this)) {}
PgLabPage::~PgLabPage() = default;

void PgLabPage::setTheme(const Theme&) {}

QString PgLabPage::pageTitle() const {
    return tr("Lab: PostgreSQL index");
}

void PgLabPage::offerKeys(const QString&, std::vector<std::int64_t>) {}

} // namespace fg
