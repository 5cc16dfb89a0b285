#include "widgets/decision/decision_views.h"

#include "models/io/status_text.h"
#include "widgets/canvas/reading_column.h"
#include "widgets/export/animation_dialog.h"

#include <QApplication>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QRegularExpression>
#include <QResizeEvent>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

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

namespace {

Theme resultTheme(const Theme& screen, PictureFormat format) {
    return format == PictureFormat::Pdf ? Theme::light() : screen;
}

} // namespace

PictureOptions WizardView::resultOptions(PictureFormat format) const {
    PictureOptions o;
    o.size = QSizeF(1240, 1754);           // A4's shape: a PNG at 150 dpi
    o.pdfPaper = QPageSize(QPageSize::A4); // a PDF on A4 (it was 1240 x 1754 points, 44 cm wide)
    o.background = resultTheme(theme_, format).background;
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
    const bool had = !taken_.empty();
    taken_.clear();
    showStep(tree_.start);
    if (had) {
        emit keptSettingsChanged();
    }
}

void WizardView::answer(int index) {
    const WizardQuestion* q = tree_.question(current_);
    if (!q || index < 0 || index >= static_cast<int>(q->answers.size())) {
        return;
    }
    taken_.emplace_back(current_, index);
    showStep(q->answers[std::size_t(index)].next);
    emit keptSettingsChanged();
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
    emit keptSettingsChanged();
}

nlohmann::json WizardView::keptSettings() const {
    nlohmann::json answers = nlohmann::json::array();
    for (const auto& step : taken_) {
        answers.push_back(step.second);
    }
    return {{"answers", std::move(answers)}};
}

void WizardView::restoreSettings(const nlohmann::json& kept) {
    const auto answers = kept.find("answers");
    if (!kept.is_object() || answers == kept.end() || !answers->is_array()) {
        return;
    }
    restart();
    for (const nlohmann::json& a : *answers) {
        const WizardQuestion* q = tree_.question(current_);
        const auto i = q ? keptWhole(a, 0, std::int64_t(q->answers.size()) - 1) : std::nullopt;
        if (!i) {
            break; // the tree has changed since: the questions answered so far stay
        }
        answer(int(*i));
    }
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

qreal resultMargin(QSizeF page) {
    return page.width() * 0.05;
}

void layOutResult(QTextDocument& doc, const QString& shownHtml, const Theme& theme, QSizeF page) {
    // The chapters' links open in the app, not from a PDF ("chapter:time-series#core-identity"
    // was a dead link there: tester 44): on paper they are the chapters' names, in the links'
    // colour.
    static const QRegularExpression link(QStringLiteral("<a href=\"[^\"]*\">([^<]*)</a>"));
    QString html = shownHtml;
    html.replace(link,
                 QStringLiteral("<span style=\"color:%1\">\\1</span>").arg(theme.accent.name()));
    doc.setDefaultStyleSheet(QStringLiteral("body { color: %1; } a { color: %2; }")
                                 .arg(theme.text.name(), theme.accent.name()));
    const qreal margin = resultMargin(page);
    // A 45th of the page's height, smaller where the result would not fit the page whole (an
    // A4 PDF ended at "Read more:", its links cut off: tester 43), down to a 90th.
    for (int px = std::max(12, qRound(page.height() / 45));; --px) {
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setPixelSize(px);
        doc.setDefaultFont(f);
        doc.setHtml(QStringLiteral("<body>%1</body>").arg(html));
        doc.setTextWidth(page.width() - 2 * margin);
        if (doc.size().height() <= page.height() - 2 * margin ||
            px <= std::max(8, qRound(page.height() / 90))) {
            return;
        }
    }
}

PaintFunction WizardView::resultPicture(PictureFormat format) const {
    const Theme theme = resultTheme(theme_, format);
    const QString html = resultHtml();
    return [html, theme](QPainter& p, QSizeF size) {
        QTextDocument doc;
        layOutResult(doc, html, theme, size);
        const qreal margin = resultMargin(size);
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
    if (const Status error =
            exportPicture(resultPicture(*format), *format, path, resultOptions(*format));
        !error) {
        QMessageBox::warning(this, tr("Export the result"), messageOf(error));
        return;
    }
    rememberExportFolder(QFileInfo(path).absolutePath());
    emit resultExported(path);
}

} // namespace fg
