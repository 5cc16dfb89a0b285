// The window's chrome follows the theme: after every switch between every ordered pair of themes,
// every visible widget (sidebar, menu bar, tabs, search dock, status bar, an open dialog, an open
// diagram) has the active theme's window and base colours, not the previous theme's.
#include "app/app_theme.h"
#include "app/main_window.h"
#include "app/reader/chapter_tree.h"
#include "models/course/content_loader.h"
#include "tests/app/app_test_support.h"
#include "tests/app/window_test_support.h"
#include "tests/suite_main.h"
#include "widgets/decision/architecture.h"
#include "widgets/diagrams/diagram_factory.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/export/export_dialog.h"
#include "widgets/practice/answer_inputs.h"
#include "widgets/practice/practice_view.h"
#include "widgets/simulators/simulators.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>

namespace {

QString describe(const QWidget* w) {
    return QStringLiteral("%1 \"%2\"")
        .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName());
}

} // namespace

class TestThemeChrome : public QObject {
    Q_OBJECT
    // The window at 1400x900 with the search panel open and the B-Tree's tab: chrome of every
    // kind to compare.
    // Wide enough that the chapter list and the search stay beside every page in every theme:
    // in a narrower window they step aside on a diagram's tab when the page beside them would
    // be under 1200 px, which depends on their widths, kept from the theme before; the widgets
    // compared then varied with the order of the switches.
    static bool showWithSearchAndADiagram(fg::MainWindow& w) {
        w.resize(2400, 1300);
        w.show();
        if (!QTest::qWaitForWindowExposed(&w)) {
            return false;
        }
        w.findChild<QDockWidget*>("searchDock")->show();
        w.openDiagram(QStringLiteral("btree"));
        return true;
    }

private slots:
    void initTestCase() {
        useOwnTestSettings("theme-chrome");
        QSettings().clear();
        // A first start's quiz each run (an earlier run's answers put another card first: the
        // bold choices that took the Projector's size were seen only on a fresh machine).
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
    }

    void everyVisibleWidgetFollowsEverySwitch() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent,
                                        QStringLiteral(TEST_DATA_DIR "/good")));
        QVERIFY(showWithSearchAndADiagram(w));
        w.tabs()->setCurrentIndex(0);
        w.statusBar()->showMessage(QStringLiteral("status"));
        fg::ExportDialog dialog(QSize(800, 600), fg::Theme::light(), QStringLiteral("x"), &w);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const fg::AppTheme reference;

        for (fg::ThemeChoice from : kAll) {
            for (fg::ThemeChoice to : kAll) {
                w.setThemeChoice(from);
                QCoreApplication::processEvents();
                w.setThemeChoice(to);
                QCoreApplication::processEvents();
                const QPalette want = reference.paletteFor(to);
                const QString step = QStringLiteral("%1 -> %2")
                                         .arg(fg::themeChoiceName(from), fg::themeChoiceName(to));
                QCOMPARE(QApplication::palette().color(QPalette::Window),
                         want.color(QPalette::Window));
                QList<QWidget*> all = w.findChildren<QWidget*>();
                all << &w << w.menuBar() << w.tree() << w.tree()->viewport();
                int checked = 0;
                for (QWidget* x : std::as_const(all)) {
                    if (!x->isVisible()) {
                        continue;
                    }
                    ++checked;
                    // In the widget's own colour group (disabled, inactive or active).
                    const QPalette::ColorGroup group = x->palette().currentColorGroup();
                    for (QPalette::ColorRole role : {QPalette::Window, QPalette::Base}) {
                        const QColor got = x->palette().color(group, role);
                        if (got != want.color(group, role)) {
                            QFAIL(qPrintable(QStringLiteral("%1: %2 has %3 %4, the theme %5")
                                                 .arg(step, describe(x),
                                                      role == QPalette::Window ? "window" : "base",
                                                      got.name(), want.color(group, role).name())));
                        }
                    }
                }
                QVERIFY(checked > 20);
            }
        }
    }

    // A fresh tester: the selection colours in Light after Projector were not those of Light
    // after System. A theme looks the same whatever the theme before it: the application and
    // every widget (the reader, a diagram, every study tool and simulator, the search) have the
    // same palette, every colour role of every colour group, and the same font.
    void aThemeLooksTheSameWhateverTheThemeBefore() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent,
                                        QStringLiteral(TEST_DATA_DIR "/good")));
        QVERIFY(showWithSearchAndADiagram(w));
        for (const char* tool : {"wizard", "matrix", "scenarios", "quiz", "progress"}) {
            w.openTool(QString::fromLatin1(tool));
        }
        for (const auto& sim : fg::simulators()) {
            w.openTool(sim.id);
        }
        QVERIFY(w.tabs()->count() > 8);
        w.tabs()->setCurrentIndex(0);
        struct Look {
            QPalette palette;
            QFont font;
        };
        // Every visible widget of the window by its place in it (a page may build its widgets
        // again on a theme switch, as the wizard does its answers): its class and rank among its
        // siblings, up to the window.
        const auto looks = [&w] {
            QHash<QString, Look> out;
            for (int tab = 0; tab < w.tabs()->count(); ++tab) {
                w.tabs()->setCurrentIndex(tab);
                QCoreApplication::processEvents();
                QList<QWidget*> all = w.findChildren<QWidget*>();
                all << &w;
                for (QWidget* x : std::as_const(all)) {
                    if (!x->isVisible()) {
                        continue; // (the wizard's answers of before are hidden, deleted later)
                    }
                    QString place = QStringLiteral("tab %1: ").arg(tab);
                    QString path;
                    for (QWidget* at = x; at && at != &w; at = at->parentWidget()) {
                        int rank = 0;
                        for (const QObject* sibling : at->parentWidget()->children()) {
                            if (sibling == at) {
                                break;
                            }
                            const auto* other = qobject_cast<const QWidget*>(sibling);
                            rank += other && other->isVisible() &&
                                            other->metaObject() == at->metaObject()
                                        ? 1
                                        : 0;
                        }
                        path = QStringLiteral("/%1[%2]%3")
                                   .arg(QString::fromLatin1(at->metaObject()->className()))
                                   .arg(rank)
                                   .arg(path);
                    }
                    out.insert(place + path, {x->palette(), x->font()});
                }
            }
            w.tabs()->setCurrentIndex(0);
            return out;
        };
        const auto sameLook = [](const Look& a, const Look& b) {
            for (int g = 0; g < QPalette::NColorGroups; ++g) {
                for (int r = 0; r < QPalette::NColorRoles; ++r) {
                    const auto group = QPalette::ColorGroup(g);
                    const auto role = QPalette::ColorRole(r);
                    if (a.palette.color(group, role) != b.palette.color(group, role)) {
                        return QStringLiteral("colour role %1 of group %2 is %3, was %4")
                            .arg(r)
                            .arg(g)
                            .arg(a.palette.color(group, role).name(QColor::HexArgb),
                                 b.palette.color(group, role).name(QColor::HexArgb));
                    }
                }
            }
            if (a.font != b.font) {
                return QStringLiteral("the font is %1, was %2")
                    .arg(a.font.toString(), b.font.toString());
            }
            return QString();
        };
        for (fg::ThemeChoice to : kAll) {
            // The look of `to` reached from System, then from every other theme.
            Look app;
            QHash<QString, Look> first;
            for (fg::ThemeChoice from : kAll) {
                w.setThemeChoice(from);
                QCoreApplication::processEvents();
                w.setThemeChoice(to);
                const QHash<QString, Look> now = looks();
                if (from == fg::ThemeChoice::System) {
                    app = {QApplication::palette(), QApplication::font()};
                    first = now;
                    continue;
                }
                const QString step = QStringLiteral("%1 -> %2 (not from system)")
                                         .arg(fg::themeChoiceName(from), fg::themeChoiceName(to));
                if (const QString d =
                        sameLook({QApplication::palette(), QApplication::font()}, app);
                    !d.isEmpty()) {
                    QFAIL(qPrintable(QStringLiteral("%1: the application's %2").arg(step, d)));
                }
                // (A combo box makes its list when first needed: a widget made since is left out.)
                int compared = 0;
                for (auto it = now.cbegin(); it != now.cend(); ++it) {
                    if (!first.contains(it.key())) {
                        continue;
                    }
                    ++compared;
                    if (const QString d = sameLook(it.value(), first.value(it.key()));
                        !d.isEmpty()) {
                        QFAIL(qPrintable(QStringLiteral("%1: %2's %3").arg(step, it.key(), d)));
                    }
                }
                QVERIFY2(compared > 500, qPrintable(QString::number(compared)));
            }
        }
    }

    // A fresh tester clicked a box in the scenario explorer, then switched to Dark: the
    // explanation's "Open its chapter" link kept Light's dark blue, on Dark's grey. After every
    // switch, the link is drawn in the new theme's link colour.
    void theExplorersLinkFollowsTheTheme() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.resize(1600, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setThemeChoice(fg::ThemeChoice::Light);
        w.openTool(QStringLiteral("scenarios"));
        auto* view = qobject_cast<fg::ArchitectureView*>(w.tabs()->currentWidget());
        QVERIFY(view);
        view->selectComponent(QStringLiteral("pg"));
        QCoreApplication::processEvents();
        QLabel* why = nullptr;
        for (auto* l : view->findChildren<QLabel*>()) {
            why = l->text() == view->explanation() ? l : why;
        }
        QVERIFY(why && why->text().contains(QLatin1String("href")));
        for (fg::ThemeChoice t : {fg::ThemeChoice::Dark, fg::ThemeChoice::Light,
                                  fg::ThemeChoice::Projector, fg::ThemeChoice::Dark}) {
            w.setThemeChoice(t);
            QCoreApplication::processEvents();
            const QColor link = QApplication::palette().color(QPalette::Link);
            const QImage shot = why->grab().toImage();
            int near = 0;
            for (int y = 0; y < shot.height(); ++y) {
                for (int x = 0; x < shot.width(); ++x) {
                    const QColor c = shot.pixelColor(x, y);
                    near += std::abs(c.red() - link.red()) + std::abs(c.green() - link.green()) +
                                std::abs(c.blue() - link.blue()) <
                            24;
                }
            }
            QVERIFY2(near > 20, qPrintable(QStringLiteral("%1: %2 pixels of the link colour %3")
                                               .arg(fg::themeChoiceName(t))
                                               .arg(near)
                                               .arg(link.name())));
        }
    }

    // A tester: three fields of the B-Tree's page showed a selection at once (the order's number
    // stayed selected after the focus left it): which one would typing change? A number box
    // gives up its selection when the focus leaves it, as a text box does.
    void onlyTheFieldWithTheFocusShowsASelection() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openDiagram(QStringLiteral("btree"));
        QWidget* page = w.tabs()->currentWidget();
        auto* order = page->findChild<QAbstractSpinBox*>();
        QVERIFY(order);
        auto* number = order->findChild<QLineEdit*>();
        QLineEdit* key = nullptr;
        for (auto* e : page->findChildren<QLineEdit*>()) {
            if (e != number && e->isVisible() && !key) {
                key = e;
            }
        }
        QVERIFY(number && key);
        key->setFocus(Qt::MouseFocusReason);
        QTest::keyClicks(key, "42");
        QTest::keyClick(key, Qt::Key_Return); // Insert
        QCoreApplication::processEvents();
        QCOMPARE(key->selectedText(), QStringLiteral("42")); // typing replaces it
        QVERIFY2(!number->hasSelectedText(), qPrintable(number->selectedText()));
    }

    // A tester: in the Projector theme the wizard's Back button, disabled at the first
    // question, looked like the others (its text #222 beside #000). In each theme a disabled
    // button's text is at least 2:1 from an enabled one's, and 4.5:1 on the window.
    void aDisabledButtonLooksDisabled() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openDiagram(QStringLiteral("btree"));
        QAbstractButton* off = nullptr;
        QAbstractButton* on = nullptr;
        for (auto* b : w.tabs()->currentWidget()->findChildren<QAbstractButton*>()) {
            (b->isEnabled() ? on : off) = b;
        }
        QVERIFY(off && on); // Undo, with nothing to undo yet; Insert
        // The app's themes (System is the desktop's own palette, its disabled grey too).
        for (fg::ThemeChoice t :
             {fg::ThemeChoice::Light, fg::ThemeChoice::Dark, fg::ThemeChoice::Projector}) {
            w.setThemeChoice(t);
            QCoreApplication::processEvents();
            const QColor disabled = off->palette().color(QPalette::Disabled, QPalette::ButtonText);
            const QColor enabled = on->palette().color(QPalette::Active, QPalette::ButtonText);
            const QColor page = off->palette().color(QPalette::Window);
            const qreal apart = fg::contrastRatio(disabled, enabled);
            const qreal read = fg::contrastRatio(disabled, page);
            QVERIFY2(apart >= 2.0 && read >= 4.5,
                     qPrintable(QStringLiteral("%1: disabled %2 is %3:1 from enabled %4, %5:1 on "
                                               "the window")
                                    .arg(fg::themeChoiceName(t), disabled.name())
                                    .arg(apart, 0, 'f', 2)
                                    .arg(enabled.name())
                                    .arg(read, 0, 'f', 2)));
        }
        w.setThemeChoice(fg::ThemeChoice::System); // the desktop's look for the next test
    }

    // A tester could not tell the practice answer picked from the others (a shade darker grey,
    // the same as the rest in Dark): in each theme its fill stands 3:1 from the others'.
    void aPickedChoiceStandsOutFromTheOthers() {
        for (fg::ThemeChoice t :
             {fg::ThemeChoice::Light, fg::ThemeChoice::Dark, fg::ThemeChoice::Projector}) {
            fg::AppTheme theme;
            fg::PracticeView view;
            view.setTheme(theme.apply(t));
            view.resize(1400, 1000);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            view.start(QStringLiteral("hashslot"), fg::practice::Level::Medium, 10, 77);
            for (int i = 0; i < view.questionCount() && view.current()->type != "owner-of-key";
                 ++i) {
                view.check();
                view.next();
            }
            QCOMPARE(view.current()->type, std::string("owner-of-key"));
            QTest::keyClick(&view, Qt::Key_2);
            QCOMPARE(view.inputs()->pickedChoice(), 1);
            QList<QAbstractButton*> picked, others;
            for (QAbstractButton* b : view.inputs()->findChildren<QAbstractButton*>()) {
                if (b->isCheckable()) {
                    (b->isChecked() ? picked : others) << b;
                }
            }
            QCOMPARE(picked.size(), 1);
            QVERIFY(!others.isEmpty());
            // The fill: the median lightness inside the border (Fusion's fill is a gradient,
            // the text a few pixels of it), as a grey of that lightness.
            auto fill = [](QAbstractButton* b) {
                const QImage image = b->grab().toImage();
                std::vector<qreal> light;
                for (int y = 3; y < image.height() - 3; ++y) {
                    for (int x = 3; x < image.width() - 3; ++x) {
                        light.push_back(fg::relativeLuminance(image.pixelColor(x, y)));
                    }
                }
                std::nth_element(light.begin(), light.begin() + light.size() / 2, light.end());
                return light[light.size() / 2];
            };
            const qreal mine = fill(picked[0]);
            for (QAbstractButton* other : others) {
                const qreal theirs = fill(other);
                const qreal apart =
                    (std::max(mine, theirs) + 0.05) / (std::min(mine, theirs) + 0.05);
                QVERIFY2(apart >= 3.0, qPrintable(QStringLiteral("%1: picked %2, other %3: %4:1")
                                                      .arg(fg::themeChoiceName(t))
                                                      .arg(mine, 0, 'f', 3)
                                                      .arg(theirs, 0, 'f', 3)
                                                      .arg(apart, 0, 'f', 2)));
            }
        }
        fg::AppTheme().apply(fg::ThemeChoice::System);
    }

    // A tester ticked View > Colours for colour blindness and saw no change on a Lab page (its
    // colours are safe already): the status bar says what changed, and what did not.
    void theColourOptionSaysWhatItChanged() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QAction* option = nullptr;
        for (QAction* a : w.findChildren<QAction*>()) {
            option = a->text() == QLatin1String("Colours for colour &blindness") ? a : option;
        }
        QVERIFY(option && !option->isChecked());
        option->trigger();
        const QString on = w.statusBar()->currentMessage();
        QVERIFY2(on.contains(QLatin1String(": on.")) && on.contains(QLatin1String("marks")) &&
                     on.contains(QLatin1String("do not change")),
                 qPrintable(on));
        option->trigger();
        const QString off = w.statusBar()->currentMessage();
        QVERIFY2(off.contains(QLatin1String(": off.")), qPrintable(off));
    }

    // A fresh tester: the Diagrams menu's and the simulators' entries had no access key (Alt+D
    // then a letter did nothing). Every entry of every menu has one, of its own in its menu.
    void everyMenuEntryHasItsOwnAccessKey() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        QStringList problems;
        std::vector<QMenu*> menus;
        for (QAction* top : w.menuBar()->actions()) {
            if (top->menu()) {
                menus.push_back(top->menu());
            }
        }
        while (!menus.empty()) {
            QMenu* menu = menus.back();
            menus.pop_back();
            QHash<QChar, QString> keys;
            for (QAction* a : menu->actions()) {
                if (a->isSeparator() || !a->isVisible()) {
                    continue;
                }
                if (a->menu()) {
                    menus.push_back(a->menu());
                }
                const QString text = a->text();
                int at = -1;
                for (int i = 0; i + 1 < text.size(); ++i) {
                    if (text[i] == QLatin1Char('&')) {
                        if (text[i + 1] != QLatin1Char('&')) {
                            at = i + 1;
                            break;
                        }
                        ++i; // "&&" is a "&"
                    }
                }
                if (at < 0) {
                    problems
                        << QStringLiteral("%1: \"%2\" has no access key").arg(menu->title(), text);
                    continue;
                }
                const QChar key = text[at].toLower();
                if (keys.contains(key)) {
                    problems << QStringLiteral("%1: \"%2\" and \"%3\" share Alt+%4")
                                    .arg(menu->title(), keys.value(key), text, key);
                }
                keys.insert(key, text);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
    }

    void everyDiagramControlHasATooltip() {
        int checked = 0;
        for (const auto& d : fg::liveDiagrams()) {
            std::unique_ptr<QWidget> page(fg::createDiagramPage(d.id, fg::Theme::light(), nullptr));
            QVERIFY2(page, qPrintable(d.id));
            for (QWidget* c : page->findChildren<QWidget*>()) {
                if (qobject_cast<QAbstractSpinBox*>(c->parentWidget()) ||
                    qobject_cast<QComboBox*>(c->parentWidget())) {
                    continue; // the editor inside a spin box: the box has the tooltip
                }
                if (qobject_cast<QAbstractButton*>(c) || qobject_cast<QAbstractSpinBox*>(c) ||
                    qobject_cast<QLineEdit*>(c) || qobject_cast<QComboBox*>(c)) {
                    ++checked;
                    QVERIFY2(!c->toolTip().isEmpty(),
                             qPrintable(QStringLiteral("%1: %2 \"%3\" has no tooltip")
                                            .arg(d.id, c->metaObject()->className(),
                                                 c->accessibleName())));
                }
            }
        }
        QVERIFY(checked > 40);
    }

    // Tester 41: a Lab page opened in Projector kept Projector's type after a switch to Light
    // (its description, buttons and headings about 17 px beside the menus' 13; in Projector it
    // had had the theme's scale twice). Every widget of a page outside the study type opened in
    // one theme and switched to another has the type of one opened in the other.
    void aPageFollowsASwitchFromTheThemeItWasOpenedIn_data() {
        QTest::addColumn<QString>("tool");
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        const int light = int(fg::ThemeChoice::Light), projector = int(fg::ThemeChoice::Projector);
        for (const char* id :
             {"lab-postgres", "lab-redis", "lab-rocksdb", "lab-kafka", "lab-buckets", "matrix"}) {
            QTest::newRow(qPrintable(QStringLiteral("%1, Projector to Light").arg(id)))
                << QString::fromLatin1(id) << projector << light;
            QTest::newRow(qPrintable(QStringLiteral("%1, Light to Projector").arg(id)))
                << QString::fromLatin1(id) << light << projector;
        }
    }
    void aPageFollowsASwitchFromTheThemeItWasOpenedIn() {
        QFETCH(QString, tool);
        QFETCH(int, from);
        QFETCH(int, to);
        const DesktopLook desktop; // each window from the desktop's type, not the last theme's
        const auto sizes = [&tool, &desktop](fg::ThemeChoice first, fg::ThemeChoice then) {
            desktop.restore();
            fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
            w.setThemeChoice(first);
            w.openTool(tool);
            w.setThemeChoice(then);
            // The type most of the page's labels and of its buttons have (the description,
            // the headings, the buttons: what the tester saw stay at Projector's size).
            QMap<int, int> labels, buttons;
            for (const QWidget* c : w.tabs()->currentWidget()->findChildren<QWidget*>()) {
                // Not a table's corner button: Qt draws it only where the table has a row
                // header, which the matrix hides (the one "button" that differed: no one sees
                // it, under the column header, whatever its type).
                if (c->inherits("QTableCornerButton")) {
                    continue;
                }
                if (qobject_cast<const QLabel*>(c)) {
                    ++labels[QFontInfo(c->font()).pixelSize()];
                } else if (qobject_cast<const QAbstractButton*>(c)) {
                    ++buttons[QFontInfo(c->font()).pixelSize()];
                }
            }
            const auto most = [](const QMap<int, int>& counts) {
                int px = 0;
                for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
                    px = it.value() > counts.value(px) ? it.key() : px;
                }
                return px;
            };
            const QStringList out{QStringLiteral("labels %1 px").arg(most(labels)),
                                  QStringLiteral("buttons %1 px").arg(most(buttons))};
            return out;
        };
        const auto target = fg::ThemeChoice(to);
        const QStringList fresh = sizes(target, target);
        const QStringList switched = sizes(fg::ThemeChoice(from), target);
        QCOMPARE(switched.size(), fresh.size());
        QStringList differ;
        for (int i = 0; i < fresh.size(); ++i) {
            if (fresh[i] != switched[i]) {
                differ << switched[i] + QStringLiteral("; opened in the theme: ") + fresh[i];
            }
        }
        desktop.restore();
        QVERIFY2(differ.isEmpty(), qPrintable(differ.mid(0, 8).join('\n')));
    }
};

FG_TEST_MAIN(TestThemeChrome)
#include "test_theme_chrome.moc"
