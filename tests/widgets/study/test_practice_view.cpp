// The Practice page as a student uses it: every type's engine answer entered through its inputs
// (lines typed, choice buttons, the members' lists, the tree notation, bucket lines) is graded
// right; a click on the picture picks a master; a wrong answer says "Not right", names the
// difference, shows the engine's answer and narration; an answer that cannot be read is a hint
// and is not graded; only the first answer to a question is recorded, and a miss is due for
// review; the same seed asks the same questions; a time limit ends the session; "Show me" asks
// for the exercise's diagram and scenario.
#include "engines/practice/practice_session.h"
#include "engines/practice/practice_walk.h"
#include "engines/redis/key_slot.h"
#include "engines/redis/slot_ranges.h"
#include "models/course/course.h"
#include "models/study/progress_store.h"
#include "models/theme/theme.h"
#include "tests/suite_main.h"
#include "tests/widgets/study/practice_page.h"
#include "widgets/practice/answer_inputs.h"
#include "widgets/practice/given_text.h"
#include "widgets/practice/practice_figure.h"
#include "widgets/practice/practice_view.h"
#include "widgets/practice/walk_player.h"
#include "widgets/practice/worksheet.h"
#include "widgets/study/progress_view.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTimer>
#include <QTreeWidget>
#include <algorithm>
#include <nlohmann/json.hpp>

using fg::practice::AnswerField;
using fg::practice::Exercise;
using fg::practice::Level;
using json = nlohmann::json;

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

QString listText(const json& list) {
    QStringList items;
    for (const auto& v : list) {
        items << (v.is_string() ? q(v.get<std::string>()) : q(v.dump()));
    }
    return items.join(QStringLiteral(", "));
}

QPushButton* buttonNamed(QWidget* box, const QString& name) {
    for (auto* b : box->findChildren<QPushButton*>()) {
        if (b->accessibleName() == name || b->text() == name) {
            return b;
        }
    }
    return nullptr;
}

// Enters `answer` through the inputs of `fields`, as a student would with the mouse and keys.
void enter(fg::AnswerInputs* inputs, const std::vector<AnswerField>& fields, const json& answer) {
    for (const AnswerField& f : fields) {
        const json& v = answer[f.name];
        QLineEdit* line = nullptr;
        QPlainTextEdit* text = nullptr;
        for (auto* l : inputs->findChildren<QLineEdit*>()) {
            line = l->accessibleName() == q(f.label) ? l : line;
        }
        for (auto* t : inputs->findChildren<QPlainTextEdit*>()) {
            text = t->accessibleName() == q(f.label) ? t : text;
        }
        switch (f.kind) {
        case AnswerField::Kind::Number:
            QVERIFY(line);
            line->clear();
            QTest::keyClicks(line, q(v.dump()));
            break;
        case AnswerField::Kind::NumberList:
            QVERIFY(line);
            line->setText(listText(v));
            break;
        case AnswerField::Kind::Tree:
            QVERIFY(line);
            line->setText(q(fg::practice::treeText(v)));
            break;
        case AnswerField::Kind::Choice: {
            const auto index =
                f.numeric ? v.get<std::size_t>()
                          : static_cast<std::size_t>(std::find(f.options.begin(), f.options.end(),
                                                               v.get<std::string>()) -
                                                     f.options.begin());
            QPushButton* b = buttonNamed(inputs, q(f.options.at(index)));
            QVERIFY(b);
            QTest::mouseClick(b, Qt::LeftButton);
            break;
        }
        case AnswerField::Kind::WordList:
            for (const auto& w : v) {
                QPushButton* b = buttonNamed(inputs, q(w.get<std::string>()));
                QVERIFY(b);
                QTest::mouseClick(b, Qt::LeftButton);
            }
            break;
        case AnswerField::Kind::PerMember:
            // Every partition set, the ones the answer leaves to nobody too (a rebalance starts
            // from the group before it).
            for (auto* c : inputs->findChildren<QComboBox*>()) {
                if (c->accessibleName().startsWith(QStringLiteral("Member for "))) {
                    c->setCurrentIndex(0);
                }
            }
            for (const auto& [member, words] : v.items()) {
                for (const auto& w : words) {
                    QComboBox* combo = nullptr;
                    for (auto* c : inputs->findChildren<QComboBox*>()) {
                        combo = c->accessibleName() ==
                                        QStringLiteral("Member for %1").arg(q(w.get<std::string>()))
                                    ? c
                                    : combo;
                    }
                    QVERIFY(combo);
                    combo->setCurrentIndex(combo->findText(q(member)));
                }
            }
            break;
        case AnswerField::Kind::Buckets: {
            QVERIFY(text);
            QStringList lines;
            for (const auto& b : v) {
                lines << q(b[0].dump()) + QLatin1Char(' ') + q(b[1].dump());
            }
            text->setPlainText(lines.join(QLatin1Char('\n')));
            break;
        }
        }
    }
}

// The engine's answer with its first part changed: a wrong answer of every type.
json wrongAnswer(const Exercise& e) {
    json a = e.answer;
    const AnswerField& f = e.fields.front();
    json& v = a[f.name];
    switch (f.kind) {
    case AnswerField::Kind::Number: // another number the field takes
        v = v.get<std::int64_t>() < f.max ? v.get<std::int64_t>() + 1 : v.get<std::int64_t>() - 1;
        break;
    case AnswerField::Kind::Choice:
        if (f.numeric) {
            v = (v.get<std::size_t>() + 1) % f.options.size();
        } else {
            v = f.options[f.options[0] == v.get<std::string>() ? 1 : 0];
        }
        break;
    case AnswerField::Kind::NumberList:
        v.push_back(std::min<std::int64_t>(999, f.max));
        break;
    case AnswerField::Kind::WordList:
        if (v.empty()) {
            v.push_back(f.options.front());
        } else {
            v.erase(v.size() - 1);
        }
        break;
    case AnswerField::Kind::PerMember:
        for (auto& [member, words] : v.items()) {
            if (!words.empty()) {
                words.erase(0); // a partition left to nobody
                break;
            }
        }
        break;
    case AnswerField::Kind::Tree:
        v["keys"].push_back(999);
        break;
    case AnswerField::Kind::Buckets:
        if (v.empty()) {
            v.push_back({0, 1.0});
        } else {
            v[0][1] = v[0][1].get<double>() + 1.0;
        }
        break;
    }
    return a;
}

using practice_test::Page;

} // namespace

class TestPracticeView : public QObject {
    Q_OBJECT
private slots:
    void everyTypesEngineAnswerEnteredInItsInputsIsRight() {
        for (const auto& t : fg::practice::exerciseTypes()) {
            for (const Level level : {Level::Easy, Level::Hard}) {
                for (std::uint64_t seed = 1; seed <= 4; ++seed) {
                    Page page;
                    page.view.start(QString::fromUtf8(t.engine), level, 1, seed);
                    // One question: its type is the topic's first in the seeded turn, so
                    // start again until it is this type.
                    std::uint64_t s = seed;
                    while (page.view.current()->type != t.type) {
                        page.view.start(QString::fromUtf8(t.engine), level, 1, ++s);
                    }
                    const Exercise e = *page.view.current();
                    // The check button names its key: Ctrl+Enter where Enter starts a new line
                    // (a box of bucket lines; it said "Enter" there, a tester).
                    const bool lines =
                        std::any_of(e.fields.begin(), e.fields.end(), [](const auto& f) {
                            return f.kind == AnswerField::Kind::Buckets;
                        });
                    int named = 0;
                    for (const QPushButton* b : page.view.findChildren<QPushButton*>()) {
                        if (b->text().startsWith(QStringLiteral("&Check ("))) {
                            QCOMPARE(b->text(), lines ? QStringLiteral("&Check (Ctrl+Enter)")
                                                      : QStringLiteral("&Check (Enter)"));
                            ++named;
                        }
                    }
                    QCOMPARE(named, 1);
                    // Every input is written out for the student, under its name.
                    const QString given = page.view.givenText();
                    for (const auto& [key, value] : e.given.items()) {
                        QVERIFY2(given.contains(q(key).replace('_', ' ')),
                                 qPrintable(q(e.type) + " " + q(key) + ": " + given));
                        if (value.is_number_integer()) {
                            QVERIFY2(given.contains(q(value.dump())),
                                     qPrintable(q(e.type) + " " + q(key) + ": " + given));
                        }
                    }
                    enter(page.view.inputs(), e.fields, e.answer);
                    QTest::keyClick(&page.view, Qt::Key_Return);
                    QVERIFY2(page.view.feedbackText().startsWith(QStringLiteral("\u2714 Right.")),
                             qPrintable(q(e.type) + ": " + page.view.feedbackText()));
                    QCOMPARE(page.store.practiceTally(q(e.engine + "/" + e.type)),
                             (fg::PracticeTally{1, 1}));
                    QCOMPARE(page.view.rightCount(), 1);
                    // Again, with one part changed: not right (and not recorded twice).
                    page.view.sameAgain();
                    enter(page.view.inputs(), e.fields, wrongAnswer(e));
                    QTest::keyClick(&page.view, Qt::Key_Return);
                    QVERIFY2(
                        page.view.feedbackText().startsWith(QStringLiteral("\u2718 Not right.")),
                        qPrintable(q(e.type) + ": " + page.view.feedbackText()));
                    QCOMPARE(page.store.practiceTally(q(e.engine + "/" + e.type)).seen, 1);
                }
            }
        }
    }

    void aClickOnTheSlotsPicksTheMasterAndAWrongPickIsNamed() {
        Page page;
        page.view.start(QStringLiteral("hashslot"), Level::Medium, 10, 77);
        QVERIFY(page.reach("owner-of-key"));
        const Exercise e = *page.view.current();
        const int right = e.answer["master"].get<int>();
        const int masters = e.given["masters"].get<int>();
        const int wrong = (right + 1) % masters;
        fg::PracticeFigure* figure = page.view.figure();
        QVERIFY(figure->isVisible());
        // The middle of the wrong master's run of slots, on the bar.
        const auto runs = fg::redis::clusterCreateRanges(masters);
        const int line = figure->fontMetrics().height();
        const double barLeft = line, barWidth = figure->width() - 2 * line;
        const auto& run = runs[static_cast<std::size_t>(wrong)];
        const double middleSlot = (run.first + run.second + 1) / 2.0;
        QTest::mouseClick(figure, Qt::LeftButton, {},
                          QPoint(static_cast<int>(barLeft + barWidth * middleSlot / 16384),
                                 static_cast<int>(line * 2.5)));
        QCOMPARE(page.view.inputs()->pickedChoice(), wrong);
        QTest::keyClick(&page.view, Qt::Key_Return);
        const QString feedback = page.view.feedbackText();
        QVERIFY2(feedback.startsWith(QStringLiteral("\u2718 Not right.")), qPrintable(feedback));
        QVERIFY2(
            feedback.contains(
                QStringLiteral("master: you gave %1, the engine says %2").arg(wrong).arg(right)),
            qPrintable(feedback));
        QVERIFY(feedback.contains(QStringLiteral("The engine's answer:")));
        QVERIFY(feedback.contains(QStringLiteral("What the engine did:")));
        // The pick stays in full colour (not greyed: a tester could not read it) and says it was
        // the pick; so does the right answer, saying so (test_practice_keys); the other choices
        // are greyed; nothing changes the pick nor the right answer any more.
        QList<QAbstractButton*> picked, rightOne, others;
        for (QAbstractButton* b : page.view.inputs()->findChildren<QAbstractButton*>()) {
            (b->isCheckable() && b->isChecked()                   ? picked
             : b->text().endsWith(QStringLiteral("right answer")) ? rightOne
                                                                  : others)
                << b;
        }
        QCOMPARE(picked.size(), 1);
        QVERIFY(picked[0]->isEnabled());
        QVERIFY(picked[0]->text().endsWith(QStringLiteral("\u2718 your answer")));
        QCOMPARE(picked[0]->focusPolicy(), Qt::NoFocus);
        QCOMPARE(rightOne.size(), 1);
        QVERIFY(rightOne[0]->accessibleName().startsWith(QStringLiteral("master %1 ").arg(right)));
        QCOMPARE(rightOne[0]->focusPolicy(), Qt::NoFocus);
        QVERIFY(rightOne[0]->testAttribute(Qt::WA_TransparentForMouseEvents));
        QVERIFY(!others.isEmpty());
        for (QAbstractButton* b : others) {
            QVERIFY(!b->isCheckable() || !b->isEnabled());
        }
        QTest::keyClick(&page.view, static_cast<Qt::Key>(Qt::Key_1 + right));
        QCOMPARE(page.view.inputs()->pickedChoice(), wrong);
        // The narration says the key's slot.
        QVERIFY(feedback.contains(
            QStringLiteral("slot %1").arg(fg::redis::keySlot(e.given["key"].get<std::string>()))));
        // Recorded once, as a miss: the type is due for review today.
        const QString id = QStringLiteral("hashslot/owner-of-key");
        QCOMPARE(page.store.practiceTally(id).right, 0);
        const int seen = page.store.practiceTally(id).seen;
        QVERIFY(seen >= 1);
        const auto due = page.store.practiceReview().due(1000);
        QVERIFY(std::find(due.begin(), due.end(), id.toStdString()) != due.end());
        // The same exercise again, answered right now with the number key: not recorded again.
        QTest::mouseClick(buttonNamed(&page.view, QStringLiteral("Same e&xercise again")),
                          Qt::LeftButton);
        QVERIFY(!page.view.isChecked());
        for (QAbstractButton* b : page.view.inputs()->findChildren<QAbstractButton*>()) {
            QVERIFY(!b->text().contains(QStringLiteral("your answer")));
            QVERIFY(b->focusPolicy() != Qt::NoFocus);
            QVERIFY(!b->testAttribute(Qt::WA_TransparentForMouseEvents));
        }
        QTest::keyClick(&page.view, static_cast<Qt::Key>(Qt::Key_1 + right));
        QCOMPARE(page.view.inputs()->pickedChoice(), right);
        QTest::keyClick(&page.view, Qt::Key_Return);
        QVERIFY(page.view.feedbackText().startsWith(QStringLiteral("\u2714 Right.")));
        QCOMPARE(page.store.practiceTally(id).seen, seen);
        QCOMPARE(page.view.rightCount(), 0);
    }

    // Tab goes from the last answer to Check, then Same exercise again and Next (Show me waits
    // for a check), in every question: it went round the whole window first (a tester).
    void tabGoesFromTheAnswersToCheckAndNext() {
        Page page;
        QApplication::setActiveWindow(&page.view);
        QVERIFY(QTest::qWaitForWindowActive(&page.view));
        page.view.start(QStringLiteral("hashslot"), Level::Medium, 4, 77);
        for (int question = 0; question < 2; ++question) {
            QTRY_VERIFY(page.view.inputs()->isAncestorOf(QApplication::focusWidget()));
            QStringList after; // the buttons Tab reaches after leaving the answers
            for (int i = 0; i < 40 && after.size() < 3; ++i) {
                QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
                QWidget* now = QApplication::focusWidget();
                if (!page.view.inputs()->isAncestorOf(now)) {
                    auto* b = qobject_cast<QAbstractButton*>(now);
                    after << (b ? b->text() : QString::fromLatin1(now->metaObject()->className()));
                }
            }
            QCOMPARE(after, QStringList({QStringLiteral("&Check (Enter)"),
                                         QStringLiteral("Same e&xercise again"),
                                         QStringLiteral("&Next")}));
            page.view.next();
        }
    }

    // Two groups of choices: the first number key picks in the first, the next in the second,
    // and the focus goes to the button picked (the arrow keys go on from there).
    void numberKeysFillTheGroupsInTurnAndTakeTheFocus() {
        Page page;
        page.view.start(QStringLiteral("lsm"), Level::Easy, 6, 12);
        QVERIFY(page.reach("tombstone-drop"));
        const Exercise e = *page.view.current();
        QCOMPARE(e.fields.size(), std::size_t(2));
        QTest::keyClick(&page.view, Qt::Key_2);
        QVERIFY(page.view.window()->focusWidget());
        QTest::keyClick(page.view.window()->focusWidget(), Qt::Key_1);
        QString problem;
        const auto picked = page.view.inputs()->submission(problem);
        QVERIFY2(picked, qPrintable(problem));
        QCOMPARE((*picked)["drop"].get<std::string>(), e.fields[0].options[1]);
        QCOMPARE((*picked)["why"].get<std::string>(), e.fields[1].options[0]);
        auto* focus = qobject_cast<QAbstractButton*>(page.view.window()->focusWidget());
        QVERIFY(focus && focus->isChecked());
        QCOMPARE(focus->accessibleName(), q(e.fields[1].options[0]));
    }

    // On the picture: the tables a get reads clicked in order, the B-Tree's keys clicked into
    // the keys that move up.
    void tablesAndKeysAreClickedOnThePicture() {
        Page page;
        page.view.start(QStringLiteral("lsm"), Level::Hard, 3, 500);
        QVERIFY(page.reach("get-reads"));
        const Exercise e = *page.view.current();
        fg::PracticeFigure* figure = page.view.figure();
        figure->grab(); // painted: where each table is drawn is known
        for (const auto& id : e.answer["reads"]) {
            const QRectF box = figure->tableBox(q(id.get<std::string>()));
            QVERIFY2(!box.isEmpty(), id.dump().c_str());
            QTest::mouseClick(figure, Qt::LeftButton, {}, box.center().toPoint());
        }
        enter(page.view.inputs(), {e.fields.back()}, e.answer); // what the read finds
        QTest::keyClick(&page.view, Qt::Key_Return);
        QVERIFY2(page.view.feedbackText().startsWith(QStringLiteral("\u2714 Right.")),
                 qPrintable(page.view.feedbackText()));

        page.view.start(QStringLiteral("btree"), Level::Medium, 3, 66);
        QVERIFY(page.reach("insert"));
        figure->grab();
        const json& root = page.view.figure()->treeBefore()["keys"];
        QVERIFY(!root.empty());
        const qint64 first = root[0].get<qint64>(), last = root.back().get<qint64>();
        QTest::mouseClick(figure, Qt::LeftButton, {}, figure->keyCell(first).center().toPoint());
        QTest::mouseClick(figure, Qt::LeftButton, {}, figure->keyCell(last).center().toPoint());
        QLineEdit* promoted = page.view.inputs()->findChildren<QLineEdit*>().front();
        QCOMPARE(promoted->text(), first == last ? QStringLiteral("%1, %1").arg(first)
                                                 : QStringLiteral("%1, %2").arg(first).arg(last));

        // A search's path: a click on any key of a node names the node ("[82 98]").
        page.view.start(QStringLiteral("btree"), Level::Hard, 3, 66);
        QVERIFY(page.reach("path"));
        const Exercise path = *page.view.current();
        figure->grab();
        for (const auto& node : path.answer["path"]) {
            const QStringList keys = q(node.get<std::string>())
                                         .remove(QLatin1Char('['))
                                         .remove(QLatin1Char(']'))
                                         .split(QLatin1Char(' '));
            const QRectF cell = figure->keyCell(keys.back().toLongLong());
            QVERIFY2(!cell.isEmpty(), node.dump().c_str());
            QTest::mouseClick(figure, Qt::LeftButton, {}, cell.center().toPoint());
        }
        enter(page.view.inputs(), {path.fields.back()}, path.answer); // found or not
        QTest::keyClick(&page.view, Qt::Key_Return);
        QVERIFY2(page.view.feedbackText().startsWith(QStringLiteral("\u2714 Right.")),
                 qPrintable(page.view.feedbackText()));
    }

    // A group's partitions dragged onto its members in the picture; a rebalance starts from the
    // group before the change.
    void partitionsAreDraggedOntoMembers() {
        Page page;
        page.view.start(QStringLiteral("kafka"), Level::Easy, 4, 11);
        QVERIFY(page.reach("assignment"));
        const Exercise e = *page.view.current();
        fg::PracticeFigure* figure = page.view.figure();
        for (const auto& [member, words] : e.answer["assignment"].items()) {
            for (const auto& w : words) {
                figure->grab();
                const QPoint from = figure->chipBox(q(w.get<std::string>())).center().toPoint();
                const QPoint to = figure->memberBox(q(member)).center().toPoint();
                QVERIFY(!from.isNull() && !to.isNull());
                QTest::mousePress(figure, Qt::LeftButton, {}, from);
                QMouseEvent move(QEvent::MouseMove, to, figure->mapToGlobal(to), Qt::NoButton,
                                 Qt::LeftButton, {});
                QApplication::sendEvent(figure, &move);
                QTest::mouseRelease(figure, Qt::LeftButton, {}, to);
            }
        }
        QCOMPARE(page.view.inputs()->assignment().size(),
                 static_cast<qsizetype>(e.fields.front().words.size()));
        QTest::keyClick(&page.view, Qt::Key_Return);
        QVERIFY2(page.view.feedbackText().startsWith(QStringLiteral("\u2714 Right.")),
                 qPrintable(page.view.feedbackText()));

        page.view.start(QStringLiteral("kafka"), Level::Medium, 4, 11);
        QVERIFY(page.reach("rebalance"));
        const Exercise r = *page.view.current();
        const auto before = page.view.inputs()->assignment();
        for (const auto& [member, words] : r.given["before"].items()) {
            for (const auto& w : words) {
                const bool stays =
                    std::find(r.fields.front().options.begin(), r.fields.front().options.end(),
                              member) != r.fields.front().options.end();
                QCOMPARE(before.value(q(w.get<std::string>())), stays ? q(member) : QString());
            }
        }
    }

    void anAnswerThatCannotBeReadIsAHintNotAGrade() {
        Page page;
        page.view.start(QStringLiteral("btree"), Level::Easy, 3, 5);
        QVERIFY(page.reach("insert"));
        auto* tree = page.view.inputs()->findChildren<QLineEdit*>().back();
        tree->setText(QStringLiteral("[10 20] ([5]"));
        QTest::keyClick(&page.view, Qt::Key_Return);
        QVERIFY(!page.view.isChecked());
        QVERIFY2(page.view.feedbackText().startsWith(QStringLiteral("The tree after the insert: "
                                                                    "expected \")\"")),
                 qPrintable(page.view.feedbackText()));
        QCOMPARE(page.store.practiceTallies().size(), 0);
        // The tree input starts as the tree before the insert, in the notation.
        page.view.sameAgain();
        tree = page.view.inputs()->findChildren<QLineEdit*>().back();
        QCOMPARE(tree->text(), q(fg::practice::treeText(page.view.figure()->treeBefore())));
    }

    // A tester on a laptop: Enter checked the answer, and the verdict and the engine's answer
    // stayed below the window's edge (the page was scrolled before the feedback had its
    // height). After a check the verdict's first line is in view.
    // So is a hint that the answer is not complete ("pick one": Enter seemed to do nothing,
    // tester 41).
    void theVerdictComesIntoViewAfterACheck() {
        Page page;
        page.view.resize(900, 420);
        page.view.start(QStringLiteral("btree"), Level::Easy, 3, 5);
        QVERIFY(page.reach("insert"));
        const auto feedbackOf = [](const QWidget& view) {
            QLabel* found = nullptr;
            for (QLabel* l : view.findChildren<QLabel*>()) {
                found = l->accessibleDescription() == QLatin1String("Feedback") ? l : found;
            }
            return found;
        };
        QLabel* feedback = feedbackOf(page.view);
        QVERIFY(feedback);
        QScrollArea* scroll = page.view.findChild<QScrollArea*>();
        QVERIFY(scroll);
        const auto inView = [&](const QString& what) {
            QCoreApplication::processEvents();
            QTest::qWait(50);
            const QRect shown = scroll->viewport()->rect();
            const QPoint top = feedback->mapTo(scroll->viewport(), QPoint(0, 0));
            const int line = feedback->fontMetrics().lineSpacing();
            QVERIFY2(top.y() >= 0 && top.y() + 2 * line <= shown.height(),
                     qPrintable(QStringLiteral("%1: the feedback's top at %2 px in a view %3 px "
                                               "high")
                                    .arg(what)
                                    .arg(top.y())
                                    .arg(shown.height())));
        };
        auto* tree = page.view.inputs()->findChildren<QLineEdit*>().back();
        tree->setText(QStringLiteral("[1]")); // wrong: the verdict and the engine's answer
        QTest::keyClick(&page.view, Qt::Key_Return);
        QVERIFY(page.view.isChecked());
        inView(QStringLiteral("the verdict"));

        Page hinted; // a slot out of range: a hint, not graded
        hinted.view.resize(900, 420);
        hinted.view.start(QStringLiteral("hashslot"), Level::Easy, 3, 5);
        QVERIFY(hinted.reach("slot-of-key"));
        hinted.view.inputs()->findChildren<QLineEdit*>().front()->setText(QStringLiteral("99999"));
        feedback = feedbackOf(hinted.view);
        scroll = hinted.view.findChild<QScrollArea*>();
        QVERIFY(feedback && scroll);
        scroll->verticalScrollBar()->setValue(0);
        QTest::keyClick(&hinted.view, Qt::Key_Return);
        QVERIFY(!hinted.view.isChecked());
        inView(QStringLiteral("the hint"));
    }

    // A number no answer can be (slot 99999) is a typing slip: said, not graded.
    void aNumberOutsideTheFieldsRangeIsAHint() {
        Page page;
        page.view.start(QStringLiteral("hashslot"), Level::Easy, 3, 5);
        QVERIFY(page.reach("slot-of-key"));
        auto* slot = page.view.inputs()->findChildren<QLineEdit*>().front();
        slot->setText(QStringLiteral("99999"));
        QTest::keyClick(&page.view, Qt::Key_Return);
        QVERIFY(!page.view.isChecked());
        QCOMPARE(page.view.feedbackText(),
                 QStringLiteral("Slot (0 to 16383): 99999 cannot be right: it is 0 to 16383."));
        slot->setText(QStringLiteral("12345678901234567890123"));
        QTest::keyClick(&page.view, Qt::Key_Return);
        QVERIFY(!page.view.isChecked());
        QCOMPARE(page.view.feedbackText(),
                 QStringLiteral("Slot (0 to 16383): 12345678901234567890123 is far too large."));
        QCOMPARE(page.store.practiceTallies().size(), 0);
        slot->setText(QStringLiteral("16383"));
        QTest::keyClick(&page.view, Qt::Key_Return);
        QVERIFY(page.view.isChecked()); // the last slot is graded
    }

    // Where no live diagram replays the exercise, Show me plays the engine's walkthrough on the
    // page: a step at a time, what it looks at marked on the picture, the answer settled so far
    // drawn (the partitions dealt, the tables read), its steps also under "What the engine did".
    void showMePlaysTheWalkthroughOnThePicture() {
        int played = 0;
        for (const auto& t : fg::practice::exerciseTypes()) {
            Page page;
            page.view.start(QString::fromUtf8(t.engine), Level::Medium, 20, 31);
            if (!page.reach(t.type)) {
                continue;
            }
            const Exercise e = *page.view.current();
            if (fg::practice::showMe(e)) {
                continue; // the live diagram plays it (showMeAsksForTheDiagramAndItsScenario)
            }
            const auto steps = fg::practice::walkthrough(e);
            QVERIFY2(!steps.empty(), t.type); // no exercise without a Show me
            ++played;
            QSignalSpy live(&page.view, &fg::PracticeView::showMeRequested);
            enter(page.view.inputs(), e.fields, e.answer);
            page.view.check();
            QVERIFY2(page.view.feedbackText().contains(QStringLiteral("What the engine did:\n1. ") +
                                                       q(steps[0].text)),
                     qPrintable(page.view.feedbackText()));
            auto* showMe = buttonNamed(&page.view, QStringLiteral("Sh&ow me"));
            QVERIFY(showMe && showMe->isEnabled());
            QTest::mouseClick(showMe, Qt::LeftButton);
            QCOMPARE(live.count(), 0); // played here
            fg::WalkPlayer* walk = page.view.walkPlayer();
            QVERIFY(walk->isVisible());
            QCOMPARE(walk->at(), 0);
            QVERIFY(walk->text().startsWith(QStringLiteral("Step 1 of %1: ").arg(steps.size())));
            QStringList marks;
            for (const auto& m : steps[0].marks) {
                marks << q(m);
            }
            QCOMPARE(page.view.figure()->marks(), marks);
            for (std::size_t i = 1; i < steps.size(); ++i) {
                QTest::keyClick(&page.view, Qt::Key_Right);
            }
            QCOMPARE(walk->at(), int(steps.size()) - 1);
            QVERIFY(!walk->isPlaying());      // the last step stays
            if (e.answer.contains("reads")) { // the tables the get read, in order
                QStringList reads;
                for (const auto& r : e.answer["reads"]) {
                    reads << q(r.get<std::string>());
                }
                QCOMPARE(page.view.figure()->pickedWords(), reads);
            }
            if (e.answer.contains("assignment")) { // every partition on its member
                int placed = 0;
                for (const auto& [member, words] : e.answer["assignment"].items()) {
                    for (const auto& w : words) {
                        QCOMPARE(page.view.figure()->assignment().value(q(w.get<std::string>())),
                                 q(member));
                        ++placed;
                    }
                }
                QCOMPARE(page.view.figure()->assignment().size(), placed);
            }
            QTest::keyClick(&page.view, Qt::Key_Left);
            QCOMPARE(walk->at(), std::max(0, int(steps.size()) - 2));
            page.view.next(); // the next question starts with no walkthrough on screen
            QVERIFY(walk->isHidden());
            QVERIFY(page.view.figure()->marks().isEmpty());
        }
        QVERIFY(played >= 5); // lsm (3 types), tombstone-drop, the time-series types...
    }

    void theSameSeedAsksTheSameQuestions() {
        Page a, b;
        a.view.start(QStringLiteral("mixed"), Level::Hard, 5, 1234);
        b.view.start(QStringLiteral("mixed"), Level::Hard, 5, 1234);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(q(a.view.current()->prompt), q(b.view.current()->prompt));
            QCOMPARE(a.view.current()->seed, 1234u + static_cast<unsigned>(i));
            a.view.check();
            a.view.next();
            b.view.check();
            b.view.next();
        }
        QVERIFY(a.view.isFinished());
        QVERIFY2(a.view.summaryText().contains(QStringLiteral("seed 1234")),
                 qPrintable(a.view.summaryText()));
    }

    void aTimeLimitEndsTheSession() {
        Page page;
        page.view.start(QStringLiteral("kafka"), Level::Easy, 10, 3, 1);
        QVERIFY(!page.view.isFinished());
        QTRY_VERIFY_WITH_TIMEOUT(page.view.isFinished(), 3000);
        QVERIFY(page.view.summaryText().startsWith(QStringLiteral("0 of 10 right (0 answered)")));
    }

    // A tester's timed session ended while Show me played the engine's answer. The time limit
    // counts the time spent answering: it stops at a check and goes on at the next question.
    void theTimeLimitStopsWhileTheAnswerIsRead() {
        Page page;
        page.view.start(QStringLiteral("kafka"), Level::Easy, 10, 3, 1);
        page.view.check(); // at once: a verdict (right or not) to read
        QVERIFY(page.view.isChecked());
        QTest::qWait(1500); // past the limit, reading
        QVERIFY(!page.view.isFinished());
        page.view.next();
        QTRY_VERIFY_WITH_TIMEOUT(page.view.isFinished(), 3000);
        QVERIFY2(
            page.view.summaryText().startsWith(QStringLiteral("0 of 10 right (1 answered)")) ||
                page.view.summaryText().startsWith(QStringLiteral("1 of 10 right (1 answered)")),
            qPrintable(page.view.summaryText()));
    }

    // A tester's "Practice this" on the time-series diagram chose the topic and left the
    // Kafka question on screen, its verdict too. The diagram's topic starts at once; a session
    // under way on another topic is dropped only when the student says so.
    void practiceThisStartsTheDiagramsTopicOrAsks() {
        Page page;
        page.view.start(QStringLiteral("kafka"), Level::Easy, 5, 3);
        page.view.check();
        page.view.next(); // one answered: a session under way
        QVERIFY(page.view.inSession());
        const fg::practice::Exercise* before = page.view.current();
        page.view.practiseTopic(QStringLiteral("kafka")); // its own topic: it goes on
        QCOMPARE(page.view.current(), before);
        const auto answer = [](QMessageBox::StandardButton which) {
            QTimer::singleShot(200, qApp, [which] {
                if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                    box->button(which)->click();
                }
            });
        };
        answer(QMessageBox::No);
        page.view.practiseTopic(QStringLiteral("btree"));
        QCOMPARE(page.view.current(), before); // No: the Kafka session goes on
        answer(QMessageBox::Yes);
        page.view.practiseTopic(QStringLiteral("btree"));
        QVERIFY(page.view.current());
        QCOMPARE(page.view.current()->engine, std::string("btree"));
        QVERIFY(!page.view.isChecked());
    }

    void missedTypesAreListedAndComeBackForReview() {
        Page page;
        page.view.start(QStringLiteral("downsample"), Level::Easy, 3, 9);
        for (int i = 0; i < 2; ++i) {
            const Exercise e = *page.view.current();
            enter(page.view.inputs(), e.fields, wrongAnswer(e));
            page.view.check();
            QVERIFY2(page.view.feedbackText().startsWith(QStringLiteral("\u2718 Not right.")),
                     qPrintable(page.view.feedbackText()));
            page.view.next();
        }
        enter(page.view.inputs(), page.view.current()->fields, page.view.current()->answer);
        page.view.check();
        page.view.next();
        page.view.setTopic(QStringLiteral("kafka")); // chosen, not started
        QVERIFY(page.view.isFinished());
        QVERIFY2(page.view.summaryText().contains(QStringLiteral("Missed:")),
                 qPrintable(page.view.summaryText()));
        QCOMPARE(page.store.practiceReview().dueCount(1000), 2);
        page.view.startReview();
        QCOMPARE(page.view.questionCount(), 2);
        QVERIFY(!page.view.isFinished());
        // The Topic box names what is asked; Questions keeps the student's count.
        QCOMPARE(page.view.choices().topic, QStringLiteral("downsample"));
        QCOMPARE(page.view.choices().count, 3);
    }

    void showMeAsksForTheDiagramAndItsScenario() {
        Page page;
        page.view.start(QStringLiteral("btree"), Level::Medium, 3, 21);
        QVERIFY(page.reach("insert"));
        QSignalSpy spy(&page.view, &fg::PracticeView::showMeRequested);
        // Show me plays the answer: not before the answer is checked.
        QVERIFY(!buttonNamed(&page.view, QStringLiteral("Sh&ow me"))->isEnabled());
        QTest::mouseClick(buttonNamed(&page.view, QStringLiteral("Sh&ow me")), Qt::LeftButton);
        QCOMPARE(spy.count(), 0);
        page.view.check();
        QVERIFY(page.view.isChecked());
        QTest::mouseClick(buttonNamed(&page.view, QStringLiteral("Sh&ow me")), Qt::LeftButton);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("btree"));
        const json scenario = json::parse(spy.at(0).at(1).toByteArray().toStdString());
        const Exercise& e = *page.view.current();
        QCOMPARE(scenario["ops"].size(), e.given["keys"].size() + 1);
        QCOMPARE(scenario["ops"].back()["key"].get<int>(), e.given["insert"].get<int>());
        QVERIFY(spy.at(0).at(2).toInt() > 0);
    }

    // My progress: practice by topic and type, with when review brings each type back.
    void myProgressShowsPracticeByTopicAndType() {
        QTemporaryDir dir;
        fg::ProgressStore store(dir.filePath("progress.json"));
        const long today = static_cast<long>(QDate::currentDate().toJulianDay());
        store.recordPractice("btree/insert", true, today);
        store.recordPractice("btree/insert", false, today);
        store.recordPractice("kafka/assignment", true, today);
        const fg::Course course;
        fg::ProgressView view;
        view.setData(&course, nullptr, &store);
        QTreeWidgetItem* practice = view.tree()->topLevelItem(view.tree()->topLevelItemCount() - 1);
        QCOMPARE(practice->text(0), QStringLiteral("Practice (Study > Practice): 2 of 3 right"));
        // The chapters' column titles (Read, Quiz) are titled anew for the practice rows.
        QCOMPARE(practice->text(1), QStringLiteral("Next review"));
        QCOMPARE(practice->text(2), QStringLiteral("Right answers"));
        QCOMPARE(practice->childCount(), 2); // the topics tried, in the Practice page's order
        QCOMPARE(practice->child(0)->text(0), QStringLiteral("Kafka"));
        QCOMPARE(practice->child(0)->child(0)->text(1), QStringLiteral("in 1 day"));
        QCOMPARE(practice->child(1)->text(0),
                 QStringLiteral("B-Tree (textbook: keys in every node)"));
        QCOMPARE(practice->child(1)->text(2), QStringLiteral("1 of 2 right"));
        QCOMPARE(practice->child(1)->child(0)->text(1), QStringLiteral("due today"));
        QVERIFY2(view.summaryText().contains(
                     QStringLiteral("Practice: 2 of 3 answers right; 1 exercise type due")),
                 qPrintable(view.summaryText()));
    }

    // Two numbers in a list are two numbers; a pair inside a list is a run ("0 to 4095"), a run
    // of one slot its number ("2829 to 2829" read oddly: tester 41).
    void givenListsAndRunsReadApart() {
        Exercise e;
        e.given = {{"draws", {2, 1}},
                   {"masters", nlohmann::ordered_json::array(
                                   {{{"master", 0}, {"slots", {{0, 4095}, {2829, 2829}}}}})}};
        QTextDocument doc;
        doc.setHtml(fg::givenHtml(e));
        const QString text = doc.toPlainText();
        QVERIFY2(text.contains(QStringLiteral("draws: 2, 1")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("0 to 4095, 2829")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("2829 to")), qPrintable(text));
    }

    // A teacher's worksheet: the exercises, then the answer key from a page of its own; every
    // page counted by the PDF itself. FG_SAVE_FIGURES=<dir> keeps the PDF to look at.
    void aWorksheetHasTheExercisesThenTheKeyOnItsOwnPages() {
        QTemporaryDir dir;
        const QString out =
            qEnvironmentVariableIsEmpty("FG_SAVE_FIGURES")
                ? dir.filePath("worksheet.pdf")
                : QDir(qEnvironmentVariable("FG_SAVE_FIGURES")).filePath("worksheet.pdf");
        const auto exercises =
            fg::practice::makeSession(fg::practice::typesOf("mixed"), Level::Medium, 8, 1234);
        fg::WorksheetPages pages;
        QVERIFY(fg::exportWorksheetPdf(exercises, "All topics, medium, seed 1234", out, &pages));
        QVERIFY2(pages.exercises >= 2 && pages.key >= 1,
                 qPrintable(QString("%1 + %2").arg(pages.exercises).arg(pages.key)));
        QFile pdf(out);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray bytes = pdf.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        // Qt's writer lists every page object as "/Type /Page" (and the tree as "/Pages").
        QCOMPARE(bytes.count("/Type /Page\n") + bytes.count("/Type /Page\r") +
                     bytes.count("/Type /Page "),
                 static_cast<qsizetype>(pages.exercises + pages.key));

        // An unwritable place: a failure that names it, and nothing written.
        const QString blocked = dir.filePath("no-such-folder/worksheet.pdf");
        const fg::Status s = fg::exportWorksheetPdf(exercises, "x", blocked);
        QVERIFY(!s);
        QVERIFY(!QFile::exists(blocked));
    }
};

FG_TEST_MAIN(TestPracticeView)
#include "test_practice_view.moc"
