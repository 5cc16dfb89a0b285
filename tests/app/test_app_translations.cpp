// The window in the learner's language: with a translation built for it (here a German one of a
// few strings, data/translations/fieldguide_de.ts made a .qm at build time), the window's words
// come from it, Qt's own dialogs' words from Qt's translation, and numbers are written as the
// language writes them; with none for the language, the window stays English.
#include "app/app_translations.h"
#include "app/main_window.h"
#include "app/reader/chapter_html.h"
#include "models/course/content_loader.h"
#include "models/theme/theme.h"
#include "tests/app/app_test_support.h"
#include "tests/suite_main.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/simulators/cache_view.h"
#include "widgets/simulators/simulators.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>
#include <QTranslator>

namespace {

// The titles of the window's menus, as shown ("&Datei").
QStringList menuTitles(const fg::MainWindow& w) {
    QStringList titles;
    for (const QAction* a : w.menuBar()->actions()) {
        titles << a->text();
    }
    return titles;
}

// The entries of the window's menu titled `title` ("&Diagrams"), without their access keys'
// "&" (the menu gives each entry one).
QStringList menuEntries(const fg::MainWindow& w, const QString& title) {
    QStringList entries;
    for (const QAction* a : w.menuBar()->actions()) {
        if (a->text() == title && a->menu()) {
            for (const QAction* entry : a->menu()->actions()) {
                entries << QString(entry->text()).remove(QLatin1Char('&'));
            }
        }
    }
    return entries;
}

const QString kGermanRedisTitle = QStringLiteral("Hash-Slots im Redis Cluster");

// Takes out every translator installed on the application (each test starts English).
void removeTranslators() {
    for (QTranslator* t : qApp->findChildren<QTranslator*>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

} // namespace

class TestAppTranslations : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        useOwnTestSettings("app-translations");
        // The registries' rows made before any translator, as main makes the live diagrams'.
        QVERIFY(!fg::liveDiagrams().empty());
        QVERIFY(!fg::simulators().empty());
    }
    void cleanup() {
        removeTranslators();
        qunsetenv("FIELDGUIDE_LANG");
        QLocale::setDefault(startLocale_);
    }

    // FIELDGUIDE_LANG=de_DE (what --lang sets): no fieldguide_de_DE.qm, so fieldguide_de.qm.
    void theTranslationOfTheLanguageShowsInTheWindow() {
        qputenv("FIELDGUIDE_LANG", "de_DE");
        QCOMPARE(fg::uiLocale().name(), QStringLiteral("de_DE"));
        const QStringList loaded =
            fg::installTranslations(*qApp, fg::uiLocale(), {QStringLiteral(FG_TEST_QM_DIR)});
        QCOMPARE(loaded, QStringList{QStringLiteral(FG_TEST_QM_DIR "/fieldguide_de.qm")});
        const fg::MainWindow w(fg::loadCourse(fg::diagramLinks()));
        const QStringList titles = menuTitles(w);
        QVERIFY2(titles.contains(QStringLiteral("&Datei")), qPrintable(titles.join(' ')));
        QVERIFY(!titles.contains(QStringLiteral("&File")));
        QVERIFY(titles.contains(QStringLiteral("&View"))); // not translated: the English source
    }

    // The live diagrams' titles are made once, at their first use, which in the app comes before
    // the translator is installed (the course starts loading before QApplication exists): they
    // were English under any translation. Made first here too, they show translated in the
    // Diagrams menu, on the diagram's tab and its tooltip, and on the card in its chapter.
    void theDiagramTitlesMadeBeforeTheTranslatorAreTranslated() {
        const fg::LiveDiagram* redis = fg::liveDiagram(QStringLiteral("hashslot"));
        QVERIFY(redis);
        QCOMPARE(redis->title(), QStringLiteral("Redis Cluster hash slots"));
        fg::useLanguage(*qApp, QLocale(QStringLiteral("de_DE")), {QStringLiteral(FG_TEST_QM_DIR)});
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks()));
        const QStringList menu = menuEntries(w, QStringLiteral("&Diagrams"));
        QVERIFY2(menu.contains(kGermanRedisTitle), qPrintable(menu.join(QStringLiteral(" | "))));
        QVERIFY(!menu.contains(QStringLiteral("Redis Cluster hash slots")));
        w.openDiagram(QStringLiteral("hashslot"));
        const int tab = w.tabs()->currentIndex();
        QCOMPARE(w.tabs()->tabText(tab), kGermanRedisTitle);
        QCOMPARE(w.tabs()->tabToolTip(tab), kGermanRedisTitle);
        const int chapter = w.course().indexOf(QStringLiteral("redis"));
        QVERIFY(chapter >= 0);
        const QString card = fg::chapterHtml(w.course().chapters[static_cast<std::size_t>(chapter)],
                                             fg::Theme::light(), 16, fg::diagramLinks());
        QVERIFY(card.contains(kGermanRedisTitle));
    }

    // The same for the simulators' rows: the quorum simulator's tab in German.
    void theSimulatorsTitlesMadeBeforeTheTranslatorAreTranslated() {
        fg::useLanguage(*qApp, QLocale(QStringLiteral("de_DE")), {QStringLiteral(FG_TEST_QM_DIR)});
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks()));
        w.openTool(QStringLiteral("quorum"));
        QCOMPARE(w.tabs()->tabText(w.tabs()->currentIndex()), QStringLiteral("Quoren"));
    }

    // The language chosen (--lang, FIELDGUIDE_LANG) is the default locale: a number the window
    // writes is written as German writes it, not as the system does, and Qt's own buttons are
    // in German (Qt's translation, qt6-translations-l10n).
    void theChosenLanguageWritesTheNumbersAndQtsWords() {
        qputenv("FIELDGUIDE_LANG", "de_DE");
        fg::useLanguage(*qApp, fg::uiLocale(), {QStringLiteral(FG_TEST_QM_DIR)});
        QCOMPARE(QLocale().name(), QStringLiteral("de_DE"));
        QCOMPARE(QStringLiteral("%L1").arg(1234567), QStringLiteral("1.234.567"));
        const fg::CacheView cache; // the cache simulator: its skew s is 1.0
        const auto* skew = cache.findChild<QDoubleSpinBox*>();
        QVERIFY(skew);
        QCOMPARE(skew->text(), QStringLiteral("1,00"));
        const QDialogButtonBox buttons(QDialogButtonBox::Cancel);
        QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Abbrechen"));
    }

    void aLanguageWithNoTranslationStaysEnglish() {
        QVERIFY(fg::installTranslations(*qApp, QLocale(QStringLiteral("fr_FR")),
                                        {QStringLiteral(FG_TEST_QM_DIR)})
                    .isEmpty());
        const fg::MainWindow w(fg::loadCourse(fg::diagramLinks()));
        QVERIFY(menuTitles(w).contains(QStringLiteral("&File")));
    }

    // The app looks beside its build (build/translations) and its install
    // (share/fieldguide/translations), FIELDGUIDE_TRANSLATIONS_DIR first.
    void theFoldersLookedInStartWithTheOverride() {
        qputenv("FIELDGUIDE_TRANSLATIONS_DIR", "/somewhere");
        const QStringList folders = fg::translationFolders();
        qunsetenv("FIELDGUIDE_TRANSLATIONS_DIR");
        QCOMPARE(folders.size(), 3);
        QCOMPARE(folders[0], QStringLiteral("/somewhere"));
        QVERIFY(folders[1].endsWith(QStringLiteral("/../translations")));
        QVERIFY(folders[2].endsWith(QStringLiteral("/../share/fieldguide/translations")));
    }

private:
    const QLocale startLocale_;
};

FG_TEST_MAIN(TestAppTranslations)
#include "test_app_translations.moc"
