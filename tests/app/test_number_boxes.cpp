// Every number box of the app (on every diagram, simulator and tool page, and in the export
// dialogs) says what it does with a number typed outside its range. A tester typed 9999 as the
// B-Tree's order and got order 9 with no word (Qt keeps the valid prefix of what is typed);
// 99999 as a Redis slot gave 9999, 99 as a cache's popularity skew gave 9.
#include "app/main_window.h"
#include "models/course/content_loader.h"
#include "tests/app/app_test_support.h"
#include "tests/app/window_test_support.h"
#include "tests/suite_main.h"
#include "widgets/controls/range_box.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/export/animation_dialog.h"
#include "widgets/export/export_dialog.h"
#include "widgets/simulators/quorum_view.h"
#include "widgets/simulators/simulators.h"

#include <QAbstractSpinBox>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>
#include <optional>

namespace {

// A box's least and greatest values, and its value, whole or not.
struct Range {
    double lowest, highest, value;
};

Range rangeOf(QAbstractSpinBox* box) {
    if (auto* whole = qobject_cast<QSpinBox*>(box)) {
        return {double(whole->minimum()), double(whole->maximum()), double(whole->value())};
    }
    auto* real = qobject_cast<QDoubleSpinBox*>(box);
    return {real->minimum(), real->maximum(), real->value()};
}

QString english(double x) {
    return QLocale(QLocale::English).toString(x, 'f', QLocale::FloatingPointShortest);
}

QString nameOf(QAbstractSpinBox* box) {
    return box->accessibleName().isEmpty() ? QString::fromLatin1(box->metaObject()->className())
                                           : box->accessibleName();
}

// Types `text` over the box's number and leaves it as a user does: Return on a page, Tab in a
// dialog (where Return would press its default button).
void typeOver(QAbstractSpinBox* box, const QString& text, bool inDialog) {
    box->setFocus();
    QLineEdit* edit = box->findChild<QLineEdit*>();
    edit->selectAll();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, inDialog ? Qt::Key_Tab : Qt::Key_Return);
    QCoreApplication::processEvents();
}

// A visible line on `where` that names both numbers, or empty.
QString saidOn(QWidget* where, const QString& typed, const QString& used) {
    for (QLabel* l : where->findChildren<QLabel*>()) {
        if (l->isVisible() && l->text().contains(typed) && l->text().contains(used)) {
            return l->text();
        }
    }
    return {};
}

// Types a number above and one below every box on `where`; returns what went wrong.
QStringList checkBoxes(QWidget* where, const QString& place, bool inDialog) {
    QStringList problems;
    for (QAbstractSpinBox* box : where->findChildren<QAbstractSpinBox*>()) {
        if (!box->isVisibleTo(where) || !box->isEnabled()) {
            continue;
        }
        const QString what = place + QStringLiteral(": ") + nameOf(box);
        if (!qobject_cast<fg::RangeSpinBox*>(box) && !qobject_cast<fg::RangeDoubleSpinBox*>(box)) {
            problems << what + QStringLiteral(" is a plain ") + box->metaObject()->className();
        }
        const Range r = rangeOf(box);
        // Nines, one digit more than the greatest value has: Qt kept the prefix that fits.
        const QString nines(QString::number(qlonglong(r.highest)).size() + 1, QLatin1Char('9'));
        typeOver(box, nines, inDialog);
        if (rangeOf(box).value != r.highest) {
            problems << QStringLiteral("%1: typed %2, got %3, not the greatest value %4")
                            .arg(what, nines, english(rangeOf(box).value), english(r.highest));
        }
        if (saidOn(where, english(nines.toDouble()), english(r.highest)).isEmpty()) {
            problems << QStringLiteral("%1: typed %2, nothing on screen says it became %3")
                            .arg(what, nines, english(r.highest));
        }
        if (r.lowest > 0) {
            typeOver(box, QStringLiteral("0"), inDialog);
            if (rangeOf(box).value != r.lowest ||
                saidOn(where, QStringLiteral("0 is too small"), english(r.lowest)).isEmpty()) {
                problems << QStringLiteral("%1: typed 0, got %2 and no word of the least value %3")
                                .arg(what, english(rangeOf(box).value), english(r.lowest));
            }
        }
    }
    return problems;
}

// The order box of the B-Tree's page, opened in `w` shown at 1280x800.
QSpinBox* bTreeOrder(fg::MainWindow& w) {
    w.resize(1280, 800);
    w.show();
    if (!QTest::qWaitForWindowExposed(&w)) {
        return nullptr;
    }
    w.openDiagram(QStringLiteral("btree"));
    for (QSpinBox* box : w.tabs()->currentWidget()->findChildren<QSpinBox*>()) {
        if (box->accessibleName() == QStringLiteral("Order")) {
            return box;
        }
    }
    return nullptr;
}

} // namespace

class TestNumberBoxes : public QObject {
    Q_OBJECT
    DesktopLook desktop_;

private slots:
    void initTestCase() { useOwnTestSettings("number-boxes"); }
    void cleanup() { desktop_.restore(); }

    void everyNumberBoxSaysWhatBecameOfANumberOutOfItsRange() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.resize(1920, 1080);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        openEveryPage(w);
        QStringList problems;
        int boxes = 0;
        for (int i = 0; i < w.tabs()->count(); ++i) {
            w.tabs()->setCurrentIndex(i);
            QWidget* page = w.tabs()->widget(i);
            QCoreApplication::processEvents();
            boxes += int(page->findChildren<QAbstractSpinBox*>().size());
            problems << checkBoxes(page, w.tabs()->tabText(i), false);
        }
        // Every diagram and simulator page with a number box was reached (B-Tree order, slot,
        // broker, memtable, inserts, the simulators' boxes): a page that lost its boxes is no pass.
        QVERIFY2(boxes >= 20, qPrintable(QString::number(boxes)));

        std::optional<fg::Exportable> shown;
        for (int i = 0; i < w.tabs()->count() && !(shown && shown->source); ++i) {
            if (fg::Page* p = fg::pageOf(w.tabs()->widget(i))) {
                shown = p->exportable();
            }
        }
        QVERIFY(shown && shown->source);
        fg::ExportDialog picture(QSize(1000, 600), fg::Theme::light(), QStringLiteral("btree"));
        picture.setSizeChoice(3); // the custom size: its boxes can be typed in
        picture.show();
        QVERIFY(QTest::qWaitForWindowExposed(&picture));
        problems << checkBoxes(&picture, QStringLiteral("Export diagram"), true);
        fg::AnimationDialog animation(*shown->source, QStringLiteral("btree"));
        animation.show();
        QVERIFY(QTest::qWaitForWindowExposed(&animation));
        problems << checkBoxes(&animation, QStringLiteral("Export animation"), true);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    // A fresh tester: "0 is too small for Write quorum W" stayed under the controls through
    // every later change. The note is about the action that said it: the next one takes it.
    void aNoteGoesWithTheNextAction() {
        fg::QuorumView view;
        view.resize(1280, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSpinBox *w = nullptr, *n = nullptr;
        for (QSpinBox* box : view.findChildren<QSpinBox*>()) {
            w = box->accessibleName().startsWith("Write quorum") ? box : w;
            n = box->accessibleName().startsWith("Replicas") ? box : n;
        }
        QVERIFY(w && n);
        typeOver(w, QStringLiteral("0"), false);
        QVERIFY(
            !saidOn(&view, QStringLiteral("0 is too small"), QStringLiteral("Write")).isEmpty());
        QVERIFY(view.rangeNote()->isVisible());
        // A later change, not typed (typing in a box took the note already): a replica down.
        QCheckBox* down = view.findChild<QCheckBox*>();
        QVERIFY(down);
        QTest::qWait(20); // a user's next click comes after the event loop has run
        down->click();
        QCoreApplication::processEvents();
        QVERIFY2(!view.rangeNote()->isVisible(), qPrintable(view.rangeNote()->text()));
        typeOver(n, QStringLiteral("0"), false); // and a new note is said again
        QVERIFY(
            !saidOn(&view, QStringLiteral("0 is too small"), QStringLiteral("Replicas")).isEmpty());
    }

    // A tester typed 99999 as the order of the 100,000-key B-Tree: the tree was rebuilt at order
    // 9 at the first key typed, before the number was whole. A number counts once it is entered.
    void aNumberCountsOnceItIsEntered() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        QSpinBox* order = bTreeOrder(w);
        QVERIFY(order);
        QWidget* page = w.tabs()->currentWidget();
        {
            int changes = 0;
            connect(order, &QSpinBox::valueChanged, page, [&changes] { ++changes; });
            order->setFocus();
            order->findChild<QLineEdit*>()->selectAll();
            QTest::keyClicks(order->findChild<QLineEdit*>(), QStringLiteral("12"));
            QCOMPARE(changes, 0); // not 1, then 12
            QTest::keyClick(order->findChild<QLineEdit*>(), Qt::Key_Return);
            QCOMPARE(changes, 1);
            QCOMPARE(order->value(), 12);
        }
    }

    // Digits beyond any 64-bit number are still a number too large, said as typed.
    void digitsBeyondAnyNumberAreTooLarge() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        QSpinBox* order = bTreeOrder(w);
        QVERIFY(order);
        QWidget* page = w.tabs()->currentWidget();
        const QString typed(30, QLatin1Char('9'));
        typeOver(order, typed, false);
        QCOMPARE(order->value(), order->maximum());
        QVERIFY2(!saidOn(page, typed, QString::number(order->maximum())).isEmpty(),
                 "no word of the 30 nines");
    }
};

FG_TEST_MAIN(TestNumberBoxes)
#include "test_number_boxes.moc"
