// PracticeView (practice_view.h): the page's controls, built once: the row of choices, the
// review line, and the question's parts (prompt, inputs, picture, walkthrough, buttons).
#include "widgets/canvas/reading_column.h"
#include "widgets/controls/roomy_button.h"
#include "widgets/diagrams/flow_layout.h"
#include "widgets/practice/answer_inputs.h"
#include "widgets/practice/practice_figure.h"
#include "widgets/practice/practice_view.h"
#include "widgets/practice/walk_player.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>

namespace fg {

namespace {

// The seed box: digits only, up to 19 of them (PracticeView::kMostSeed at most, what the command
// line's --seed takes: a question's own seed, one more than a 15-digit seed's, could not be typed
// back, tester 43). A key it refuses is said beside it (letters went nowhere without a word, and
// a tester thought the box broken).
QLineEdit* seedField(QWidget* parent) {
    auto* edit = new QLineEdit(parent);
    edit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,19}")), edit));
    edit->setText(QString::number(QRandomGenerator::global()->bounded(1, 100'000)));
    edit->setMaximumWidth(edit->fontMetrics().horizontalAdvance(QStringLiteral("0")) * 18);
    QObject::connect(edit, &QLineEdit::inputRejected, edit, [edit] {
        // A digit past the 19th: the number typed is not the one in the box, and Start says so
        // once (a tester's 30-digit seed started as its first 19 digits, said by a tooltip
        // alone, where the command line refuses it).
        const bool full = edit->text().size() >= 19;
        if (full) {
            edit->setProperty(PracticeView::kSeedCut, true);
        }
        PracticeView::sayAtSeed(
            edit, full ? PracticeView::tr("A seed has at most 19 digits (up to "
                                          "9223372036854775807): the rest was not taken.")
                       : PracticeView::tr("A seed is a whole number: digits only, at "
                                          "most 9223372036854775807."));
    });
    QObject::connect(edit, &QLineEdit::textEdited, edit,
                     [edit] { edit->setProperty(PracticeView::kSeedCut, false); });
    return edit;
}

} // namespace

QWidget* PracticeView::buildSetup(QWidget* parent) {
    auto* box = new QWidget(parent);
    auto* v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    auto* row = new QWidget(box);
    setup_ = row;
    auto* flow = new FlowLayout(row);
    flow->setContentsMargins(0, 0, 0, 0);
    const auto labelled = [&](const QString& text, QWidget* w) {
        auto* l = new QLabel(text, row);
        l->setBuddy(w);
        flow->addWidget(l);
        flow->addWidget(w);
    };
    topic_ = new QComboBox(row);
    for (const auto& t : practice::topics()) {
        topic_->addItem(QLatin1String(t.title), QLatin1String(t.id));
    }
    labelled(tr("&Topic"), topic_);
    level_ = new QComboBox(row);
    level_->addItems({tr("Easy"), tr("Medium"), tr("Hard")});
    level_->setCurrentIndex(1);
    // No access key: every letter of "Level" is a menu's (Alt+L is the Lab menu; the label's
    // underlined L did nothing, a tester).
    labelled(tr("Level"), level_);
    count_ = new QSpinBox(row);
    count_->setRange(1, practice::kMaxSessionCount);
    count_->setValue(10);
    labelled(tr("&Questions"), count_);
    limit_ = new QComboBox(row);
    limit_->addItem(tr("No time limit"), 0);
    for (const int m : {2, 5, 10, 20, 30}) {
        limit_->addItem(tr("%1 minutes").arg(m), m * 60);
    }
    labelled(tr("T&ime"), limit_);
    seedEdit_ = seedField(row);
    labelled(tr("Seed n&umber"), seedEdit_);
    auto* newSeed = new QPushButton(tr("New seed"), row);
    connect(newSeed, &QPushButton::clicked, this, [this] {
        seedEdit_->setText(QString::number(QRandomGenerator::global()->bounded(1, 100'000)));
    });
    flow->addWidget(newSeed);
    auto* startButton = new QPushButton(tr("St&art"), row);
    connect(startButton, &QPushButton::clicked, this, &PracticeView::startAsked);
    flow->addWidget(startButton);
    for (QComboBox* choice : {topic_, level_, limit_}) {
        connect(choice, &QComboBox::currentIndexChanged, this, &PracticeView::keptSettingsChanged);
    }
    connect(count_, &QSpinBox::valueChanged, this, &PracticeView::keptSettingsChanged);
    connect(seedEdit_, &QLineEdit::textChanged, this, &PracticeView::keptSettingsChanged);
    v->addWidget(row);
    v->addLayout(buildReviewRow(box));
    sayReview();
    return box;
}

// What is due for review, and the button that asks it.
QHBoxLayout* PracticeView::buildReviewRow(QWidget* box) {
    auto* row = new QHBoxLayout;
    reviewLine_ = wrappedLabel(QStringLiteral("Review"), box);
    // Two lines kept, so that the page does not move when the sentence gets shorter.
    reviewLine_->setMinimumHeight(reviewLine_->fontMetrics().lineSpacing() * 2);
    reviewButton_ = new RoomyButton(tr("Review the&m"), box);
    connect(reviewButton_, &QPushButton::clicked, this, &PracticeView::startReview);
    row->addWidget(reviewLine_, 1);
    row->addWidget(reviewButton_);
    return row;
}

QWidget* PracticeView::buildQuestion(QWidget* parent) {
    question_ = new QWidget(parent);
    auto* v = new QVBoxLayout(question_);
    v->setContentsMargins(0, 8, 0, 0);
    auto* top = new QHBoxLayout;
    header_ = wrappedLabel(QStringLiteral("Question"), question_);
    clock_ = new QLabel(question_);
    clock_->setAccessibleDescription(tr("Time left"));
    top->addWidget(header_, 1);
    top->addWidget(clock_);
    v->addLayout(top);
    prompt_ = wrappedLabel(QStringLiteral("Exercise"), question_);
    QFont big = prompt_->font();
    big.setPointSizeF(big.pointSizeF() * 1.15);
    prompt_->setFont(big);
    v->addWidget(prompt_);
    given_ = new QLabel(question_);
    given_->setTextFormat(Qt::RichText);
    given_->setWordWrap(true);
    given_->setAccessibleDescription(tr("Given"));
    given_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    v->addWidget(given_);
    figure_ = new PracticeFigure(question_);
    v->addWidget(figure_);
    walk_ = new WalkPlayer(question_);
    v->addWidget(walk_);
    connect(walk_, &WalkPlayer::stepShown, this, &PracticeView::showWalkStep);
    inputs_ = new AnswerInputs(question_);
    v->addWidget(inputs_);
    auto* buttons = new QHBoxLayout;
    checkButton_ = new QPushButton(tr("&Check (Enter)"), question_);
    showMeButton_ = new QPushButton(tr("Sh&ow me"), question_);
    showMeButton_->setToolTip(tr("Open the live diagram playing this exercise"));
    againButton_ = new QPushButton(tr("Same e&xercise again"), question_);
    nextButton_ = new QPushButton(tr("&Next"), question_);
    for (QPushButton* b : {checkButton_, showMeButton_, againButton_, nextButton_}) {
        buttons->addWidget(b);
    }
    buttons->addStretch(1);
    v->addLayout(buttons);
    feedback_ = wrappedLabel(QStringLiteral("Feedback"), question_);
    feedback_->setTextFormat(Qt::RichText);
    v->addWidget(feedback_);
    connect(checkButton_, &QPushButton::clicked, this, &PracticeView::check);
    connect(nextButton_, &QPushButton::clicked, this, &PracticeView::next);
    connect(againButton_, &QPushButton::clicked, this, &PracticeView::sameAgain);
    connect(showMeButton_, &QPushButton::clicked, this, &PracticeView::requestShowMe);
    connect(inputs_, &AnswerInputs::choicePicked, figure_, &PracticeFigure::setPicked);
    connect(figure_, &PracticeFigure::choiceClicked, inputs_, &AnswerInputs::pickChoice);
    connect(figure_, &PracticeFigure::keyClicked, inputs_, &AnswerInputs::appendNumber);
    connect(figure_, &PracticeFigure::wordClicked, inputs_, &AnswerInputs::toggleWord);
    connect(inputs_, &AnswerInputs::wordsChanged, figure_, &PracticeFigure::setPickedWords);
    connect(inputs_, &AnswerInputs::assignmentChanged, figure_, &PracticeFigure::setAssignment);
    connect(figure_, &PracticeFigure::wordAssigned, inputs_, &AnswerInputs::assignWord);
    return question_;
}

} // namespace fg
