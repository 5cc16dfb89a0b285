// The quiz cards that ship: every file parses, every card points at a chapter and section that
// exist, every multiple-choice card has 3-4 choices with exactly one right, and every question
// of the interview checklist and every common mistake has its card (counted from the chapters).
#include "models/course/content_loader.h"
#include "models/study/quiz_deck.h"
#include "widgets/diagrams/diagram_registry.h"

#include <QDir>
#include <QSet>
#include <QTest>

namespace {

// The number of items of the first block of `type` in a chapter section (checklist items or
// table rows).
int countItems(const fg::Course& c, const QString& chapter, const QString& section,
               const std::string& type) {
    const fg::Chapter* ch = c.chapter(chapter);
    const fg::Section* s = ch ? ch->section(section) : nullptr;
    if (!s) {
        return -1;
    }
    for (const auto& b : s->blocks) {
        if (b.value("type", std::string()) == type) {
            return static_cast<int>(type == "table" ? b.at("rows").size() : b.at("items").size());
        }
    }
    return -1;
}

} // namespace

class TestQuizCards : public QObject {
    Q_OBJECT
private slots:
    void everyShippedCardParses() {
        QVERIFY(!QDir(QStringLiteral(":/content/quizzes")).entryList({"*.json"}).isEmpty());
        const fg::QuizDeck deck = fg::loadQuizDeck(QStringLiteral(":/content"));
        QVERIFY2(deck.errors.isEmpty(), qPrintable(deck.errors.join('\n')));
        QVERIFY(deck.cards.size() >= 13);
        for (const auto& c : deck.cards) {
            QVERIFY(!c.question.empty());
            if (c.kind == fg::study::QuizCard::Kind::Choice) {
                QVERIFY2(c.choices.size() >= 3 && c.choices.size() <= 4, c.id.c_str());
                int rights = 0;
                for (const auto& ch : c.choices) {
                    rights += ch.right ? 1 : 0;
                }
                QVERIFY2(rights == 1, c.id.c_str());
                QVERIFY2(!c.explanation.empty(), c.id.c_str());
            } else {
                QVERIFY2(!c.answer.empty(), c.id.c_str());
            }
        }
    }

    void everyCardReferencesAnExistingSection() {
        const fg::Course course = fg::loadCourse(fg::diagramLinks(), QStringLiteral(":/content"));
        QVERIFY(course.errors.empty());
        const fg::QuizDeck deck = fg::loadQuizDeck(QStringLiteral(":/content"));
        const QStringList problems = fg::checkQuizReferences(deck, course);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));

        // The check itself catches a dangling reference.
        fg::QuizDeck broken = deck;
        broken.cards.front().see.section = "no-such-section";
        broken.cards.back().from.chapter = "no-such-chapter";
        QCOMPARE(fg::checkQuizReferences(broken, course).size(), 2);
    }

    void everyChecklistQuestionAndMistakeHasACard_data() {
        QTest::addColumn<QString>("chapter");
        QTest::addColumn<QString>("section");
        QTest::addColumn<QString>("blockType");
        QTest::newRow("interview checklist") << "interview-checklist"
                                             << "questions-you-should-be-able-to-answer"
                                             << "checklist";
        QTest::newRow("common mistakes") << "common-mistakes"
                                         << "common-mistakes"
                                         << "table";
    }
    void everyChecklistQuestionAndMistakeHasACard() {
        QFETCH(QString, chapter);
        QFETCH(QString, section);
        QFETCH(QString, blockType);
        const fg::Course course = fg::loadCourse(fg::diagramLinks(), QStringLiteral(":/content"));
        const int items = countItems(course, chapter, section, blockType.toStdString());
        QVERIFY(items > 0);
        const fg::QuizDeck deck = fg::loadQuizDeck(QStringLiteral(":/content"));
        QSet<int> covered;
        for (const auto* c : deck.fromChapter(chapter)) {
            if (QString::fromStdString(c->from.section) == section) {
                QVERIFY2(c->item >= 0 && c->item < items, c->id.c_str());
                covered.insert(c->item);
            }
        }
        for (int i = 0; i < items; ++i) {
            QVERIFY2(covered.contains(i),
                     qPrintable(QStringLiteral("%1 item %2 has no card").arg(chapter).arg(i)));
        }
    }
};

QTEST_GUILESS_MAIN(TestQuizCards)
#include "test_quiz_cards.moc"
