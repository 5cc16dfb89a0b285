// The window in the learner's language: with a translation built for it (here a one-string German
// one, data/translations/fieldguide_de.ts made a .qm at build time), the window's words come from
// it; with none for the language, the window stays English.
#include "app/app_translations.h"
#include "app/main_window.h"
#include "models/course/content_loader.h"
#include "tests/app/app_test_support.h"
#include "tests/suite_main.h"
#include "widgets/diagrams/diagram_registry.h"

#include <QMenuBar>
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
    void initTestCase() { useOwnTestSettings("app-translations"); }
    void cleanup() {
        removeTranslators();
        qunsetenv("FIELDGUIDE_LANG");
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
};

FG_TEST_MAIN(TestAppTranslations)
#include "test_app_translations.moc"
