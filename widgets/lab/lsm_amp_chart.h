// LsmAmpChart: Lab > RocksDB's write amplification as the run goes, RocksDB's (from its
// statistics: bytes its flushes and compactions wrote to files over the bytes the run's puts
// and deletes carried) beside the model's (the same ratio of its own byte counts), one point per
// moment of the run, and a line at the moment on screen.
#pragma once

#include "lab/rocks_data.h"
#include "models/theme/theme.h"

#include <QWidget>

class QCustomPlot;
class QCPItemStraightLine;

namespace fg {

class LsmAmpChart : public QWidget {
    Q_OBJECT
public:
    explicit LsmAmpChart(QWidget* parent = nullptr);

    void setRun(const lab::LsmLabRun& run);
    // The moment on screen (the playback bar's position; -1 before the first).
    void setMoment(int moment);
    void setTheme(const Theme& theme);

    QCustomPlot* plot() const { return plot_; }
    // The operation (1-based, the x of its point) the line stands at; 0 before the first.
    double markedOperation() const;

private:
    void restyle();

    QCustomPlot* plot_ = nullptr;
    QCPItemStraightLine* marker_ = nullptr;
    std::vector<double> ops_; // each moment's x: the operations done by then
    Theme theme_;
};

} // namespace fg
