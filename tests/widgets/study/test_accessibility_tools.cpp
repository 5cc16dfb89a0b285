// The study tools through a screen reader's eyes and by the keyboard alone (issue 19): on the
// quiz, practice, wizard, matrix and simulator pages every control Tab reaches has a name; a
// verdict, a feedback, a recommendation and a simulator's results are read by their text when
// they appear and announced by an accessibility event; the wizard keeps the focus on the new
// answers; a practice answer given by dragging on the picture can be given from the keyboard.
#include "engines/practice/practice.h"
#include "models/course/content_loader.h"
#include "models/study/progress_store.h"
#include "models/study/quiz_deck.h"
#include "tests/suite_main.h"
#include "tests/widgets/accessibility_test_support.h"
#include "widgets/controls/announced_text.h"
#include "widgets/decision/decision_views.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/practice/answer_inputs.h"
#include "widgets/practice/practice_figure.h"
#include "widgets/practice/practice_view.h"
#include "widgets/simulators/simulators.h"
#include "widgets/study/quiz_view.h"

#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <functional>
#include <memory>

using ToolPageFactory = std::function<std::unique_ptr<QWidget>()>;
Q_DECLARE_METATYPE(ToolPageFactory)

namespace {

using fg::test::accessibleText;
using fg::test::heard;
using fg::test::wasHeard;

const char* kWizardFile = ":/content/tools/wizard.json";
const char* kMatrixFile = ":/content/tools/matrix.json";

// The label of `page` whose description (what it is) is `what`.
QLabel* labelFor(QWidget* page, const QString& what) {
    for (QLabel* l : page->findChildren<QLabel*>()) {
        if (l->accessibleDescription() == what) {
            return l;
        }
    }
    return nullptr;
}

fg::QuizDeck twoCardDeck() {
    fg::QuizDeck d;
    for (int i = 0; i < 2; ++i) {
        fg::study::QuizCard c;
        c.id = "choice" + std::to_string(i);
        c.kind = fg::study::QuizCard::Kind::Choice;
        c.from = {"common-mistakes", "common-mistakes"};
        c.item = i;
        c.see = {"kafka", "ideal-use-cases"};
        c.question = "Question " + std::to_string(i) + "?";
        c.choices = {{"wrong a", false}, {"right", true}, {"wrong b", false}};
        d.cards.push_back(c);
    }
    return d;
}

// A practice page asking one question, of `type` of `engine` (the first seed that asks it).
std::unique_ptr<fg::PracticeView> practiceAt(const char* engine, const std::string& type) {
    auto view = std::make_unique<fg::PracticeView>();
    view->setTheme(fg::Theme::light());
    view->resize(1400, 1000);
    view->show();
    QApplication::setActiveWindow(view.get());
    (void)QTest::qWaitForWindowActive(view.get());
    for (std::uint64_t seed = 1; seed < 200; ++seed) {
        view->start(QString::fromUtf8(engine), fg::practice::Level::Easy, 1, seed);
        if (view->current() && view->current()->type == type) {
            QCoreApplication::processEvents(); // the new inputs shown (Qt shows them queued)
            return view;
        }
    }
    return nullptr;
}

} // namespace

class TestAccessibilityTools : public QObject {
    Q_OBJECT
    bool bridge_ = false;
    fg::Course course_;
    fg::QuizDeck deck_ = twoCardDeck();

    std::unique_ptr<fg::WizardView> wizard() {
        std::vector<fg::ContentError> errors;
        auto view =
            std::make_unique<fg::WizardView>(fg::DecisionTree::load(kWizardFile, course_, errors));
        view->resize(1200, 900);
        view->show();
        QApplication::setActiveWindow(view.get()); // the focus is followed in the active window
        (void)QTest::qWaitForWindowActive(view.get());
        return view;
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        course_ = fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent);
        bridge_ = fg::test::listenToAccessibilityEvents();
    }

    void everyControlTabReachesHasAName_data() {
        QTest::addColumn<ToolPageFactory>("make");
        QTest::newRow("quiz") << ToolPageFactory([this] {
            auto view = std::make_unique<fg::QuizView>();
            view->setDeck(&deck_);
            return std::unique_ptr<QWidget>(std::move(view));
        });
        for (const auto& t : fg::practice::exerciseTypes()) {
            QTest::newRow(qPrintable(QStringLiteral("practice %1 %2").arg(t.engine, t.type)))
                << ToolPageFactory(
                       [&t] { return std::unique_ptr<QWidget>(practiceAt(t.engine, t.type)); });
        }
        QTest::newRow("wizard") << ToolPageFactory([this] { return wizard(); });
        QTest::newRow("wizard result") << ToolPageFactory([this] {
            auto view = wizard();
            while (!view->atResult()) {
                view->answer(0);
            }
            return std::unique_ptr<QWidget>(std::move(view));
        });
        QTest::newRow("matrix") << ToolPageFactory([this] {
            std::vector<fg::ContentError> errors;
            return std::unique_ptr<QWidget>(
                new fg::MatrixView(fg::DecisionMatrix::load(kMatrixFile, course_, errors)));
        });
        for (const auto& sim : fg::simulators()) {
            QTest::newRow(qPrintable(sim.id)) << ToolPageFactory([id = sim.id] {
                return std::unique_ptr<QWidget>(
                    fg::createSimulatorView(id, fg::Theme::light(), nullptr));
            });
        }
    }
    void everyControlTabReachesHasAName() {
        QFETCH(ToolPageFactory, make);
        auto page = make();
        QVERIFY(page);
        page->show();
        QVERIFY(QTest::qWaitForWindowExposed(page.get()));
        const QStringList unnamed = fg::test::unnamedControls(page.get());
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QLatin1String(", "))));
    }

    // The quiz's verdict is read by its text and announced, the second "Right." in a row too.
    void theQuizVerdictIsAnnounced() {
        std::unique_ptr<fg::test::ShowCount> shows;
        fg::QuizView view;
        view.setDeck(&deck_);
        view.show();
        QLabel* result = labelFor(&view, QStringLiteral("Result"));
        QVERIFY(result);
        for (int card = 0; card < 2; ++card) {
            heard().clear();
            QTest::keyClick(&view, Qt::Key(Qt::Key_1 + view.shownRightChoice()));
            QTest::keyClick(&view, Qt::Key_Return);
            QCOMPARE(result->text(), QStringLiteral("Right."));
            QCOMPARE(accessibleText(result, QAccessible::Name), QStringLiteral("Right."));
            if (bridge_) {
                QVERIFY2(wasHeard(QAccessible::NameChanged, result),
                         qPrintable(view.currentCardId()));
            }
            // Said whatever has the focus: Orca speaks a notification that shows, and no
            // change of a label it is not on.
            QWidget* notice = fg::announcementOf(view.window());
            QVERIFY(notice);
            QCOMPARE(QAccessible::queryAccessibleInterface(notice)->role(),
                     QAccessible::Notification);
            QCOMPARE(accessibleText(notice, QAccessible::Name), QStringLiteral("Right."));
            if (!shows) { // from the first verdict on: the second is shown again
                shows = std::make_unique<fg::test::ShowCount>(notice);
            }
            QTest::keyClick(&view, Qt::Key_Return); // next card
        }
        QVERIFY(shows && shows->shown >= 1); // the second "Right." shown again
    }

    // A practice answer's feedback is read by its text and announced; the focus goes to Next,
    // which says the verdict.
    void thePracticeFeedbackIsAnnounced() {
        auto view = practiceAt("btree", "insert");
        QVERIFY(view);
        heard().clear();
        view->check(); // nothing entered: the engine's answer and narration, "Not right"
        const QString said = view->feedbackText();
        QVERIFY2(said.startsWith(QStringLiteral("\u2718 Not right.")), qPrintable(said));
        QLabel* feedback = labelFor(view.get(), QStringLiteral("Feedback"));
        QVERIFY(feedback);
        QCOMPARE(accessibleText(feedback, QAccessible::Name).simplified(), said.simplified());
        if (bridge_) {
            QVERIFY(wasHeard(QAccessible::NameChanged, feedback));
        }
        QWidget* next = view->window()->focusWidget();
        QVERIFY(next);
        QVERIFY(qobject_cast<QPushButton*>(next)); // Next (Finish, at the last question)
        QCOMPARE(accessibleText(next, QAccessible::Description), said);
        view->sameAgain(); // the question again: nothing said yet
        QCOMPARE(accessibleText(next, QAccessible::Description), QString());
    }

    // The recommendation says its title and stores as it appears, and takes the focus; Backspace
    // from it goes back to the last question.
    void theWizardRecommendationIsAnnounced() {
        auto view = wizard();
        view->setFocus();
        while (!view->atResult()) {
            heard().clear();
            QTest::keyClick(view->window()->focusWidget(), Qt::Key_1);
            QCoreApplication::processEvents(); // the new answers shown (Qt shows them queued)
        }
        auto* result = view->findChild<QTextBrowser*>();
        QVERIFY(result && result->isVisible());
        const QString description = accessibleText(result, QAccessible::Description);
        QVERIFY2(description.contains(
                     result->document()->toPlainText().section(QLatin1Char('\n'), 0, 0)),
                 qPrintable(description));
        QVERIFY2(description.contains(QStringLiteral("Stores: ")), qPrintable(description));
        QCOMPARE(view->window()->focusWidget(), result);
        if (bridge_) {
            QVERIFY(wasHeard(QAccessible::DescriptionChanged, result));
        }
        QTest::keyClick(result, Qt::Key_Backspace);
        QCoreApplication::processEvents();
        QVERIFY(!view->atResult());
        // On the last question's first answer, which says the question.
        auto* focus = qobject_cast<QPushButton*>(view->window()->focusWidget());
        QVERIFY(focus && view->isAncestorOf(focus));
        QVERIFY(!focus->accessibleDescription().isEmpty());
    }

    // Each answer by the keyboard (Tab to it, Space) leaves the focus on the next question's
    // first answer, which says the question.
    void theWizardKeepsTheFocusOnTheNewAnswers() {
        auto view = wizard();
        view->setFocus();
        QTest::keyClick(view.get(), Qt::Key_Tab); // from the page to its first control
        int answered = 0;
        while (!view->atResult() && answered < 20) {
            auto* button = qobject_cast<QPushButton*>(view->window()->focusWidget());
            QVERIFY2(button && view->isAncestorOf(button),
                     qPrintable(QStringLiteral("after %1 answers").arg(answered)));
            const QString asked = view->currentQuestion();
            // An answer says its question (Back and Start over say nothing more).
            if (accessibleText(button, QAccessible::Description).isEmpty()) {
                QTest::keyClick(button, Qt::Key_Tab);
                continue;
            }
            const QString said = accessibleText(button, QAccessible::Description);
            QTest::keyClick(button, Qt::Key_Space);
            QCoreApplication::processEvents();
            ++answered;
            QVERIFY(view->currentQuestion() != asked || view->atResult());
            if (!view->atResult()) {
                // On the new question's first answer (the wizard keeps its answer buttons and
                // relabels them), which says the new question.
                auto* now = qobject_cast<QPushButton*>(view->window()->focusWidget());
                QVERIFY(now && now->isVisible() && now->text().startsWith(QLatin1String("&1")));
                const QString newQuestion = accessibleText(now, QAccessible::Description);
                QVERIFY(!newQuestion.isEmpty() && newQuestion != said);
            }
        }
        QVERIFY(answered >= 2);
        QVERIFY(view->atResult());
    }

    // The question is said with the first answer, where the focus lands, and not again at each
    // answer Tab goes on to (Orca read it at every one).
    void theQuestionIsSaidOnce() {
        auto view = wizard();
        QLabel* question = labelFor(view.get(), QStringLiteral("Question"));
        QVERIFY(question && !question->text().isEmpty());
        int saying = 0, answers = 0;
        for (QPushButton* b : view->findChildren<QPushButton*>()) {
            if (b->isVisible() && b->text().startsWith(QLatin1Char('&'))) { // "&1  Yes: ..."
                ++answers;
                saying += accessibleText(b, QAccessible::Description) == question->text();
            }
        }
        QVERIFY(answers >= 2);
        QCOMPARE(saying, 1);
    }

    // The partitions of a consumer group, dragged onto members on the picture, are given from
    // the keyboard: Tab reaches a list per partition, the arrow keys pick its member, the
    // picture follows, and Enter checks it right.
    void aDraggedAnswerHasAKeyboardPath() {
        auto view = practiceAt("kafka", "assignment");
        QVERIFY(view);
        const fg::practice::Exercise e = *view->current();
        QHash<QString, QString> want; // partition -> member
        for (const auto& [member, words] : e.answer["assignment"].items()) {
            for (const auto& w : words) {
                want.insert(QString::fromStdString(w.get<std::string>()),
                            QString::fromStdString(member));
            }
        }
        QVERIFY(!want.isEmpty());
        view->inputs()->findChildren<QComboBox*>().front()->setFocus(Qt::TabFocusReason);
        QSet<QString> set;
        QStringList walk; // where Tab went
        for (int i = 0; i < 60 && set.size() < want.size(); ++i) {
            auto* combo = qobject_cast<QComboBox*>(view->window()->focusWidget());
            if (combo && combo->accessibleName().startsWith(QStringLiteral("Member for "))) {
                const QString partition = combo->accessibleName().mid(11);
                const QString member = want.value(partition);
                QTest::keyClick(combo, Qt::Key_Home);
                for (int k = 0; k < combo->count() && combo->currentText() != member &&
                                !(member.isEmpty() && combo->currentIndex() == 0);
                     ++k) {
                    QTest::keyClick(combo, Qt::Key_Down);
                }
                set.insert(partition);
            }
            walk << accessibleText(view->window()->focusWidget(), QAccessible::Name);
            if (set.size() < want.size()) {
                QTest::keyClick(view->window()->focusWidget(), Qt::Key_Tab);
            }
        }
        QVERIFY2(set.size() == want.size(), qPrintable(walk.join(QLatin1String(" > "))));
        QCOMPARE(view->figure()->assignment().size(), want.size());
        for (auto it = want.begin(); it != want.end(); ++it) {
            QCOMPARE(view->figure()->assignment().value(it.key()), it.value());
        }
        QTest::keyClick(view->window()->focusWidget(), Qt::Key_Return); // in the last list
        QVERIFY2(view->feedbackText().startsWith(QStringLiteral("\u2714 Right.")),
                 qPrintable(view->feedbackText()));
    }

    // A simulator's results are read by their text and announced when a setting changes.
    void simulatorResultsAreAnnounced() {
        for (const auto& sim : fg::simulators()) {
            std::unique_ptr<QWidget> view(
                fg::createSimulatorView(sim.id, fg::Theme::light(), nullptr));
            view->resize(1400, 900);
            view->show();
            QLabel* summary = labelFor(view.get(), QStringLiteral("Summary"));
            QVERIFY2(summary, qPrintable(sim.id));
            const QString before = summary->text();
            heard().clear();
            for (QSpinBox* box : view->findChildren<QSpinBox*>()) {
                box->setFocus(Qt::TabFocusReason);
                QTest::keyClick(box, box->value() < box->maximum() ? Qt::Key_Up : Qt::Key_Down);
                if (summary->text() != before) {
                    break;
                }
            }
            QVERIFY2(summary->text() != before, qPrintable(sim.id));
            QCOMPARE(accessibleText(summary, QAccessible::Name).simplified(),
                     summary->text().simplified());
            if (bridge_) {
                QVERIFY2(wasHeard(QAccessible::NameChanged, summary), qPrintable(sim.id));
            }
        }
    }
};

FG_TEST_MAIN(TestAccessibilityTools)
#include "test_accessibility_tools.moc"
