#include "widgets/study/quiz_view.h"

#include "models/course/course.h"
#include "models/study/progress_store.h"
#include "widgets/canvas/reading_column.h"
#include "widgets/controls/announced_text.h"
#include "widgets/controls/focus_ring.h"

#include <QApplication>
#include <QButtonGroup>
#include <QDate>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QVBoxLayout>
#include <algorithm>

namespace fg {

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

} // namespace

QString QuizView::pageTitle() const {
    return tr("Quiz");
}

QuizView::QuizView(QWidget* parent) : QWidget(parent) {
    today_ = static_cast<long>(QDate::currentDate().toJulianDay());

    // One centred column, no wider than reads well, that scrolls as a whole: the count, the
    // card, and its buttons right under the answers (they stood at the far right of the page).
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus);
    auto* page = new QWidget(scroll);
    auto* column = new ReadingColumn(100, page);
    auto* v = column->column();
    counter_ = new QLabel(column);
    counter_->setAccessibleDescription(tr("Due cards"));
    v->addWidget(counter_);
    source_ = wrappedLabel(tr("From"), column);
    question_ = wrappedLabel(tr("Question"), column);
    QFont big = question_->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    question_->setFont(big);
    v->addWidget(source_);
    v->addWidget(question_);

    choicesBox_ = new QWidget(column);
    auto* rows = new QVBoxLayout(choicesBox_);
    rows->setContentsMargins(0, 0, 0, 0);
    group_ = new QButtonGroup(this);
    for (int i = 0; i < 4; ++i) {
        // A row per choice: its button and its text, the focus ring around both (around the
        // button alone it was a small faint box by the number, a tester).
        auto* row = new QWidget(choicesBox_);
        auto* line = new QHBoxLayout(row);
        line->setContentsMargins(0, 0, 0, 0);
        auto* radio = new QRadioButton(QString::number(i + 1), row);
        // Named by its text once a card is shown (showChoices): "Choice 1" told a screen reader
        // nothing.
        radio->setAccessibleName(tr("Choice %1").arg(i + 1));
        FocusRing::ringAround(radio, row);
        auto* text = wrappedLabel(tr("Choice %1 text").arg(i + 1), row);
        text->setTextInteractionFlags(Qt::NoTextInteraction);
        text->installEventFilter(this);
        group_->addButton(radio, i);
        line->addWidget(radio, 0, Qt::AlignTop);
        line->addWidget(text, 1);
        rows->addWidget(row);
        radios_.push_back(radio);
        choiceTexts_.push_back(text);
    }
    v->addWidget(choicesBox_);

    feedback_ = wrappedLabel(tr("Result"), column);
    QFont bold = feedback_->font();
    bold.setBold(true);
    feedback_->setFont(bold);
    answer_ = wrappedLabel(tr("Model answer"), column);
    // Revealed, the focus is on the answer read (Enter there does not grade: a tester's Enter,
    // pressed as on every other card, counted the card as known).
    answer_->setFocusPolicy(Qt::StrongFocus);
    explanation_ = wrappedLabel(tr("Explanation"), column);
    v->addWidget(feedback_);
    v->addWidget(answer_);
    v->addWidget(explanation_);
    link_ = new QPushButton(column);
    link_->setFlat(true);
    link_->setCursor(Qt::PointingHandCursor);
    link_->setAccessibleName(QStringLiteral("Read about it"));
    link_->setStyleSheet(QStringLiteral("text-align: left; text-decoration: underline;"));
    v->addWidget(link_, 0, Qt::AlignLeft);

    auto* buttons = new QHBoxLayout;
    gradeBox_ = new QWidget(column);
    auto* gradeRow = new QHBoxLayout(gradeBox_);
    gradeRow->setContentsMargins(0, 0, 0, 0);
    const std::pair<const char*, study::Grade> grades[] = {{"1  I knew it", study::Grade::Right},
                                                           {"2  Partly", study::Grade::Partly},
                                                           {"3  Not yet", study::Grade::Wrong}};
    for (const auto& [label, g] : grades) {
        auto* b = new QPushButton(QString::fromUtf8(label), gradeBox_);
        const study::Grade chosen = g;
        connect(b, &QPushButton::clicked, this, [this, chosen] { grade(chosen); });
        gradeRow->addWidget(b);
        gradeButtons_.push_back(b);
    }
    primary_ = new QPushButton(column);
    primary_->setAccessibleName(QStringLiteral("Check or next"));
    buttons->addWidget(gradeBox_);
    buttons->addWidget(primary_);
    buttons->addStretch(1);
    v->addLayout(buttons);
    v->addStretch(1);
    scroll->setWidget(page);
    outer->addWidget(scroll, 1);

    connect(primary_, &QPushButton::clicked, this, &QuizView::activate);
    connect(link_, &QPushButton::clicked, this, [this] {
        if (card_) {
            emit chapterLinkActivated(q(card_->see.chapter), q(card_->see.section));
        }
    });
    setFocusPolicy(Qt::StrongFocus);
    setTheme(Theme::light());
    showNext();
}

void QuizView::setTheme(const Theme& theme) {
    theme_ = theme;
    styleChoices();
    right_ = theme.readableOn(theme.good, theme.background);
    wrong_ = theme.readableOn(theme.bad, theme.background);
    showCard();
}

void QuizView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange && choicesBox_) {
        styleChoices();
    }
}

void QuizView::styleChoices() {
    const Theme& theme = theme_;
    // A circle as tall as about 0.8 of a line, its ring in the muted text colour (at least
    // 3:1 against the page in every theme, WCAG's contrast for a control) and a dot in the
    // accent colour when chosen.
    const int d = std::max(12, qRound(choicesBox_->fontMetrics().height() * 0.8));
    const int border = std::max(2, qRound(d / 7.0));
    choicesBox_->setStyleSheet(
        QStringLiteral(
            "QRadioButton::indicator { width: %1px; height: %1px; border: %2px solid %3;"
            " border-radius: %4px; background: %5; }"
            "QRadioButton::indicator:hover { border-color: %6; }"
            "QRadioButton::indicator:checked { background: qradialgradient(cx: 0.5, cy: 0.5,"
            " radius: 0.5, fx: 0.5, fy: 0.5, stop: 0 %6, stop: 0.5 %6, stop: 0.6 %5,"
            " stop: 1 %5); }")
            .arg(d)
            .arg(border)
            .arg(theme.mutedText.name())
            .arg((d + 2 * border) / 2)
            .arg(theme.background.name())
            .arg(theme.accent.name()));
}

study::Review& QuizView::review() {
    return store_ ? store_->review() : ownReview_;
}

const study::Review& QuizView::reviewState() const {
    return store_ ? std::as_const(*store_).review() : ownReview_;
}

void QuizView::setDeck(const QuizDeck* deck, ProgressStore* store) {
    deck_ = deck;
    store_ = store;
    if (deck_) {
        for (const auto& c : deck_->cards) {
            review().add(c.id, today_);
        }
    }
    showNext();
}

void QuizView::setTitles(QHash<QString, QString> titles) {
    titles_ = std::move(titles);
    showCard();
}

void QuizView::setToday(long day) {
    today_ = day;
    if (deck_) {
        for (const auto& c : deck_->cards) {
            review().add(c.id, today_);
        }
    }
    showNext();
}

QString QuizView::currentCardId() const {
    return card_ ? q(card_->id) : QString();
}

int QuizView::dueCount() const {
    if (!deck_) {
        return 0;
    }
    int n = 0;
    for (const auto& id : reviewState().due(today_)) {
        n += deck_->card(q(id)) ? 1 : 0;
    }
    return n;
}

void QuizView::updateCounter() {
    const int n = dueCount();
    counter_->setText(n == 0   ? tr("No cards due")
                      : n == 1 ? tr("1 card due")
                               : tr("%1 cards due").arg(n));
}

void QuizView::showNext() {
    // The next due card, but not the twin of the one just answered (the same checklist item or
    // mistake asked the other way, a model answer then its choices: a tester saw the answer
    // just shown and was graded right) while another card is due.
    const study::QuizCard* last = card_ ? card_ : lastAnswered();
    card_ = nullptr;
    if (deck_) {
        const study::QuizCard* twin = nullptr;
        for (const auto& id : reviewState().due(today_)) {
            if (const auto* c = deck_->card(q(id))) {
                const bool same = last && c->item >= 0 && c->item == last->item &&
                                  c->from.chapter == last->from.chapter &&
                                  c->from.section == last->from.section;
                if (!same) {
                    card_ = c;
                    break;
                }
                twin = twin ? twin : c;
            }
        }
        card_ = card_ ? card_ : twin;
    }
    stage_ = card_ ? Stage::Asking : Stage::Empty;
    order_.clear();
    if (card_ && card_->kind == study::QuizCard::Kind::Choice) {
        // The n-th showing of a card (n: its answers so far) has an order of its own.
        const study::CardState* s = reviewState().state(card_->id);
        order_ = study::choiceOrder(*card_, s ? s->seen : 0);
    }
    group_->setExclusive(false);
    for (auto* r : radios_) {
        r->setChecked(false);
    }
    group_->setExclusive(true);
    showCard();
}

// The card answered last, by the answers' order (CardState::stamp): the quiz opened again, or the
// next day, does not start with the twin of the card it ended on (a tester: the model answer of
// "PostgreSQL for high-cardinality metrics", then its choices).
const study::QuizCard* QuizView::lastAnswered() const {
    const study::QuizCard* last = nullptr;
    long stamp = 0;
    if (deck_) {
        for (const auto& c : deck_->cards) {
            if (const study::CardState* s = reviewState().state(c.id); s && s->stamp > stamp) {
                stamp = s->stamp;
                last = &c;
            }
        }
    }
    return last;
}

bool QuizView::holdsFocus() const {
    const QWidget* f = QApplication::focusWidget();
    return f && (f == this || isAncestorOf(f));
}

// The focus on the control Enter presses: a tester found it on the chapter list after a reveal
// (the button that had it was hidden; the next keys opened chapter 3) and on "Read about it"
// after a check (the choice that had it was switched off), where Enter pressed Next.
void QuizView::placeFocus() {
    QWidget* target = this;
    if (card_ && stage_ == Stage::Asking && card_->kind == study::QuizCard::Kind::Choice) {
        const int picked = group_->checkedId();
        target = radios_[static_cast<std::size_t>(std::max(picked, 0))];
    } else if (card_ && stage_ == Stage::Revealed) {
        target = answer_;
    } else if (card_) {
        target = primary_;
    }
    target->setFocus(Qt::OtherFocusReason);
}

void QuizView::showCard() {
    const bool hadFocus = holdsFocus(); // before the widgets that have it may go
    showCardWidgets();
    if (hadFocus && isVisible()) {
        placeFocus();
    }
}

void QuizView::showCardWidgets() {
    updateCounter();
    const bool has = card_ != nullptr;
    const bool choice = has && card_->kind == study::QuizCard::Kind::Choice;
    source_->setVisible(has);
    // Where to read about it once answered: before, it pointed at the answer.
    link_->setVisible(has && stage_ != Stage::Asking);
    choicesBox_->setVisible(choice);
    if (!has) {
        question_->setText(deck_ && !deck_->cards.empty()
                               ? sessionLine() +
                                     tr("Nothing to review today. The cards you know come back in "
                                        "a few days; the ones you missed come back sooner.")
                               : tr("There are no quiz cards."));
        feedback_->hide();
        answer_->hide();
        explanation_->hide();
        gradeBox_->hide();
        primary_->hide();
        return;
    }
    const QString chapter = q(card_->from.chapter);
    const QString seeKey = q(card_->see.chapter) + QLatin1Char('#') + q(card_->see.section);
    source_->setText(tr("From: %1").arg(titles_.value(chapter, chapter)));
    question_->setText(q(card_->question));
    // A button's "&" marks its shortcut letter: "Key-Value & Caching" read "Key-Value  Caching".
    QString path = sectionPath(titles_.value(q(card_->see.chapter), q(card_->see.chapter)),
                               titles_.value(seeKey, q(card_->see.section)));
    path.replace(QLatin1Char('&'), QLatin1String("&&"));
    link_->setText(tr("Read about it: %1").arg(path));

    showChoices();
    const bool checked = stage_ == Stage::Checked;
    answer_->setVisible(stage_ == Stage::Revealed);
    answer_->setText(q(card_->answer));
    const bool showExplanation =
        (checked || stage_ == Stage::Revealed) && !card_->explanation.empty();
    explanation_->setVisible(showExplanation);
    explanation_->setText(q(card_->explanation));
    feedback_->setVisible(checked || stage_ == Stage::Revealed);
    if (stage_ == Stage::Revealed) {
        announceOn(feedback_, tr("Model answer. How well did you know it? (keys 1-3)"));
    }
    gradeBox_->setVisible(stage_ == Stage::Revealed);
    primary_->setVisible(stage_ != Stage::Revealed);
    primary_->setText(stage_ == Stage::Checked ? tr("Next  (Enter)")
                      : choice                 ? tr("Check  (Enter)")
                                               : tr("Show answer  (Enter)"));
}

void QuizView::showChoices() {
    const bool checked = stage_ == Stage::Checked;
    // Checked, the right answer and a wrong pick say so in words above their text, in the
    // theme's "good" and "bad" colours made readable (setTheme): colour is never the only cue.
    for (std::size_t i = 0; i < radios_.size(); ++i) {
        const bool used = i < order_.size();
        radios_[i]->parentWidget()->setVisible(used); // the choice's row
        radios_[i]->setEnabled(!checked);
        if (!used) {
            continue;
        }
        const study::QuizChoice& choice = card_->choices[static_cast<std::size_t>(order_[i])];
        const bool mine = radios_[i]->isChecked();
        QString text = q(choice.text);
        QString style;
        if (checked && choice.right) {
            text = (mine ? tr("\u2713 Right answer, your answer") : tr("\u2713 Right answer")) +
                   QLatin1Char('\n') + text;
            style = QStringLiteral("color: %1;").arg(right_.name());
        } else if (checked && mine) {
            text = tr("\u2717 Your answer: not right") + QLatin1Char('\n') + text;
            style = QStringLiteral("color: %1;").arg(wrong_.name());
        }
        choiceTexts_[i]->setText(text);
        choiceTexts_[i]->setStyleSheet(style);
        // Bold by the label's own font, set on every card: bold from its style sheet was copied
        // into the font a theme switch scales, and the right choice of one card stayed bold on
        // every card after it (a hint, in front of a class: a tester).
        QFont font = choiceTexts_[i]->font();
        font.setBold(checked && choice.right);
        choiceTexts_[i]->setFont(font);
        radios_[i]->setAccessibleName(tr("%1: %2").arg(i + 1).arg(text));
    }
}

int QuizView::shownRightChoice() const {
    if (!card_) {
        return -1;
    }
    const auto at = std::find(order_.begin(), order_.end(), card_->rightChoice());
    return at == order_.end() ? -1 : static_cast<int>(at - order_.begin());
}

void QuizView::pick(int index) {
    if (!card_) {
        return;
    }
    if (stage_ == Stage::Revealed) {
        const study::Grade grades[] = {study::Grade::Right, study::Grade::Partly,
                                       study::Grade::Wrong};
        if (index >= 0 && index < 3) {
            grade(grades[index]);
        }
        return;
    }
    if (stage_ != Stage::Asking || index < 0 || index >= static_cast<int>(order_.size())) {
        return;
    }
    radios_[static_cast<std::size_t>(index)]->setChecked(true);
    if (holdsFocus()) { // the ring on the choice picked (it stayed on the first)
        radios_[static_cast<std::size_t>(index)]->setFocus(Qt::OtherFocusReason);
    }
}

// What this session came to, when it answered any card ("" otherwise): a tester finished a
// quiz and was told only that nothing was due.
QString QuizView::sessionLine() const {
    const int wrong = sessionAnswers_[static_cast<int>(study::Grade::Wrong)];
    const int partly = sessionAnswers_[static_cast<int>(study::Grade::Partly)];
    const int right = sessionAnswers_[static_cast<int>(study::Grade::Right)];
    const int all = wrong + partly + right;
    if (all == 0) {
        return {};
    }
    QString line = all == 1 ? tr("This session: 1 answer, %1 right").arg(right)
                            : tr("This session: %1 answers, %2 right").arg(all).arg(right);
    if (partly > 0) {
        line += tr(", %1 partly").arg(partly);
    }
    return line + tr(", %1 not yet.").arg(wrong) + QStringLiteral("\n\n");
}

void QuizView::record(study::Grade g) {
    const QString id = q(card_->id);
    review().answer(card_->id, g, today_);
    ++sessionAnswers_[static_cast<int>(g)];
    if (store_) {
        store_->setQuizResult(q(card_->from.chapter), id, g);
    }
    emit answered(id, g);
}

void QuizView::activate() {
    if (!card_) {
        return;
    }
    switch (stage_) {
    case Stage::Asking:
        if (card_->kind == study::QuizCard::Kind::Answer) {
            stage_ = Stage::Revealed;
            showCard();
            return;
        }
        if (group_->checkedId() < 0) {
            feedback_->show(); // shown first: a reader is told of what it can find
            announceOn(feedback_,
                       tr("Pick an answer first (keys 1-%1).").arg(card_->choices.size()));
            return;
        }
        {
            const bool right = group_->checkedId() == shownRightChoice();
            stage_ = Stage::Checked;
            showCard();
            announceOn(feedback_, right ? tr("Right.")
                                        : tr("Not quite: the right answer is %1. This card comes "
                                             "back later in this session.")
                                              .arg(shownRightChoice() + 1));
            record(right ? study::Grade::Right : study::Grade::Wrong);
            updateCounter();
        }
        return;
    case Stage::Checked:
        showNext();
        return;
    case Stage::Revealed:
        // The grade is the student's to give: Enter says how.
        announceOn(feedback_, tr("How well did you know it? Press 1 (I knew it), 2 (Partly) or "
                                 "3 (Not yet), or Tab to the buttons."));
        return;
    case Stage::Empty:
        return;
    }
}

void QuizView::grade(study::Grade g) {
    if (!card_ || stage_ != Stage::Revealed) {
        return;
    }
    record(g);
    showNext();
}

void QuizView::keyPressEvent(QKeyEvent* event) {
    const int key = event->key();
    if (key >= Qt::Key_1 && key <= Qt::Key_4) {
        pick(key - Qt::Key_1);
        event->accept();
        return;
    }
    if (key == Qt::Key_Return || key == Qt::Key_Enter) {
        activate();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

bool QuizView::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::MouseButtonRelease) {
        for (std::size_t i = 0; i < choiceTexts_.size(); ++i) {
            if (watched == choiceTexts_[i]) {
                pick(static_cast<int>(i));
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace fg
