// Quiz cards (content/SCHEMA.md, "Quiz cards"): one JSON file per source chapter under
// content/quizzes/. A card is either multiple choice (exactly one right choice) or a model answer
// the student grades herself. Parsing never throws: every problem is reported with its JSON path.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace fg::study {

struct SectionRef {
    std::string chapter;
    std::string section;
};

struct QuizChoice {
    std::string text;
    bool right = false;
};

struct QuizCard {
    enum class Kind { Choice, Answer };
    std::string id; // unique in the whole course
    Kind kind = Kind::Choice;
    SectionRef from; // where the question or mistake is listed
    int item = -1;   // which checklist item or table row of `from` (0-based), or -1
    SectionRef see;  // where the course explains the answer
    std::string question;
    std::vector<QuizChoice> choices; // Choice cards: 3 or 4, exactly one right
    std::string answer;              // Answer cards: the model answer
    std::string explanation;         // Choice: required; Answer: optional (sources)

    int rightChoice() const; // index of the right choice, or -1
};

struct QuizProblem {
    std::string path; // e.g. "/cards/3/choices"
    std::string message;
};

// The order a multiple-choice card's choices are shown in at its `showing`-th showing (0: the
// first; the quiz counts a card's showings by its answers, CardState::seen): order[k] is the
// index in `card.choices` of the choice shown k-th. A Fisher-Yates shuffle drawn from fg::Rng,
// seeded by the card's id and `showing` (a hash that is the same on every machine), so the order
// changes from one showing to the next while any showing can be shown again exactly. The file's
// order of the choices does not matter. Cards with fewer than two choices keep their order.
std::vector<int> choiceOrder(const QuizCard& card, int showing);

// Parses one quiz file; `file` names it in the problems. Cards with problems are left out.
std::vector<QuizCard> parseQuizFile(const nlohmann::json& j, const std::string& file,
                                    std::vector<QuizProblem>& problems);

} // namespace fg::study
