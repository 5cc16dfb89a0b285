// Practice with the keyboard and the eyes of a tester: a B-Tree's nodes to pick are one Tab stop,
// the arrows moving among them and Space picking; after a wrong answer the right master is marked
// in words and in a colour that stands out, on the slots and in the row of buttons (not greyed
// like the others).
#include "engines/redis/slot_ranges.h"
#include "models/theme/theme.h"
#include "tests/suite_main.h"
#include "tests/widgets/accessibility_test_support.h"
#include "tests/widgets/study/practice_page.h"
#include "widgets/practice/answer_inputs.h"
#include "widgets/practice/practice_figure.h"
#include "widgets/practice/practice_view.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QToolTip>

using fg::practice::AnswerField;
using fg::practice::Level;

namespace practice_keys {

// The buttons of the word list (a tree's nodes) on the page.
QList<QAbstractButton*> wordButtons(fg::AnswerInputs* inputs, const AnswerField& f) {
    QList<QAbstractButton*> out;
    for (auto* b : inputs->findChildren<QAbstractButton*>()) {
        for (const auto& w : f.options) {
            if (b->text() == QString::fromStdString(w)) {
                out << b;
            }
        }
    }
    return out;
}

// The most contrast any pixel of `image` has against `ground`.
qreal strongestAgainst(const QImage& image, const QColor& ground) {
    qreal best = 1;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            best = std::max(best, fg::contrastRatio(image.pixelColor(x, y), ground));
        }
    }
    return best;
}

// The seed box: the field its "Seed number" label names.
QLineEdit* seedBox(fg::PracticeView& view) {
    for (auto* label : view.findChildren<QLabel*>()) {
        if (label->text().contains(QLatin1String("Seed"))) {
            return qobject_cast<QLineEdit*>(label->buddy());
        }
    }
    return nullptr;
}

} // namespace practice_keys

class TestPracticeKeys : public QObject {
    Q_OBJECT
private slots:
    // Each of a tree's eleven node buttons was a Tab stop of its own, and a tester's Tab then
    // Space added the next node to the answer unawares. One stop, the arrows inside, Space picks.
    // A question's own seed can be typed back into the seed box, up to what the command
    // line's --seed takes (a 15-digit seed's second question said "seed 1000000000000000",
    // which the box refused: tester 43); a longer number is refused.
    void everySeedTheQuestionsShowCanBeTypedBack() {
        practice_test::Page page;
        QLineEdit* seed = practice_keys::seedBox(page.view);
        QVERIFY(seed);
        page.view.start(QStringLiteral("btree"), Level::Easy, 3, 999'999'999'999'999);
        page.view.check();
        page.view.next();
        const QString shown = QString::number(page.view.current()->seed);
        QCOMPARE(shown, QStringLiteral("1000000000000000"));
        seed->clear();
        QTest::keyClicks(seed, shown);
        QCOMPARE(seed->text(), shown);
        seed->clear();
        QTest::keyClicks(seed, QStringLiteral("92233720368547758071"));
        QCOMPARE(seed->text(), QStringLiteral("9223372036854775807"));
    }

    // Tester 44 #9: a 30-digit seed typed into the box started as its first 19 digits, said by
    // a passing tooltip alone (the command line refuses it). Start says what the box kept and
    // starts only when asked again; an edit makes the box's number the one typed again.
    void aSeedCutToNineteenDigitsIsSaidBeforeItStarts() {
        practice_test::Page page;
        QLineEdit* seed = practice_keys::seedBox(page.view);
        QVERIFY(seed);
        seed->clear();
        QTest::keyClicks(seed, QStringLiteral("123456789012345678901234567890"));
        QCOMPARE(seed->text(), QStringLiteral("1234567890123456789"));
        page.view.start();
        QVERIFY(!page.view.current()); // not started: said first
        page.view.start();
        QVERIFY(page.view.current());
        QCOMPARE(page.view.current()->seed, 1234567890123456789ULL);
        // Cut, then edited: the box holds what was typed, and Start takes it at once.
        seed->clear();
        QTest::keyClicks(seed, QStringLiteral("11111111111111111111"));
        QTest::keyClick(seed, Qt::Key_Backspace);
        QTest::keyClicks(seed, QStringLiteral("2"));
        page.view.start();
        QVERIFY(page.view.current());
        QCOMPARE(page.view.current()->seed, 1111111111111111112ULL);
    }

    // Tester 47: 9223372036854775808 (19 digits, one over the most) did not start and was told
    // "A seed has at most 19 digits: the rest was not taken". It is told what it is.
    void aSeedOverTheMostIsSaidToBeLarger() {
        practice_test::Page page;
        QLineEdit* seed = practice_keys::seedBox(page.view);
        QVERIFY(seed);
        seed->clear();
        QTest::keyClicks(seed, QStringLiteral("9223372036854775808"));
        page.view.start();
        QVERIFY(!page.view.current());
        QVERIFY2(QToolTip::text().contains(QLatin1String("9223372036854775808 is larger")),
                 qPrintable(QToolTip::text()));
        QVERIFY(!QToolTip::text().contains(QLatin1String("19 digits")));
    }

    void treeNodesAreOneTabStop() {
        practice_test::Page page;
        FG_ACTIVATE_OR_SKIP(&page.view);
        page.view.start(QStringLiteral("btree"), Level::Hard, 3, 66);
        QVERIFY(page.reach("path"));
        const auto& fields = page.view.current()->fields;
        const auto list = std::find_if(fields.begin(), fields.end(), [](const AnswerField& f) {
            return f.kind == AnswerField::Kind::WordList;
        });
        QVERIFY(list != fields.end());
        const QList<QAbstractButton*> nodes = practice_keys::wordButtons(page.view.inputs(), *list);
        QVERIFY2(nodes.size() >= 3, qPrintable(QString::number(nodes.size())));
        QTRY_VERIFY(nodes[1]->geometry().left() > nodes[0]->geometry().right()); // laid out
        nodes.front()->setFocus(Qt::TabFocusReason);
        // Right moves among the nodes and picks nothing; Space picks the one with the focus.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right);
        QCOMPARE(QApplication::focusWidget(), nodes[1]);
        QVERIFY(std::none_of(nodes.begin(), nodes.end(), [](auto* b) { return b->isChecked(); }));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QVERIFY(nodes[1]->isChecked());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Left);
        QCOMPARE(QApplication::focusWidget(), nodes[0]);
        // One Tab leaves the nodes; Shift+Tab comes back to the node last on.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QVERIFY2(!nodes.contains(QApplication::focusWidget()),
                 qPrintable(QApplication::focusWidget()->objectName()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
        QCOMPARE(QApplication::focusWidget(), nodes[0]);
        // A Space there picks that node, not another.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QVERIFY(nodes[0]->isChecked() && nodes[1]->isChecked());
        QCOMPARE(std::count_if(nodes.begin(), nodes.end(), [](auto* b) { return b->isChecked(); }),
                 2);
    }

    // The masters' buttons: one Tab stop too, the arrows moving among them without picking.
    void choiceArrowsMoveWithoutPicking() {
        practice_test::Page page;
        FG_ACTIVATE_OR_SKIP(&page.view);
        page.view.start(QStringLiteral("hashslot"), Level::Medium, 10, 77);
        QVERIFY(page.reach("owner-of-key"));
        QList<QAbstractButton*> masters;
        for (auto* b : page.view.inputs()->findChildren<QAbstractButton*>()) {
            masters << (b->accessibleName().startsWith(QStringLiteral("master ")) ? b : nullptr);
        }
        masters.removeAll(nullptr);
        QVERIFY(masters.size() >= 3);
        QTRY_VERIFY(masters[1]->geometry().left() > masters[0]->geometry().right());
        masters[0]->setFocus(Qt::TabFocusReason);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right);
        QCOMPARE(QApplication::focusWidget(), masters[2]);
        QCOMPARE(page.view.inputs()->pickedChoice(), -1);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QCOMPARE(page.view.inputs()->pickedChoice(), 2);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QVERIFY(!masters.contains(QApplication::focusWidget()));
    }

    // After a wrong pick the right master was outlined in dark teal on its dark-blue run and its
    // button greyed like the others (a tester). Both say "right answer" in words now, in a
    // colour that stands 3:1 at least on what it is drawn on, in every theme.
    void theRightAnswerIsMarkedAfterAWrongOne_data() {
        QTest::addColumn<int>("theme");
        QTest::newRow("light") << 0;
        QTest::newRow("dark") << 1;
        QTest::newRow("projector") << 2;
    }

    void theRightAnswerIsMarkedAfterAWrongOne() {
        QFETCH(int, theme);
        const fg::Theme t = theme == 0   ? fg::Theme::light()
                            : theme == 1 ? fg::Theme::dark()
                                         : fg::Theme::projector();
        practice_test::Page page(t);
        page.view.start(QStringLiteral("hashslot"), Level::Medium, 10, 77);
        QVERIFY(page.reach("owner-of-key"));
        const auto& e = *page.view.current();
        const int right = e.answer["master"].get<int>();
        const int masters = e.given["masters"].get<int>();
        const int wrong = (right + 1) % masters;
        QTest::keyClick(&page.view, static_cast<Qt::Key>(Qt::Key_1 + wrong));
        QTest::keyClick(&page.view, Qt::Key_Return);
        QVERIFY(page.view.isChecked());
        // The row of buttons: the right one in full colour, saying so.
        QAbstractButton* rightButton = nullptr;
        for (auto* b : page.view.inputs()->findChildren<QAbstractButton*>()) {
            if (b->accessibleName().startsWith(QStringLiteral("master %1 ").arg(right))) {
                rightButton = b;
            }
        }
        QVERIFY(rightButton);
        QVERIFY(rightButton->isEnabled());
        QVERIFY2(rightButton->text().endsWith(QStringLiteral("\u2713 right answer")),
                 qPrintable(rightButton->text()));
        QVERIFY(rightButton->font().bold());
        const QImage face = rightButton->grab().toImage();
        const QColor ground = face.pixelColor(face.width() / 2, 3);
        QVERIFY2(practice_keys::strongestAgainst(face, ground) >= 3.0,
                 qPrintable(QString::number(practice_keys::strongestAgainst(face, ground))));
        // The wrong pick is not filled with the selection's colour (it read as the chosen,
        // "primary" button, louder than the right answer: a tester); it says it was the pick and
        // is drawn in the theme's colour for wrong, as the figure marks it.
        QAbstractButton* pickButton = nullptr;
        for (auto* b : page.view.inputs()->findChildren<QAbstractButton*>()) {
            if (b->accessibleName().startsWith(QStringLiteral("master %1 ").arg(wrong))) {
                pickButton = b;
            }
        }
        QVERIFY(pickButton && pickButton->isChecked());
        QVERIFY2(pickButton->text().endsWith(QStringLiteral("\u2718 your answer")),
                 qPrintable(pickButton->text()));
        const QImage pickFace = pickButton->grab().toImage();
        const QColor selection = pickButton->palette().color(QPalette::Highlight);
        const QColor wrongTone = t.readableOn(t.bad, pickButton->palette().color(QPalette::Button));
        int selected = 0, inWrongTone = 0;
        for (int y = 0; y < pickFace.height(); ++y) {
            for (int x = 0; x < pickFace.width(); ++x) {
                const QColor c = pickFace.pixelColor(x, y);
                selected += fg::contrastRatio(c, selection) < 1.05 ? 1 : 0;
                inWrongTone += fg::contrastRatio(c, wrongTone) < 1.1 ? 1 : 0;
            }
        }
        const int area = pickFace.width() * pickFace.height();
        QVERIFY2(selected < area / 20,
                 qPrintable(QStringLiteral("%1 of %2").arg(selected).arg(area)));
        QVERIFY2(inWrongTone > 40, qPrintable(QString::number(inWrongTone)));
        QVERIFY(fg::contrastRatio(wrongTone, pickButton->palette().color(QPalette::Button)) >= 3.0);
        // On the slots: the words under the right master's run, drawn in a colour at least 3:1
        // on the page, and a screen reader is told.
        fg::PracticeFigure* figure = page.view.figure();
        const QImage picture = figure->grab().toImage();
        const auto& marks = figure->answerMarks();
        const auto mark = std::find_if(marks.begin(), marks.end(), [](const auto& m) {
            return m.text == QStringLiteral("\u2713 right answer");
        });
        QVERIFY(mark != marks.end());
        QVERIFY(fg::contrastRatio(mark->colour, t.background) >= 3.0);
        const auto runs = fg::redis::clusterCreateRanges(masters);
        const auto& run = runs[static_cast<std::size_t>(right)];
        const int line = figure->fontMetrics().height();
        const double barLeft = line, barWidth = figure->width() - 2 * line;
        const double x0 = barLeft + barWidth * run.first / 16384;
        const double x1 = barLeft + barWidth * (run.second + 1) / 16384;
        QVERIFY2(
            mark->box.center().x() >= x0 - 1 && mark->box.center().x() <= x1 + 1,
            qPrintable(
                QStringLiteral("%1 not in %2..%3").arg(mark->box.center().x()).arg(x0).arg(x1)));
        int inTone = 0; // the words really drawn, in the mark's colour
        const QRect box = mark->box.toAlignedRect().intersected(picture.rect());
        for (int y = box.top(); y <= box.bottom(); ++y) {
            for (int x = box.left(); x <= box.right(); ++x) {
                inTone += fg::contrastRatio(picture.pixelColor(x, y), mark->colour) < 1.1 ? 1 : 0;
            }
        }
        QVERIFY2(inTone > 20, qPrintable(QString::number(inTone)));
        QVERIFY(std::any_of(marks.begin(), marks.end(), [](const auto& m) {
            return m.text == QStringLiteral("\u2718 your answer");
        }));
        QAccessibleInterface* said = QAccessible::queryAccessibleInterface(figure);
        QVERIFY(said);
        QCOMPARE(said->text(QAccessible::Description),
                 QStringLiteral("The right answer: master %1").arg(right));
    }
};

FG_TEST_MAIN(TestPracticeKeys)
#include "test_practice_keys.moc"
