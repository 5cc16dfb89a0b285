// SKELETON (lab-kafka): Lab: Kafka, a page like LsmLabPage (lsm_lab_page.h).
#pragma once

#include "widgets/canvas/page.h"

#include <QWidget>
#include <nlohmann/json.hpp>

namespace fg {

class KafkaLabPage : public QWidget, public Page {
    Q_OBJECT
public:
    explicit KafkaLabPage(QWidget* parent = nullptr);

    void setTheme(const Theme& theme) override;
    QString pageTitle() const override;

    // A scenario to offer as the one to run, `from` naming it; the main window offers the open
    // kafka diagram's (MainWindow::offerDiagramKeys).
    void offerScenario(const QString& from, const nlohmann::json& scenario);
};

} // namespace fg
