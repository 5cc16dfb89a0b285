// The decision tools with the keyboard alone, as a tester used them: Tab reaches the wizard's
// answers before its Back and Start over on every question; in the matrix, the focused cell's
// reason is written under the table (and told to a screen reader) as the arrows move, and Enter
// on a store's cell opens its chapter.
#include "models/course/content_loader.h"
#include "tests/suite_main.h"
#include "tests/widgets/accessibility_test_support.h"
#include "widgets/controls/button_keys.h"
#include "widgets/decision/decision_views.h"
#include "widgets/diagrams/diagram_registry.h"

#include <QAccessible>
#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QVBoxLayout>

namespace decision_keys {

const char* kWizard = ":/content/tools/wizard.json";
const char* kMatrix = ":/content/tools/matrix.json";

// The wizard's buttons Tab reaches from the page itself, in order, until the focus leaves it.
QList<QPushButton*> tabbedButtons(QWidget* page) {
    QList<QPushButton*> out;
    page->setFocus();
    for (int i = 0; i < 20; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        auto* b = qobject_cast<QPushButton*>(QApplication::focusWidget());
        if (!b || !page->isAncestorOf(b) || out.contains(b)) {
            break;
        }
        out << b;
    }
    return out;
}

// The matrix on screen, the keys in its table.
fg::MatrixView* shown(fg::MatrixView& view) {
    view.resize(1400, 900);
    view.show();
    view.table()->setFocus();
    return &view;
}

QString texts(const QList<QPushButton*>& buttons) {
    QStringList out;
    for (auto* b : buttons) {
        out << b->text();
    }
    return out.join(QStringLiteral(" | "));
}

} // namespace decision_keys

class TestDecisionKeys : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("fieldguide-test"));
        QCoreApplication::setApplicationName(QStringLiteral("fieldguide-test-decision-keys"));
        QSettings().clear();
        fg::ButtonKeys::install(); // as the app does: Enter presses the focused button
        course_ = fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent);
    }

    // A tester's first Tab on the wizard went to "Start over", past both answers; fixed for the
    // first question only, the second question's first Tab went to Back. The answers come
    // first, then Back and Start over, on every question (in a window where widgets made after
    // the wizard, as the app's tabs are, follow it in the focus chain).
    void tabGoesToTheAnswersFirst() {
        std::vector<fg::ContentError> errors;
        QWidget window;
        auto* layout = new QVBoxLayout(&window);
        layout->addWidget(new QPushButton(QStringLiteral("before"), &window));
        auto* wizard =
            new fg::WizardView(fg::DecisionTree::load(decision_keys::kWizard, course_, errors));
        layout->addWidget(wizard);
        layout->addWidget(new QPushButton(QStringLiteral("after"), &window));
        window.resize(1200, 900);
        window.show();
        FG_ACTIVATE_OR_SKIP(&window);
        for (int question = 1; question <= 3 && !wizard->atResult(); ++question) {
            const QString asked = wizard->currentQuestion();
            const QList<QPushButton*> order = decision_keys::tabbedButtons(wizard);
            const int answers = int(std::count_if(
                order.begin(), order.end(), [](auto* b) { return b->text().startsWith('&'); }));
            QVERIFY2(answers >= 2, qPrintable(decision_keys::texts(order)));
            for (int i = 0; i < answers; ++i) {
                QVERIFY2(order[i]->text().startsWith(QStringLiteral("&%1").arg(i + 1)),
                         qPrintable(QStringLiteral("question %1: %2")
                                        .arg(question)
                                        .arg(decision_keys::texts(order))));
            }
            QVERIFY2(order.size() > answers &&
                         order[answers]->text() == (question == 1 ? "Start over" : "\u2190 Back"),
                     qPrintable(decision_keys::texts(order)));
            // Answered with the keyboard: Tab to the first answer, Enter.
            wizard->setFocus();
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
            QTRY_VERIFY(wizard->currentQuestion() != asked);
            // Something the app makes later joins the focus chain after the wizard.
            layout->addWidget(new QPushButton(QStringLiteral("made later"), &window));
        }
    }

    // A tester went Back to change an answer and pressed Enter: it took answer 1, where the focus
    // had landed, not the answer they had chosen there. Back (the key or the button) puts the
    // keys on the answer chosen, from a question and from the result.
    void backPutsTheKeysOnTheAnswerChosen() {
        std::vector<fg::ContentError> errors;
        const auto tree = fg::DecisionTree::load(decision_keys::kWizard, course_, errors);
        fg::WizardView view(tree);
        view.resize(1200, 900);
        view.show();
        FG_ACTIVATE_OR_SKIP(&view);
        view.setFocus();
        const auto focusedAnswer = [] {
            auto* b = qobject_cast<QPushButton*>(QApplication::focusWidget());
            return b && b->isVisible() ? b->text() : QStringLiteral("(not an answer)");
        };
        const QString first = view.currentQuestion();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_2); // no JOINs: what shape?
        const QString second = view.currentQuestion();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_3); // time-stamped events
        const QString third = view.currentQuestion();
        QVERIFY(first != second && second != third && !view.atResult());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backspace);
        QCOMPARE(view.currentQuestion(), second);
        QVERIFY2(focusedAnswer().startsWith(QStringLiteral("&3")), qPrintable(focusedAnswer()));
        // A screen reader reads the question once, with the answer the focus is on.
        int described = 0;
        for (auto* b : view.findChildren<QPushButton*>()) {
            described += !b->accessibleDescription().isEmpty();
        }
        QCOMPARE(described, 1);
        QCOMPARE(QApplication::focusWidget()->accessibleDescription(), tree.question(second)->text);
        // The Back button, clicked, does the same.
        QPushButton* back = nullptr;
        for (auto* b : view.findChildren<QPushButton*>()) {
            back = b->accessibleName() == QStringLiteral("Back") ? b : back;
        }
        QVERIFY(back);
        QTest::mouseClick(back, Qt::LeftButton);
        QCOMPARE(view.currentQuestion(), first);
        QVERIFY2(focusedAnswer().startsWith(QStringLiteral("&2")), qPrintable(focusedAnswer()));
        // Enter takes the answer chosen before, as it was (the button is pressed, then clicked).
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_COMPARE(view.currentQuestion(), second);
        QVERIFY2(focusedAnswer().startsWith(QStringLiteral("&1")), qPrintable(focusedAnswer()));
        // From the result: Back lands on the answer that led to it.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_3);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_2); // by key, across datacenters
        QVERIFY(view.atResult());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backspace);
        QCOMPARE(view.currentQuestion(), third);
        QVERIFY2(focusedAnswer().startsWith(QStringLiteral("&2")), qPrintable(focusedAnswer()));
    }

    // The matrix said "Hover a cell for the reason": with the keyboard, the reason of the cell the
    // arrows are on is written under the table, and a screen reader hears it with the cell.
    void matrixExplainsTheCellTheArrowsAreOn() {
        const auto m = matrix();
        fg::MatrixView view(m);
        FG_ACTIVATE_OR_SKIP(decision_keys::shown(view));
        QTableWidget* table = view.table();
        table->setCurrentCell(0, 0);
        QVERIFY2(view.currentReason().contains(m.requirements[0]),
                 qPrintable(view.currentReason()));
        QStringList seen;
        for (int step = 1; step <= 3; ++step) {
            QTest::keyClick(table, Qt::Key_Right);
            QCOMPARE(table->currentColumn(), step);
            const fg::MatrixCell& cell = m.cells[0][std::size_t(step - 1)];
            QVERIFY2(view.currentReason().contains(cell.explain) &&
                         view.currentReason().contains(m.stores[step - 1]),
                     qPrintable(view.currentReason()));
            seen << view.currentReason();
        }
        QTest::keyClick(table, Qt::Key_Down);
        QVERIFY2(view.currentReason().contains(m.cells[1][2].explain),
                 qPrintable(view.currentReason()));
        seen << view.currentReason();
        seen.removeDuplicates();
        QCOMPARE(seen.size(), 4);
        // Written on the page, where a screen reader finds it...
        QLabel* shown = nullptr;
        for (auto* label : view.findChildren<QLabel*>()) {
            shown = label->isVisible() && label->text() == view.currentReason() ? label : shown;
        }
        QVERIFY(shown);
        QAccessibleInterface* line = QAccessible::queryAccessibleInterface(shown);
        QVERIFY(line->text(QAccessible::Description).contains(m.cells[1][2].explain));
        // ...and told with the cell itself.
        QAccessibleInterface* grid = QAccessible::queryAccessibleInterface(table);
        QVERIFY(grid && grid->tableInterface());
        QAccessibleInterface* cell = grid->tableInterface()->cellAt(1, 3);
        QVERIFY(cell);
        QCOMPARE(cell->text(QAccessible::Description), m.cells[1][2].explain);
    }

    // Tester 36 #7: the cell the arrows were on had only a pale fill. It is ringed, on its
    // edges, in a colour 3:1 or more from the cell's fill and from the table, on a plain row, a
    // tinted one and a ticked (coloured) one; the cells around it have no ring.
    void theCurrentCellIsRinged() {
        const auto m = matrix();
        fg::MatrixView view(m);
        FG_ACTIVATE_OR_SKIP(decision_keys::shown(view));
        QTableWidget* table = view.table();
        view.setTicked(2, true);
        const QColor base = table->palette().color(QPalette::Base);
        for (const auto& [row, column] : {std::pair{0, 1}, std::pair{1, 2}, std::pair{2, 3}}) {
            table->setCurrentCell(row, column);
            const QImage shot = table->viewport()->grab().toImage();
            const QRect cell = table->visualRect(table->model()->index(row, column));
            const QColor fill = shot.pixelColor(cell.center().x(), cell.top() + 6);
            const QColor ring = shot.pixelColor(cell.center().x(), cell.top() + 1);
            const QString where = QStringLiteral("cell %1,%2: ring %3 on fill %4")
                                      .arg(row)
                                      .arg(column)
                                      .arg(ring.name(), fill.name());
            QVERIFY2(fg::contrastRatio(ring, fill) >= 3.0, qPrintable(where));
            QVERIFY2(fg::contrastRatio(ring, base) >= 3.0, qPrintable(where));
            for (const QPoint at : {QPoint(cell.center().x(), cell.bottom() - 1),
                                    QPoint(cell.left() + 1, cell.center().y()),
                                    QPoint(cell.right() - 1, cell.center().y())}) {
                QCOMPARE(shot.pixelColor(at), ring);
            }
            const QRect below = table->visualRect(table->model()->index(row + 1, column));
            QVERIFY2(shot.pixelColor(below.center().x(), below.top() + 1) != ring,
                     qPrintable(where));
        }
    }

    // Enter on a store's cell opens the store's chapter, as a double-click does; on a need, it
    // opens nothing.
    void enterOnAStoreCellOpensItsChapter() {
        const auto m = matrix();
        fg::MatrixView view(m);
        FG_ACTIVATE_OR_SKIP(decision_keys::shown(view));
        QSignalSpy link(&view, &fg::MatrixView::chapterLinkActivated);
        QTableWidget* table = view.table();
        table->setCurrentCell(2, 0);
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(link.count(), 0);
        for (int store = 1; store < table->columnCount(); ++store) {
            QTest::keyClick(table, Qt::Key_Right);
            QTest::keyClick(table, store % 2 ? Qt::Key_Return : Qt::Key_Enter);
            QCOMPARE(link.count(), store);
            QCOMPARE(link.last().at(0).toString(), m.chapterOf.at(m.stores[store - 1]));
        }
    }

private:
    fg::DecisionMatrix matrix() const {
        std::vector<fg::ContentError> errors;
        return fg::DecisionMatrix::load(decision_keys::kMatrix, course_, errors);
    }

    fg::Course course_;
};

FG_TEST_MAIN(TestDecisionKeys)
#include "test_decision_keys.moc"
