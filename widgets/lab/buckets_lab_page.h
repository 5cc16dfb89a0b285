// BucketsLabPage: Lab > Time buckets. A downsample scenario (the open downsampling diagram's, or
// the default one) runs in the Lab's helper program: its points rolled up by the model, by
// PostgreSQL's date_bin on a private server and by RRDtool. The page draws each rolled-up tier's
// buckets as the time-series diagram's lanes (BucketsLabSource), the three one above the other on
// the same time axis, one step per tier; under them the agreement counts, a table of buckets
// (differences first, each with its reason), RRDtool's rules, and the SQL and RRD definition the
// lab ran. Without PostgreSQL 15 the page says which package would bring date_bin, and RRDtool
// still runs.
#pragma once

#include "lab/buckets_data.h"
#include "widgets/canvas/page.h"

#include <QWidget>
#include <memory>
#include <nlohmann/json.hpp>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace fg {

class BucketsLabSource;
class DiagramCanvas;
class LabClient;
class LabScenarioRun;
class PlaybackBar;

class BucketsLabPage : public QWidget, public Page {
    Q_OBJECT
public:
    explicit BucketsLabPage(QWidget* parent = nullptr);
    ~BucketsLabPage() override;

    void setTheme(const Theme& theme) override;
    QString pageTitle() const override;
    // The tier on screen, its lanes with the narration as the caption; none before a run.
    std::optional<Exportable> exportable() override;
    bool zoomPage(int direction) override;
    bool zoomsTypeToo() const override { return true; }

    // A scenario to offer as the one to run, `from` naming it; it becomes the one picked. The
    // main window offers the open downsampling diagram's (MainWindow::offerDiagramScenario).
    void offerScenario(const QString& from, const nlohmann::json& scenario, bool pick = true);
    // Runs the scenario picked (the button Run).
    void run();

    // What the page shows, for tests: the status line, the narration of the tier on screen, the
    // table's rows as "tier start: why" (empty why: they agree), the SQL and RRD text.
    QString status() const;
    QString narration() const;
    QStringList tableRows() const;
    QString definitions() const;
    DiagramCanvas* canvas() const { return canvas_; }

signals:
    // A run ended (shown, or failed with the status line saying why).
    void runFinished(bool ok);

private:
    QWidget* buildBelow();
    void showRun(const nlohmann::json& result);
    void fillTable();
    void fillTexts();
    void setStatus(const QString& text);

    LabClient* client_ = nullptr;
    LabScenarioRun* picker_ = nullptr;
    QLabel* narration_ = nullptr;
    DiagramCanvas* canvas_ = nullptr;
    PlaybackBar* bar_ = nullptr;
    QLabel* counts_ = nullptr;
    QTableWidget* table_ = nullptr;
    QLabel* rules_ = nullptr;
    QLabel* definitions_ = nullptr;
    std::shared_ptr<lab::BucketsLabRun> run_;
    std::unique_ptr<BucketsLabSource> source_;
    Theme theme_;
};

} // namespace fg
