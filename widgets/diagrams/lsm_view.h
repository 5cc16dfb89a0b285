// LsmView: the LSM-tree diagram as a student drives it: put, delete and get keys, flush, compact,
// add random keys, switch between leveled and size-tiered compaction or change the memtable size
// (the same writes re-run under the new setting), presets; counters show flushes, compactions and
// write, read and space amplification.
#pragma once

#include "diagram/diagram_panel.h"
#include "lsm/lsm_tree.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace fg {

class LsmDiagram;

class LsmView : public QWidget {
    Q_OBJECT
public:
    explicit LsmView(QWidget* parent = nullptr);

    void setScenario(lsm::LsmParams params, std::vector<lsm::LsmOp> ops);
    void addOps(const std::vector<lsm::LsmOp>& ops);
    const std::vector<lsm::LsmOp>& ops() const { return ops_; }
    const lsm::LsmParams& params() const { return params_; }
    DiagramPanel* panel() { return panel_; }
    void setTheme(const Theme& theme) { panel_->setTheme(theme); }

private:
    void rebuild(int position);
    void refreshCounters();

    lsm::LsmParams params_{3, 3, 3, 10, false};
    std::vector<lsm::LsmOp> ops_;
    const LsmDiagram* diagram_ = nullptr;
    DiagramPanel* panel_;
    QLineEdit* key_;
    QComboBox* strategy_;
    QSpinBox* memtable_;
    QLabel* counters_;
};

} // namespace fg
