#include "widgets/practice/practice_view.h"

#include "engines/scenario/scenario.h"
#include "models/study/progress_store.h"
#include "widgets/canvas/reading_column.h"
#include "widgets/controls/announced_text.h"
#include "widgets/diagrams/flow_layout.h"
#include "widgets/practice/answer_inputs.h"
#include "widgets/practice/given_text.h"
#include "widgets/practice/practice_figure.h"
#include "widgets/practice/walk_player.h"

#include <QApplication>
#include <QComboBox>
#include <QDate>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpressionValidator>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QTextDocument>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>

namespace fg {

namespace {

using json = nlohmann::json;

QString qstr(const std::string& s) {
    return QString::fromStdString(s);
}

// "Kafka: the partition of a keyed record (murmur2)": the topic and what the type asks.
QString typeTitle(const practice::Exercise& e) {
    const auto* type = practice::findExerciseType(e.engine, e.type);
    const QString what = type ? QString::fromUtf8(type->what) : qstr(e.type);
    for (const auto& t : practice::topics()) {
        if (e.engine == t.id) {
            return QStringLiteral("%1: %2").arg(QString::fromUtf8(t.title), what);
        }
    }
    return what;
}

// The steps of an exercise's "Show me" scenario: all of them, and how many come before its
// last operation (what the engine says it did in the operation the exercise asks about).
struct ShownSteps {
    json steps = json::array();
    std::size_t from = 0;
};
ShownSteps shownSteps(const practice::Exercise& e) {
    const auto show = practice::showMe(e);
    if (!show) {
        return {};
    }
    json before = show->scenario, all, shorter;
    before["ops"].erase(before["ops"].size() - 1);
    if (!scenario::run(show->scenario, all) || !scenario::run(before, shorter)) {
        return {};
    }
    return {all.value("steps", json::array()), shorter.value("steps", json::array()).size()};
}

QStringList narrationOf(const practice::Exercise& e) {
    const ShownSteps shown = shownSteps(e);
    QStringList out;
    for (std::size_t i = shown.from; i < shown.steps.size(); ++i) {
        out << qstr(shown.steps[i].value("text", std::string()));
    }
    return out;
}

QString minutes(qint64 ms) {
    const qint64 s = ms / 1000;
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

PracticeView::PracticeView(QWidget* parent) : QWidget(parent) {
    today_ = static_cast<long>(QDate::currentDate().toJulianDay());
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll_ = scroll;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus);
    auto* page = new QWidget(scroll);
    auto* column = new ReadingColumn(110, page);
    column->column()->addWidget(buildSetup(column));
    column->column()->addWidget(buildQuestion(column));
    summary_ = wrappedLabel(QStringLiteral("Result"), column);
    column->column()->addWidget(summary_);
    column->column()->addStretch(1);
    scroll->setWidget(page);
    outer->addWidget(scroll);
    timer_ = new QTimer(this);
    timer_->setInterval(1000);
    connect(timer_, &QTimer::timeout, this, &PracticeView::tick);
    question_->hide();
    summary_->setText(tr("Choose a topic, a level and how many questions, then Start. The same "
                         "seed gives everyone the same questions."));
}

void PracticeView::setTheme(const Theme& theme) {
    theme_ = theme;
    figure_->setTheme(theme);
    if (!feedbackPlain_.isEmpty()) {
        sayFeedback(verdict_ == 1, feedbackPlain_);
    }
    if (checked_ && current()) {
        inputs_->showRightChoices(current()->answer, rightChoiceTone(), wrongChoiceTone());
    }
}

// The theme's "good" colour, readable on a button.
QColor PracticeView::rightChoiceTone() const {
    return theme_.readableOn(theme_.good, palette().color(QPalette::Button));
}

// The theme's colour for wrong, readable on a button.
QColor PracticeView::wrongChoiceTone() const {
    return theme_.readableOn(theme_.bad, palette().color(QPalette::Button));
}

QString PracticeView::pageTitle() const {
    return tr("Practice");
}

void PracticeView::setStore(ProgressStore* store) {
    store_ = store;
    sayReview();
}

void PracticeView::setToday(long day) {
    today_ = day;
    sayReview();
}

void PracticeView::setTopic(const QString& topic) {
    const int i = topic_->findData(topic);
    if (i >= 0) {
        topic_->setCurrentIndex(i);
    }
}

void PracticeView::sayReview() {
    const int due = store_ ? store_->practiceReview().dueCount(today_) : 0;
    reviewLine_->setText(
        due == 0 ? tr("No exercise type is due for review today. Types you miss come back here "
                      "(the quiz's schedule: again the same day, then after 1, 3, 7 and 14 "
                      "days).")
                 : (due == 1 ? tr("1 exercise type you missed or have not practised lately is "
                                  "due for review today.")
                             : tr("%1 exercise types you missed or have not practised lately "
                                  "are due for review today.")
                                   .arg(due)));
    reviewButton_->setEnabled(due > 0);
}

bool PracticeView::inSession() const {
    return !session_.empty() && !finished_ &&
           std::any_of(results_.begin(), results_.end(), [](int r) { return r >= 0; });
}

// Start, or Enter in the choices: a session under way with answers is not dropped unasked (a
// tester pressed Enter in the Questions box and lost his).
void PracticeView::startAsked() {
    if (inSession() &&
        QMessageBox::question(this, tr("Start again?"),
                              tr("Start a new set of questions? The answers of this one are "
                                 "recorded already; the questions left are dropped.")) !=
            QMessageBox::Yes) {
        return;
    }
    start();
}

void PracticeView::sayAtSeed(QLineEdit* seed, const QString& text) {
    QToolTip::showText(seed->mapToGlobal(QPoint(0, seed->height())), text, seed);
}

void PracticeView::start() {
    const auto level = static_cast<practice::Level>(level_->currentIndex());
    const std::uint64_t seed = seedEdit_->text().toULongLong();
    if (seed > std::uint64_t(kMostSeed)) { // 19 digits, past what the command line takes
        // Said as what it is: it was told it had "at most 19 digits" (it has 19: tester 47).
        seedEdit_->setFocus();
        sayAtSeed(seedEdit_, tr("A seed is at most 9223372036854775807, and %1 is larger: type a "
                                "smaller one.")
                                 .arg(seedEdit_->text()));
        return;
    }
    if (seedEdit_->property(kSeedCut).toBool()) { // said once: Start again takes it as it is
        seedEdit_->setProperty(kSeedCut, false);
        seedEdit_->setFocus();
        sayAtSeed(seedEdit_, tr("The seed box kept the first 19 digits of the number typed: %1. "
                                "Press Start again to use it, or type another.")
                                 .arg(seedEdit_->text()));
        return;
    }
    start(topic_->currentData().toString(), level, count_->value(), seed,
          limit_->currentData().toInt());
}

void PracticeView::start(const QString& topic, practice::Level level, int count, std::uint64_t seed,
                         int limitSeconds) {
    setTopic(topic);
    level_->setCurrentIndex(static_cast<int>(level));
    count_->setValue(count);
    seedEdit_->setText(QString::number(seed));
    seed_ = seed;
    sessionLevel_ = level;
    limitSeconds_ = limitSeconds;
    const QString what = topic_->currentText();
    begin(practice::typesOf(topic.toStdString()), count, what);
    sessionTopic_ = topic;
}

void PracticeView::practiseTopic(const QString& topic) {
    if (inSession() && sessionTopic_ == topic) {
        return;
    }
    // The topic was chosen and the other session's question stayed on screen, unexplained (a
    // tester): the same question as Start asks.
    setTopic(topic);
    if (inSession() &&
        QMessageBox::question(this, tr("Start again?"),
                              tr("Start questions on %1? The answers of the questions on %2 are "
                                 "recorded already; the questions left are dropped.")
                                  .arg(topic_->currentText(), sessionWhat_)) != QMessageBox::Yes) {
        setTopic(sessionTopic_);
        return;
    }
    start();
}

void PracticeView::startReview() {
    if (!store_) {
        return;
    }
    std::vector<const practice::ExerciseType*> types;
    for (const auto& id : store_->practiceReview().due(today_)) {
        if (const auto* t = practice::findTypeId(id)) {
            types.push_back(t);
        }
    }
    if (types.empty()) {
        sayReview();
        return;
    }
    seed_ = seedEdit_->text().toULongLong();
    sessionLevel_ = static_cast<practice::Level>(level_->currentIndex());
    limitSeconds_ = limit_->currentData().toInt();
    // The Topic box says what is asked: the one topic of the due types, or all mixed (it kept
    // the last topic, and a tester saw a Redis question under "Time series"). Questions keeps
    // the student's count: a review asks each due type once.
    const bool oneEngine = std::all_of(types.begin(), types.end(), [&](const auto* t) {
        return std::string_view(t->engine) == types.front()->engine;
    });
    setTopic(QString::fromUtf8(oneEngine ? types.front()->engine : "mixed"));
    const int count = static_cast<int>(types.size());
    begin(std::move(types), count, tr("Review"));
    sessionTopic_.clear();
}

void PracticeView::begin(std::vector<const practice::ExerciseType*> types, int count,
                         const QString& what) {
    if (types.empty()) {
        return;
    }
    session_ = practice::makeSession(types, sessionLevel_, count, seed_);
    results_.assign(session_.size(), -1);
    sessionWhat_ = what;
    index_ = 0;
    finished_ = false;
    summary_->clear();
    question_->show();
    elapsed_.start();
    answeredMs_ = 0;
    answering_.invalidate(); // started by showQuestion
    if (limitSeconds_ > 0) {
        timer_->start();
    } else {
        timer_->stop();
    }
    tick();
    showQuestion();
}

const practice::Exercise* PracticeView::current() const {
    return !finished_ && index_ < questionCount() ? &session_[static_cast<std::size_t>(index_)]
                                                  : nullptr;
}

void PracticeView::sayHeader() {
    const practice::Exercise& e = session_[static_cast<std::size_t>(index_)];
    header_->setText(tr("Question %1 of %2 · %3 · seed %4 · %5 right so far")
                         .arg(index_ + 1)
                         .arg(questionCount())
                         .arg(typeTitle(e))
                         .arg(e.seed)
                         .arg(rightCount()));
}

void PracticeView::showQuestion() {
    const practice::Exercise& e = session_[static_cast<std::size_t>(index_)];
    checked_ = false;
    if (!answering_.isValid()) {
        answering_.start(); // the clock of the time limit goes on
    }
    sayHeader();
    prompt_->setText(qstr(e.prompt));
    given_->setText(givenHtml(e));
    figure_->setExercise(e);
    walk_->setSteps({});
    const json& tree = figure_->treeBefore();
    inputs_->setFields(e.fields, tree.is_object() ? qstr(practice::treeText(tree)) : QString(),
                       e.given.contains("before") ? json(e.given["before"]) : json());
    figure_->setAssignment(inputs_->assignment());
    inputs_->setInputsEnabled(true);
    feedback_->clear();
    nextButton_->setAccessibleDescription(QString());
    feedbackPlain_.clear();
    verdict_ = -1;
    checkButton_->setEnabled(true);
    // Enter starts a new line in a box of several lines (buckets, one a line): Ctrl+Enter checks
    // there, and the button says so (it said "Check (Enter)", a tester).
    const bool lines = std::any_of(e.fields.begin(), e.fields.end(), [](const auto& f) {
        return f.kind == practice::AnswerField::Kind::Buckets;
    });
    checkButton_->setText(lines ? tr("&Check (Ctrl+Enter)") : tr("&Check (Enter)"));
    // Show me plays the answer: it comes once the answer is checked (a tester saw it first and
    // was graded right).
    showMeButton_->setEnabled(false);
    nextButton_->setText(index_ + 1 < questionCount() ? tr("&Next") : tr("Fi&nish"));
    putButtonsAfterInputs();
    // The new inputs are shown by the event loop: the focus goes to the first one then (typing
    // after Next went nowhere).
    QTimer::singleShot(0, inputs_, [this] { inputs_->focusFirst(); });
    scroll_->ensureWidgetVisible(header_);
}

void PracticeView::activate() {
    if (finished_ || session_.empty()) {
        return;
    }
    checked_ ? next() : check();
}

// Tab goes from the answers to Check, Show me, Same exercise again and Next: the inputs, made
// afresh for each question, came last in the window's order, so Tab went from them to the
// chapter list and round the whole window to Check (a tester).
void PracticeView::putButtonsAfterInputs() {
    QWidget* last = nullptr;
    for (QWidget* w = inputs_->nextInFocusChain(); w != inputs_; w = w->nextInFocusChain()) {
        if (inputs_->isAncestorOf(w) && (w->focusPolicy() & Qt::TabFocus)) {
            last = w;
        }
    }
    QWidget* after = last;
    for (QWidget* button :
         {static_cast<QWidget*>(checkButton_), static_cast<QWidget*>(showMeButton_),
          static_cast<QWidget*>(againButton_), static_cast<QWidget*>(nextButton_)}) {
        if (after) {
            QWidget::setTabOrder(after, button);
        }
        after = button;
    }
}

void PracticeView::check() {
    const practice::Exercise* e = current();
    if (!e || checked_) {
        return;
    }
    QString problem;
    const auto submitted = inputs_->submission(problem);
    if (!submitted) {
        verdict_ = -1; // not graded: only a hint
        sayFeedback(false, problem);
        // In view: below the window's edge, Enter seemed to do nothing (tester 41).
        QTimer::singleShot(0, this, [this] { showFeedback(); });
        return;
    }
    const practice::Grading g = practice::grade(*e, *submitted);
    checked_ = true;
    if (answering_.isValid()) { // the clock stops while the answer is read
        answeredMs_ += answering_.elapsed();
        answering_.invalidate();
        tick();
    }
    int& result = results_[static_cast<std::size_t>(index_)];
    if (result < 0) {
        result = g.right ? 1 : 0;
        if (store_) {
            store_->recordPractice(
                qstr(practice::typeId(*practice::findExerciseType(e->engine, e->type))), g.right,
                today_);
            emit answered();
            sayReview();
        }
    }
    QStringList lines;
    for (const auto& d : g.differences) {
        lines << QStringLiteral("\u2022 ") + qstr(d);
    }
    if (!g.right) {
        lines << QString() << tr("The engine's answer:") << qstr(practice::answerText(*e));
    }
    // The engine's walkthrough of the exercise, in the exercise's own terms, or else the live
    // diagram's narration of the step (Show me plays the diagram where there is one, else the
    // walkthrough, here on the picture).
    walk_->setSteps(practice::walkthrough(*e));
    QStringList narration;
    for (int i = 0; i < walk_->stepCount(); ++i) {
        narration << QStringLiteral("%1. %2").arg(i + 1).arg(
            qstr(walk_->steps()[static_cast<std::size_t>(i)].text));
    }
    if (narration.isEmpty()) {
        narration = narrationOf(*e);
    }
    if (!narration.isEmpty()) {
        lines << QString() << tr("What the engine did:") << narration;
    }
    verdict_ = g.right ? 1 : 0;
    sayHeader(); // the count of right answers
    sayFeedback(g.right, lines.join(QLatin1Char('\n')));
    if (e->answer.contains("master")) {
        figure_->setRight(e->answer["master"].get<int>());
    }
    if (e->answer.contains("tree")) { // the engine's tree, where it differs from yours
        figure_->showTreeAfter(json(e->answer["tree"]), submitted->value("tree", json()));
    }
    inputs_->setInputsEnabled(false);
    inputs_->showRightChoices(e->answer, rightChoiceTone(), wrongChoiceTone());
    checkButton_->setEnabled(false);
    const bool live = practice::showMe(*e).has_value();
    showMeButton_->setEnabled(live || walk_->stepCount() > 0);
    showMeButton_->setToolTip(live ? tr("Open the live diagram playing this exercise")
                                   : tr("Play the engine's steps here, on the picture"));
    // The focus goes to Next, and a screen reader reads what has the focus: Next says the verdict.
    nextButton_->setAccessibleDescription(feedbackText());
    nextButton_->setFocus();
    // The verdict in view, on a small screen too: once the layout has given the feedback its
    // new height (scrolled to at once, with the height of the empty feedback, it stayed below
    // the window's edge, a tester).
    QTimer::singleShot(0, this, [this] { showFeedback(); });
}

void PracticeView::showFeedback() {
    if (QWidget* content = scroll_->widget(); content && content->layout()) {
        content->layout()->activate();
    }
    const int margin = fontMetrics().lineSpacing() / 2;
    const int top = feedback_->mapTo(scroll_->widget(), QPoint(0, 0)).y() - margin;
    const int bottom = top + feedback_->height() + 2 * margin;
    QScrollBar* bar = scroll_->verticalScrollBar();
    const int view = scroll_->viewport()->height();
    if (bottom > bar->value() + view) { // all of it, or its first lines when it is taller
        bar->setValue(std::min(top, bottom - view));
    }
    if (top < bar->value()) {
        bar->setValue(top);
    }
}

// The verdict in words and in the theme's colour for right or wrong (bold, so it does not rest
// on colour alone), then the details as plain text.
void PracticeView::sayFeedback(bool right, const QString& text) {
    feedbackPlain_ = text;
    QString html;
    if (verdict_ >= 0) {
        const QColor c =
            theme_.readableOn(right ? theme_.good : theme_.bad, palette().window().color());
        html = QStringLiteral("<p style=\"color:%1; font-weight:bold; font-size:large\">%2</p>")
                   .arg(c.name(), right ? tr("\u2714 Right.") : tr("\u2718 Not right."));
    }
    html += QStringLiteral("<p style=\"white-space:pre-wrap\">%1</p>").arg(text.toHtmlEscaped());
    announceOn(feedback_, html);
}

void PracticeView::next() {
    if (finished_ || session_.empty()) {
        return;
    }
    if (index_ + 1 >= questionCount()) {
        finish(false);
        return;
    }
    ++index_;
    showQuestion();
}

void PracticeView::sameAgain() {
    if (current()) {
        showQuestion(); // a retry: the first answer is what counts
    }
}

qint64 PracticeView::answeringMs() const {
    return answeredMs_ + (answering_.isValid() ? answering_.elapsed() : 0);
}

void PracticeView::tick() {
    if (limitSeconds_ <= 0) {
        clock_->clear();
        return;
    }
    const qint64 left = qint64(limitSeconds_) * 1000 - answeringMs();
    const QString shown = minutes(std::max<qint64>(0, left));
    clock_->setText(answering_.isValid()
                        ? tr("Time left %1").arg(shown)
                        : tr("Time left %1 (stopped while you read the answer)").arg(shown));
    if (left <= 0 && !finished_) {
        finish(true);
    }
}

void PracticeView::finish(bool timeUp) {
    finished_ = true;
    timer_->stop();
    question_->hide();
    summary_->setText(summaryText() + (timeUp ? tr("\nTime is up.") : QString()));
    summary_->setFocus();
}

QString PracticeView::summaryText() const {
    int answered = 0;
    QMap<QString, int> missed;
    for (std::size_t i = 0; i < session_.size(); ++i) {
        answered += results_[i] >= 0;
        if (results_[i] == 0) {
            ++missed[typeTitle(session_[i])];
        }
    }
    QStringList lines;
    lines << tr("%1 of %2 right (%3 answered) in %4, seed %5.")
                 .arg(rightCount())
                 .arg(questionCount())
                 .arg(answered)
                 .arg(minutes(elapsed_.isValid() ? elapsed_.elapsed() : 0))
                 .arg(seed_);
    if (!missed.isEmpty()) {
        lines << tr("Missed:");
        for (auto it = missed.cbegin(); it != missed.cend(); ++it) {
            lines << QStringLiteral("\u2022 %1 (%2)").arg(it.key()).arg(it.value());
        }
        lines << tr("Those not answered right later in the set come back for review today "
                    "(Review them, above); Start with the same seed asks the same questions "
                    "again.");
    }
    return lines.join(QLatin1Char('\n'));
}

QString PracticeView::givenText() const {
    QTextDocument doc;
    doc.setHtml(given_->text());
    return doc.toPlainText();
}

WorksheetChoice PracticeView::choices() const {
    return {topic_->currentData().toString(), static_cast<practice::Level>(level_->currentIndex()),
            count_->value(), seedEdit_->text().toULongLong()};
}

int PracticeView::rightCount() const {
    return static_cast<int>(std::count(results_.begin(), results_.end(), 1));
}

QString PracticeView::feedbackText() const {
    if (verdict_ < 0) {
        return feedbackPlain_;
    }
    return (verdict_ == 1 ? tr("\u2714 Right.") : tr("\u2718 Not right.")) + QLatin1Char('\n') +
           feedbackPlain_;
}

void PracticeView::requestShowMe() {
    if (const practice::Exercise* e = current()) {
        if (const auto show = practice::showMe(*e)) {
            emit showMeRequested(qstr(show->diagram),
                                 QByteArray::fromStdString(show->scenario.dump()),
                                 static_cast<int>(shownSteps(*e).from));
        } else if (checked_ && walk_->stepCount() > 0) {
            walk_->start();
            scroll_->ensureWidgetVisible(walk_);
        }
    }
}

} // namespace fg
