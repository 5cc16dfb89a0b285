// PgLabPage: Lab > PostgreSQL index. The student's keys go into a real B-Tree index on a
// throwaway PostgreSQL 15 of the page's own (or an existing server, read-only but for one TEMP
// table), and the index read back page by page is drawn beside the engine's B+-tree model run on
// the same keys, both with the B-Tree diagram's look (pg_tree_drawing.h), over a table saying
// where they agree and why they differ, the SQL the lab ran, and a query box limited to the
// lab's scratch (then "Re-read the index"). The lab runs in the helper program through the
// page's LabClient: closing the page ends it, its server and its folder.
#pragma once

#include "engines/btree/btree_state.h"
#include "engines/core/status.h"
#include "lab/btree_compare.h"
#include "lab/pg_index.h"
#include "widgets/canvas/page.h"
#include "widgets/controls/range_box.h"

#include <QWidget>
#include <cstdint>
#include <functional>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTabWidget;
class QVBoxLayout;

namespace fg {

class DiagramCanvas;
class LabClient;
class PgFrameSource;

class PgLabPage : public QWidget, public Page, public RangeNotes {
    Q_OBJECT
public:
    explicit PgLabPage(QWidget* parent = nullptr);
    ~PgLabPage() override;

    void setTheme(const Theme& theme) override;
    QString pageTitle() const override;
    // The page's first sentences: what Run does on a private server, or on one `connected` to.
    static QString introText(bool connected);
    nlohmann::json keptSettings() const override;
    void restoreSettings(const nlohmann::json& kept) override;
    // What a number box of the page says of a number out of its range, on the status line.
    void sayOutOfRange(const QString& text) override;
    std::optional<Exportable> exportable() override;
    // View > Zoom in, Zoom out, Reset zoom: both drawings at once (reset fits each to its pane).
    bool zoomPage(int direction) override;
    bool zoomsTypeToo() const override { return true; }

    // Keys to offer as one of the page's key sources: `from` names them for the student ("the
    // B-Tree diagram's 40 inserts"), picked when `pick`. The main window offers the open
    // diagram's keys; an offer again replaces them (one entry). More than the Lab's 1,000,000
    // are refused with a sentence on the page.
    void offerKeys(const QString& from, std::vector<std::int64_t> keys, bool pick = true);

    // Start the server if needed, insert the chosen keys, read the index, draw (the Run button).
    void run();
    // The query box's statement, then the index read again (Ctrl+Enter in the box).
    void runQuery();
    // Reads the index again and redraws (the "Re-read the index" button).
    void reread();
    // Stops the server (the Stop server button), and a run going on with it (its helper ends);
    // the next run starts a new one.
    void stopServer();

    // What is on screen, for tests and the status line.
    bool busy() const { return busy_; }
    QString status() const;
    QString realTitle() const;
    QString modelTitle() const;
    const std::optional<lab::PgIndex>& index() const { return index_; }
    const std::optional<lab::BTreeComparison>& comparison() const { return comparison_; }
    QTableWidget* comparisonTable() const { return comparisonTable_; }
    QPlainTextEdit* sqlList() const { return sqlList_; }
    QPlainTextEdit* queryBox() const { return queryBox_; }
    QTableWidget* queryResult() const { return queryResult_; }
    QSpinBox* keyCount() const { return count_; }
    QComboBox* keySource() const { return keysFrom_; }
    QComboBox* serverSource() const { return source_; }
    QLineEdit* connectionString() const { return conninfo_; }
    QLineEdit* focusKey() const { return focus_; }
    // Where the key asked for is (Find a key), in a sentence; empty before one is asked.
    QString keyWay() const;
    DiagramCanvas* realCanvas() const { return realCanvas_; }
    DiagramCanvas* modelCanvas() const { return modelCanvas_; }

signals:
    // A run, query or re-read finished (well or not): status() says how.
    void finished();

private:
    QVBoxLayout* layout_ = nullptr; // the page's content (scrolledPage)
    void buildControls();
    QWidget* buildTrees();
    QWidget* buildQueryTab();
    std::vector<std::int64_t> chosenKeys(QString* why) const;
    void ensureServer(std::function<void()> then);
    void insertAndRead(std::vector<std::int64_t> keys);
    void readIndex();
    void showRead(const nlohmann::json& result);
    void showComparison();
    void forgetIndex(); // the table is gone: nothing drawn stays as if it were there
    void showQuery(const nlohmann::json& result);
    void addSql(const nlohmann::json& result);
    void fail(const Status& status);
    void setBusy(bool busy, const QString& status = {});
    void redraw();
    static QString wayText(const lab::PgIndex& index, const btree::State& model, qint64 key);

    LabClient* client_ = nullptr;
    Theme theme_;
    bool busy_ = false;
    bool serverUp_ = false;
    bool stopping_ = false; // Stop server was pressed during a run
    qint64 runStartedMs_ = 0;

    QLabel* intro_ = nullptr;
    QLabel* missing_ = nullptr;
    QComboBox* source_ = nullptr;
    QLineEdit* conninfo_ = nullptr;
    QComboBox* keysFrom_ = nullptr;
    QSpinBox* count_ = nullptr;
    QSpinBox* seed_ = nullptr;
    QPushButton* run_ = nullptr;
    QPushButton* stop_ = nullptr;
    QLabel* status_ = nullptr;
    QLabel* way_ = nullptr; // where the key asked for is, in both trees
    QLabel* realTitle_ = nullptr;
    QLabel* modelTitle_ = nullptr;
    QLineEdit* focus_ = nullptr; // the key whose way down a big tree keeps
    DiagramCanvas* realCanvas_ = nullptr;
    DiagramCanvas* modelCanvas_ = nullptr;
    std::unique_ptr<PgFrameSource> realSource_;
    std::unique_ptr<PgFrameSource> modelSource_;
    QTabWidget* tabs_ = nullptr;
    QTableWidget* comparisonTable_ = nullptr;
    QLabel* keysNote_ = nullptr;
    QPlainTextEdit* sqlList_ = nullptr;
    QPlainTextEdit* queryBox_ = nullptr;
    QPushButton* runQuery_ = nullptr;
    QPushButton* reread_ = nullptr;
    QTableWidget* queryResult_ = nullptr;
    QLabel* queryStatus_ = nullptr;

    std::vector<std::vector<std::int64_t>> offered_; // by keysFrom_ index - 2
    std::optional<lab::PgIndex> index_;
    std::optional<lab::BTreeComparison> comparison_;
    std::shared_ptr<const btree::State> modelState_; // the model run on the keys of the read
    QString keysFromNote_;
};

} // namespace fg
