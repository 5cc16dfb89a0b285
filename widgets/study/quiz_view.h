// QuizView: the quiz, one card at a time, in the order spaced review says (study::Review): the
// question; for a multiple-choice card its choices as radio buttons, in an order shuffled anew at
// each showing (study::choiceOrder, seeded by the card's id and how many times it was answered,
// so a showing can be replayed exactly); keys 1-4 pick by the place shown, Enter checks, then
// marks the right answer and a wrong pick in colour and in words and shows the explanation; for a
// model-answer card a "Show answer" step and three self-grading buttons (I knew it / Partly / Not
// yet, keys 1-3). Each card links to the chapter section that explains it (chapterLinkActivated). A
// counter shows how many cards are due; a card answered wrong comes back later in the same session.
//
// Answers are recorded in the ProgressStore given (review state and quiz result); the view does
// not write the file: the app saves when `answered` is emitted or on quit.
#pragma once

#include "engines/study/review.h"
#include "models/study/quiz_deck.h"
#include "widgets/canvas/page.h"

#include <QHash>
#include <QWidget>
#include <vector>

class QButtonGroup;
class QLabel;
class QPushButton;
class QRadioButton;

namespace fg {

class ProgressStore;

class QuizView : public QWidget, public Page {
    Q_OBJECT
public:
    explicit QuizView(QWidget* parent = nullptr);

    // The quiz follows the application's palette and font; the theme gives its choices' radio
    // circles their colours (the style's own circle is drawn in the window colour darkened,
    // nearly invisible on a dark page).
    void setTheme(const Theme& theme) override;
    QString pageTitle() const override;

    // The deck and the store must outlive the view. Without a store the view keeps its review
    // state in memory. Cards of the deck not yet in the review are added, due today.
    void setDeck(const QuizDeck* deck, ProgressStore* store = nullptr);
    // Chapter id -> title and "chapter#section" -> section title, for the link text.
    void setTitles(QHash<QString, QString> titles);
    // The day the quiz runs on (a Julian day number); by default today's date.
    void setToday(long day);
    long today() const { return today_; }

    QString currentCardId() const; // empty when nothing is due
    // The current card's choices as shown: the index in its `choices` of the choice shown at each
    // place (key 1 picks the first); empty for a model-answer card or when nothing is due.
    const std::vector<int>& shownOrder() const { return order_; }
    // The place (0-based) the current card's right choice is shown at, or -1.
    int shownRightChoice() const;
    int dueCount() const;

    // What the keys do, callable directly: 1-4 pick a choice (or 1-3 grade a revealed answer),
    // Enter checks the choice, shows the answer, or goes to the next card.
    void pick(int index);
    void activate();
    void grade(study::Grade grade);

signals:
    void chapterLinkActivated(QString chapterId, QString sectionId);
    void answered(QString cardId, study::Grade grade);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    // The radio circles are sized from the type: a zoom or a theme's type sizes them again.
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    enum class Stage { Asking, Checked, Revealed, Empty };
    study::Review& review();
    const study::Review& reviewState() const; // review() without marking the store changed
    void styleChoices();
    const study::QuizCard* lastAnswered() const;
    void showNext();
    void showCard();
    void showCardWidgets();
    bool holdsFocus() const;
    void placeFocus();
    void showChoices(); // the current card's choices in their shown order, marked once checked
    void record(study::Grade grade);
    QString sessionLine() const;
    void updateCounter();
    Theme theme_ = Theme::light();

    const QuizDeck* deck_ = nullptr;
    ProgressStore* store_ = nullptr;
    study::Review ownReview_;
    QHash<QString, QString> titles_;
    long today_ = 0;
    const study::QuizCard* card_ = nullptr;
    std::vector<int> order_; // shownOrder()
    Stage stage_ = Stage::Empty;
    // This session's answers (since the page opened), for the line shown when no card is left.
    int sessionAnswers_[3] = {0, 0, 0}; // by study::Grade: wrong, partly, right
    QColor right_, wrong_; // a checked card's right answer and a wrong pick, readable (setTheme)

    QLabel* counter_;
    QLabel* source_;
    QLabel* question_;
    QWidget* choicesBox_ = nullptr;
    QButtonGroup* group_;
    std::vector<QRadioButton*> radios_;
    std::vector<QLabel*> choiceTexts_;
    QLabel* feedback_;
    QLabel* answer_;
    QLabel* explanation_;
    QPushButton* link_;
    QPushButton* primary_;
    QWidget* gradeBox_;
    std::vector<QPushButton*> gradeButtons_;
};

} // namespace fg
