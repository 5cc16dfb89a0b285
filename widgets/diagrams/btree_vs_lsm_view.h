// BTreeVsLsmView: one workload run through both storage engines, side by side, so "B-Tree:
// read-optimized, LSM: write-optimized" is measured rather than told (the engine:
// engines/concepts/workload_compare.h). The charts (QCustomPlot) compare bytes written to disk and
// pages or tables read per lookup as the workload grows.
//
// A run of up to 200,000 inserts takes seconds, so it runs on a worker thread: the window keeps
// repainting, a progress bar shows how far it is, the button turns into "Cancel", and the charts
// keep the previous result until the new one is complete. The first run starts when the view is
// made; exportable() and waitForRun() wait for a run in progress, so an export always shows a
// complete result.
#pragma once

#include "engines/concepts/workload_compare.h"
#include "models/theme/theme.h"
#include "widgets/canvas/page.h"
#include "widgets/controls/range_box.h"

#include <QColor>
#include <QWidget>
#include <array>
#include <memory>
#include <thread>

class QBoxLayout;
class QLayout;
class QCustomPlot;
class QPainter;
class QLabel;
class QProgressBar;
class QPushButton;
class QShortcut;
class QSpinBox;
class QTimer;

namespace fg {

using concepts::WorkloadResult;

// Runs `inserts` random keys (seeded) into an order-`order` B-Tree and an LSM-tree (leveled,
// memtable of `memtable` entries), then `lookups` lookups of inserted keys in each: the last point
// of runWorkloadCurve. REQUIRES: 1 <= inserts <= concepts::kMaxWorkloadInserts.
WorkloadResult runWorkload(int inserts, int lookups, int order, int memtable, std::uint64_t seed);

class BTreeVsLsmView : public QWidget, public Page, public RangeNotes {
    Q_OBJECT
public:
    explicit BTreeVsLsmView(QWidget* parent = nullptr);
    ~BTreeVsLsmView() override;
    QCustomPlot* writesChart() { return writes_; }
    QCustomPlot* readsChart() { return reads_; }
    QSpinBox* insertsBox() { return inserts_; }
    // Says the allowed range when a number typed in the inserts box was out of it (hidden else).
    QLabel* rangeNote();
    // A number typed out of a box's range: said under the controls until it is typed in again.
    void sayOutOfRange(const QString& text) override;
    QPushButton* runButton() { return go_; }
    QProgressBar* progressBar() { return progress_; }
    QString summaryText() const;
    bool running() const { return job_ != nullptr; }
    // Blocks until the run in progress (if any) ends and its result is on the charts.
    void waitForRun();
    void setTheme(const Theme& theme) override;
    // The registry's title, and the charts as paintCharts() draws them (diagram_pages.cpp).
    QString pageTitle() const override;
    std::optional<Exportable> exportable() override;
    // Both charts in `size` (side by side, or one above the other in a narrow picture such as a
    // handout's column), as vector drawing (for exports: SVG and PDF stay vector), with the
    // summary, wrapped, under them.
    void paintCharts(QPainter& painter, QSizeF size) const;
    // As narrow as one chart: on a narrow page the charts stand one above the other.
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Job;
    void runOrCancel();
    void start();
    void cancel();
    void poll();
    void finish();
    void showResult(const std::vector<WorkloadResult>& points);
    void setRunning(bool running);

    QSpinBox* inserts_;
    QSpinBox* order_;
    QPushButton* go_;
    QShortcut* escape_ = nullptr;
    QProgressBar* progress_;
    QLayout* row_;       // the controls (a flow layout)
    QBoxLayout* charts_; // side by side, or one above the other on a narrow page
    QCustomPlot* writes_;
    QCustomPlot* reads_;
    QLabel* summary_;
    RangeNoteLabel* rangeNote_;
    QTimer* poll_;
    QColor text_ = Qt::black;
    std::array<QColor, 3> series_ = Theme::light().series; // the charts' lines, by tone
    std::shared_ptr<Job> job_; // the run in progress, shared with its thread
    std::thread worker_;
    int shownInserts_ = 0; // the inserts of the run on the charts (0: none yet)
};

} // namespace fg
