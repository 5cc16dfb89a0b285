// RedisLabPage: Lab > Redis Cluster.
// SKELETON: helper "lab-redis" writes the page.
#pragma once

#include "widgets/canvas/page.h"

#include <QStringList>
#include <QWidget>

namespace fg {

class LabClient;

class RedisLabPage : public QWidget, public Page {
    Q_OBJECT
public:
    explicit RedisLabPage(QWidget* parent = nullptr);
    ~RedisLabPage() override;

    void setTheme(const Theme& theme) override;
    QString pageTitle() const override;

    // Keys to offer as one of the page's key sources: `from` names them for the student ("the
    // B-Tree diagram's 40 inserts"). The main window offers the open diagram's keys.
    void offerKeys(const QString& from, QStringList keys);

private:
    LabClient* client_ = nullptr;
};

} // namespace fg
