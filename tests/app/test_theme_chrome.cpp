// The window's chrome follows the theme: after every switch between every ordered pair of themes,
// every visible widget (sidebar, menu bar, tabs, search dock, status bar, an open dialog, an open
// diagram) has the active theme's window and base colours, not the previous theme's.
#include "app/main_window.h"
#include "app/reader/chapter_tree.h"
#include "models/course/content_loader.h"
#include "tests/app/app_test_support.h"
#include "widgets/diagrams/diagram_factory.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/export/export_dialog.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>

namespace {

const fg::ThemeChoice kAll[] = {fg::ThemeChoice::System, fg::ThemeChoice::Light,
                                fg::ThemeChoice::Dark, fg::ThemeChoice::Projector};

QString describe(const QWidget* w) {
    return QStringLiteral("%1 \"%2\"")
        .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName());
}

} // namespace

class TestThemeChrome : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        useOwnTestSettings("theme-chrome");
        QSettings().clear();
    }

    void everyVisibleWidgetFollowsEverySwitch() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), QStringLiteral(TEST_DATA_DIR "/good")));
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.findChild<QDockWidget*>("searchDock")->show();
        w.openDiagram(QStringLiteral("btree"));
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
};

QTEST_MAIN(TestThemeChrome)
#include "test_theme_chrome.moc"
