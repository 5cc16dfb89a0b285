#include "widgets/simulators/storage_view.h"

#include "widgets/canvas/counted.h"
#include "widgets/controls/range_box.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>
#include <utility>

namespace fg {

StorageView::StorageView(QWidget* parent)
    : SimulatorView(
          tr("Row against column storage. Disk is read in pages (blocks of a fixed size, 8 KB "
             "here). A row store (PostgreSQL, MySQL) keeps each row's values together, so "
             "SUM(one column) over every row still reads every page. A column store (ClickHouse, "
             "Redshift, Parquet) keeps each column on its own pages, so it reads only the columns "
             "a query names, and similar values side by side compress well (compression 4 = a "
             "quarter of the bytes). Edit the widths and compression in the table."),
          parent) {
    auto* row = addRow();
    rows_ = new RangeSpinBox(this);
    rows_->setRange(0, 2'000'000'000);
    rows_->setGroupSeparatorShown(true);
    rows_->setValue(1'000'000);
    addLabelled(row, tr("Rows:"), rows_);
    pageKb_ = new RangeSpinBox(this);
    pageKb_->setRange(1, 1024);
    pageKb_->setValue(8);
    pageKb_->setSuffix(tr(" KB"));
    addLabelled(row, tr("Page size:"), pageKb_);
    sum_ = new QComboBox(this);
    addLabelled(row, tr("SUM of column:"), sum_);
    row->addStretch(1);
    columns_ = new QTableWidget(0, 3, this);
    columns_->setAccessibleName(tr("Columns of the table"));
    columns_->setHorizontalHeaderLabels(
        {tr("column"), tr("width (bytes)"), tr("compression in the column store (x)")});
    // The first two columns as wide as their titles and cells (the projector's larger type
    // cut "width (bytes)" at the default 100 px); the last takes the rest.
    columns_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    columns_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    columns_->horizontalHeader()->setStretchLastSection(true);
    columns_->setMaximumHeight(190);
    body()->addWidget(columns_);
    connect(rows_, &QSpinBox::valueChanged, this, [this] { refresh(); });
    connect(pageKb_, &QSpinBox::valueChanged, this, [this] { refresh(); });
    connect(sum_, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(columns_, &QTableWidget::cellChanged, this, [this](int r, int c) {
        // A width is a whole number of bytes, 1 to 1 MB; a compression a number from 1 to
        // 1,000. Anything else is put back as it was, and the summary says why (a tester's
        // "abc" and 0 emptied the chart and piled its labels up).
        if (QTableWidgetItem* item = columns_->item(r, c); item && c > 0) {
            bool ok = false;
            const QString typed = item->text().trimmed();
            const double value = c == 1 ? double(typed.toLongLong(&ok)) : typed.toDouble(&ok);
            const bool fits =
                ok && (c == 1 ? value >= 1 && value <= 1024 * 1024 : value >= 1 && value <= 1000);
            if (fits) {
                item->setData(Qt::UserRole, typed);
            } else {
                const QString kept = item->data(Qt::UserRole).toString();
                refused_ = (c == 1 ? tr("\"%1\" is not a width: a width is a whole number of "
                                        "bytes from 1 to 1,048,576 (kept %2).")
                                   : tr("\"%1\" is not a compression: it is a number from 1 "
                                        "(none) to 1,000 (kept %2)."))
                               .arg(typed.left(40), kept) +
                           QLatin1Char(' ');
                const QSignalBlocker b(columns_);
                item->setText(kept);
            }
        }
        if (c == 0) { // a renamed column renames the SUM choice
            const int keep = sum_->currentIndex();
            const QSignalBlocker b(sum_);
            sum_->clear();
            for (const auto& col : table().columns) {
                sum_->addItem(QString::fromStdString(col.name));
            }
            sum_->setCurrentIndex(keep);
        }
        refresh();
    });

    auto* plot = chart();
    plot->setAccessibleName(tr("Chart of pages read by each query in a row store and a column "
                               "store"));
    plot->yAxis->setLabel(tr("pages read"));
    setTable(concepts::salesTable(), 4);
}

concepts::StorageTable StorageView::table() const {
    concepts::StorageTable t;
    t.rows = rows_->value();
    t.pageBytes = std::int64_t(pageKb_->value()) * 1024;
    for (int r = 0; r < columns_->rowCount(); ++r) {
        const auto text = [&](int c) {
            const auto* item = columns_->item(r, c);
            return item ? item->text() : QString();
        };
        concepts::Column col;
        col.name = text(0).toStdString();
        col.width = text(1).toLongLong();
        col.compression = text(2).toDouble();
        t.columns.push_back(col);
    }
    return t;
}

int StorageView::sumColumn() const {
    return sum_->currentIndex();
}

void StorageView::setTable(const concepts::StorageTable& t, int sumColumn) {
    {
        const QSignalBlocker b1(rows_), b2(pageKb_), b3(sum_), b4(columns_);
        rows_->setValue(int(t.rows));
        pageKb_->setValue(int(t.pageBytes / 1024));
        columns_->setRowCount(int(t.columns.size()));
        sum_->clear();
        for (int r = 0; r < int(t.columns.size()); ++r) {
            const auto& col = t.columns[std::size_t(r)];
            columns_->setItem(r, 0, new QTableWidgetItem(QString::fromStdString(col.name)));
            for (int c : {1, 2}) {
                const QString text =
                    c == 1 ? QString::number(col.width) : QString::number(col.compression);
                auto* item = new QTableWidgetItem(text);
                item->setData(Qt::UserRole, text); // the last good value (see cellChanged)
                columns_->setItem(r, c, item);
            }
            sum_->addItem(QString::fromStdString(col.name));
        }
        sum_->setCurrentIndex(sumColumn);
    }
    refresh();
}

void StorageView::refresh() {
    // Said once, beside the numbers of the edit it refused (not again after the next change).
    const QString refused = std::exchange(refused_, QString());
    const auto t = table();
    costs_ = concepts::storageCosts(t, sumColumn());
    QCustomPlot* plot = chart();
    plot->clearPlottables();
    if (!costs_.valid) {
        setSummary(refused +
                   tr("Every column needs a width of at least 1 byte, and a column must be "
                      "chosen for SUM."));
        plot->replot();
        return;
    }
    const QLocale loc;
    const auto n = [&](std::int64_t v) { return loc.toString(qlonglong(v)); };
    // In the unit that suits the size (kB, MB, GB, TB: powers of 1000), one decimal: a wide
    // row over many rows read "1,056,768.0 MB" (a tester).
    const auto mb = [&](std::int64_t bytes) {
        return loc.formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
    };
    const QString col = sum_->currentText();
    // With no rows there is no row to find (it said "0 pages, one from each column").
    const QString oneRow =
        t.rows == 0
            ? tr("With no rows, there is no whole row to find.")
            : tr("One whole row (found by an index): row store %1, column store %2, one "
                 "from each column.")
                  .arg(inEnglishNumber(tr("%n page(s)", nullptr, int(costs_.rowOne.pages)),
                                       costs_.rowOne.pages),
                       inEnglishNumber(tr("%n page(s)", nullptr, int(costs_.columnOne.pages)),
                                       costs_.columnOne.pages));
    // A row wider than a page spans pages (it said "a page holds 0 rows", a tester).
    const std::int64_t spans = (costs_.rowBytes + t.pageBytes - 1) / t.pageBytes;
    const QString perPage =
        costs_.rowsPerPage > 0
            ? tr("a page holds %1")
                  .arg(inEnglishNumber(tr("%n row(s)", nullptr, int(costs_.rowsPerPage)),
                                       costs_.rowsPerPage))
            : tr("wider than a page (%1 bytes), it spans %2")
                  .arg(n(t.pageBytes),
                       inEnglishNumber(tr("%n page(s)", nullptr, int(spans)), spans));
    setSummary(
        refused +
        tr("A row is %1 bytes; %2. SELECT * over every row: row store %3 pages "
           "(%4), column store %5 pages (%6). SUM(%7) needs %8 of values: row store %9 pages "
           "(%10), column store %11 pages (%12). %13")
            .arg(n(costs_.rowBytes), perPage)
            .arg(n(costs_.rowSelectAll.pages), mb(costs_.rowSelectAll.bytes),
                 n(costs_.columnSelectAll.pages), mb(costs_.columnSelectAll.bytes), col,
                 mb(costs_.neededBytes), n(costs_.rowSum.pages), mb(costs_.rowSum.bytes),
                 n(costs_.columnSum.pages))
            .arg(mb(costs_.columnSum.bytes), oneRow));

    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    ticker->addTick(1, tr("SELECT * (every row)"));
    ticker->addTick(2, tr("SUM(%1) (every row)").arg(col));
    plot->xAxis->setTicker(ticker);
    plot->xAxis->setRange(0.4, 2.6);
    auto* group = new QCPBarsGroup(plot);
    const auto add = [&](const QString& name, double a, double b, QBrush brush) {
        auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
        bars->setName(name);
        bars->setData({1, 2}, {a, b}, true);
        bars->setPen(QPen(theme().line, theme().lineWidth));
        bars->setBrush(brush);
        bars->setWidth(0.35);
        bars->setBarsGroup(group);
    };
    add(tr("row store"), double(costs_.rowSelectAll.pages), double(costs_.rowSum.pages),
        theme().series[0]);
    add(tr("column store (hatched)"), double(costs_.columnSelectAll.pages),
        double(costs_.columnSum.pages), QBrush(theme().series[1], Qt::FDiagPattern));
    const double top =
        double(std::max({costs_.rowSelectAll.pages, costs_.columnSelectAll.pages,
                         costs_.rowSum.pages, costs_.columnSum.pages, std::int64_t(1)}));
    plot->yAxis->setRange(0, top * 1.25);
    plot->replot();
}

} // namespace fg
