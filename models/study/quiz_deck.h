// QuizDeck: every quiz card of the course, read from <content root>/quizzes/*.json (compiled in
// as :/content/quizzes/...). A file that cannot be read or parsed, or a card that breaks the
// format (content/SCHEMA.md, "Quiz cards"), is reported and left out; the other cards load.
#pragma once

#include "engines/study/quiz.h"
#include "models/course/course.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace fg {

struct QuizDeck {
    std::vector<study::QuizCard> cards; // files in name order, cards in file order
    std::vector<ContentError> errors;   // what is wrong, in which file and where in it

    const study::QuizCard* card(const QString& id) const;
    // The cards whose question comes from `chapterId`.
    std::vector<const study::QuizCard*> fromChapter(const QString& chapterId) const;
};

// Loads every card, its choices in the order shuffleChoices() gives.
QuizDeck loadQuizDeck(const QString& contentRoot);

// Puts a multiple-choice card's choices in the order the quiz shows them: a shuffle seeded by
// the card's id (a hash that is the same on every machine), so a card reads the same at every
// review while the right choice lands in different places from card to card (the files tend to
// list it first). Model-answer cards are left as they are.
void shuffleChoices(study::QuizCard& card);

// Problems between the deck and the course: a `from` or `see` reference to a chapter or section
// that does not exist, or an id used twice. Empty when all is well.
QStringList checkQuizReferences(const QuizDeck& deck, const Course& course);

} // namespace fg
