// The quiz cards as a text file Anki imports (File > Import in Anki 2.1.55 and later): UTF-8,
// four header lines (`#separator:tab`, `#html:true`, `#deck:fieldguide`, `#notetype:Basic`, the
// "File Headers" of Anki's manual), then one note per line, its two fields separated by a tab.
// Front: the question, and for a multiple-choice card its choices as a numbered HTML list, in
// the order of the card's first showing in the quiz (choiceOrder(card, 0)). Back: the right
// answer (its number and text) or the model answer, the explanation, and where to read about it.
// Fields are HTML (ankiField): nothing in a card can split a field or a note, start a comment
// line, or be read as markup.
#pragma once

#include "engines/study/quiz.h"

#include <functional>
#include <string>
#include <vector>

namespace fg::study {

// One line of HTML holding `plain` as text: & < > " escaped as entities, each line break (\n,
// \r\n or \r) as <br>, a tab as &#9;, and a leading '#' (a comment line to Anki) as &#35;.
std::string ankiField(const std::string& plain);

// The file's text. `seeTitle` names a card's `see` section for "Read about it: ..." (an empty
// name leaves the line out); `deck` is the deck Anki preselects.
std::string ankiText(const std::vector<QuizCard>& cards,
                     const std::function<std::string(const SectionRef&)>& seeTitle,
                     const std::string& deck = "fieldguide");

} // namespace fg::study
