// The quiz card parser accepts the documented format and refuses, with the JSON path, a card
// that a student could not answer: no right choice or two, too few choices, a missing question.
#include "engines/study/quiz.h"
#include "tests/suite_main.h"

#include <QTest>
#include <nlohmann/json.hpp>

using fg::study::parseQuizFile;
using fg::study::QuizCard;
using json = nlohmann::json;

namespace {

json choiceCard() {
    return json::parse(R"({
      "id": "c1", "kind": "choice", "question": "Q?",
      "from": { "chapter": "common-mistakes", "section": "common-mistakes", "item": 2 },
      "see": { "chapter": "relational", "section": "ideal-use-cases" },
      "choices": [ { "text": "a", "right": false }, { "text": "b", "right": true },
                   { "text": "c", "right": false } ],
      "explanation": "Because." })");
}

json file(const json& card) {
    return {{"chapter", "common-mistakes"}, {"cards", {card}}};
}

} // namespace

class TestQuizParse : public QObject {
    Q_OBJECT
private slots:
    void readsAChoiceAndAnAnswerCard() {
        json answer = choiceCard();
        answer.erase("choices");
        answer["kind"] = "answer";
        answer["id"] = "a1";
        answer["answer"] = "The model answer.";
        std::vector<fg::study::QuizProblem> problems;
        const auto cards = parseQuizFile(json{{"chapter", "x"}, {"cards", {choiceCard(), answer}}},
                                         "f.json", problems);
        QVERIFY(problems.empty());
        QCOMPARE(int(cards.size()), 2);
        QVERIFY(cards[0].kind == QuizCard::Kind::Choice);
        QCOMPARE(cards[0].rightChoice(), 1);
        QCOMPARE(cards[0].from.chapter, std::string("common-mistakes"));
        QCOMPARE(cards[0].item, 2);
        QCOMPARE(cards[0].see.section, std::string("ideal-use-cases"));
        QVERIFY(cards[1].kind == QuizCard::Kind::Answer);
        QCOMPARE(cards[1].answer, std::string("The model answer."));
    }

    void refusesBrokenCards_data() {
        QTest::addColumn<QString>("patch"); // a JSON merge patch applied to a good card
        QTest::addColumn<QString>("where");
        QTest::newRow("two right")
            << R"({"choices":[{"text":"a","right":true},{"text":"b","right":true},{"text":"c","right":false}]})"
            << "/cards/0/choices";
        QTest::newRow("none right")
            << R"({"choices":[{"text":"a","right":false},{"text":"b","right":false},{"text":"c","right":false}]})"
            << "/cards/0/choices";
        QTest::newRow("two choices")
            << R"({"choices":[{"text":"a","right":true},{"text":"b","right":false}]})"
            << "/cards/0/choices";
        QTest::newRow("no question") << R"({"question":null})"
                                     << "/cards/0/question";
        QTest::newRow("empty question") << R"({"question":""})"
                                        << "/cards/0/question";
        QTest::newRow("no see") << R"({"see":null})"
                                << "/cards/0/see";
        QTest::newRow("bad kind") << R"({"kind":"essay"})"
                                  << "/cards/0/kind";
        QTest::newRow("no explanation") << R"({"explanation":null})"
                                        << "/cards/0/explanation";
        QTest::newRow("right not bool")
            << R"({"choices":[{"text":"a","right":"yes"},{"text":"b","right":true},{"text":"c","right":false}]})"
            << "/cards/0/choices/0/right";
        QTest::newRow("negative item") << R"({"from":{"item":-1}})"
                                       << "/cards/0/from/item";
    }
    void refusesBrokenCards() {
        QFETCH(QString, patch);
        QFETCH(QString, where);
        json card = choiceCard();
        card.merge_patch(json::parse(patch.toStdString()));
        std::vector<fg::study::QuizProblem> problems;
        const auto cards = parseQuizFile(file(card), "f.json", problems);
        QVERIFY(cards.empty());
        QVERIFY(!problems.empty());
        QStringList paths;
        for (const auto& p : problems) {
            paths << QString::fromStdString(p.path);
        }
        QVERIFY2(paths.contains("f.json:" + where), qPrintable(paths.join(", ")));
    }

    void refusesWhatIsNotAQuizFile() {
        std::vector<fg::study::QuizProblem> problems;
        QVERIFY(parseQuizFile(json::array(), "f.json", problems).empty());
        QVERIFY(parseQuizFile(json{{"chapter", "x"}, {"cards", json::array()}}, "f.json", problems)
                    .empty());
        QVERIFY(parseQuizFile(json{{"chapter", "x"}, {"cards", {1, "two"}}}, "f.json", problems)
                    .empty());
        QCOMPARE(int(problems.size()), 4);
    }
};

FG_TEST_APPLESS_MAIN(TestQuizParse)
#include "test_quiz_parse.moc"
