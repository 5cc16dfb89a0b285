#include "engines/study/quiz_anki.h"

namespace fg::study {

std::string ankiField(const std::string& plain) {
    std::string out;
    out.reserve(plain.size() + plain.size() / 8);
    for (std::size_t i = 0; i < plain.size(); ++i) {
        const char c = plain[i];
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break; // a field that starts with " would be read as quoted
        case '\t':
            out += "&#9;";
            break;
        case '\r':
            out += "<br>";
            if (i + 1 < plain.size() && plain[i + 1] == '\n') {
                ++i;
            }
            break;
        case '\n':
            out += "<br>";
            break;
        case '#':
            out += i == 0 ? "&#35;" : "#";
            break;
        default:
            out += c;
        }
    }
    return out;
}

namespace {

std::string front(const QuizCard& card) {
    std::string f = ankiField(card.question);
    if (card.kind == QuizCard::Kind::Choice) {
        f += "<ol>";
        for (const int i : choiceOrder(card, 0)) {
            f += "<li>" + ankiField(card.choices[static_cast<std::size_t>(i)].text) + "</li>";
        }
        f += "</ol>";
    }
    return f;
}

std::string back(const QuizCard& card, const std::string& seeTitle) {
    std::string b;
    if (card.kind == QuizCard::Kind::Choice) {
        const std::vector<int> order = choiceOrder(card, 0);
        for (std::size_t k = 0; k < order.size(); ++k) {
            if (order[k] == card.rightChoice()) {
                b = "<b>Right answer: " + std::to_string(k + 1) + ".</b> " +
                    ankiField(card.choices[static_cast<std::size_t>(order[k])].text);
            }
        }
    } else {
        b = ankiField(card.answer);
    }
    if (!card.explanation.empty()) {
        b += "<br><br>" + ankiField(card.explanation);
    }
    if (!seeTitle.empty()) {
        b += "<br><br>Read about it: " + ankiField(seeTitle);
    }
    return b;
}

} // namespace

std::string ankiText(const std::vector<QuizCard>& cards,
                     const std::function<std::string(const SectionRef&)>& seeTitle,
                     const std::string& deck) {
    std::string out = "#separator:tab\n#html:true\n#deck:" + deck + "\n#notetype:Basic\n";
    for (const QuizCard& card : cards) {
        out +=
            front(card) + '\t' + back(card, seeTitle ? seeTitle(card.see) : std::string()) + '\n';
    }
    return out;
}

} // namespace fg::study
