// The quiz and progress views as a student uses them: keys 1-4 pick, Enter checks and moves on;
// a missed card comes back in the same session after the others and the due counter says so;
// model answers are revealed and self-graded with 1-3; the link names the section to read; the
// progress view shows what was read, the score, bookmarks and notes, and a damaged file's message.
// FG_SAVE_FIGURES=<dir> saves screenshots of both views.
#include "models/course/content_loader.h"
#include "models/study/progress_store.h"
#include "models/study/quiz_deck.h"
#include "models/theme/theme.h"
#include "tests/suite_main.h"
#include "widgets/controls/focus_ring.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/study/progress_view.h"
#include "widgets/study/quiz_view.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFontInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOptionButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

using fg::study::Grade;
using fg::study::QuizCard;

namespace {

QLabel* label(QWidget* w, const QString& name) {
    for (auto* l : w->findChildren<QLabel*>()) {
        if (l->accessibleName() == name || l->accessibleDescription() == name) {
            return l;
        }
    }
    return nullptr;
}

QPushButton* button(QWidget* w, const QString& text) {
    for (auto* b : w->findChildren<QPushButton*>()) {
        if (b->text().contains(text) || b->accessibleName() == text) {
            return b;
        }
    }
    return nullptr;
}

// A small deck: two choice cards and one answer card.
fg::QuizDeck smallDeck() {
    fg::QuizDeck d;
    for (int i = 0; i < 2; ++i) {
        QuizCard c;
        c.id = "choice" + std::to_string(i);
        c.kind = QuizCard::Kind::Choice;
        c.from = {"common-mistakes", "common-mistakes"};
        c.item = i;
        c.see = {"kafka", "ideal-use-cases"};
        c.question = "Question " + std::to_string(i) + "?";
        c.choices = {{"wrong a", false}, {"right", true}, {"wrong b", false}};
        c.explanation = "Because " + std::to_string(i) + ".";
        d.cards.push_back(c);
    }
    QuizCard a;
    a.id = "answer0";
    a.kind = QuizCard::Kind::Answer;
    a.from = {"interview-checklist", "questions-you-should-be-able-to-answer"};
    a.item = 0;
    a.see = {"relational", "ideal-use-cases"};
    a.question = "Explain it.";
    a.answer = "The model answer.";
    d.cards.push_back(a);
    return d;
}

// smallDeck with answer0's checklist item asked a second time, with choices (its twin): answer0,
// choice-twin, choice0, choice1.
fg::QuizDeck twinDeck() {
    fg::QuizDeck deck = smallDeck();
    fg::study::QuizCard twin = deck.cards[2];
    twin.id = "choice-twin";
    twin.kind = fg::study::QuizCard::Kind::Choice;
    twin.choices = {{"wrong a", false}, {"right", true}, {"wrong b", false}};
    deck.cards.insert(deck.cards.begin(), deck.cards[2]);
    deck.cards.erase(deck.cards.begin() + 3);
    deck.cards.insert(deck.cards.begin() + 1, twin);
    return deck;
}

void saveFigure(QWidget& w, const QString& name) {
    if (const QByteArray dir = qgetenv("FG_SAVE_FIGURES"); !dir.isEmpty()) {
        QDir().mkpath(QString::fromLocal8Bit(dir));
        w.grab().save(QString::fromLocal8Bit(dir) + "/" + name + ".png");
    }
}

} // namespace

class TestStudyViews : public QObject {
    Q_OBJECT
private slots:
    // The focus ring goes around a choice's button and its text, not the button alone (a
    // small faint box by the number, a tester).
    void theFocusRingGoesAroundAChoiceAndItsText() {
        fg::FocusRing::install();
        const fg::QuizDeck deck = smallDeck();
        fg::QuizView view;
        view.setToday(1000);
        view.setDeck(&deck);
        view.resize(900, 640);
        view.show();
        QApplication::setActiveWindow(&view);
        QVERIFY(QTest::qWaitForWindowActive(&view));
        QRadioButton* radio = view.findChildren<QRadioButton*>().at(1);
        QLabel* text = label(&view, QStringLiteral("Choice 2 text"));
        radio->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(fg::FocusRing::current());
        const QWidget* around = fg::FocusRing::current()->widget();
        QVERIFY(around && around->isAncestorOf(radio) && around->isAncestorOf(text));
        QVERIFY(!around->isAncestorOf(view.findChildren<QRadioButton*>().at(0)));
        const QRect ring = fg::FocusRing::current()->geometry();
        const QWidget* parent = fg::FocusRing::current()->parentWidget();
        QVERIFY(ring.contains(QRect(text->mapTo(parent, QPoint(0, 0)), text->size())));
        QVERIFY(fg::FocusRing::current()->isVisible());
    }

    // With the keyboard alone the focus is always on what Enter presses: the choice picked, Next
    // after a check (it was on "Read about it"), the first grade after a reveal (it fell to the
    // window's next widget, the chapter list), the card's choice after Next.
    void theFocusIsOnWhatEnterPresses() {
        const fg::QuizDeck deck = smallDeck();
        QWidget window; // the quiz, and a list after it as the chapter list is
        auto* layout = new QHBoxLayout(&window);
        auto* view = new fg::QuizView(&window);
        view->setToday(1000);
        view->setDeck(&deck);
        layout->addWidget(view);
        layout->addWidget(new QTreeWidget(&window));
        window.resize(1200, 700);
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        view->setFocus(Qt::TabFocusReason);
        const auto focused = [] { return QApplication::focusWidget(); };
        const auto text = [](QWidget* w) {
            auto* b = qobject_cast<QAbstractButton*>(w);
            return b ? b->text() : QString::fromLatin1(w ? w->metaObject()->className() : "none");
        };
        for (int card = 0; card < 3; ++card) {
            if (view->currentCardId().startsWith(QLatin1String("choice"))) {
                const int wrong = view->shownRightChoice() == 0 ? 1 : 0;
                QTest::keyClick(focused(), Qt::Key(Qt::Key_1 + wrong));
                QCOMPARE(focused(), view->findChildren<QRadioButton*>().at(wrong));
                QTest::keyClick(focused(), Qt::Key_Return);
                QCOMPARE(text(focused()), QStringLiteral("Next  (Enter)"));
            } else {
                QCOMPARE(text(focused()), QStringLiteral("Show answer  (Enter)"));
                QTest::keyClick(focused(), Qt::Key_Return);
                // On the model answer; Enter, pressed as on every other card, grades nothing
                // (it graded "I knew it": a tester) and says how to grade.
                const QString card = view->currentCardId();
                QCOMPARE(focused()->accessibleDescription(), QStringLiteral("Model answer"));
                QTest::keyClick(focused(), Qt::Key_Return);
                QCOMPARE(view->currentCardId(), card);
                bool gradesShown = false;
                for (const QPushButton* b : view->findChildren<QPushButton*>()) {
                    gradesShown = gradesShown || (b->isVisible() && b->text().endsWith("Not yet"));
                }
                QVERIFY(gradesShown); // still to be graded
                QTest::keyClick(focused(), Qt::Key_3);
                QVERIFY(view->isAncestorOf(focused()));
                continue;
            }
            QTest::keyClick(focused(), Qt::Key_Return);
            QVERIFY2(view->isAncestorOf(focused()) || focused() == view,
                     qPrintable(text(focused())));
        }
    }

    // The right choice of a checked card was bold; after a theme switch (which sets every
    // widget's font again) it stayed bold on every card after it: a hint (a tester).
    void noChoiceIsBoldBeforeTheCheck() {
        const fg::QuizDeck deck = smallDeck();
        fg::QuizView view;
        view.setToday(1000);
        view.setDeck(&deck);
        const int right = view.shownRightChoice();
        QTest::keyClick(&view, Qt::Key(Qt::Key_1 + right));
        QTest::keyClick(&view, Qt::Key_Return);
        QLabel* shown = label(&view, QStringLiteral("Choice %1 text").arg(right + 1));
        QVERIFY(QFontInfo(shown->font()).bold());
        for (QLabel* l : view.findChildren<QLabel*>()) {
            l->setFont(l->font()); // as a theme switch's scaling does
        }
        QTest::keyClick(&view, Qt::Key_Return); // the next card
        for (int i = 1; i <= 3; ++i) {
            QVERIFY2(
                !QFontInfo(label(&view, QStringLiteral("Choice %1 text").arg(i))->font()).bold(),
                qPrintable(QString::number(i)));
        }
    }

    void keysPickCheckAndMoveOn() {
        const fg::QuizDeck deck = smallDeck();
        QTemporaryDir dir;
        fg::ProgressStore store(dir.filePath("progress.json"));
        fg::QuizView view;
        view.setToday(1000);
        view.setDeck(&deck, &store);
        QSignalSpy answered(&view, &fg::QuizView::answered);
        QCOMPARE(view.dueCount(), 3);
        QCOMPARE(label(&view, "Due cards")->text(), QString("3 cards due"));
        QCOMPARE(view.currentCardId(), QString("choice0"));
        QCOMPARE(label(&view, "Question")->text(), QString("Question 0?"));

        // Enter with nothing picked asks for a choice and records nothing.
        QTest::keyClick(&view, Qt::Key_Return);
        QVERIFY(label(&view, "Result")->text().contains("Pick an answer"));
        QCOMPARE(answered.count(), 0);

        // The keys pick by the place shown (the choices are shuffled): the right one's key.
        const int right = view.shownRightChoice();
        QVERIFY(right >= 0 && right < 3);
        QCOMPARE(label(&view, QStringLiteral("Choice %1 text").arg(right + 1))->text(),
                 QString("right"));
        QTest::keyClick(&view, Qt::Key(Qt::Key_1 + right));
        QVERIFY(view.findChildren<QRadioButton*>().at(right)->isChecked());
        QTest::keyClick(&view, Qt::Key_4); // no fourth choice: ignored
        QVERIFY(view.findChildren<QRadioButton*>().at(right)->isChecked());
        QTest::keyClick(&view, Qt::Key_Return);
        QCOMPARE(label(&view, "Result")->text(), QString("Right."));
        QVERIFY(label(&view, "Explanation")->isVisibleTo(&view));
        QCOMPARE(label(&view, "Explanation")->text(), QString("Because 0."));
        QCOMPARE(answered.count(), 1);
        QCOMPARE(store.quizResult("common-mistakes", "choice0"), QString("right"));
        QCOMPARE(store.review().state("choice0")->box, 2);
        QCOMPARE(view.dueCount(), 2);
        // After checking, keys do not change the answer.
        QTest::keyClick(&view, Qt::Key(Qt::Key_1 + (right + 1) % 3));
        QVERIFY(view.findChildren<QRadioButton*>().at(right)->isChecked());

        QTest::keyClick(&view, Qt::Key_Enter); // next
        QCOMPARE(view.currentCardId(), QString("choice1"));
        QVERIFY(!label(&view, "Explanation")->isVisibleTo(&view));
        QVERIFY(!view.findChildren<QRadioButton*>().at(right)->isChecked());
    }

    // A fresh tester: "Read about it" named the section that holds the answer before it was
    // given, and once checked the right answer was told only by the words after it. The link
    // shows once the card is answered; the right answer is marked, says "Right answer" and is in
    // the theme's "good" colour, a wrong pick is marked, says "Your answer: not right" and is in
    // its "bad" colour, each readable on the page and on the app's window colour of the theme.
    void answersAreMarkedOnceCheckedAndTheLinkWaits() {
        const fg::QuizDeck deck = smallDeck();
        for (const fg::Theme& theme :
             {fg::Theme::light(), fg::Theme::dark(), fg::Theme::projector()}) {
            fg::QuizView view;
            view.setTheme(theme);
            view.setDeck(&deck);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            QVERIFY(!button(&view, "Read about it")->isVisible());
            const int shown = view.shownRightChoice();
            const int wrongPick = (shown + 1) % 3;
            QTest::keyClick(&view, Qt::Key(Qt::Key_1 + wrongPick));
            QTest::keyClick(&view, Qt::Key_Return);
            QVERIFY(button(&view, "Read about it")->isVisible());
            QLabel* right = label(&view, QStringLiteral("Choice %1 text").arg(shown + 1));
            QLabel* mine = label(&view, QStringLiteral("Choice %1 text").arg(wrongPick + 1));
            QLabel* other = label(&view, QStringLiteral("Choice %1 text").arg((shown + 2) % 3 + 1));
            QVERIFY2(right->text().startsWith(QChar(0x2713)), qPrintable(right->text()));
            QVERIFY2(mine->text().startsWith(QChar(0x2717)), qPrintable(mine->text()));
            QCOMPARE(right->text(), QString("\u2713 Right answer\nright"));
            QVERIFY2(mine->text().startsWith(QString("\u2717 Your answer: not right\nwrong ")),
                     qPrintable(mine->text()));
            QVERIFY2(other->text().startsWith("wrong ") && other->styleSheet().isEmpty(),
                     qPrintable(other->text()));
            const QColor good = theme.readableOn(theme.good, theme.background);
            const QColor bad = theme.readableOn(theme.bad, theme.background);
            QVERIFY2(right->styleSheet().contains(good.name()), qPrintable(right->styleSheet()));
            QVERIFY2(mine->styleSheet().contains(bad.name()), qPrintable(mine->styleSheet()));
            QVERIFY(fg::contrastRatio(good, theme.background) >= theme.minTextContrast() - 0.01);
            QVERIFY(fg::contrastRatio(bad, theme.background) >= theme.minTextContrast() - 0.01);
            // The window colours of app/app_theme.cpp, where the quiz page is drawn.
            const QColor window = theme.kind == fg::Theme::Kind::Dark        ? QColor(0x25292e)
                                  : theme.kind == fg::Theme::Kind::Projector ? QColor(Qt::white)
                                                                             : QColor(0xeef0f2);
            QVERIFY(fg::contrastRatio(good, window) >= theme.minTextContrast() - 0.01);
            QVERIFY(fg::contrastRatio(bad, window) >= theme.minTextContrast() - 0.01);
            QTest::keyClick(&view, Qt::Key_Return); // the next card: plain again
            for (int i = 1; i <= 3; ++i) {
                QLabel* l = label(&view, QStringLiteral("Choice %1 text").arg(i));
                QVERIFY(!l->text().startsWith(QChar(0x2713)) && !l->text().contains("answer"));
                QVERIFY(l->styleSheet().isEmpty());
            }
        }
    }

    // Issue 15: the choices were in one order per card, whatever the showing. Each showing n (n:
    // the card's answers so far) shows study::choiceOrder(card, n), so a card missed again and
    // again is not seen in one order, while a view made again over the same progress shows
    // exactly what the last one would have. The keys pick by the place shown.
    void choicesAreShuffledPerShowingAndReplayExactly() {
        fg::QuizDeck deck;
        QuizCard c;
        c.id = "four-choices";
        c.kind = QuizCard::Kind::Choice;
        c.from = {"common-mistakes", "common-mistakes"};
        c.see = {"kafka", "ideal-use-cases"};
        c.question = "Which?";
        c.choices = {{"a", true}, {"b", false}, {"c", false}, {"d", false}};
        c.explanation = "Because.";
        deck.cards.push_back(c);
        QTemporaryDir dir;
        fg::ProgressStore store(dir.filePath("progress.json"));
        fg::QuizView view;
        view.setToday(10);
        view.setDeck(&deck, &store);
        std::set<std::vector<int>> orders;
        for (int showing = 0; showing < 8; ++showing) {
            QCOMPARE(view.currentCardId(), QString("four-choices"));
            const std::vector<int> order = fg::study::choiceOrder(c, showing);
            QCOMPARE(view.shownOrder(), order);
            for (int k = 0; k < 4; ++k) {
                QCOMPARE(
                    label(&view, QStringLiteral("Choice %1 text").arg(k + 1))->text(),
                    QString::fromStdString(c.choices[std::size_t(order[std::size_t(k)])].text));
            }
            orders.insert(order);
            {
                fg::QuizView replay; // the same progress, shown again: the same order
                replay.setToday(10);
                replay.setDeck(&deck, &store);
                QCOMPARE(replay.shownOrder(), order);
            }
            // Pick "d" by the key of its place: wrong, so the card comes back at once.
            const int placeOfD = int(std::find(order.begin(), order.end(), 3) - order.begin());
            QTest::keyClick(&view, Qt::Key(Qt::Key_1 + placeOfD));
            QTest::keyClick(&view, Qt::Key_Return);
            QVERIFY(label(&view, "Result")->text().startsWith("Not quite"));
            QCOMPARE(store.review().state("four-choices")->seen, showing + 1);
            QTest::keyClick(&view, Qt::Key_Return);
        }
        QVERIFY2(orders.size() >= 3, qPrintable(QString::number(orders.size())));
        // And the right one, by its key, is right.
        QTest::keyClick(&view, Qt::Key(Qt::Key_1 + view.shownRightChoice()));
        QTest::keyClick(&view, Qt::Key_Return);
        QCOMPARE(label(&view, "Result")->text(), QString("Right."));
        QVERIFY(label(&view, QStringLiteral("Choice %1 text").arg(view.shownRightChoice() + 1))
                    ->text()
                    .startsWith(QString("\u2713 Right answer, your answer\n")));
    }

    // A checklist item asked as a model answer and again as choices: the twin does not come
    // right after the card it answers (the answer just shown would grade it right).
    void aCardsTwinDoesNotFollowIt() {
        const fg::QuizDeck deck = twinDeck();
        fg::QuizView view;
        view.setToday(50);
        view.setDeck(&deck);
        QCOMPARE(view.currentCardId(), QString("answer0"));
        view.activate(); // reveal
        view.grade(Grade::Right);
        QCOMPARE(view.currentCardId(), QString("choice0")); // not its twin
        view.pick(view.shownRightChoice());
        view.activate();
        view.activate();
        QCOMPARE(view.currentCardId(), QString("choice-twin")); // later
    }

    // Nor when the quiz is opened again (its tab closed, the app started again): a tester had
    // the model answer, then its twin with choices, back to back.
    void aCardsTwinDoesNotOpenTheQuizAgain() {
        const fg::QuizDeck deck = twinDeck();
        QTemporaryDir dir;
        fg::ProgressStore store(dir.filePath("progress.json"));
        {
            fg::QuizView view;
            view.setToday(50);
            view.setDeck(&deck, &store);
            QCOMPARE(view.currentCardId(), QString("answer0"));
            view.activate(); // reveal
            view.grade(Grade::Right);
        } // closed
        fg::QuizView again;
        again.setToday(50);
        again.setDeck(&deck, &store);
        QCOMPARE(again.dueCount(), 3); // the twin is due first, and is not shown first
        QCOMPARE(again.currentCardId(), QString("choice0"));
    }

    void aMissedCardComesBackAfterTheOthers() {
        const fg::QuizDeck deck = smallDeck();
        fg::QuizView view;
        view.setToday(50);
        view.setDeck(&deck);
        const int right = view.shownRightChoice();
        view.pick((right + 1) % 3); // wrong
        view.activate();
        QVERIFY(label(&view, "Result")
                    ->text()
                    .contains(QStringLiteral("the right answer is %1.").arg(right + 1)));
        QCOMPARE(view.dueCount(), 3); // still due today
        view.activate();
        QCOMPARE(view.currentCardId(), QString("choice1"));
        view.pick(view.shownRightChoice());
        view.activate();
        view.activate();
        QCOMPARE(view.currentCardId(), QString("answer0"));
        QCOMPARE(view.dueCount(), 2);
        view.activate(); // reveal
        view.grade(Grade::Right);
        QCOMPARE(view.currentCardId(), QString("choice0")); // the missed one, again
        QCOMPARE(view.dueCount(), 1);
        view.pick(view.shownRightChoice());
        view.activate();
        view.activate();
        QVERIFY(view.currentCardId().isEmpty());
        QCOMPARE(label(&view, "Due cards")->text(), QString("No cards due"));
        QVERIFY(label(&view, "Question")->text().contains("Nothing to review today"));
        // The session's answers, summed up: the miss, then three right.
        QVERIFY2(label(&view, "Question")
                     ->text()
                     .startsWith(QStringLiteral("This session: 4 answers, 3 right, 1 not yet.")),
                 qPrintable(label(&view, "Question")->text()));
        view.setToday(51); // tomorrow: the cards in box 2 are due
        QCOMPARE(view.dueCount(), 3);
    }

    void modelAnswersAreRevealedAndSelfGraded() {
        fg::QuizDeck deck = smallDeck();
        deck.cards.erase(deck.cards.begin(), deck.cards.begin() + 2);
        QTemporaryDir dir;
        fg::ProgressStore store(dir.filePath("progress.json"));
        fg::QuizView view;
        view.setToday(7);
        view.setDeck(&deck, &store);
        QCOMPARE(view.currentCardId(), QString("answer0"));
        QVERIFY(!label(&view, "Model answer")->isVisibleTo(&view));
        QVERIFY(!button(&view, "I knew it")->isVisibleTo(&view));
        QTest::keyClick(&view, Qt::Key_1); // nothing to grade yet
        QCOMPARE(view.currentCardId(), QString("answer0"));
        QVERIFY(!store.review().state("answer0")->seen);
        QTest::keyClick(&view, Qt::Key_Return);
        QVERIFY(label(&view, "Model answer")->isVisibleTo(&view));
        QCOMPARE(label(&view, "Model answer")->text(), QString("The model answer."));
        QVERIFY(button(&view, "I knew it")->isVisibleTo(&view));
        QTest::keyClick(&view, Qt::Key_3); // not yet
        QCOMPARE(store.quizResult("interview-checklist", "answer0"), QString("wrong"));
        QCOMPARE(store.review().state("answer0")->missed, 1);
        QCOMPARE(view.currentCardId(), QString("answer0")); // due again now
        QTest::keyClick(&view, Qt::Key_Return);
        button(&view, "Partly")->click();
        QCOMPARE(store.quizResult("interview-checklist", "answer0"), QString("partly"));
        QCOMPARE(store.review().state("answer0")->due, 8L);
        QVERIFY(view.currentCardId().isEmpty());
    }

    // Issue 13: in the dark theme the quiz's radio circles were nearly invisible (Fusion draws
    // the circle in the window colour darkened: 1.2:1 on the app's dark window). In every theme,
    // with the app's palette for it, some of the circle's pixels stand out from the page at
    // 3:1 at least (WCAG's contrast for a control), chosen or not.
    void radioCirclesStandOutInEveryTheme() {
        QApplication::setStyle(QStyleFactory::create("Fusion"));
        const QPalette before = QApplication::palette();
        const fg::QuizDeck deck = smallDeck();
        for (const fg::Theme& theme :
             {fg::Theme::light(), fg::Theme::dark(), fg::Theme::projector()}) {
            // The window colours of app/app_theme.cpp.
            const QColor window = theme.kind == fg::Theme::Kind::Dark        ? QColor(0x25292e)
                                  : theme.kind == fg::Theme::Kind::Projector ? QColor(Qt::white)
                                                                             : QColor(0xeef0f2);
            QPalette pal;
            pal.setColor(QPalette::Window, window);
            pal.setColor(QPalette::Button, window);
            pal.setColor(QPalette::Base, theme.background);
            for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
                pal.setColor(role, theme.text);
            }
            QApplication::setPalette(pal);
            fg::QuizView view;
            view.setToday(1000);
            view.setDeck(&deck);
            view.setTheme(theme);
            view.resize(900, 640);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            QRadioButton* radio = nullptr;
            for (auto* r : view.findChildren<QRadioButton*>()) {
                radio = r->isVisible() && !radio ? r : radio;
            }
            QVERIFY(radio);
            for (const bool chosen : {false, true}) {
                radio->setChecked(chosen);
                QStyleOptionButton opt;
                opt.initFrom(radio);
                const QRect circle =
                    radio->style()->subElementRect(QStyle::SE_RadioButtonIndicator, &opt, radio);
                const QImage shot = radio->grab().toImage();
                qreal best = 1;
                for (int y = circle.top(); y <= circle.bottom(); ++y) {
                    for (int x = circle.left(); x <= circle.right(); ++x) {
                        best = std::max(best, fg::contrastRatio(shot.pixelColor(x, y), window));
                    }
                }
                QVERIFY2(best >= 3, qPrintable(QStringLiteral("%1, %2: the circle's best "
                                                              "contrast is %3:1")
                                                   .arg(theme.name())
                                                   .arg(chosen ? "chosen" : "not chosen")
                                                   .arg(best, 0, 'f', 2)));
            }
        }
        QApplication::setPalette(before);
    }

    void theLinkNamesTheSectionToRead() {
        const fg::QuizDeck deck = smallDeck();
        fg::QuizView view;
        view.setDeck(&deck);
        view.setTitles(
            {{"kafka", "Kafka (Message Streaming)"}, {"kafka#ideal-use-cases", "Ideal Use Cases"}});
        QSignalSpy link(&view, &fg::QuizView::chapterLinkActivated);
        QPushButton* b = button(&view, "Read about it");
        QVERIFY(b->text().contains("Kafka (Message Streaming) › Ideal Use Cases"));
        b->click();
        QCOMPARE(link.count(), 1);
        QCOMPARE(link.at(0).at(0).toString(), QString("kafka"));
        QCOMPARE(link.at(0).at(1).toString(), QString("ideal-use-cases"));
    }

    // A fresh tester read "Read about it: Common Mistakes › Common Mistakes": a section titled as
    // its chapter is named once.
    void theLinkNamesASectionTitledAsItsChapterOnce() {
        fg::QuizDeck deck = smallDeck();
        for (auto& c : deck.cards) {
            c.see = {"common-mistakes", "common-mistakes"};
        }
        fg::QuizView view;
        view.setDeck(&deck);
        view.setTitles({{"common-mistakes", "Common Mistakes"},
                        {"common-mistakes#common-mistakes", "Common Mistakes"}});
        QPushButton* b = button(&view, "Read about it");
        QVERIFY(b);
        QCOMPARE(b->text(), QStringLiteral("Read about it: Common Mistakes"));
        QCOMPARE(fg::sectionPath(QStringLiteral("Kafka"), QStringLiteral("Ideal Use Cases")),
                 QStringLiteral("Kafka \u203A Ideal Use Cases"));
    }

    // A tester read "Redis (Key-Value  Caching)" on the link: a button takes "&" for the mark
    // of its shortcut letter and does not draw it. The link shows the title as it is.
    void theLinkShowsAnAmpersand() {
        fg::QuizDeck deck = smallDeck();
        for (auto& c : deck.cards) {
            c.see = {"redis", "ideal-use-cases"};
        }
        fg::QuizView view;
        view.setDeck(&deck);
        view.setTitles({{"redis", "Redis (Key-Value & Caching)"},
                        {"redis#ideal-use-cases", "Ideal Use Cases"}});
        QPushButton* b = button(&view, "Read about it");
        QVERIFY(b);
        // What a button draws of its text: "&&" as "&", a lone "&" not at all.
        QString drawn;
        for (qsizetype i = 0; i < b->text().size(); ++i) {
            if (b->text()[i] == '&') {
                ++i;
                if (i < b->text().size() && b->text()[i] == '&') {
                    drawn += '&';
                    continue;
                }
                if (i >= b->text().size()) {
                    break;
                }
            }
            drawn += b->text()[i];
        }
        QVERIFY2(drawn.contains("Redis (Key-Value & Caching) \u203A Ideal Use Cases"),
                 qPrintable(drawn));
    }

    void theShippedDeckRunsInTheViewWithAScreenshot() {
        const fg::Course course =
            fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent, QStringLiteral(":/content"));
        const fg::QuizDeck deck =
            fg::loadQuizDeck(QStringLiteral(":/content"), fg::kEnglishContent);
        QHash<QString, QString> titles;
        for (const auto& ch : course.chapters) {
            titles.insert(ch.id, ch.title);
            for (const auto& s : ch.sections) {
                titles.insert(ch.id + "#" + s.id, s.title);
            }
        }
        fg::QuizView view;
        view.setDeck(&deck);
        view.setTitles(titles);
        view.resize(900, 640);
        view.show();
        QCOMPARE(view.dueCount(), int(deck.cards.size()));
        // The first card's right answer, by its key (the choices are shown shuffled).
        const QuizCard* first = deck.card(view.currentCardId());
        QVERIFY(first && view.shownRightChoice() >= 0);
        QTest::keyClick(&view, Qt::Key(Qt::Key_1 + view.shownRightChoice()));
        QTest::keyClick(&view, Qt::Key_Return);
        QCOMPARE(label(&view, "Result")->text(), QString("Right."));
        saveFigure(view, "quiz_view_checked");
        QTest::keyClick(&view, Qt::Key_Return);
        saveFigure(view, "quiz_view_question");
        // Walk the whole deck answering right: every card is answered once and none is left.
        int steps = 0;
        while (!view.currentCardId().isEmpty() && steps++ < 100) {
            const QuizCard* c = deck.card(view.currentCardId());
            if (c->kind == QuizCard::Kind::Choice) {
                view.pick(view.shownRightChoice());
                view.activate();
                view.activate();
            } else {
                view.activate();
                if (c->id == "influxdb-prometheus-timescaledb") {
                    saveFigure(view, "quiz_view_answer");
                }
                view.grade(Grade::Right);
            }
        }
        QCOMPARE(steps, int(deck.cards.size()) - 1);
    }

    void progressViewShowsReadScoreBookmarksNotesAndProblems() {
        const fg::Course course =
            fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent, QStringLiteral(":/content"));
        const fg::QuizDeck deck =
            fg::loadQuizDeck(QStringLiteral(":/content"), fg::kEnglishContent);
        QTemporaryDir dir;
        const QString path = dir.filePath("progress.json");
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{ broken");
        }
        fg::ProgressStore store(path);
        QVERIFY(!store.load());
        const fg::Chapter* relational = course.chapter("relational");
        for (const auto& s : relational->sections) {
            store.setSectionRead("relational", s.id);
        }
        store.setSectionRead("kafka", "architecture");
        store.setQuizResult("common-mistakes", "mistake-kafka-as-database", Grade::Right);
        store.setQuizResult("common-mistakes", "mistake-redis-as-primary-storage", Grade::Wrong);
        store.setBookmark("kafka", "consumer-groups", true);
        store.setNote("redis", "caching-patterns", "Cache-aside first.");

        fg::ProgressView view;
        QSignalSpy link(&view, &fg::ProgressView::chapterLinkActivated);
        view.setData(&course, &deck, &store);
        view.resize(800, 700);
        view.show();
        QTreeWidget* tree = view.tree();
        QCOMPARE(tree->topLevelItemCount(), int(course.chapters.size()));
        auto row = [&](const QString& id) { return tree->topLevelItem(course.indexOf(id)); };
        QCOMPARE(row("relational")->text(1), QString("read"));
        QCOMPARE(row("kafka")->text(1),
                 QString("1 of %1 sections").arg(course.chapter("kafka")->sections.size()));
        QCOMPARE(row("redis")->text(1), QString("not yet"));
        QCOMPARE(row("common-mistakes")->text(2),
                 QString("1 of %1 right").arg(deck.fromChapter("common-mistakes").size()));
        QCOMPARE(row("interview-checklist")->text(2), QString("not tried"));
        QCOMPARE(row("kafka")->text(2), QString()); // no cards from Kafka
        QCOMPARE(row("kafka")->childCount(), 1);
        QCOMPARE(row("kafka")->child(0)->text(0), QString("Bookmark: Consumer Groups"));
        QCOMPARE(row("redis")->child(0)->text(0),
                 QString("Note on Caching Patterns: Cache-aside first."));
        // Read meanwhile, then the view shown again (its tab chosen): it counts (a tester's
        // reading showed only after a restart).
        view.hide();
        store.setSectionRead("redis", course.chapter("redis")->sections.front().id);
        view.show();
        QCOMPARE(row("redis")->text(1),
                 QString("1 of %1 sections").arg(course.chapter("redis")->sections.size()));
        QVERIFY(view.summaryText().startsWith("1 of 12 chapters read"));
        QVERIFY(view.summaryText().contains(QString("1 of %1 cards right").arg(deck.cards.size())));
        auto* problem = label(&view, "Progress file problem");
        QVERIFY(problem->isVisibleTo(&view));
        QVERIFY(problem->text().contains(".corrupt-"));
        emit tree->itemActivated(row("kafka")->child(0), 0);
        QCOMPARE(link.count(), 1);
        QCOMPARE(link.at(0).at(1).toString(), QString("consumer-groups"));
        saveFigure(view, "progress_view");

        QVERIFY(store.save());
        QVERIFY(store.error().isEmpty());
        view.refresh();
        QVERIFY(!label(&view, "Progress file problem")->isVisibleTo(&view));
    }
};

FG_TEST_MAIN(TestStudyViews)
#include "test_study_views.moc"
