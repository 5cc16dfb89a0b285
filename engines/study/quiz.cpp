#include "engines/study/quiz.h"

#include "engines/core/rng.h"

#include <nlohmann/json.hpp>
#include <numeric>

namespace fg::study {

std::vector<int> choiceOrder(const QuizCard& card, int showing) {
    std::vector<int> order(card.choices.size());
    std::iota(order.begin(), order.end(), 0);
    std::uint64_t seed = 0xcbf29ce484222325ULL; // FNV-1a of the id
    for (const unsigned char ch : card.id) {
        seed = (seed ^ ch) * 0x100000001b3ULL;
    }
    if (showing > 0) {
        // A well-mixed seed of its own for each later showing: Rng(seed + k) would only be the
        // first showing's stream moved along, so two showings would share most of their draws.
        seed = Rng(seed ^ (static_cast<std::uint64_t>(showing) * 0xd1342543de82ef95ULL)).next();
    }
    Rng rng(seed);
    for (std::size_t i = order.size(); i > 1; --i) { // Fisher-Yates
        const auto j = static_cast<std::size_t>(rng.uniform(0, static_cast<std::int64_t>(i - 1)));
        std::swap(order[i - 1], order[j]);
    }
    return order;
}

int QuizCard::rightChoice() const {
    for (std::size_t i = 0; i < choices.size(); ++i) {
        if (choices[i].right) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

namespace {

using json = nlohmann::json;

struct Reader {
    const std::string& file;
    std::vector<QuizProblem>& problems;
    bool ok = true;

    void fail(const std::string& path, const std::string& message) {
        problems.push_back({file + ":" + path, message});
        ok = false;
    }
    std::string text(const json& obj, const char* key, const std::string& path, bool required) {
        const std::string p = path + "/" + key;
        if (!obj.contains(key)) {
            if (required) {
                fail(p, "missing (expected a non-empty string)");
            }
            return {};
        }
        const json& v = obj.at(key);
        if (!v.is_string() || v.get_ref<const std::string&>().empty()) {
            fail(p, "expected a non-empty string");
            return {};
        }
        return v.get<std::string>();
    }
    SectionRef ref(const json& obj, const char* key, const std::string& path) {
        const std::string p = path + "/" + key;
        if (!obj.contains(key) || !obj.at(key).is_object()) {
            fail(p, "expected an object { \"chapter\": ..., \"section\": ... }");
            return {};
        }
        const json& r = obj.at(key);
        return {text(r, "chapter", p, true), text(r, "section", p, true)};
    }
};

} // namespace

std::vector<QuizCard> parseQuizFile(const json& j, const std::string& file,
                                    std::vector<QuizProblem>& problems) {
    std::vector<QuizCard> cards;
    Reader top{file, problems};
    if (!j.is_object()) {
        top.fail("", "expected an object with \"chapter\" and \"cards\"");
        return cards;
    }
    top.text(j, "chapter", "", true);
    if (!j.contains("cards") || !j.at("cards").is_array() || j.at("cards").empty()) {
        top.fail("/cards", "expected a non-empty array of cards");
        return cards;
    }
    const json& list = j.at("cards");
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string path = "/cards/" + std::to_string(i);
        const json& c = list[i];
        Reader r{file, problems};
        if (!c.is_object()) {
            r.fail(path, "expected a card object");
            continue;
        }
        QuizCard card;
        card.id = r.text(c, "id", path, true);
        card.question = r.text(c, "question", path, true);
        card.from = r.ref(c, "from", path);
        card.see = r.ref(c, "see", path);
        if (c.contains("from") && c.at("from").is_object() && c.at("from").contains("item")) {
            const json& item = c.at("from").at("item");
            if (item.is_number_integer() && item.get<long long>() >= 0 &&
                item.get<long long>() < 10000) {
                card.item = static_cast<int>(item.get<long long>());
            } else {
                r.fail(path + "/from/item", "expected a whole number, 0 or more");
            }
        }
        const std::string kind = r.text(c, "kind", path, true);
        if (kind == "choice") {
            card.kind = QuizCard::Kind::Choice;
            card.explanation = r.text(c, "explanation", path, true);
            if (!c.contains("choices") || !c.at("choices").is_array()) {
                r.fail(path + "/choices", "expected an array of 3 or 4 choices");
            } else {
                const json& ch = c.at("choices");
                if (ch.size() < 3 || ch.size() > 4) {
                    r.fail(path + "/choices",
                           "expected 3 or 4 choices, found " + std::to_string(ch.size()));
                }
                int rights = 0;
                for (std::size_t k = 0; k < ch.size(); ++k) {
                    const std::string cp = path + "/choices/" + std::to_string(k);
                    if (!ch[k].is_object()) {
                        r.fail(cp, "expected { \"text\": ..., \"right\": true|false }");
                        continue;
                    }
                    QuizChoice choice;
                    choice.text = r.text(ch[k], "text", cp, true);
                    if (!ch[k].contains("right") || !ch[k].at("right").is_boolean()) {
                        r.fail(cp + "/right", "expected true or false");
                    } else {
                        choice.right = ch[k].at("right").get<bool>();
                    }
                    rights += choice.right ? 1 : 0;
                    card.choices.push_back(std::move(choice));
                }
                if (rights != 1) {
                    r.fail(path + "/choices",
                           "expected exactly one right choice, found " + std::to_string(rights));
                }
            }
        } else if (kind == "answer") {
            card.kind = QuizCard::Kind::Answer;
            card.answer = r.text(c, "answer", path, true);
            card.explanation = r.text(c, "explanation", path, false);
            if (c.contains("choices")) {
                r.fail(path + "/choices", "an answer card has no choices");
            }
        } else if (!kind.empty()) {
            r.fail(path + "/kind", "expected \"choice\" or \"answer\", found \"" + kind + "\"");
        }
        if (r.ok) {
            cards.push_back(std::move(card));
        }
    }
    return cards;
}

} // namespace fg::study
