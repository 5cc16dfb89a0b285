#include "widgets/decision/decision_views.h"

#include "models/io/status_text.h"
#include "widgets/canvas/reading_column.h"
#include "widgets/controls/current_cell_ring.h"
#include "widgets/controls/whole_words_column.h"
#include "widgets/export/animation_dialog.h"

#include <QApplication>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QResizeEvent>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace fg {

namespace {

QString esc(const QString& s) {
    return s.toHtmlEscaped();
}

} // namespace

WizardView::WizardView(DecisionTree tree, QWidget* parent)
    : QWidget(parent), tree_(std::move(tree)) {
    // One column, top-aligned, centred and no wider than reads well (about 110 characters: long
    // enough for the answers): the title, the answers so far, the question, its explanation and
    // the answers follow each other with the usual spacing, and what is left of the height stays
    // empty under them (the result takes it when there is one).
    auto* content = new ReadingColumn(110, this);
    content->setObjectName(QStringLiteral("wizardColumn"));
    column_ = content->column();
    fitColumnToFont();
    auto* column = column_;
    auto* title = new QLabel(
        QStringLiteral("<h2>%1</h2><p>%2</p>").arg(esc(tree_.title), esc(tree_.intro)), content);
    title->setWordWrap(true);
    title->setAccessibleName(tr("About the wizard"));
    column->addWidget(title);
    trail_ = new QLabel(content);
    trail_->setWordWrap(true);
    trail_->setAccessibleDescription(tr("Your answers so far"));
    column->addWidget(trail_);
    question_ = new QLabel(content);
    question_->setWordWrap(true);
    QFont big = question_->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    question_->setFont(big);
    question_->setAccessibleDescription(tr("Question"));
    column->addWidget(question_);
    help_ = new QLabel(content);
    help_->setWordWrap(true);
    help_->setAccessibleDescription(tr("What the question means"));
    column->addWidget(help_);
    answers_ = new QWidget(content);
    answersLayout_ = new QVBoxLayout(answers_);
    answersLayout_->setContentsMargins(0, 0, 0, 0);
    makeAnswerButtons();
    column->addWidget(answers_);
    result_ = new QTextBrowser(content);
    result_->setOpenLinks(false);
    result_->setAccessibleName(tr("Recommendation"));
    connect(result_, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        // chapter:ID#SECTION
        emit chapterLinkActivated(url.path(), url.fragment());
    });
    // No empty band inside the result's box, nor above it: the box is as tall as its text,
    // and what is left of the height stays empty under the buttons (at 1280x800 a third of the
    // box was empty, under a gap the question's hidden parts left above it).
    result_->installEventFilter(this);
    column->addWidget(result_, 1);
    auto* buttons = new QHBoxLayout;
    back_ = new QPushButton(tr("\u2190 Back"), content);
    back_->setAccessibleName(tr("Back"));
    auto* again = new QPushButton(tr("Start over"), content);
    export_ = new QPushButton(tr("Export the result\u2026"), content);
    buttons->addWidget(back_);
    buttons->addWidget(again);
    buttons->addStretch(1);
    buttons->addWidget(export_);
    column->addLayout(buttons);
    // The empty space under a question (given to the result when it is on screen).
    column->addStretch(1);
    connect(back_, &QPushButton::clicked, this, &WizardView::back);
    connect(again, &QPushButton::clicked, this, &WizardView::restart);
    connect(export_, &QPushButton::clicked, this, &WizardView::exportResult);
    setFocusPolicy(Qt::StrongFocus);
    restart();
}

QString WizardView::pageTitle() const {
    return tr("Decision wizard");
}

bool WizardView::canExport() const {
    return export_->isVisibleTo(this);
}

void WizardView::fitColumnToFont() {
    if (!column_) {
        return; // a font change while the view is being built
    }
    column_->setSpacing(fontMetrics().height() / 2); // half a line between the parts
}

PictureOptions WizardView::resultOptions() const {
    PictureOptions o;
    o.size = QSizeF(1240, 1754);           // A4's shape: a PNG at 150 dpi
    o.pdfPaper = QPageSize(QPageSize::A4); // a PDF on A4 (it was 1240 x 1754 points, 44 cm wide)
    o.background = theme_.background;
    if (const WizardResult* r = tree_.result(resultId_)) {
        o.title = r->title;
    }
    return o;
}

void WizardView::fitResultToText() {
    QTextDocument* doc = result_->document();
    doc->setTextWidth(result_->viewport()->width());
    const int text = static_cast<int>(std::ceil(doc->size().height())) + 2 * result_->frameWidth();
    if (result_->maximumHeight() != text) {
        result_->setMaximumHeight(text);
    }
}

bool WizardView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == result_ && event->type() == QEvent::Resize &&
        static_cast<QResizeEvent*>(event)->size().width() !=
            static_cast<QResizeEvent*>(event)->oldSize().width()) {
        fitResultToText(); // the text's height at the box's new width
    }
    return QWidget::eventFilter(watched, event);
}

void WizardView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::FontChange) {
        fitColumnToFont();
    }
    QWidget::changeEvent(event);
}

void WizardView::setTheme(const Theme& theme) {
    theme_ = theme;
    // The focus stays on the answer it was on.
    const auto focused =
        std::find(answerButtons_.begin(), answerButtons_.end(), QApplication::focusWidget());
    showStep(resultId_.isEmpty() ? current_ : resultId_,
             focused == answerButtons_.end() ? 0 : int(focused - answerButtons_.begin()));
}

void WizardView::restart() {
    taken_.clear();
    showStep(tree_.start);
}

void WizardView::answer(int index) {
    const WizardQuestion* q = tree_.question(current_);
    if (!q || index < 0 || index >= static_cast<int>(q->answers.size())) {
        return;
    }
    taken_.emplace_back(current_, index);
    showStep(q->answers[std::size_t(index)].next);
}

void WizardView::back() {
    if (taken_.empty()) {
        return;
    }
    // Back on the question, the keys are on the answer chosen there, not on its first (a
    // tester's Enter after Back took answer 1 instead of the one they had).
    const auto [previous, chosen] = taken_.back();
    taken_.pop_back();
    showStep(previous, chosen);
}

QStringList WizardView::trail() const {
    QStringList out;
    for (const auto& [qid, a] : taken_) {
        const WizardQuestion* q = tree_.question(qid);
        out << QStringLiteral("%1 %2").arg(q->text, q->answers[std::size_t(a)].label);
    }
    return out;
}

QString WizardView::resultHtml() const {
    const WizardResult* r = tree_.result(resultId_);
    if (!r) {
        return {};
    }
    QString links;
    for (const auto& l : r->links) {
        links +=
            QStringLiteral("<li><a href=\"chapter:%1#%2\">%3</a></li>")
                .arg(esc(l.chapter), esc(l.section), esc(l.title.isEmpty() ? l.chapter : l.title));
    }
    QString path;
    for (const QString& step : trail()) {
        path += QStringLiteral("<li>%1</li>").arg(esc(step));
    }
    // Both classes, each named, and what the letters mean (the result read "CAP / PACELC: CP",
    // the CAP class alone, a tester), in the page's type: in small print it was 13 px under 20 px
    // text on a projector (a tester).
    const QString classes =
        QStringLiteral("<p><b>%1</b> %2<br><b>%3</b> %4</p><p>%5</p>")
            .arg(tr("CAP:"), esc(r->cap), tr("PACELC:"), esc(r->pacelc),
                 tr("CAP: what a store keeps when the network cuts its servers apart (a "
                    "partition, P): C, every read sees the latest write (some requests are "
                    "refused), or A, every request is answered (perhaps with old data). PACELC: "
                    "that choice under a partition, then E, else, when nothing has failed: L, "
                    "answers come fast, or C, a read waits for the latest write."));
    return QStringLiteral("<h2>%1</h2><p><b>%2</b> %3</p><p><b>%4</b> %5</p><p><b>%6</b> %7</p>"
                          "%8<p><b>%9</b></p><ol>%10</ol><p><b>%11</b></p><ul>%12</ul>")
        .arg(esc(r->title), tr("Stores:"), esc(r->stores.join(QStringLiteral(", "))), tr("Why:"),
             esc(r->why), tr("Trade-offs:"), esc(r->tradeoffs), classes, tr("Your answers:"), path,
             tr("Read more:"), links);
}

void WizardView::showStep(const QString& id, int focusAnswer) {
    // The keys stay with the wizard: a clicked answer had the focus, and as it went the focus
    // went to the tab bar (a tester's next "3" did nothing).
    const bool hadFocus = hasFocus() || isAncestorOf(QApplication::focusWidget());
    QStringList steps;
    for (const QString& s : trail()) {
        steps << esc(s);
    }
    trail_->setText(steps.join(QStringLiteral(" \u2192 ")));
    trail_->setVisible(!steps.isEmpty());
    back_->setEnabled(!taken_.empty());
    if (const WizardResult* r = tree_.result(id)) {
        resultId_ = r->id;
        current_.clear();
        question_->setText(tr("Recommendation"));
        help_->clear();
        help_->hide();
        answers_->hide();
        result_->setHtml(resultHtml());
        // Said first by a screen reader (the rest is read in the text): sent as DescriptionChanged.
        result_->setAccessibleDescription(
            tr("%1. Stores: %2.").arg(r->title, r->stores.join(QStringLiteral(", "))));
        result_->show();
        fitResultToText();
        trail_->hide(); // the result lists the answers ("Your answers"): not twice

        column_->setStretch(column_->count() - 1, 0); // the result first, to its text's height
        export_->show();                              // only a result can be exported
        if (hadFocus) { // on the recommendation, read with its focus (Backspace still goes back)
            result_->setFocus();
        }
        return;
    }
    resultId_.clear();
    current_ = id;
    result_->hide();
    answers_->show();
    column_->setStretch(column_->count() - 1, 1);
    export_->hide();
    const WizardQuestion* q = tree_.question(id);
    if (!q) {
        question_->setText(tr("This question is missing from the wizard's file."));
        return;
    }
    question_->setText(q->text);
    help_->setText(q->help);
    help_->setVisible(!q->help.isEmpty());
    showAnswers(*q, hadFocus, focusAnswer);
}

// Created once, before Back and Start over, so that they come first in the focus chain: buttons
// made anew for each question went to its end, and Tab reached Back before them (a tester).
void WizardView::makeAnswerButtons() {
    std::size_t most = 0;
    for (const auto& [id, q] : tree_.questions) {
        most = std::max(most, q.answers.size());
    }
    for (int i = 0; i < static_cast<int>(most); ++i) {
        auto* b = new QPushButton(answers_);
        b->setStyleSheet(QStringLiteral("text-align: left; padding: 8px;"));
        connect(b, &QPushButton::clicked, this, [this, i] { answer(i); });
        answersLayout_->addWidget(b);
        answerButtons_.push_back(b);
    }
}

void WizardView::showAnswers(const WizardQuestion& q, bool takeFocus, int focusAnswer) {
    if (focusAnswer < 0 || focusAnswer >= static_cast<int>(q.answers.size())) {
        focusAnswer = 0;
    }
    for (int i = 0; i < static_cast<int>(answerButtons_.size()); ++i) {
        QPushButton* b = answerButtons_[std::size_t(i)];
        const bool used = i < static_cast<int>(q.answers.size());
        b->setVisible(used);
        if (!used) {
            b->setAccessibleDescription(QString()); // a longer question's, no more
            continue;
        }
        const QString& label = q.answers[std::size_t(i)].label;
        b->setText(QStringLiteral("&%1  %2").arg(i + 1).arg(label));
        b->setAccessibleName(label);
        // The focus lands on one answer (the first, or the one chosen before Back): a screen
        // reader reads the question with it, once (on every answer, Orca said the question
        // again at each Tab: tools/orca-check.sh).
        b->setAccessibleDescription(i == focusAnswer ? q.text : QString());
    }
    QPushButton* focused =
        answerButtons_.empty() ? nullptr : answerButtons_[std::size_t(focusAnswer)];
    if (takeFocus && focused && focused->isVisibleTo(this)) {
        focused->setFocus();
    }
}

void WizardView::keyPressEvent(QKeyEvent* event) {
    const int k = event->key();
    if (k >= Qt::Key_1 && k <= Qt::Key_9 && !current_.isEmpty()) {
        answer(k - Qt::Key_1);
        return;
    }
    if (k == Qt::Key_Backspace) {
        back();
        return;
    }
    QWidget::keyPressEvent(event);
}

PaintFunction WizardView::resultPicture() const {
    const QString html = resultHtml();
    const Theme theme = theme_;
    return [html, theme](QPainter& p, QSizeF size) {
        QTextDocument doc;
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setPixelSize(std::max(12, qRound(size.height() / 45)));
        doc.setDefaultFont(f);
        doc.setDefaultStyleSheet(QStringLiteral("body { color: %1; } a { color: %2; }")
                                     .arg(theme.text.name(), theme.accent.name()));
        doc.setHtml(QStringLiteral("<body>%1</body>").arg(html));
        const qreal margin = size.width() * 0.05;
        doc.setTextWidth(size.width() - 2 * margin);
        p.save();
        p.translate(margin, margin);
        doc.drawContents(&p, QRectF(0, 0, size.width() - 2 * margin, size.height() - 2 * margin));
        p.restore();
    };
}

QString WizardView::suggestedResultPath() const {
    return QDir(lastExportFolder())
        .filePath(QStringLiteral("recommendation-%1.pdf").arg(resultId_));
}

void WizardView::exportResult() {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export the result"), suggestedResultPath(),
                                     tr("PDF (*.pdf);;PNG picture (*.png);;SVG drawing (*.svg)"));
    if (path.isEmpty()) {
        return;
    }
    const auto format = pictureFormatFromName(path);
    if (!format) {
        QMessageBox::warning(this, tr("Export the result"),
                             tr("End the file name in .pdf, .png or .svg."));
        return;
    }
    if (const Status error = exportPicture(resultPicture(), *format, path, resultOptions());
        !error) {
        QMessageBox::warning(this, tr("Export the result"), messageOf(error));
        return;
    }
    rememberExportFolder(QFileInfo(path).absolutePath());
    emit resultExported(path);
}

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
    auto* intro = new QLabel(
        QStringLiteral("<h2>%1</h2><p>%2</p>").arg(esc(matrix_.title), esc(matrix_.intro)), this);
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
