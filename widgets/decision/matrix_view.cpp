// MatrixView (decision_views.h): the decision matrix, its needs ticked and the stores that meet
// them marked.
#include "widgets/controls/current_cell_ring.h"
#include "widgets/controls/whole_words_column.h"
#include "widgets/decision/decision_views.h"

#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <nlohmann/json.hpp>

namespace fg {

namespace {

// A store's column heading: "Time-Series (InfluxDB)" on two lines (on one, the Projector's type
// cut it).
QString storeHeading(QString store) {
    return store.replace(QStringLiteral(" ("), QStringLiteral("\n("));
}

} // namespace

MatrixView::MatrixView(DecisionMatrix matrix, QWidget* parent)
    : QWidget(parent), matrix_(std::move(matrix)) {
    auto* column = new QVBoxLayout(this);
    auto* intro = new QLabel(QStringLiteral("<h2>%1</h2><p>%2</p>")
                                 .arg(matrix_.title.toHtmlEscaped(), matrix_.intro.toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    column->addWidget(intro);
    table_ = new QTableWidget(static_cast<int>(matrix_.requirements.size()),
                              static_cast<int>(matrix_.stores.size()) + 1, this);
    table_->setAccessibleName(tr("Decision matrix"));
    QStringList headers{tr("I need\u2026")};
    for (const QString& store : matrix_.stores) {
        headers << storeHeading(store);
    }
    table_->setHorizontalHeaderLabels(headers);
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int r = 0; r < static_cast<int>(matrix_.requirements.size()); ++r) {
        auto* need = new QTableWidgetItem(matrix_.requirements[r]);
        need->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        need->setCheckState(Qt::Unchecked);
        table_->setItem(r, 0, need);
        for (int s = 0; s < static_cast<int>(matrix_.stores.size()); ++s) {
            const MatrixCell& c = matrix_.cells[std::size_t(r)][std::size_t(s)];
            const QString glyph = c.fit == Fit::Yes      ? QStringLiteral("\u2714 yes")
                                  : c.fit == Fit::Partly ? QStringLiteral("\u26A0 partly")
                                                         : QStringLiteral("\u2718 no");
            auto* item = new QTableWidgetItem(
                c.note.isEmpty() ? glyph : QStringLiteral("%1 (%2)").arg(glyph, c.note));
            item->setToolTip(c.explain);
            item->setData(Qt::AccessibleDescriptionRole, c.explain);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            table_->setItem(r, s + 1, item);
        }
    }
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    // Rows as high as their text at the columns' width of the moment: sized once, while the
    // table was still narrow, they stood three lines high around one line at 1920 px.
    // Room around each line, and every other row tinted: the grid's lines are faint in the
    // Dark theme, and 18-pixel rows read as one block.
    table_->setAlternatingRowColors(true);
    // Tab leaves the table (the arrows move in it): 60 cells took 60 Tabs (a tester).
    table_->setTabKeyNavigation(false);
    // The cell the arrows are on is ringed in the focus colour; no selection's fill under the
    // ring (nothing here is selected for anything: Space ticks, Enter opens), which took the
    // ring's own colour away from it.
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->setItemDelegate(new CurrentCellRing(table_));
    WholeWordsColumn::install(table_, 0); // "Downsampling" whole beside its box
    fitRows();
    connect(table_->horizontalHeader(), &QHeaderView::sectionResized, table_,
            &QTableWidget::resizeRowsToContents);
    column->addWidget(table_, 1);
    verdict_ = new QLabel(this);
    verdict_->setWordWrap(true);
    verdict_->setAccessibleDescription(tr("Verdict"));
    QFont f = verdict_->font();
    f.setPointSizeF(f.pointSizeF() * 1.2);
    verdict_->setFont(f);
    column->addWidget(verdict_);
    reason_ = new QLabel(this);
    reason_->setWordWrap(true);
    reason_->setTextFormat(Qt::PlainText);
    reason_->setAccessibleName(tr("Reason for the cell you are on"));
    column->addWidget(reason_);
    connect(table_, &QTableWidget::currentCellChanged, this, &MatrixView::explainCurrentCell);
    table_->installEventFilter(this);
    connect(table_, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (item->column() == 0) {
            refresh();
            emit keptSettingsChanged();
        }
    });
    connect(table_, &QTableWidget::cellDoubleClicked, this,
            [this](int, int col) { openStoreChapter(col); });
    refresh();
    explainCurrentCell(table_->currentRow(), table_->currentColumn());
}

void MatrixView::openStoreChapter(int column) {
    if (column > 0) {
        emit chapterLinkActivated(matrix_.chapterOf[matrix_.stores[column - 1]], QString());
    }
}

// What a hover's tooltip said, for the keyboard: the cell the arrows are on, explained in words
// under the table (a tester could read a cell's reason with the mouse only).
void MatrixView::explainCurrentCell(int row, int column) {
    if (row < 0 || column < 0) {
        reason_->setText(tr("Move in the table with the arrow keys: the reason for each mark is "
                            "written here."));
    } else if (column == 0) {
        reason_->setText(tr("%1: Space ticks it or unticks it.").arg(matrix_.requirements[row]));
    } else {
        const MatrixCell& c = matrix_.cells[std::size_t(row)][std::size_t(column - 1)];
        const QString& store = matrix_.stores[column - 1];
        reason_->setText(tr("%1, %2: %3 %4 (Enter opens the chapter on %2.)")
                             .arg(matrix_.requirements[row], store,
                                  table_->item(row, column)->text() + QLatin1Char('.'), c.explain));
    }
    reason_->setAccessibleDescription(reason_->text());
}

// Enter on a store's cell opens its chapter, as a double-click does.
bool MatrixView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == table_ && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && table_->currentColumn() > 0) {
            openStoreChapter(table_->currentColumn());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void MatrixView::focusInEvent(QFocusEvent* event) {
    QWidget::focusInEvent(event);
    table_->setFocus(event->reason());
}

QString MatrixView::pageTitle() const {
    return tr("Decision matrix");
}

void MatrixView::fitRows() {
    table_->verticalHeader()->setMinimumSectionSize(
        qRound(table_->fontMetrics().lineSpacing() * 1.9));
    table_->resizeRowsToContents();
}

// Another type (the Projector's, a zoom step): rows as high as their text in it, once every
// widget has its new font (a need's name was cut to "ACID ..." in rows sized for the old one).
void MatrixView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        QTimer::singleShot(0, this, &MatrixView::fitRows);
    }
}

void MatrixView::setTheme(const Theme& theme) {
    theme_ = theme;
    refresh();
}

void MatrixView::setTicked(int requirement, bool on) {
    if (QTableWidgetItem* item = table_->item(requirement, 0)) {
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
}

nlohmann::json MatrixView::keptSettings() const {
    nlohmann::json ticked = nlohmann::json::array();
    for (int r = 0; r < table_->rowCount(); ++r) {
        if (table_->item(r, 0)->checkState() == Qt::Checked) {
            ticked.push_back(r);
        }
    }
    return {{"ticked", std::move(ticked)}};
}

void MatrixView::restoreSettings(const nlohmann::json& kept) {
    const auto ticked = kept.find("ticked");
    if (!kept.is_object() || ticked == kept.end() || !ticked->is_array()) {
        return;
    }
    for (const nlohmann::json& r : *ticked) {
        if (const auto row = keptWhole(r, 0, table_->rowCount() - 1)) {
            setTicked(int(*row), true);
        }
    }
}

QString MatrixView::verdict() const {
    return verdict_->text();
}

QString MatrixView::currentReason() const {
    return reason_->text();
}

void MatrixView::refresh() {
    std::vector<bool> ticked;
    for (int r = 0; r < table_->rowCount(); ++r) {
        ticked.push_back(table_->item(r, 0)->checkState() == Qt::Checked);
    }
    const std::vector<Fit> fits = matrix_.fits(ticked);
    QStringList yes, partly, no;
    const QSignalBlocker block(table_);
    for (int s = 0; s < static_cast<int>(fits.size()); ++s) {
        const Fit f = fits[std::size_t(s)];
        (f == Fit::Yes ? yes : f == Fit::Partly ? partly : no) << matrix_.stores[s];
        for (int r = 0; r < table_->rowCount(); ++r) {
            QTableWidgetItem* item = table_->item(r, s + 1);
            const Fit cell = matrix_.cells[std::size_t(r)][std::size_t(s)].fit;
            // Ticked rows are coloured (with the words yes / partly / no in the cell as well).
            item->setBackground(!ticked[std::size_t(r)] ? QBrush()
                                : cell == Fit::Yes      ? QBrush(theme_.markFill("good"))
                                : cell == Fit::Partly   ? QBrush(theme_.markFill("warn"))
                                                        : QBrush(theme_.markFill("bad")));
            item->setForeground(QBrush(theme_.text));
        }
        // No need ticked yet: no verdict (every store read "fits" before a question was asked).
        const bool asked = std::any_of(ticked.begin(), ticked.end(), [](bool b) { return b; });
        const QString mark = !asked             ? QString()
                             : f == Fit::Yes    ? QStringLiteral("\u2714 ")
                             : f == Fit::Partly ? QStringLiteral("\u26A0 ")
                                                : QStringLiteral("\u2718 ");
        table_->horizontalHeaderItem(s + 1)->setText(mark + storeHeading(matrix_.stores[s]));
    }
    if (std::none_of(ticked.begin(), ticked.end(), [](bool b) { return b; })) {
        verdict_->setText(tr("Tick the requirements your application has."));
        return;
    }
    verdict_->setText(tr("Fits every need: %1.   Fits partly: %2.   Ruled out: %3.")
                          .arg(yes.isEmpty()
                                   ? tr("none \u2014 %1").arg(matrix_.adviceWhenNoneFits(ticked))
                                   : yes.join(QStringLiteral(", ")),
                               partly.isEmpty() ? tr("none") : partly.join(QStringLiteral(", ")),
                               no.isEmpty() ? tr("none") : no.join(QStringLiteral(", "))));
}

} // namespace fg
