// File > Export quiz cards for Anki...: the quiz deck as a text file a teacher or a student
// imports into Anki (models/study/quiz_deck.h, writeAnkiFile).
#pragma once

#include <QString>

class QWidget;

namespace fg {

struct Course;
struct QuizDeck;

// Asks where to save (in the folder of the last export), writes the file, and on failure says
// why in a message box (nothing is written then). Returns the path written, or an empty string
// when cancelled or failed.
QString exportQuizCardsInteractive(QWidget* parent, const QuizDeck& deck, const Course& course);

} // namespace fg
