// PgLabPage: Lab > PostgreSQL index.
// SKELETON: helper "lab-pg" writes the page.
#pragma once

#include "widgets/canvas/page.h"

#include <QWidget>
#include <cstdint>
#include <vector>

namespace fg {

class LabClient;

class PgLabPage : public QWidget, public Page {
    Q_OBJECT
public:
    explicit PgLabPage(QWidget* parent = nullptr);
    ~PgLabPage() override;

    void setTheme(const Theme& theme) override;
    QString pageTitle() const override;

    // Keys to offer as one of the page's key sources: `from` names them for the student ("the
    // B-Tree diagram's 40 inserts"). The main window offers the open diagram's keys.
    void offerKeys(const QString& from, std::vector<std::int64_t> keys);

private:
    LabClient* client_ = nullptr;
};

} // namespace fg
