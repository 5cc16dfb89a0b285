// PgLabPage's run: the calls to the helper (pg.start or pg.connect, pg.insert, pg.read,
// pg.query; docs/lab-protocol.md) and what the page shows of their answers.
#include "engines/core/rng.h"
#include "lab/btree_compare.h"
#include "widgets/canvas/diagram_canvas.h"
#include "widgets/lab/lab_client.h"
#include "widgets/lab/pg_lab_page.h"
#include "widgets/lab/pg_tree_drawing.h"

#include <QComboBox>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <nlohmann/json.hpp>

namespace fg {

namespace {

// 1..n, in order or shuffled by Fisher-Yates with Rng(seed), as `fieldguide lab btree` makes them.
std::vector<std::int64_t> numbers(int n, bool shuffle, int seed) {
    std::vector<std::int64_t> keys(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        keys[static_cast<std::size_t>(i)] = i + 1;
    }
    Rng rng(static_cast<std::uint64_t>(seed));
    for (int i = n - 1; shuffle && i > 0; --i) {
        std::swap(keys[static_cast<std::size_t>(i)],
                  keys[static_cast<std::size_t>(rng.uniform(0, i))]);
    }
    return keys;
}

QString number(double v) {
    return v == std::floor(v) ? QLocale().toString(static_cast<qint64>(v))
                              : QLocale().toString(v, 'f', 1);
}

QTableWidgetItem* cell(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setToolTip(text);
    return item;
}

bool says(const Status& s, const char* words) {
    return s.message().find(words) != std::string::npos;
}

// PostgreSQL's words, without the hints that send the student to psql (not offered here: "psql's
// \\copy command also works for anyone", a tester).
QString serverWords(const Status& s) {
    QStringList kept;
    for (const QString& line : QString::fromStdString(s.message()).split(QLatin1Char('\n'))) {
        if (!(line.trimmed().startsWith(QLatin1String("HINT:")) &&
              line.contains(QLatin1String("psql")))) {
            kept << line;
        }
    }
    return kept.join(QLatin1Char('\n'));
}

// The student's statement failed: PostgreSQL's words, or plain ones where they are jargon.
QString statementError(const Status& s) {
    if (says(s, "pageinspect")) {
        return PgLabPage::tr("Reading the index's pages yourself needs a superuser's rights, "
                             "which the query box does not have: Re-read the index draws "
                             "them for you.");
    }
    if (says(s, "must be superuser") || says(s, "permission denied") ||
        says(s, "privileges of the pg_")) {
        return PgLabPage::tr("The query box may not do that: it works on the lab's table, and "
                             "cannot run programs, read or write the server's files, or use "
                             "what is kept for a superuser. PostgreSQL said: %1")
            .arg(serverWords(s));
    }
    if (says(s, "cannot insert multiple commands")) {
        return PgLabPage::tr("Run one statement at a time: the query box takes a single SQL "
                             "statement (leave out the second one).");
    }
    if (says(s, "statement timeout")) {
        return PgLabPage::tr("Your statement stopped after the lab's 5-second limit.");
    }
    return serverWords(s);
}

} // namespace

QString PgLabPage::keyWay() const {
    return way_->isHidden() ? QString() : way_->text();
}

QString PgLabPage::status() const {
    return status_->text();
}

QString PgLabPage::realTitle() const {
    return realTitle_->text();
}

QString PgLabPage::modelTitle() const {
    return modelTitle_->text();
}

std::vector<std::int64_t> PgLabPage::chosenKeys(QString* why) const {
    const int from = keysFrom_->currentIndex();
    if (from >= 2) {
        *why = keysFrom_->currentText();
        return offered_[static_cast<std::size_t>(from - 2)];
    }
    const QString n = QLocale().toString(count_->value());
    *why = from == 0 ? tr("%1 random keys (seed %2)").arg(n).arg(seed_->value())
                     : tr("%1 sequential keys").arg(n);
    return numbers(count_->value(), from == 0, seed_->value());
}

void PgLabPage::setBusy(bool busy, const QString& status) {
    busy_ = busy;
    for (QWidget* w : std::initializer_list<QWidget*>{run_, runQuery_, reread_, source_}) {
        w->setEnabled(!busy);
    }
    stop_->setEnabled(busy || serverUp_); // during a run it stops the run and the server
    if (!status.isEmpty()) {
        status_->setText(status);
    }
}

void PgLabPage::fail(const Status& status) {
    if (stopping_) {
        stopping_ = false;
        serverUp_ = false;
        setBusy(false, tr("Stopped, and the server with it; Run starts a new one."));
    } else {
        setBusy(false, tr("Stopped: %1").arg(QString::fromStdString(status.message())));
    }
    emit finished();
}

void PgLabPage::addSql(const nlohmann::json& result) {
    if (!result.contains("sql") || !result["sql"].is_array()) {
        return;
    }
    for (const auto& s : result["sql"]) {
        sqlList_->appendPlainText(QString::fromStdString(s.get<std::string>()) + QLatin1Char(';'));
    }
}

void PgLabPage::ensureServer(std::function<void()> then) {
    if (serverUp_) {
        then();
        return;
    }
    const bool existing = source_->currentIndex() == 1;
    nlohmann::json args = nlohmann::json::object();
    if (existing) {
        args["conninfo"] = conninfo_->text().toStdString();
    }
    status_->setText(existing ? tr("Connecting...") : tr("Starting a private PostgreSQL..."));
    client_->call(existing ? QStringLiteral("pg.connect") : QStringLiteral("pg.start"), args, this,
                  [this, then](const Status& s, const nlohmann::json& r) {
                      if (!s) {
                          fail(s);
                          return;
                      }
                      serverUp_ = true;
                      addSql(r);
                      then();
                  });
}

void PgLabPage::run() {
    if (busy_) {
        return;
    }
    QString why;
    std::vector<std::int64_t> keys = chosenKeys(&why);
    runStartedMs_ = QDateTime::currentMSecsSinceEpoch();
    // "the same 2,000 random keys", "the same keys: the B-Tree diagram's 10 inserts" (it read
    // "the same the B-Tree diagram's...", a tester).
    keysFromNote_ =
        why.startsWith(QStringLiteral("the "))
            ? tr("The model took the same keys, %1, in the order they were inserted.").arg(why)
            : tr("The model took the same %1, in the order they were inserted.").arg(why);
    queryStatus_->clear(); // the last statement's tag is not this run's
    way_->hide();          // nor the last key found
    // Both headings, on every run: "gone" after a DROP TABLE stayed through the next run, and a
    // second run's headings went on describing the first one (testers).
    realTitle_->setText(tr("PostgreSQL's index: being built"));
    modelTitle_->setText(tr("The model: being built"));
    setBusy(true, tr("Running the lab on %1...").arg(why));
    sqlList_->appendPlainText(QStringLiteral("-- ") + tr("Run: %1").arg(why));
    ensureServer([this, keys = std::move(keys)]() mutable { insertAndRead(std::move(keys)); });
}

void PgLabPage::insertAndRead(std::vector<std::int64_t> keys) {
    status_->setText(
        tr("Inserting %1 keys...").arg(QLocale().toString(static_cast<qint64>(keys.size()))));
    nlohmann::json args = {{"keys", keys}};
    client_->call(QStringLiteral("pg.insert"), std::move(args), this,
                  [this](const Status& s, const nlohmann::json& r) {
                      if (!s) {
                          fail(s);
                          return;
                      }
                      addSql(r);
                      readIndex();
                  });
}

void PgLabPage::readIndex() {
    status_->setText(tr("Reading every page of the index..."));
    client_->call(QStringLiteral("pg.read"), nlohmann::json::object(), this,
                  [this](const Status& s, const nlohmann::json& r) {
                      if (!s && !stopping_ && says(s, "does not exist")) {
                          forgetIndex();
                          setBusy(false, tr("The lab's table is gone (a statement dropped it), "
                                            "and its index with it: press Run to build it "
                                            "again."));
                          emit finished();
                          return;
                      }
                      if (!s) {
                          fail(s);
                          return;
                      }
                      addSql(r);
                      showRead(r);
                  });
}

void PgLabPage::showRead(const nlohmann::json& result) {
    lab::PgIndex index;
    lab::BTreeComparison comparison;
    Status s = lab::fromJson(result.value("index", nlohmann::json()), &index);
    if (s) {
        s = lab::fromJson(result.value("comparison", nlohmann::json()), &comparison);
    }
    std::vector<std::int64_t> keys;
    if (s && result.contains("keys") && result["keys"].is_array()) {
        for (const auto& k : result["keys"]) {
            keys.push_back(k.is_number_integer() ? k.get<std::int64_t>() : 0);
        }
    }
    if (!s) {
        fail(s);
        return;
    }
    const bool fromTable = result.value("keys_from", std::string()) == "table";
    if (fromTable) {
        keysFromNote_ = tr("The model took the table's keys as they are now, in the order they "
                           "sit in the table (your statements changed it).");
    }
    index_ = std::move(index);
    comparison_ = std::move(comparison);
    modelState_ = std::make_shared<const btree::State>(
        modelState(comparison_->model.order, keys)); // once a read: redraw() only lays it out
    redraw();
    showComparison();
    const double seconds = (QDateTime::currentMSecsSinceEpoch() - runStartedMs_) / 1000.0;
    const auto inLeaves = static_cast<qint64>(index_->leafKeys());
    const auto pages = static_cast<qint64>(index_->leafPages() + index_->internalPages());
    // Index entries, not keys: right after a DELETE of 1,000 rows the index still holds its 2,000
    // entries until VACUUM, and "2,000 keys" read as a mistake (a tester).
    QString entries = inLeaves == 1 ? tr("1 index entry")
                                    : tr("%1 index entries").arg(QLocale().toString(inLeaves));
    const auto rows = static_cast<qint64>(keys.size());
    // The drawing shows the entries of deleted rows as PostgreSQL keeps them, among the others:
    // said, since the model's side holds only the rows the table has (a tester looked for them).
    QString kept;
    if (fromTable && inLeaves > rows) {
        entries += tr(" (%1 for rows deleted or updated, kept until VACUUM)")
                       .arg(QLocale().toString(inLeaves - rows));
        kept = QLatin1Char(' ') +
               tr("PostgreSQL's drawing shows those entries like the others, as the index keeps "
                  "them: a DELETE does not mark them, VACUUM removes them later.");
    }
    setBusy(
        false,
        tr("Done in %1: %2 in %3.")
                .arg(seconds < 0.05 ? tr("under 0.1 s")
                                    : tr("%1 s").arg(QLocale().toString(seconds, 'f', 1)))
                .arg(entries)
                .arg(pages == 1 ? tr("1 page") : tr("%1 pages").arg(QLocale().toString(pages))) +
            kept);
    emit finished();
}

// Where a search for `key` goes in the real index and in the model, in a sentence.
QString PgLabPage::wayText(const lab::PgIndex& index, const btree::State& model, qint64 key) {
    const QLocale here;
    const PgTreeState real = indexState(index);
    const TreeWay way = wayTo(real.state, key);
    QStringList blocks;
    for (const btree::NodeId n : way.path) {
        const auto b = real.blockOf.find(n);
        blocks << (b == real.blockOf.end() ? QStringLiteral("?")
                                           : here.toString(static_cast<qint64>(b->second)));
    }
    const TreeWay modelWay = wayTo(model, key);
    const QString pages = blocks.join(QStringLiteral(" \u2192 "));
    const QString realPart =
        way.found ? tr("%1 is in leaf page %2, read through pages %3 (%n pages read)", "",
                       int(blocks.size()))
                        .arg(QString::number(key), blocks.value(blocks.size() - 1), pages)
                  : tr("%1 is in no leaf: PostgreSQL looks for it in leaf page %2, through pages "
                       "%3 (%n pages read)",
                       "", int(blocks.size()))
                        .arg(QString::number(key), blocks.value(blocks.size() - 1), pages);
    const int read = int(modelWay.path.size());
    QString modelPart;
    if (modelWay.found == way.found) {
        modelPart = way.found
                        ? tr("the model finds it in a leaf too (%n nodes read)", "", read)
                        : tr("the model finds it in no leaf either (%n nodes read)", "", read);
    } else if (way.found) {
        // A deleted row's index entry stays until VACUUM (the tester's DELETE, then 2).
        modelPart = tr("the model does not hold it (%n nodes read): the model holds the rows the "
                       "table has, and PostgreSQL's index keeps a deleted row's entry until "
                       "VACUUM removes it",
                       "", read);
    } else {
        modelPart = tr("the model finds it in a leaf (%n nodes read)", "", read);
    }
    return tr("%1; %2. Marked in both drawings.").arg(realPart, modelPart);
}

void PgLabPage::redraw() {
    if (!index_ || !comparison_ || !modelState_) {
        return;
    }
    const lab::PgIndex index = *index_;
    // The way to the key asked for (drawn as a search, and said), else to the smallest key (its
    // leaf, the start of the chain).
    bool ok = false;
    const qlonglong asked = focus_->text().trimmed().toLongLong(&ok);
    std::optional<TreeFocus> focus;
    if (ok) {
        focus = TreeFocus{asked, true};
        way_->setText(wayText(index, *modelState_, asked));
    } else if (const auto chain = index.leafChain(); !chain.empty()) {
        const lab::PgIndexPage* first = index.page(chain.front());
        if (first && !first->keys.empty()) {
            focus = TreeFocus{first->keys.front(), false};
        }
    }
    const QString typed = focus_->text().trimmed();
    if (!ok && !typed.isEmpty()) { // said, not ignored (a tester typed "abc")
        way_->setText(tr("\u201c%1\u201d is not a whole number: type a key, such as %2.")
                          .arg(typed.left(40))
                          .arg(focus ? focus->key : 500));
    }
    way_->setVisible((focus && focus->marked) || (!ok && !typed.isEmpty()));
    realSource_->setLayout([index, focus](const Theme& t) { return drawIndex(index, t, focus); });
    const int order = comparison_->model.order;
    auto state = modelState_;
    modelSource_->setLayout(
        [state, order, focus](const Theme& t) { return drawModel(*state, order, t, focus); });
    realCanvas_->setSource(realSource_.get());
    modelCanvas_->setSource(modelSource_.get());
    const std::int64_t pages = index_->leafPages() + index_->internalPages();
    const int levels = index_->levels();
    realTitle_->setText(
        tr("PostgreSQL's index: %1, %2")
            .arg(levels == 1 ? tr("1 level") : tr("%1 levels").arg(levels))
            .arg(pages == 1 ? tr("1 page")
                            : tr("%1 pages").arg(QLocale().toString(static_cast<qint64>(pages)))));
    modelTitle_->setText(tr("The model: B+-tree, order %1").arg(order));
}

void PgLabPage::forgetIndex() {
    index_.reset();
    way_->hide(); // it spoke of drawings that are gone
    comparison_.reset();
    modelState_.reset();
    realSource_->setLayout({});
    modelSource_->setLayout({});
    realCanvas_->setSource(realSource_.get());
    modelCanvas_->setSource(modelSource_.get());
    realTitle_->setText(tr("PostgreSQL's index: gone"));
    modelTitle_->setText(tr("The model: not run"));
    comparisonTable_->setRowCount(0);
    keysNote_->clear();
}

void PgLabPage::showComparison() {
    const auto& rows = comparison_->rows;
    comparisonTable_->setRowCount(static_cast<int>(rows.size()));
    for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
        const lab::ComparisonRow& r = rows[static_cast<std::size_t>(i)];
        comparisonTable_->setItem(i, 0, cell(QString::fromStdString(r.quantity)));
        comparisonTable_->setItem(i, 1, cell(number(r.real)));
        comparisonTable_->setItem(i, 2, cell(number(r.model)));
        comparisonTable_->setItem(i, 3, cell(r.agree ? tr("yes") : tr("no")));
        comparisonTable_->setItem(i, 4, cell(QString::fromStdString(r.why)));
    }
    comparisonTable_->resizeRowsToContents();
    keysNote_->setText(
        keysFromNote_ + QLatin1Char(' ') +
        tr("Model order: %1.").arg(QString::fromStdString(comparison_->model.orderWhy)));
}

void PgLabPage::reread() {
    if (busy_) {
        return;
    }
    if (!serverUp_ || !index_) {
        status_->setText(tr("Nothing to read yet: press Run first."));
        return;
    }
    runStartedMs_ = QDateTime::currentMSecsSinceEpoch();
    setBusy(true);
    readIndex();
}

void PgLabPage::runQuery() {
    const QString sql = queryBox_->toPlainText().trimmed();
    if (busy_ || sql.isEmpty()) {
        queryStatus_->setText(sql.isEmpty() ? tr("Write one SQL statement first.") : QString());
        return;
    }
    if (!serverUp_ || !index_) {
        // After a DROP TABLE the server is up, the table gone ("Press Run first" said, a tester).
        queryStatus_->setText(serverUp_ ? tr("The lab's table is gone: press Run to build it "
                                             "again, then the query box works on it.")
                                        : tr("Press Run first: the statement runs on the lab's "
                                             "server."));
        return;
    }
    runStartedMs_ = QDateTime::currentMSecsSinceEpoch();
    queryStatus_->clear();
    setBusy(true, tr("Running your statement..."));
    sqlList_->appendPlainText(QStringLiteral("-- ") + tr("Your statement"));
    client_->call(
        QStringLiteral("pg.query"), {{"sql", sql.toStdString()}}, this,
        [this](const Status& s, const nlohmann::json& r) {
            if (!s && stopping_) {
                fail(s);
                return;
            }
            if (!s) {
                queryStatus_->setText(statementError(s));
                // Nothing of the last statement's result stays (its columns did).
                queryResult_->clear();
                queryResult_->setRowCount(0);
                queryResult_->setColumnCount(0);
                setBusy(false, tr("Your statement failed (the reason is beside Run statement)."));
                emit finished();
                return;
            }
            addSql(r);
            showQuery(r);
            readIndex();
        });
}

void PgLabPage::showQuery(const nlohmann::json& result) {
    const auto& columns = result.value("columns", nlohmann::json::array());
    const auto& rows = result.value("rows", nlohmann::json::array());
    queryResult_->clear();
    queryResult_->setColumnCount(static_cast<int>(columns.size()));
    QStringList headers;
    for (const auto& c : columns) {
        headers << QString::fromStdString(c.get<std::string>());
    }
    queryResult_->setHorizontalHeaderLabels(headers);
    queryResult_->setRowCount(static_cast<int>(rows.size()));
    for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
        const auto& row = rows[static_cast<std::size_t>(i)];
        for (int c = 0; c < static_cast<int>(row.size()); ++c) {
            const auto& v = row[static_cast<std::size_t>(c)];
            queryResult_->setItem(i, c,
                                  cell(v.is_null() ? QStringLiteral("NULL")
                                                   : QString::fromStdString(v.get<std::string>())));
        }
    }
    const QString tag = QString::fromStdString(result.value("tag", std::string()));
    queryResult_->resizeColumnsToContents();
    queryStatus_->setText(result.value("cut", false)
                              ? tr("%1: the first %2 rows are shown.").arg(tag).arg(rows.size())
                              : tag);
}

void PgLabPage::stopServer() {
    if (busy_) {
        // The helper answers one request at a time: ending it is what stops a run now (its
        // request ends at once and it stops its server). The run's reply says it stopped.
        stopping_ = true;
        client_->shutdown();
        return;
    }
    if (!serverUp_) {
        return;
    }
    client_->call(QStringLiteral("pg.stop"), nlohmann::json::object(), this,
                  [](const Status&, const nlohmann::json&) {});
    serverUp_ = false;
    stop_->setEnabled(false);
    status_->setText(tr("The server is stopped; Run starts a new one."));
}

} // namespace fg
