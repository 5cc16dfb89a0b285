// The order a quiz card's choices are shown in (study::choiceOrder): a permutation of the
// choices, the same for the same card and showing on every run, different from one showing to
// the next, and fair: over many showings the right choice lands on every place about as often.
#include "engines/study/quiz.h"
#include "tests/suite_main.h"

#include <QTest>
#include <algorithm>
#include <set>

using fg::study::choiceOrder;
using fg::study::QuizCard;

namespace {

QuizCard cardWithChoices(const std::string& id, int choices) {
    QuizCard c;
    c.id = id;
    for (int i = 0; i < choices; ++i) {
        c.choices.push_back({"choice " + std::to_string(i), i == 0});
    }
    return c;
}

} // namespace

class TestQuizOrder : public QObject {
    Q_OBJECT
private slots:
    void anOrderIsAPermutationOfTheChoices() {
        for (int n = 0; n <= 4; ++n) {
            for (int showing = 0; showing < 20; ++showing) {
                std::vector<int> order = choiceOrder(cardWithChoices("some-card", n), showing);
                QCOMPARE(int(order.size()), n);
                std::sort(order.begin(), order.end());
                for (int i = 0; i < n; ++i) {
                    QCOMPARE(order[std::size_t(i)], i);
                }
            }
        }
    }

    // Replaying a showing (a test, a student's session read back) shows exactly the same order.
    void aShowingIsReproducible() {
        for (int showing = 0; showing < 10; ++showing) {
            QCOMPARE(choiceOrder(cardWithChoices("mistake-kafka-as-database", 4), showing),
                     choiceOrder(cardWithChoices("mistake-kafka-as-database", 4), showing));
        }
        // Pinned (SplitMix64 and FNV-1a are fixed by their definitions): a change of the shuffle
        // changes what every student sees, and is seen here first.
        QCOMPARE(choiceOrder(cardWithChoices("some-card", 4), 0), std::vector<int>({3, 2, 0, 1}));
        QCOMPARE(choiceOrder(cardWithChoices("some-card", 4), 1), std::vector<int>({0, 2, 3, 1}));
        QCOMPARE(choiceOrder(cardWithChoices("some-card", 4), 2), std::vector<int>({2, 0, 3, 1}));
    }

    // Issue 15: the order was fixed per card, so a student learnt "it is the third one". Of the
    // 24 orders of a 4-choice card, 100 showings use at least 20, and a showing repeats the one
    // before it about as often as chance says (1 in 24: about 4 of 100; at most 12 allowed).
    void theOrderChangesFromShowingToShowing() {
        const QuizCard c = cardWithChoices("why-postgresql-not-cassandra-for-accounts", 4);
        std::set<std::vector<int>> seen;
        int repeats = 0;
        for (int showing = 0; showing < 100; ++showing) {
            seen.insert(choiceOrder(c, showing));
            repeats += choiceOrder(c, showing) == choiceOrder(c, showing + 1) ? 1 : 0;
        }
        QVERIFY2(seen.size() >= 20, qPrintable(QString::number(seen.size())));
        QVERIFY2(repeats <= 12, qPrintable(QString::number(repeats))); // expected about 4
    }

    // Over 2,400 showings of a 4-choice card the right choice (index 0) is shown at each place
    // 600 times on average; a fair shuffle stays within 600 +- 90 (about 4 standard deviations,
    // sqrt(2400 * 1/4 * 3/4) = 21), and a biased one (the old "first in the file") would not.
    void theRightChoiceLandsOnEveryPlaceAlike() {
        for (const int n : {3, 4}) {
            const QuizCard c = cardWithChoices("a-card-with-" + std::to_string(n), n);
            std::vector<int> at(std::size_t(n), 0);
            const int showings = 600 * n;
            for (int showing = 0; showing < showings; ++showing) {
                const std::vector<int> order = choiceOrder(c, showing);
                const auto place = std::find(order.begin(), order.end(), 0) - order.begin();
                ++at[std::size_t(place)];
            }
            for (int place = 0; place < n; ++place) {
                QVERIFY2(std::abs(at[std::size_t(place)] - 600) <= 90,
                         qPrintable(QStringLiteral("%1 choices: the right one at place %2 on %3 "
                                                   "of %4 showings")
                                        .arg(n)
                                        .arg(place + 1)
                                        .arg(at[std::size_t(place)])
                                        .arg(showings)));
            }
        }
    }
};

FG_TEST_APPLESS_MAIN(TestQuizOrder)
#include "test_quiz_order.moc"
