// RedisLabPage: Lab > Redis Cluster. The student's own Redis Cluster of 3 to 6 masters (a
// replica each if asked) on this computer, started by the Lab's helper program (LabClient, ops
// "redis.*" of docs/lab-protocol.md) and removed when the tab closes. Keys go in (the open Redis
// diagram's, typed or pasted ones, or user:1..user:N); the real slot map (CLUSTER SHARDS) is
// drawn with the Redis diagram's look beside the model's, with keys per master as its histogram,
// how many keys agree on slot and server, and a table of keys, disagreements first. Resharding
// one slot is stepped through with the real commands and a stale client's real MOVED/ASK beside
// the model's; stopping a master shows which replica took over, after how long, and the model's
// pick. Without redis-server the page says which Debian package to install.
#pragma once

#include "engines/redis/cluster.h"
#include "lab/redis_data.h"
#include "widgets/canvas/page.h"
#include "widgets/controls/range_box.h"

#include <QStringList>
#include <QWidget>
#include <memory>
#include <nlohmann/json_fwd.hpp>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QSplitter;
class QTabWidget;
class QTableView;
class QTableWidget;
class QCustomPlot;

namespace fg {

class ClusterPictures;
class DiagramCanvas;
class LabClient;
class RedisKeyTable;

// A count with its noun in the right number and the thousands separated: "1 key", "1,000 keys".
QString labCount(qint64 n, const QString& one, const QString& many);

class RedisLabPage : public QWidget, public Page, public RangeNotes {
    Q_OBJECT
public:
    // The most keys the page sends at once (the helper takes 1,000,000; the page draws every
    // key's server and keeps the rows): refused with a sentence past it.
    static constexpr int kMaxPageKeys = 100'000;

    explicit RedisLabPage(QWidget* parent = nullptr);
    ~RedisLabPage() override;

    void setTheme(const Theme& theme) override;
    QString pageTitle() const override;
    nlohmann::json keptSettings() const override;
    void restoreSettings(const nlohmann::json& kept) override;
    // What a number box of the page says of a number out of its range, on the status line.
    void sayOutOfRange(const QString& text) override;
    // View > Zoom: both drawings and their charts' type, together (Reset zoom fits them again).
    bool zoomPage(int direction) override;
    bool zoomsTypeToo() const override { return true; }
    int zoomStep() const { return zoomStep_; }
    // The masters a failover can stop now: live, with a live replica to take over (by node).
    std::vector<int> stoppableMasters() const;
    QComboBox* victimPicker() const { return victim_; }
    QCustomPlot* realChart() const { return realChart_; }
    QCustomPlot* modelChart() const { return modelChart_; }

    // Keys to offer as one of the page's key sources: `from` names them for the student ("the
    // Redis diagram's 4 keys (...)"), picked when `pick`. The main window offers the open
    // diagram's keys.
    void offerKeys(const QString& from, QStringList keys, bool pick = true);

    // What the page does, for the tests and the buttons alike (each answer arrives later, on the
    // GUI thread; `running()` and the status line say where it stands).
    void startCluster(int masters, bool replicas);
    void sendKeys();
    void reshard(int slot, int to, int firstBatch);
    void failMaster(int master);
    // Stops the cluster; while a call works (a start, keys being sent...), it stops that call
    // too: the helper is ended, which stops its servers and removes their folder.
    void stopCluster();
    // Key sources in the combo box, in this order.
    enum class KeySource { kOffered, kTyped, kGenerated };
    void setKeySource(KeySource source);
    void setTypedKeys(const QString& text);
    void setGeneratedCount(int n);
    // The keys the chosen source gives now, or a sentence saying why there are none.
    QStringList chosenKeys(QString* why) const;

    bool running() const { return !nodes_.empty(); }
    const std::vector<lab::RedisNode>& nodes() const { return nodes_; }
    QString folder() const { return folder_; }
    bool busy() const;
    QString status() const;
    QString agreement() const;
    const lab::SendReport& lastSend() const { return send_; }
    const std::vector<lab::ReshardStep>& reshardSteps() const { return steps_; }
    int reshardStep() const { return step_; }
    void showReshardStep(int step);
    // The sentence over the step shown (and why the model differs there, when it does).
    QString reshardStepText() const;
    const lab::FailoverReport& lastFailover() const { return failover_; }
    QString failoverText() const;
    // The drawings: real and model, on the keys, reshard and failover tabs.
    DiagramCanvas* realCanvas() const { return realCanvas_; }
    DiagramCanvas* modelCanvas() const { return modelCanvas_; }
    RedisKeyTable* keyTable() const { return keyTable_; }

signals:
    // An answer (or an error) arrived and the page shows it.
    void updated();

private:
    void buildIntro();
    QWidget* buildClusterRow();
    QWidget* buildKeysTab();
    QWidget* buildReshardTab();
    QWidget* buildFailoverTab();
    QWidget* buildDrawings();
    void setStatus(const QString& text, bool error = false);
    void renderStatus();
    static void setBold(QLabel* label, const QString& text);
    void refreshControls();
    void call(const QString& op, nlohmann::json args,
              std::function<void(const nlohmann::json&)> done);
    void stopped();
    void onStarted(const nlohmann::json& result);
    void onSent(const nlohmann::json& result);
    void onResharded(const nlohmann::json& result);
    void onFailedOver(const nlohmann::json& result);
    void showClusters(const QString& realNarration, const QString& modelNarration);
    void showReshardPictures();
    void drawHistograms();
    void sizeCharts(); // the charts' type and height by the theme's type scale and the zoom
    // The charts of keys per master under the drawings, where the drawings have the room for
    // them (kChartsFromPx high, times the theme's type scale); in a short window the drawings
    // take it, their node boxes saying the same counts (at 1024x700 the charts left the cluster
    // a strip, its nodes out of sight: tester 40).
    static constexpr int kChartsFromPx = 460;
    void placeCharts();
    void refreshVictims();
    QString cannotStop(int master) const;
    bool confirmRestart();
    void clearResults();
    long long slotKeys() const; // the keys of the slot resharded, as the last send counted
    static QString failoverHint();
    static QString reshardHint();

    LabClient* client_ = nullptr;
    Theme theme_ = Theme::light();
    int zoomStep_ = 0; // View > Zoom's steps on the drawings (0: fitted)
    QString missing_;  // the packages to install, when the lab cannot run here
    QString statusText_;
    bool statusError_ = false;
    bool stopping_ = false; // Stop was pressed while a call worked: its failure is the stop
    int errorTab_ = -1;     // the tab whose action an error status is about; -1: the page's

    QLabel* intro_ = nullptr;
    QLabel* status_ = nullptr;
    QSpinBox* masters_ = nullptr;
    QCheckBox* replicas_ = nullptr;
    QPushButton* start_ = nullptr;
    QPushButton* stop_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    QSplitter* split_ = nullptr; // the tabs over the drawings
    // Keys
    QComboBox* source_ = nullptr;
    QSpinBox* count_ = nullptr;
    QPlainTextEdit* typed_ = nullptr;
    QPushButton* send_button_ = nullptr;
    QLabel* agree_ = nullptr;
    QTableView* keyView_ = nullptr;
    RedisKeyTable* keyTable_ = nullptr;
    // Reshard
    QSpinBox* slot_ = nullptr;
    QSpinBox* target_ = nullptr;
    QSpinBox* batch_ = nullptr;
    QPushButton* reshardButton_ = nullptr;
    QPushButton* back_ = nullptr;
    QPushButton* next_ = nullptr;
    QLabel* stepText_ = nullptr;
    QPlainTextEdit* commands_ = nullptr;
    QTableWidget* replies_ = nullptr;
    // Failover
    QComboBox* victim_ = nullptr; // the live masters, by node
    QPushButton* failButton_ = nullptr;
    QLabel* failText_ = nullptr;
    // The drawings, shared by the tabs (moved into the tab shown)
    QWidget* drawings_ = nullptr;
    QLabel* realTitle_ = nullptr;
    QLabel* modelTitle_ = nullptr;
    DiagramCanvas* realCanvas_ = nullptr;
    DiagramCanvas* modelCanvas_ = nullptr;
    QCustomPlot* realChart_ = nullptr;
    QCustomPlot* modelChart_ = nullptr;
    std::unique_ptr<ClusterPictures> realPictures_;
    std::unique_ptr<ClusterPictures> modelPictures_;

    QString offeredFrom_;
    QStringList offered_;
    std::vector<lab::RedisNode> nodes_;
    QString folder_;
    int masterCount_ = 0;
    bool withReplicas_ = false;
    redis::ClusterEngine engine_{3, 0};
    redis::ClusterState model_; // the model: the same masters, reshards and failovers
    std::shared_ptr<const redis::ClusterState> realNow_, modelNow_;
    std::shared_ptr<const redis::ClusterState> reshardRealBase_, reshardModelBase_;
    lab::SendReport send_;
    std::vector<lab::ReshardStep> steps_;
    int step_ = -1;
    int reshardSlot_ = -1, reshardFrom_ = -1, reshardTo_ = -1, reshardBatch_ = 1;
    int probe_ = 0; // the stale reply drawn
    lab::FailoverReport failover_;
};

} // namespace fg
