// Spaced review as a student meets it: new cards are due at once; a right answer comes back
// later and later (1, 3, 7, 14 days); a wrong one drops to box 1 and returns in the same session
// after the other due cards; the order is the same every time; the state survives JSON.
#include "engines/study/review.h"
#include "tests/suite_main.h"

#include <QTest>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

using fg::study::Grade;
using fg::study::Review;

class TestReview : public QObject {
    Q_OBJECT
private slots:
    void newCardsAreDueTodayInTheOrderAdded() {
        Review r;
        r.add("a", 100);
        r.add("b", 100);
        r.add("c", 100);
        QCOMPARE(r.due(100), (std::vector<std::string>{"a", "b", "c"}));
        QCOMPARE(r.dueCount(99), 0);
        QCOMPARE(r.dueCount(100), 3);
        r.add("a", 200); // adding again keeps the state
        QCOMPARE(r.state("a")->due, 100L);
    }

    void rightAnswersClimbTheBoxes() {
        Review r;
        r.add("a", 0);
        long day = 0;
        const int expectedBox[] = {2, 3, 4, 5, 5};
        const int expectedGap[] = {1, 3, 7, 14, 14};
        for (int i = 0; i < 5; ++i) {
            QVERIFY(r.answer("a", Grade::Right, day));
            QCOMPARE(r.state("a")->box, expectedBox[i]);
            QCOMPARE(r.state("a")->due, day + expectedGap[i]);
            QCOMPARE(r.dueCount(day + expectedGap[i] - 1), 0);
            QCOMPARE(r.dueCount(day + expectedGap[i]), 1);
            day += expectedGap[i];
        }
        QCOMPARE(r.state("a")->seen, 5);
        QCOMPARE(r.state("a")->missed, 0);
    }

    void aWrongAnswerGoesBackToBoxOneDueAgainThisSessionAfterTheOthers() {
        Review r;
        for (const char* id : {"a", "b", "c"}) {
            r.add(id, 10);
        }
        r.answer("a", Grade::Right, 10);
        r.answer("a", Grade::Right, 11);
        QCOMPARE(r.state("a")->box, 3);
        // Day 14: "a" is due; the student misses it.
        QCOMPARE(r.due(14), (std::vector<std::string>{"b", "c", "a"})); // b, c overdue since 10
        QVERIFY(r.answer("a", Grade::Wrong, 14));
        QCOMPARE(r.state("a")->box, 1);
        QCOMPARE(r.state("a")->due, 14L);
        QCOMPARE(r.state("a")->missed, 1);
        QCOMPARE(r.due(14), (std::vector<std::string>{"b", "c", "a"}));
        r.answer("b", Grade::Wrong, 14);
        // b was missed after a: a comes first, then b, never b twice in a row before c.
        QCOMPARE(r.due(14), (std::vector<std::string>{"c", "a", "b"}));
        r.answer("c", Grade::Right, 14);
        r.answer("a", Grade::Right, 14);
        QCOMPARE(r.due(14), (std::vector<std::string>{"b"}));
        QCOMPARE(r.state("a")->due, 15L);
    }

    void partlyKeepsTheBoxAndComesBackLater() {
        Review r;
        r.add("a", 0);
        r.answer("a", Grade::Partly, 0);
        QCOMPARE(r.state("a")->box, 1);
        QCOMPARE(r.state("a")->due, 1L); // never the same day
        r.answer("a", Grade::Right, 1);
        r.answer("a", Grade::Right, 2); // box 3
        r.answer("a", Grade::Partly, 5);
        QCOMPARE(r.state("a")->box, 3);
        QCOMPARE(r.state("a")->due, 8L);
        QCOMPARE(r.state("a")->missed, 0);
    }

    void unknownCardsAreIgnored() {
        Review r;
        QVERIFY(!r.answer("nope", Grade::Right, 0));
        QVERIFY(r.state("nope") == nullptr);
        QVERIFY(r.due(0).empty());
    }

    void theSameAnswersGiveTheSameSchedule() {
        auto run = [] {
            Review r;
            for (int i = 0; i < 20; ++i) {
                r.add("card" + std::to_string(i), 0);
            }
            std::vector<std::string> log;
            for (long day = 0; day < 60; ++day) {
                for (int guard = 0; guard < 100; ++guard) {
                    const auto d = r.due(day);
                    if (d.empty()) {
                        break;
                    }
                    const std::string& id = d.front();
                    const Grade g = (id.size() + day + r.state(id)->seen) % 3 == 0 ? Grade::Wrong
                                                                                   : Grade::Right;
                    r.answer(id, g, day);
                    log.push_back(std::to_string(day) + ":" + id);
                }
            }
            return std::make_pair(log, r.toJson().dump());
        };
        const auto first = run();
        QVERIFY(first.first.size() > 40);
        QVERIFY(run() == first);
    }

    void stateSurvivesJsonAndBadEntriesAreSkipped() {
        Review r;
        r.add("a", 3);
        r.add("b", 3);
        r.answer("a", Grade::Right, 3);
        r.answer("b", Grade::Wrong, 3);
        const Review back = Review::fromJson(nlohmann::json::parse(r.toJson().dump()));
        QCOMPARE(back.toJson().dump(), r.toJson().dump());
        QCOMPARE(back.due(3), r.due(3));

        nlohmann::json j = r.toJson();
        j["cards"]["c"] = {{"box", 9}, {"due", 0}, {"seen", 0}, {"missed", 0}, {"stamp", 0}};
        j["cards"]["d"] = "not an object";
        j["cards"]["e"] = {{"box", "1"}, {"due", 0}, {"seen", 0}, {"missed", 0}, {"stamp", 0}};
        std::vector<std::string> problems;
        const Review partial = Review::fromJson(j, &problems);
        QCOMPARE(int(partial.size()), 2);
        QCOMPARE(int(problems.size()), 3);
        QCOMPARE(Review::fromJson(nlohmann::json::array(), &problems).size(), std::size_t(0));
        QCOMPARE(Review::fromJson(nlohmann::json(), nullptr).size(), std::size_t(0));
    }
};

FG_TEST_APPLESS_MAIN(TestReview)
#include "test_review.moc"
