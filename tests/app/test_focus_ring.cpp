// The focus ring (issue 19, WCAG 2.1's 1.4.11 and 2.4.7): in every theme, and with the desktop's
// own light or dark palette ("System"), its colour stands at least 3:1 against the window, the
// buttons and the fields; and it is really drawn, in that colour, just outside the focused button
// and the focused canvas.
#include "app/app_theme.h"
#include "tests/suite_main.h"
#include "widgets/canvas/diagram_canvas.h"
#include "widgets/canvas/diagram_panel.h"
#include "widgets/controls/button_keys.h"
#include "widgets/controls/focus_keeper.h"
#include "widgets/controls/focus_ring.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/diagrams/diagram_view.h"

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QPushButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QStyle>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>
#include <memory>

namespace {

// Palettes desktops give an app: Qt's Fusion, KDE's Breeze and Breeze Dark, GNOME's Adwaita and
// Adwaita dark (window, button, field, text, selection), as "System" keeps them.
QPalette desktopPalette(QRgb window, QRgb button, QRgb base, QRgb text, QRgb highlight) {
    QPalette p(QColor::fromRgb(button), QColor::fromRgb(window));
    p.setColor(QPalette::Base, QColor::fromRgb(base));
    p.setColor(QPalette::Text, QColor::fromRgb(text));
    p.setColor(QPalette::WindowText, QColor::fromRgb(text));
    p.setColor(QPalette::ButtonText, QColor::fromRgb(text));
    p.setColor(QPalette::Highlight, QColor::fromRgb(highlight));
    return p;
}

struct Desktop {
    const char* name;
    QPalette palette;
};

std::vector<Desktop> desktops() {
    return {
        {"Fusion", QApplication::style()->standardPalette()},
        {"Breeze", desktopPalette(0xeff0f1, 0xfcfcfc, 0xffffff, 0x232629, 0x3daee9)},
        {"Breeze Dark", desktopPalette(0x31363b, 0x31363b, 0x1b1e20, 0xeff0f1, 0x3daee9)},
        {"Adwaita", desktopPalette(0xf6f5f4, 0xededed, 0xffffff, 0x2e3436, 0x3584e4)},
        {"Adwaita dark", desktopPalette(0x353535, 0x353535, 0x2d2d2d, 0xeeeeec, 0x15539e)},
    };
}

const fg::ThemeChoice kChoices[] = {fg::ThemeChoice::Light, fg::ThemeChoice::Dark,
                                    fg::ThemeChoice::Projector, fg::ThemeChoice::System};

// The palette the app installs for `choice` when the desktop gave it `desktop`.
QPalette paletteFor(fg::ThemeChoice choice, const QPalette& desktop, bool safe) {
    const QPalette before = QApplication::palette();
    QApplication::setPalette(desktop);
    fg::AppTheme theme; // remembers the desktop's palette, for System
    theme.setSafeColours(safe);
    const QPalette p = theme.paletteFor(choice);
    QApplication::setPalette(before);
    return p;
}

bool near(const QColor& a, const QColor& b, int tolerance) {
    return std::abs(a.red() - b.red()) <= tolerance &&
           std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

// The points just outside `w`, one pixel off the middle of each side, in `around`'s image.
std::vector<QPoint> justOutside(const QWidget* w, const QWidget* around) {
    const QRect r(w->mapTo(around, QPoint(0, 0)), w->size());
    const QPoint c = r.center();
    return {{c.x(), r.top() - 1},
            {c.x(), r.bottom() + 1},
            {r.left() - 1, c.y()},
            {r.right() + 1, c.y()}};
}

} // namespace

class TestFocusRing : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        fg::AppTheme::installStyle();
        fg::FocusRing::install();
    }

    void theRingStandsOutInEveryTheme_data() {
        QTest::addColumn<QPalette>("palette");
        for (const Desktop& d : desktops()) {
            for (fg::ThemeChoice choice : kChoices) {
                for (bool safe : {false, true}) {
                    const QString row =
                        QStringLiteral("%1 on %2%3")
                            .arg(fg::themeChoiceName(choice), QLatin1String(d.name),
                                 safe ? QStringLiteral(", safe colours") : QString());
                    QTest::newRow(qPrintable(row)) << paletteFor(choice, d.palette, safe);
                }
            }
        }
    }
    void theRingStandsOutInEveryTheme() {
        QFETCH(QPalette, palette);
        const QColor ring = fg::focusRingColor(palette);
        for (QPalette::ColorRole role : {QPalette::Window, QPalette::Button, QPalette::Base}) {
            const qreal ratio = fg::contrastRatio(ring, palette.color(role));
            QVERIFY2(ratio >= 3.0, qPrintable(QStringLiteral("ring %1 on %2 (role %3): %4:1")
                                                  .arg(ring.name(), palette.color(role).name())
                                                  .arg(int(role))
                                                  .arg(ratio, 0, 'f', 2)));
        }
    }

    // The ring is drawn: a focused playback button and a focused canvas, rendered offscreen, have
    // the ring's colour all round them, on the page's own background.
    void theRingIsDrawnAroundTheFocusedWidget_data() {
        QTest::addColumn<int>("choice");
        for (fg::ThemeChoice choice : kChoices) {
            QTest::newRow(qPrintable(fg::themeChoiceName(choice))) << int(choice);
        }
    }
    void theRingIsDrawnAroundTheFocusedWidget() {
        QFETCH(int, choice);
        fg::AppTheme theme;
        theme.apply(fg::ThemeChoice(choice));
        auto page = std::unique_ptr<QWidget>(fg::liveDiagrams().front().makePage(nullptr));
        auto* view = qobject_cast<fg::DiagramView*>(page.get());
        QVERIFY(view);
        view->resize(1400, 900);
        view->show();
        QApplication::setActiveWindow(view);
        QVERIFY(QTest::qWaitForWindowActive(view));
        QToolButton* button = nullptr;
        for (auto* b : view->findChildren<QToolButton*>()) {
            button = b->accessibleName().startsWith(QLatin1String("Step forward")) ? b : button;
        }
        QVERIFY(button);
        for (QWidget* focused :
             {static_cast<QWidget*>(button), static_cast<QWidget*>(view->panel()->canvas())}) {
            focused->setFocus(Qt::TabFocusReason);
            QTRY_VERIFY(fg::FocusRing::current() && fg::FocusRing::current()->widget() == focused);
            QWidget* around = fg::FocusRing::current()->parentWidget();
            const QColor want = fg::focusRingColor(focused->window()->palette());
            const QImage image = around->grab().toImage();
            for (const QPoint& at : justOutside(focused, around)) {
                const QColor got = image.pixelColor(at);
                QVERIFY2(near(got, want, 24),
                         qPrintable(QStringLiteral("%1 at (%2, %3): %4, the ring is %5")
                                        .arg(QLatin1String(focused->metaObject()->className()))
                                        .arg(at.x())
                                        .arg(at.y())
                                        .arg(got.name(), want.name())));
            }
        }
        theme.apply(fg::ThemeChoice::Light);
    }

    // Tester 36 #7: in Projector the 2-pixel ring was hard to tell from a button's border at
    // the back of a room. There it is at least 3 pixels wide, in a colour 3:1 from the window and
    // the button: the 3 pixels just outside a focused button are all the ring's colour.
    void theProjectorsRingIsThreePixelsWide() {
        fg::AppTheme theme;
        theme.apply(fg::ThemeChoice::Projector);
        QWidget window;
        auto* row = new QHBoxLayout(&window);
        row->setContentsMargins(20, 20, 20, 20);
        auto* button = new QPushButton(QStringLiteral("Run"), &window);
        row->addWidget(button);
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        button->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(fg::FocusRing::current() && fg::FocusRing::current()->widget() == button);
        const QColor want = fg::focusRingColor(window.palette());
        for (QPalette::ColorRole role : {QPalette::Window, QPalette::Button}) {
            QVERIFY(fg::contrastRatio(want, window.palette().color(role)) >= 3.0);
        }
        const QImage image = window.grab().toImage();
        const QRect r(button->mapTo(&window, QPoint(0, 0)), button->size());
        for (int out = 1; out <= 3; ++out) {
            for (const QPoint at :
                 {QPoint(r.center().x(), r.top() - out), QPoint(r.center().x(), r.bottom() + out),
                  QPoint(r.left() - out, r.center().y()),
                  QPoint(r.right() + out, r.center().y())}) {
                QVERIFY2(near(image.pixelColor(at), want, 24),
                         qPrintable(QStringLiteral("%1 px out at (%2, %3): %4, the ring is %5")
                                        .arg(out)
                                        .arg(at.x())
                                        .arg(at.y())
                                        .arg(image.pixelColor(at).name(), want.name())));
            }
        }
        theme.apply(fg::ThemeChoice::Light);
        QCOMPARE(fg::FocusRing::width(), int(fg::FocusRing::kWidth));
    }

    // A button switched off while its work runs loses the focus to the next control; on again,
    // it has it back (a tester found the focus on a far-away Fit button after "Stop this
    // server"), unless the user moved it meanwhile.
    void aButtonSwitchedOffForAWhileGetsTheFocusBack() {
        fg::FocusKeeper::install();
        QWidget window;
        auto* layout = new QHBoxLayout(&window);
        QPushButton* work = new QPushButton(QStringLiteral("Start"), &window);
        QPushButton* next = new QPushButton(QStringLiteral("Fit"), &window);
        QPushButton* other = new QPushButton(QStringLiteral("Other"), &window);
        for (QPushButton* b : {work, next, other}) {
            layout->addWidget(b);
        }
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        work->setFocus(Qt::TabFocusReason);
        work->setEnabled(false);
        QCOMPARE(QApplication::focusWidget(), next);
        work->setEnabled(true);
        QCOMPARE(QApplication::focusWidget(), work);
        // Moved by the user meanwhile: it stays where the user put it.
        work->setEnabled(false);
        QCOMPARE(QApplication::focusWidget(), next);
        other->setFocus(Qt::TabFocusReason);
        work->setEnabled(true);
        QCOMPARE(QApplication::focusWidget(), other);
    }

    // Space and Enter press the focused button: a page's Space shortcut (a Lab's Play) took
    // Space from its Run button, and Enter did nothing on a button outside a dialog (the
    // wizard's answers). A checkable button leaves Enter to its page (Check).
    void spaceAndEnterPressTheFocusedButton() {
        fg::ButtonKeys::install();
        QWidget window;
        auto* layout = new QHBoxLayout(&window);
        auto* run = new QPushButton(QStringLiteral("Run"), &window);
        auto* pick = new QPushButton(QStringLiteral("1  master 0"), &window);
        pick->setCheckable(true);
        layout->addWidget(run);
        layout->addWidget(pick);
        int played = 0;
        auto* play = new QAction(QStringLiteral("Play"), &window);
        play->setShortcut(Qt::Key_Space);
        play->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(play, &QAction::triggered, [&played] { ++played; });
        window.addAction(play);
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QSignalSpy clicked(run, &QPushButton::clicked);
        run->setFocus(Qt::TabFocusReason);
        QTest::keyClick(run, Qt::Key_Space);
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(played, 0);
        QTest::keyClick(run, Qt::Key_Return);
        QTRY_COMPARE(clicked.count(), 2);
        pick->setFocus(Qt::TabFocusReason);
        QTest::keyClick(pick, Qt::Key_Return);
        QTest::qWait(200);
        QVERIFY(!pick->isChecked());
        window.setFocus(Qt::TabFocusReason); // no button focused: Space is the page's again
        QTest::keyClick(&window, Qt::Key_Space);
        QCOMPARE(played, 1);
    }

    // A list that fills the window's left side (the chapter list does) has its ring on all four
    // sides: just inside the list where the window's edge leaves no room outside. It was cut to
    // a 1-pixel line at the list's right edge (a tester).
    void theRingShowsWhereTheWidgetFillsItsPlace() {
        QSplitter window;
        auto* list = new QTreeWidget(&window);
        list->addTopLevelItems({new QTreeWidgetItem({QStringLiteral("1. Database Types")}),
                                new QTreeWidgetItem({QStringLiteral("2. PostgreSQL")})});
        auto* beside = new QPushButton(QStringLiteral("Next"), &window);
        window.resize(600, 400);
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        beside->setFocus(Qt::TabFocusReason);
        list->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(fg::FocusRing::current() && fg::FocusRing::current()->widget() == list);
        const QImage image = window.grab().toImage();
        const QColor want = fg::focusRingColor(window.palette());
        const QRect r(list->mapTo(&window, QPoint(0, 0)), list->size());
        const QPoint c = r.center();
        // From 2 pixels outside each side to 2 inside, along the middle of the side.
        const struct {
            const char* side;
            QPoint outside;
            QPoint inward;
        } sides[] = {{"left", {r.left() - 2, c.y()}, {1, 0}},
                     {"right", {r.right() + 2, c.y()}, {-1, 0}},
                     {"top", {c.x(), r.top() - 2}, {0, 1}},
                     {"bottom", {c.x(), r.bottom() + 2}, {0, -1}}};
        for (const auto& side : sides) {
            bool found = false;
            for (int step = 0; step < 5 && !found; ++step) {
                const QPoint at = side.outside + side.inward * step;
                found = image.rect().contains(at) && near(image.pixelColor(at), want, 24);
            }
            QVERIFY2(found, side.side);
        }
    }
};

FG_TEST_MAIN(TestFocusRing)
#include "test_focus_ring.moc"
