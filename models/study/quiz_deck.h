// QuizDeck: every quiz card of the course, read from <content root>/quizzes/*.json (compiled in
// as :/content/quizzes/...). A file that cannot be read or parsed, or a card that breaks the
// format (content/SCHEMA.md, "Quiz cards"), is reported and left out; the other cards load.
#pragma once

#include "engines/core/status.h"
#include "engines/study/quiz.h"
#include "models/course/content_locale.h"
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

// Loads every card, its choices in the file's order: the quiz shuffles them each time it shows a
// card (study::choiceOrder), so that order is never the one a student sees. A file of quizzes/
// translated into one of `locales` (<locale>/quizzes/<name>.json) is read instead of the English:
// the course's (Course::locales), so that the cards and the chapters are in one language.
QuizDeck loadQuizDeck(const QString& contentRoot, const QStringList& locales);

// Puts a multiple-choice card's choices in the order the quiz shows them at its `showing`-th
// showing (study::choiceOrder: seeded by the card's id and `showing`, the same on every machine).
// Model-answer cards are left as they are.
void shuffleChoices(study::QuizCard& card, int showing = 0);

// Writes the deck as a text file Anki imports (study::ankiText; "Read about it: Chapter ›
// Section" from `course`), through AtomicFile: the file is whole or not written at all. A
// failure is a systemFailure() whose message names the path and the system's reason.
Status writeAnkiFile(const QuizDeck& deck, const Course& course, const QString& path);

// Problems between the deck and the course: a `from` or `see` reference to a chapter or section
// that does not exist, or an id used twice. Empty when all is well.
QStringList checkQuizReferences(const QuizDeck& deck, const Course& course);

} // namespace fg
